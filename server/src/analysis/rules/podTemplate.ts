/**
 * What the API server's generic pod template validation rejects beyond the schema, for the
 * mistakes people make in DaemonSets (pkg/apis/core/validation/validation.go, reached from
 * `ValidateDaemonSetSpec` through `ValidatePodTemplateSpec`):
 * - `ephemeralContainers` in a template ("ephemeral containers not allowed in pod template",
 *   `ValidatePodTemplateSpec`);
 * - two containers with one name, init containers included (`validateInitContainers` /
 *   `validateContainers`: "Duplicate value");
 * - two volumes with one name (`ValidateVolumes`: "Duplicate value");
 * - a `volumeMounts` entry naming no volume of the pod ("Not found") or a mount path used twice
 *   in one container ("must be unique"), `ValidateVolumeMounts`;
 * - an env var name or `envFrom` prefix the target version rejects (`ValidateEnv`,
 *   `ValidateEnvFrom`; see `envVarNameProblem`);
 * - a container port name that is not an IANA_SVC_NAME, or one port name used twice in one
 *   container (`validateContainerPorts`: "Duplicate value"; see `portNameProblems`);
 * - one host port (protocol, hostIP, hostPort) twice across the regular containers, or twice in
 *   one init container (`checkHostPortConflicts` / `AccumulateUniqueHostPorts`); before Kubernetes
 *   1.28 a `hostNetwork: true` template's missing `hostPort` is its `containerPort`
 *   (`templateDefaultsHostPorts`), so two ports with one `containerPort` collide there.
 * Each of these applies to init containers too (`validateContainerCommon`).
 */
import { DiagnosticCode } from '../codes';
import type { PathSegment } from '../path';
import { suggest } from '../suggest';
import type { Finding } from '../types';
import { minorVersion } from './featureVersion';
import { allContainers, findingAt, podPorts, podSpecPath, record, recordAt, type ContainerRef } from './fields';
import { hostPortDefaultingNote, templateDefaultsHostPorts } from './portDuplicate';
import type { Rule } from './rule';

const code = DiagnosticCode.PodTemplateInvalid;

/**
 * The first minor version whose API server accepts relaxed env var names by default: the
 * RelaxedEnvironmentVariableValidation gate is alpha (off) in 1.30–1.31, beta (on) in 1.32–1.33
 * and GA (locked on) from 1.34 (kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/RelaxedEnvironmentVariableValidation.md).
 */
export const relaxedEnvVarNamesFrom = 32;

// apimachinery pkg/util/validation/validation.go: envVarNameFmt (IsEnvVarName) and the printable
// ASCII other than '=' of IsRelaxedEnvVarName (unicode.IsPrint counts the space).
const strictEnvVarName = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const relaxedEnvVarName = /^[\x20-\x3c\x3e-\x7e]+$/;

/**
 * Why the API server rejects env var name (or `envFrom` prefix) `name`, or undefined when it
 * accepts it. `relaxed`: the RelaxedEnvironmentVariableValidation gate is on
 * (`IsRelaxedEnvVarName`); otherwise `IsEnvVarName`, which also refuses `.`, `..` and a leading
 * `..` (`hasChDirPrefix`). Every name the relaxed check refuses, the strict one refuses too.
 */
export function envVarNameProblem(name: string, relaxed: boolean): string | undefined {
  if (name === '') return 'must not be empty';
  if (!relaxedEnvVarName.test(name)) return 'may contain only printable ASCII characters (a space included) other than `=`';
  if (relaxed) return undefined;
  if (!strictEnvVarName.test(name)) return 'may contain only letters, digits, `_`, `-` and `.`, and must not start with a digit';
  if (name === '.' || name.startsWith('..')) return 'must not be `.` or start with `..`';
  return undefined;
}

/**
 * Why `name` is not a valid container port name (an IANA_SVC_NAME, apimachinery
 * pkg/util/validation/validation.go `IsValidPortName`), each reason once; empty when it is valid.
 */
export function portNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length > 15) problems.push('is longer than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) problems.push('may contain only lowercase letters, digits and `-`');
  if (!/[a-z]/.test(name)) problems.push('must contain a lowercase letter');
  if (name.includes('--')) problems.push('must not contain `--`');
  if (name.startsWith('-') || name.endsWith('-')) problems.push('must not start or end with `-`');
  return problems;
}

export const podTemplateRule: Rule = {
  name: 'podTemplate',
  codes: [code],
  check(model, context) {
    const podSpec = recordAt(model.value, podSpecPath);
    if (!podSpec) return [];
    const findings: Finding[] = [];
    const at = (path: PathSegment[], message: string, prefer: 'key' | 'value' = 'value', data?: unknown): void => {
      findings.push(findingAt(model, { code, severity: 'error', message, path, prefer, ...(data !== undefined ? { data, fixable: true } : {}) }));
    };

    if (Array.isArray(podSpec.ephemeralContainers) && podSpec.ephemeralContainers.length > 0) {
      at([...podSpecPath, 'ephemeralContainers'], '`ephemeralContainers` are not allowed in a pod template: the API server rejects them. Ephemeral containers are added to a running pod (`kubectl debug`); remove them here.', 'key');
    }

    const containers = allContainers(model.value);
    const seenContainers = new Set<string>();
    for (const ref of containers) {
      if (typeof ref.container.name !== 'string' || ref.container.name === '') continue;
      if (seenContainers.has(ref.name)) at([...ref.path, 'name'], `Another container of this pod is already named \`${ref.name}\`: container names (init containers included) must be unique, so the API server rejects the DaemonSet.`);
      seenContainers.add(ref.name);
    }

    const volumes = Array.isArray(podSpec.volumes) ? podSpec.volumes : [];
    const volumeNames: string[] = [];
    volumes.forEach((item: unknown, index) => {
      const name = record(item)?.name;
      if (typeof name !== 'string' || name === '') return;
      if (volumeNames.includes(name)) at([...podSpecPath, 'volumes', index, 'name'], `Another volume of this pod is already named \`${name}\`: volume names must be unique, so the API server rejects the DaemonSet.`);
      volumeNames.push(name);
    });

    for (const ref of containers) {
      const mounts = ref.container.volumeMounts;
      if (!Array.isArray(mounts)) continue;
      const mountPaths = new Set<string>();
      mounts.forEach((item: unknown, index) => {
        const mount = record(item);
        const mountPath: PathSegment[] = [...ref.path, 'volumeMounts', index];
        const name = mount?.name;
        if (typeof name === 'string' && name !== '' && !volumeNames.includes(name)) {
          const suggestion = suggest(name, volumeNames);
          const hint = suggestion !== undefined ? ` Did you mean \`${suggestion}\`?` : volumeNames.length === 0 ? ' The pod has no `volumes`.' : ` Its volumes: ${volumeNames.map((v) => `\`${v}\``).join(', ')}.`;
          at([...mountPath, 'name'], `Container ${ref.name} mounts volume \`${name}\`, which the pod does not define in \`volumes\`, so the API server rejects the DaemonSet.${hint}`, 'value', suggestion !== undefined ? { path: [...mountPath, 'name'], suggestion } : undefined);
        }
        const path = mount?.mountPath;
        if (typeof path === 'string' && path !== '') {
          if (mountPaths.has(path)) at([...mountPath, 'mountPath'], `Container ${ref.name} mounts two volumes at \`${path}\`: mount paths must be unique in a container, so the API server rejects the DaemonSet.`);
          mountPaths.add(path);
        }
      });
    }

    const target = minorVersion(context.options.kubernetesVersion);
    // An unreadable version: only what every version rejects.
    const relaxed = target === undefined || target >= relaxedEnvVarNamesFrom;
    // Why the API server rejects `name`, with the version when only the strict check refuses it.
    const envProblem = (name: string): string | undefined => {
      const problem = envVarNameProblem(name, relaxed);
      if (problem === undefined || envVarNameProblem(name, true) !== undefined) return problem;
      return `${problem} in Kubernetes 1.${target} (daemonscope.kubernetesVersion), where the RelaxedEnvironmentVariableValidation feature gate is off by default (it is on from 1.${relaxedEnvVarNamesFrom})`;
    };
    for (const ref of containers) {
      const env = Array.isArray(ref.container.env) ? ref.container.env : [];
      env.forEach((item: unknown, index) => {
        const name = record(item)?.name;
        if (typeof name !== 'string') return;
        const problem = envProblem(name);
        if (problem) at([...ref.path, 'env', index, 'name'], `Env var name \`${name}\` of container ${ref.name} ${problem}, so the API server rejects the DaemonSet.`);
      });
      const envFrom = Array.isArray(ref.container.envFrom) ? ref.container.envFrom : [];
      envFrom.forEach((item: unknown, index) => {
        const prefix = record(item)?.prefix;
        if (typeof prefix !== 'string' || prefix === '') return;
        const problem = envProblem(prefix);
        if (problem) at([...ref.path, 'envFrom', index, 'prefix'], `The \`envFrom\` prefix \`${prefix}\` of container ${ref.name} (it starts env var names) ${problem}, so the API server rejects the DaemonSet.`);
      });

      const ports = Array.isArray(ref.container.ports) ? ref.container.ports : [];
      const portNames = new Set<string>();
      ports.forEach((item: unknown, index) => {
        const name = record(item)?.name;
        if (typeof name !== 'string' || name === '') return;
        const path: PathSegment[] = [...ref.path, 'ports', index, 'name'];
        const problems = portNameProblems(name);
        if (problems.length > 0) {
          at(path, `Port name \`${name}\` of container ${ref.name} ${problems.join(', ')}: a port name is an IANA service name (at most 15 lowercase letters, digits and single inner \`-\`, at least one letter), so the API server rejects the DaemonSet.`);
        } else if (portNames.has(name)) {
          at(path, `Container ${ref.name} has two ports named \`${name}\`: port names must be unique in a container, so the API server rejects the DaemonSet.`);
        } else portNames.add(name);
      });
    }

    // Host ports: one (protocol, hostIP, hostPort) once across the regular containers (they share
    // the pod's network), and once within each init container on its own (they run one after
    // another); a hostPort of 0 is none (validateContainers / validateInitContainers with
    // `checkHostPortConflicts`, `AccumulateUniqueHostPorts`: "Duplicate value"). Validation sees
    // the defaulted template, so before 1.28 a hostNetwork port's missing hostPort counts.
    // And with `hostNetwork: true` a regular container's port binds the node's containerPort
    // itself, so a hostPort, when written, must be that port (validation.go
    // `validatePodHostNetworkDeps`: in a pod template 0 is allowed, defaulted when the pod is
    // created; before 1.28 the template was defaulted first and `validateHostNetwork` compared the
    // same two numbers). Init containers are not checked there.
    const hostNetwork = recordAt(model.value, podSpecPath)?.hostNetwork === true;
    const defaults = templateDefaultsHostPorts(model.value, context.options.kubernetesVersion);
    // The host ports taken in the regular containers together, and in each init container.
    const taken = new Map<ContainerRef | 'regular', Map<string, { name: string; defaulted: boolean }>>();
    for (const { port, defaulted, container: ref, index } of podPorts(model.value, defaults)) {
      if (port.hostPort === 0) continue;
      const { hostPort, protocol, hostIP, containerPort } = port;
      if (hostNetwork && ref.list === 'containers' && typeof containerPort === 'number' && hostPort !== containerPort) {
        at(
          [...ref.path, 'ports', index, 'hostPort'],
          `hostPort ${hostPort} of container ${ref.name} differs from its containerPort ${containerPort}: with \`hostNetwork: true\` the container listens on the node's port ${containerPort} itself, so the API server rejects the DaemonSet (hostPort must match containerPort). Set hostPort to ${containerPort} or remove it.`,
        );
      }
      const scope = ref.list === 'containers' ? 'regular' : ref;
      const inScope = taken.get(scope) ?? new Map<string, { name: string; defaulted: boolean }>();
      taken.set(scope, inScope);
      const key = `${protocol}/${hostIP}/${hostPort}`;
      const holder = inScope.get(key);
      if (holder === undefined) {
        inScope.set(key, { name: ref.name, defaulted });
        continue;
      }
      const by = holder.name === ref.name ? 'another of its ports' : `container ${holder.name}`;
      const note = defaulted || holder.defaulted ? hostPortDefaultingNote(context.options.kubernetesVersion) : '';
      at(
        [...ref.path, 'ports', index, defaulted ? 'containerPort' : 'hostPort'],
        `Host port ${hostPort}/${protocol}${hostIP === '' ? '' : ` on ${hostIP}`} of container ${ref.name} is already taken by ${by}: a host port (with its protocol and hostIP) must be unique in the pod${ref.list === 'initContainers' ? "'s init container" : ''}, so the API server rejects the DaemonSet.${note}`,
      );
    }
    return findings;
  },
};
