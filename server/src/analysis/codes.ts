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
  // What the API server rejects (issue #6; pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec)
  SelectorEmpty = 'daemonset.selector-empty',
  SelectorMismatch = 'daemonset.selector-mismatch',
  SelectorInvalid = 'daemonset.selector-invalid',
  RollingUpdateBothZero = 'daemonset.rolling-update-both-zero',
  RollingUpdateBothSet = 'daemonset.rolling-update-both-set',
  RollingUpdateValue = 'daemonset.rolling-update-value',
  NegativeValue = 'daemonset.negative-value',
  RestartPolicy = 'daemonset.restart-policy',
  ActiveDeadlineSeconds = 'daemonset.active-deadline-seconds',
  NameInvalid = 'daemonset.name-invalid',
  LabelInvalid = 'daemonset.label-invalid',
  PodTemplateInvalid = 'daemonset.pod-template-invalid',
  // Accepted, but surely unintended (issue #6)
  RollingUpdateIgnored = 'daemonset.rolling-update-ignored',
  DuplicateName = 'daemonset.duplicate-name',
  QuantityInvalid = 'daemonset.quantity-invalid',
  EnvDuplicate = 'daemonset.env-duplicate',
  HostAliasDuplicate = 'daemonset.host-alias-duplicate',
  ImagePullSecretDuplicate = 'daemonset.image-pull-secret-duplicate',
  ImagePullSecretEmpty = 'daemonset.image-pull-secret-empty',
  PortDuplicate = 'daemonset.port-duplicate',
  HostIpWithoutHostPort = 'daemonset.host-ip-without-host-port',
  // What the cluster will do (issue #6): the configured cluster, by default the embedded one
  PlacementNoNodes = 'placement.no-nodes',
  PlacementUntoleratedTaint = 'placement.untolerated-taint',
  PlacementPending = 'placement.pending',
  PlacementUnknownLabel = 'placement.unknown-label',
  PlacementAffinityInvalid = 'placement.affinity-invalid',
  PlacementRuntimeClassNotFound = 'placement.runtime-class-not-found',
  RolloutSurgeHostPort = 'rollout.surge-host-port',
  RolloutStall = 'rollout.stall',
  RolloutSlow = 'rollout.slow',
  // Production practice (issue #6): each can be turned off in daemonscope.rules
  RequestsMissing = 'daemonset.requests-missing',
  MemoryLimitMissing = 'daemonset.memory-limit-missing',
  HostNetworkDns = 'daemonset.host-network-dns',
  ImageLatest = 'daemonset.image-latest',
  PriorityClassMissing = 'daemonset.priority-class-missing',
  SelectorOverlap = 'daemonset.selector-overlap',
  FeatureVersion = 'daemonset.feature-version',
  // Cluster sources
  ClusterFileNotFound = 'cluster.file-not-found',
  ClusterFileInvalid = 'cluster.file-invalid',
}
