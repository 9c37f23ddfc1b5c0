/**
 * Container ports the API server accepts with a warning (pkg/api/pod/warnings.go
 * `warningsForPodSpecAndMeta`, the `allPorts` loop over every container, init containers first
 * as `pods.VisitContainersWithPath` visits them). A port is compared with every earlier port of
 * the pod that has the same `containerPort` and protocol (default TCP):
 * - same `hostIP` and `hostPort` (both may be unset): "duplicate port definition";
 * - otherwise, when either has no `hostPort`: "overlapping port definition";
 * - otherwise, the same `hostPort` with a `hostIP` on only one of them: "dangerously ambiguous
 *   port definition" (which one binds is undefined).
 * The finding is on the later `containerPort` and names the first earlier port it matches (the
 * API server repeats the warning once per earlier port). Ports are compared as the API server
 * sees them after defaulting, which depends on `daemonscope.kubernetesVersion`: from 1.28 as
 * written; before 1.28, in a `hostNetwork: true` template, a port without `hostPort` gets
 * `hostPort: <containerPort>` (`templateDefaultsHostPorts`), so two bare ports are still a
 * duplicate but a bare one beside `hostPort: <containerPort>` is a duplicate, not an overlap. A
 * `containerPort` that is not an integer is the schema's business.
 */
import { DiagnosticCode } from '../codes';
import type { JsonObject } from '../model';
import type { PathSegment } from '../path';
import type { Finding } from '../types';
import { minorVersion } from './featureVersion';
import { findingAt, lineOf, podPorts, podSpecPath, recordAt, type PortAsWritten } from './fields';
import type { Rule } from './rule';

/**
 * The first minor version whose API server leaves `hostPort` unset in a pod template with
 * `hostNetwork: true`: kubernetes/kubernetes CHANGELOG/CHANGELOG-1.28.md (#117696, "Now `hostPort`
 * will only be set when an actual Pod is being created") moved `defaultHostNetworkPorts` from
 * `SetDefaults_PodSpec` to `SetDefaults_Pod` (pkg/apis/core/v1/defaults.go); the deprecated feature
 * gate DefaultHostNetworkHostPortsInPodTemplates (off by default, removed in 1.31) brought it back.
 */
export const templateHostPortsUnsetFrom = 28;

/**
 * Whether the API server of `kubernetesVersion` (`1.NN`) fills each missing `hostPort` from
 * `containerPort` in this DaemonSet's pod template: `hostNetwork: true` and a version before 1.28.
 * An unreadable version counts as a current one (no defaulting).
 */
export function templateDefaultsHostPorts(value: JsonObject, kubernetesVersion: string): boolean {
  const target = minorVersion(kubernetesVersion);
  return target !== undefined && target < templateHostPortsUnsetFrom && recordAt(value, podSpecPath)?.hostNetwork === true;
}

/** Why the ports compare as they do when defaulting filled a `hostPort` (for messages). */
export function hostPortDefaultingNote(kubernetesVersion: string): string {
  return ` With \`hostNetwork: true\`, Kubernetes ${kubernetesVersion} (daemonscope.kubernetesVersion) sets a missing \`hostPort\` to the \`containerPort\` in the template; 1.${templateHostPortsUnsetFrom} and later no longer do.`;
}

/** One port as the warning compares it, with where it is written and whose it is. */
interface PortEntry extends PortAsWritten {
  containerPort: number;
  path: PathSegment[];
  owner: string;
  /** Its `hostPort` came from defaulting, not from the file. */
  defaulted: boolean;
}

/** How the API server words its warning when `later` repeats `earlier` (same port and protocol), or undefined. */
export function portWarningKind(later: Pick<PortEntry, 'hostIP' | 'hostPort'>, earlier: Pick<PortEntry, 'hostIP' | 'hostPort'>): 'duplicate' | 'overlapping' | 'ambiguous' | undefined {
  if (later.hostIP === earlier.hostIP && later.hostPort === earlier.hostPort) return 'duplicate';
  if (later.hostPort === 0 || earlier.hostPort === 0) return 'overlapping';
  if (later.hostPort === earlier.hostPort && (later.hostIP === '') !== (earlier.hostIP === '')) return 'ambiguous';
  return undefined;
}

const explanation = {
  duplicate: 'a duplicate port definition, which the API server warns about. Remove one.',
  overlapping: 'one has a `hostPort` and the other none, an overlapping port definition, which the API server warns about.',
  ambiguous: 'the same `hostPort`, one with a `hostIP` and one without, a dangerously ambiguous port definition (the API server warns): which one binds is undefined.',
} as const;

export const portDuplicateRule: Rule = {
  name: 'portDuplicate',
  codes: [DiagnosticCode.PortDuplicate],
  check(model, context) {
    const findings: Finding[] = [];
    const seen = new Map<string, PortEntry[]>();
    const defaults = templateDefaultsHostPorts(model.value, context.options.kubernetesVersion);
    for (const { port, defaulted, container, index, owner } of podPorts(model.value, defaults)) {
      const containerPort = port.containerPort;
      if (typeof containerPort !== 'number' || !Number.isInteger(containerPort)) continue;
      const entry: PortEntry = { ...port, containerPort, path: [...container.path, 'ports', index, 'containerPort'], owner, defaulted };
      const key = `${entry.containerPort}/${entry.protocol}`;
      const others = seen.get(key) ?? [];
      for (const other of others) {
        const kind = portWarningKind(entry, other);
        if (kind === undefined) continue;
        const line = lineOf(model, context.file.lineCounter, other.path);
        const where = other.owner === owner ? 'an earlier one' : `one of ${other.owner}`;
        findings.push(
          findingAt(model, {
            code: DiagnosticCode.PortDuplicate,
            severity: 'warning',
            message: `Port ${key} of ${owner} repeats ${where} (line ${line}): ${explanation[kind]}${entry.defaulted || other.defaulted ? hostPortDefaultingNote(context.options.kubernetesVersion) : ''}`,
            path: entry.path,
            prefer: 'value',
          }),
        );
        break;
      }
      seen.set(key, [...others, entry]);
    }
    return findings;
  },
};
