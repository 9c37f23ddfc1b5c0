/**
 * Every diagnostic code Daemonscope reports. Values are stable, dotted and public: users put them
 * in `daemonscope.rules`, `.daemonscope.json` and `# daemonscope-disable-next-line` comments.
 * Add new codes; never rename one.
 */
export enum DiagnosticCode {
  // YAML and schema (issue #4)
  YamlSyntax = 'yaml.syntax',
  YamlDuplicateKey = 'yaml.duplicate-key',
  TemplatedFile = 'file.templated',
  FileTooLarge = 'file.too-large',
  SchemaUnknownField = 'schema.unknown-field',
  SchemaType = 'schema.type',
  SchemaEnum = 'schema.enum',
  SchemaRequired = 'schema.required',
  SchemaInvalid = 'schema.invalid',
  ApiVersionRemoved = 'daemonset.api-version-removed',
  ReplicasInDaemonSet = 'daemonset.replicas',
  // Cluster sources
  ClusterFileNotFound = 'cluster.file-not-found',
  ClusterFileInvalid = 'cluster.file-invalid',
}
