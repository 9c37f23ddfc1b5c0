/**
 * What each diagnostic code means, for tools that list rules apart from their findings (the
 * SARIF `tool.driver.rules` of `daemonscope check --format sarif`): a title, the description and
 * quick fix of its row in docs/rules.md (Markdown, word for word: a unit test compares them), its
 * default severity and the docs section it is listed in.
 */
import { DiagnosticCode } from './codes';
import type { Severity } from './types';

/** One code's entry. */
export interface RuleInfo {
  /** A short title, plain text. */
  title: string;
  /** What the rule catches: the "catches" cell of its row in docs/rules.md (Markdown). */
  description: string;
  /** The "quick fix" cell of its row (Markdown); undefined when it has none. */
  fix?: string;
  /** The severity its findings have unless `daemonscope.rules` says otherwise (the most common one when it varies). */
  severity: Severity;
  /** The heading of the docs/rules.md section that lists it. */
  section: string;
}

const rejected = 'What the API server would reject (error)';
const unintended = 'Accepted, but surely unintended (warning)';
const cluster = 'What the cluster will do';
const practice = 'Production practice (warning or information; each can be turned off)';
const files = 'YAML, schema and files';

/** Every code's entry. */
export const ruleCatalog: Readonly<Record<DiagnosticCode, RuleInfo>> = {
  [DiagnosticCode.YamlSyntax]: {
    title: 'YAML syntax error',
    description: 'a YAML syntax error, at its offset (what the parser only warns about, such as an unknown tag, is a warning); a DaemonSet with a syntax error is not checked further',
    severity: 'error',
    section: files,
  },
  [DiagnosticCode.YamlDuplicateKey]: {
    title: 'Duplicate key',
    description: 'a key written twice in one mapping, on the repeated key',
    severity: 'error',
    section: files,
  },
  [DiagnosticCode.SchemaUnknownField]: {
    title: 'Unknown field',
    description: 'a field the DaemonSet schema does not have, with a did-you-mean among the allowed sibling keys (`maxUnavilable` → `maxUnavailable`)',
    fix: 'rename it to the suggestion',
    severity: 'error',
    section: files,
  },
  [DiagnosticCode.SchemaType]: {
    title: 'Wrong type',
    description: 'a value of the wrong type (`maxUnavailable: [1]`, `containers: {}`, an unquoted `true` where a string is needed)',
    severity: 'error',
    section: files,
  },
  [DiagnosticCode.SchemaEnum]: {
    title: 'Value not allowed',
    description: 'a value outside the allowed ones (`type: Rollingupdate`), with a did-you-mean',
    fix: 'replace it with the suggestion',
    severity: 'error',
    section: files,
  },
  [DiagnosticCode.SchemaRequired]: {
    title: 'Missing required field',
    description: "a missing required field (`spec.selector`, `spec.template`, `containers`, a container's `name`), naming its path",
    fix: 'add `spec.selector` from the template labels',
    severity: 'error',
    section: files,
  },
  [DiagnosticCode.SchemaInvalid]: {
    title: 'Invalid value',
    description: 'any other schema violation, naming the path',
    severity: 'error',
    section: files,
  },
  [DiagnosticCode.TemplatedFile]: {
    title: 'Templated file not analysed',
    description: 'a file with Go or Helm template syntax (`{{ }}`) is not analysed: check the rendered manifests instead',
    severity: 'info',
    section: files,
  },
  [DiagnosticCode.FileTooLarge]: {
    title: 'File too large to analyse',
    description: 'a file larger than `daemonscope.maxFileSize` (default 5 MB) is not analysed',
    severity: 'info',
    section: files,
  },
  [DiagnosticCode.ClusterFileNotFound]: {
    title: 'Cluster file not found',
    description: 'the cluster or pods file a setting names does not exist, so the cluster-aware rules are skipped (the CLI exits 2 instead)',
    severity: 'warning',
    section: files,
  },
  [DiagnosticCode.ClusterFileInvalid]: {
    title: 'Cluster cannot be loaded',
    description: 'the cluster or pods file (or the live context) cannot be read or has the wrong shape, so the cluster-aware rules are skipped (the CLI exits 2 instead)',
    severity: 'warning',
    section: files,
  },
  [DiagnosticCode.SelectorMismatch]: {
    title: 'Selector does not match the template labels',
    description: '`spec.selector` does not match `spec.template.metadata.labels`; the message names each label that differs',
    fix: 'change the labels to match the selector, or the selector to match the labels',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.SelectorEmpty]: {
    title: 'Empty selector',
    description: '`selector: {}` or an empty `matchLabels` ("empty selector is invalid for daemonset")',
    fix: "select the template's labels",
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.SelectorInvalid]: {
    title: 'Invalid selector requirement',
    description: 'a selector requirement `LabelSelectorAsSelector` rejects: `In`/`NotIn` without values, `Exists`/`DoesNotExist` with values, malformed label keys or values',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.RollingUpdateBothSet]: {
    title: 'maxUnavailable and maxSurge both non-zero',
    description: '`maxUnavailable` and `maxSurge` both non-zero, including `maxSurge` written alone (maxUnavailable defaults to 1)',
    fix: 'add `maxUnavailable: 0` (keep the surge), or remove `maxSurge`',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.RollingUpdateBothZero]: {
    title: 'maxUnavailable and maxSurge both 0',
    description: '`maxUnavailable` and `maxSurge` both 0',
    fix: 'set `maxUnavailable: 1`',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.RollingUpdateValue]: {
    title: 'Invalid maxUnavailable or maxSurge',
    description: 'a negative value, a percentage over 100%, or a string that is not a percentage (`"2"`)',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.NegativeValue]: {
    title: 'Negative value',
    description: 'negative `minReadySeconds` or `revisionHistoryLimit`',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.RestartPolicy]: {
    title: 'restartPolicy other than Always',
    description: '`restartPolicy` other than `Always` in the pod template',
    fix: 'set `Always`',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.ActiveDeadlineSeconds]: {
    title: 'activeDeadlineSeconds in a DaemonSet',
    description: '`activeDeadlineSeconds` in the pod template',
    fix: 'remove it',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.PodTemplateInvalid]: {
    title: 'Invalid pod template',
    description:
      'two containers (init containers included) or two volumes with one name, a `volumeMounts` entry naming no volume of the pod (with a did-you-mean) or a mount path used twice in a container, `ephemeralContainers` in the template, an env var name or `envFrom` prefix the target version rejects (`=` or non-printable ASCII always; before 1.32, where RelaxedEnvironmentVariableValidation is off by default, also anything but letters, digits, `_`, `-`, `.` or a leading digit), a port name that is not an IANA service name (at most 15 lowercase letters, digits and single inner `-`, with a letter) or is used twice in a container, a host port (protocol, hostIP, hostPort) used twice across the containers or within one init container (before Kubernetes 1.28, with `hostNetwork: true`, a missing `hostPort` is its `containerPort`), or with `hostNetwork: true` a `hostPort` of a container other than its `containerPort`',
    fix: 'rename the mount to the suggested volume',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.ReplicasInDaemonSet]: {
    title: 'replicas in a DaemonSet',
    description: '`replicas` in a DaemonSet spec',
    fix: 'remove it',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.NameInvalid]: {
    title: 'Invalid or missing name or namespace',
    description: 'a missing name (unless `generateName` is set), a name or `generateName` that is not a lowercase RFC 1123 subdomain, a namespace that is not an RFC 1123 label',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.LabelInvalid]: {
    title: 'Invalid label',
    description: 'a label key or value of the DaemonSet or its pod template that the API server rejects',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.QuantityInvalid]: {
    title: 'Invalid resource quantity',
    description: 'a resource quantity that does not parse (`cpu: lots`) or is negative',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.ApiVersionRemoved]: {
    title: 'Removed apiVersion',
    description: '`extensions/v1beta1` or `apps/v1beta2` (removed in 1.16)',
    fix: 'change to `apps/v1` (adding `spec.selector` from the template labels when missing)',
    severity: 'error',
    section: rejected,
  },
  [DiagnosticCode.RollingUpdateIgnored]: {
    title: 'rollingUpdate ignored with OnDelete',
    description: '`rollingUpdate` given with `type: OnDelete` (ignored)',
    fix: 'remove `rollingUpdate`, or switch to `RollingUpdate`',
    severity: 'warning',
    section: unintended,
  },
  [DiagnosticCode.DuplicateName]: {
    title: 'Duplicate DaemonSet name',
    description: 'two DaemonSets with the same name and namespace in one file (`kubectl apply` keeps the last)',
    severity: 'warning',
    section: unintended,
  },
  [DiagnosticCode.EnvDuplicate]: {
    title: 'Environment variable defined twice',
    description:
      'an env var name defined twice in one container (init containers and sidecars included), on the later `name`: the later definition wins and `kubectl apply` may drop one (the API server warns); a later `value` that uses the earlier one (`$(PATH):/opt/bin`) is fine',
    severity: 'warning',
    section: unintended,
  },
  [DiagnosticCode.HostAliasDuplicate]: {
    title: 'IP listed twice in hostAliases',
    description:
      'one IP listed twice in `hostAliases`, on the later `ip`: /etc/hosts gets it twice (the API server warns); its hostnames belong in one entry',
    severity: 'warning',
    section: unintended,
  },
  [DiagnosticCode.ImagePullSecretDuplicate]: {
    title: 'Image pull secret listed twice',
    description:
      'one Secret name listed twice in `imagePullSecrets`, on the later `name` (the API server warns)',
    severity: 'warning',
    section: unintended,
  },
  [DiagnosticCode.ImagePullSecretEmpty]: {
    title: 'Image pull secret without a name',
    description:
      'an `imagePullSecrets` entry without a name or with `name: ""`: the kubelet has no Secret to read (the API server warns)',
    severity: 'warning',
    section: unintended,
  },
  [DiagnosticCode.PortDuplicate]: {
    title: 'Container port defined twice',
    description:
      'a container port with the same `containerPort` and protocol as an earlier one of the pod (any container, init containers included), on the later `containerPort`, where the API server warns: the same `hostIP` and `hostPort` (duplicate), a `hostPort` on only one of them (overlapping), or one `hostPort` with a `hostIP` on only one (dangerously ambiguous); before Kubernetes 1.28 (`daemonscope.kubernetesVersion`) a `hostNetwork: true` template\'s missing `hostPort` is its `containerPort`, as the API server defaulted it',
    severity: 'warning',
    section: unintended,
  },
  [DiagnosticCode.HostIpWithoutHostPort]: {
    title: 'hostIP without hostPort',
    description:
      'a container port (any container, init containers included) with a `hostIP` but no `hostPort`, on the `hostIP`: it binds nothing, so it has no effect (the API server warns); before Kubernetes 1.28 (`daemonscope.kubernetesVersion`) a `hostNetwork: true` template gets `hostPort` from `containerPort`, so no warning there',
    severity: 'warning',
    section: unintended,
  },
  [DiagnosticCode.RolloutSurgeHostPort]: {
    title: 'maxSurge with a host port',
    description: '`maxSurge` with a `hostPort`, or with `hostNetwork` and any `containerPort`: the surge pod can never start beside the old one',
    severity: 'warning',
    section: unintended,
  },
  [DiagnosticCode.PlacementNoNodes]: {
    title: 'Runs on no node',
    description: 'the DaemonSet runs on no node, with the count per reason (`Runs on 0 of 10 nodes of the embedded cluster: 6 nodeSelector, 4 taint`)',
    severity: 'warning',
    section: cluster,
  },
  [DiagnosticCode.PlacementUntoleratedTaint]: {
    title: 'Nodes skipped for untolerated taints',
    description: 'nodes skipped because of taints the pod does not tolerate, one finding per DaemonSet listing each taint with its nodes (often intended)',
    fix: 'add the matching toleration, one per taint, or all of them at once',
    severity: 'info',
    section: cluster,
  },
  [DiagnosticCode.PlacementPending]: {
    title: 'Pods stay Pending',
    description: 'nodes where the pod is created but stays Pending (host port taken, resources, pod slots, namespace or RuntimeClass node selector), one finding per reason naming the nodes',
    severity: 'warning',
    section: cluster,
  },
  [DiagnosticCode.PlacementUnknownLabel]: {
    title: 'Label no node has',
    description: "a `nodeSelector` or required node-affinity label key or value that no node has, with a did-you-mean among the cluster's labels (`disktype: sdd` → `ssd`)",
    fix: 'replace it with the suggestion',
    severity: 'warning',
    section: cluster,
  },
  [DiagnosticCode.PlacementAffinityInvalid]: {
    title: 'Node affinity that can match no node',
    description: 'a required node-affinity expression that can match no node (`In` without values, `Gt` without an integer, ...)',
    severity: 'warning',
    section: cluster,
  },
  [DiagnosticCode.PlacementRuntimeClassNotFound]: {
    title: 'RuntimeClass not in the cluster',
    description: '`runtimeClassName` naming a RuntimeClass the cluster file does not list (when it lists any)',
    severity: 'info',
    section: cluster,
  },
  [DiagnosticCode.RolloutStall]: {
    title: 'Rolling update will stall',
    description: 'the rolling update will stall: Pending pods use the whole `maxUnavailable` budget, or surge pods cannot fit beside the old ones',
    severity: 'warning',
    section: cluster,
  },
  [DiagnosticCode.RolloutSlow]: {
    title: 'Slow rolling update',
    description: 'the estimated rollout takes longer than `daemonscope.rolloutDurationThresholdMinutes` (default 30)',
    severity: 'info',
    section: cluster,
  },
  [DiagnosticCode.RequestsMissing]: {
    title: 'Container without resource requests',
    description:
      "a container (or sidecar) without a cpu or memory request: a daemon runs on every node, so its requests are the fleet's overhead (a limit alone, or pod-level `resources`, counts)",
    fix: 'add `resources.requests` with placeholder values (snippet tab stops in the editor)',
    severity: 'warning',
    section: practice,
  },
  [DiagnosticCode.MemoryLimitMissing]: {
    title: 'Container without a memory limit',
    description: 'a container (or sidecar) without a memory limit',
    severity: 'info',
    section: practice,
  },
  [DiagnosticCode.HostNetworkDns]: {
    title: 'hostNetwork without ClusterFirstWithHostNet',
    description: '`hostNetwork: true` without `dnsPolicy: ClusterFirstWithHostNet` (cluster names do not resolve)',
    fix: 'set `dnsPolicy: ClusterFirstWithHostNet`',
    severity: 'warning',
    section: practice,
  },
  [DiagnosticCode.ImageLatest]: {
    title: 'Image without a tag or with latest',
    description: 'an image without a tag or with `latest` (digests are fine)',
    severity: 'warning',
    section: practice,
  },
  [DiagnosticCode.PriorityClassMissing]: {
    title: 'No priorityClassName',
    description: 'no `priorityClassName`',
    severity: 'info',
    section: practice,
  },
  [DiagnosticCode.SelectorOverlap]: {
    title: 'Overlapping DaemonSet selectors',
    description: 'two DaemonSets of one namespace in one file whose selectors overlap (the controllers fight over pods)',
    severity: 'warning',
    section: practice,
  },
  [DiagnosticCode.FeatureVersion]: {
    title: 'Feature newer than the target Kubernetes version',
    description:
      'a feature newer than `daemonscope.kubernetesVersion` (default `1.35`): a warning before it is on by default (`maxSurge` before 1.22, sidecar containers before 1.29, pod-level resources before 1.34, `resizePolicy` before 1.33, the `sleep` lifecycle action before 1.30), information while it is beta',
    severity: 'warning',
    section: practice,
  },
};

/** The GitHub anchor of a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}
