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
 * API server repeats the warning once per earlier port). Ports are compared as written: since
 * Kubernetes 1.28 a pod template's `hostPort` is no longer defaulted from `containerPort` under
 * `hostNetwork` (feature gate DefaultHostNetworkHostPortsInPodTemplates). A `containerPort` that is
 * not an integer is the schema's business.
 */
import { DiagnosticCode } from '../codes';
import type { PathSegment } from '../path';
import type { Finding } from '../types';
import { allContainers, findingAt, lineOf, portAsWritten, type PortAsWritten } from './fields';
import type { Rule } from './rule';

/** One port as the warning compares it, with where it is written and whose it is. */
interface PortEntry extends PortAsWritten {
  containerPort: number;
  path: PathSegment[];
  owner: string;
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
    for (const ref of allContainers(model.value)) {
      const ports = ref.container.ports;
      if (!Array.isArray(ports)) continue;
      const owner = `${ref.list === 'initContainers' ? 'init container' : 'container'} ${ref.name}`;
      ports.forEach((raw: unknown, index) => {
        const port = portAsWritten(raw);
        const containerPort = port?.containerPort;
        if (!port || typeof containerPort !== 'number' || !Number.isInteger(containerPort)) return;
        const entry: PortEntry = { ...port, containerPort, path: [...ref.path, 'ports', index, 'containerPort'], owner };
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
              message: `Port ${key} of ${owner} repeats ${where} (line ${line}): ${explanation[kind]}`,
              path: entry.path,
              prefer: 'value',
            }),
          );
          break;
        }
        seen.set(key, [...others, entry]);
      });
    }
    return findings;
  },
};
