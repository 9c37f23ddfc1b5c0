/**
 * `maxSurge` with a host port: in surge mode the controller starts the new pod beside the old one
 * (pkg/controller/daemon/update.go `rollingUpdate`), but the old pod holds the host port, so the
 * scheduler's NodePorts filter keeps the new pod Pending for good and the rollout stalls. With
 * `hostNetwork: true` every `containerPort` is a host port (pod defaulting, pkg/apis/core/v1
 * defaults.go `SetDefaults_Pod`). Needs no cluster: it holds on every node.
 */
import { DiagnosticCode } from '../codes';
import type { JsonObject } from '../model';
import { findingAt, longRunningContainers, podSpecPath, record, recordAt } from './fields';
import { rollingUpdatePath, strategyPath } from './rollingUpdate';
import type { Rule } from './rule';

/** The first host port the pod binds (`hostPort`, or `containerPort` with hostNetwork), or undefined. */
export function firstHostPort(value: JsonObject): { port: number; viaHostNetwork: boolean } | undefined {
  const hostNetwork = recordAt(value, podSpecPath)?.hostNetwork === true;
  for (const ref of longRunningContainers(value)) {
    const ports = ref.container.ports;
    if (!Array.isArray(ports)) continue;
    for (const raw of ports) {
      const port = record(raw);
      if (typeof port?.hostPort === 'number' && port.hostPort > 0) return { port: port.hostPort, viaHostNetwork: false };
      if (hostNetwork && typeof port?.containerPort === 'number') return { port: port.containerPort, viaHostNetwork: true };
    }
  }
  return undefined;
}

/** Whether the DaemonSet surges: RollingUpdate with a non-zero `maxSurge` written. */
export function surges(value: JsonObject): boolean {
  const strategy = recordAt(value, strategyPath);
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return false;
  const surge = recordAt(value, rollingUpdatePath)?.maxSurge;
  if (typeof surge === 'number') return surge > 0;
  return typeof surge === 'string' && /^[0-9]+%$/.test(surge) && Number(surge.slice(0, -1)) > 0;
}

export const surgeHostPortRule: Rule = {
  name: 'surgeHostPort',
  codes: [DiagnosticCode.RolloutSurgeHostPort],
  check(model) {
    if (!surges(model.value)) return [];
    const hostPort = firstHostPort(model.value);
    if (!hostPort) return [];
    const why = hostPort.viaHostNetwork ? `with \`hostNetwork: true\`, containerPort ${hostPort.port} is a host port` : `host port ${hostPort.port} is taken`;
    return [
      findingAt(model, {
        code: DiagnosticCode.RolloutSurgeHostPort,
        severity: 'warning',
        message: `A surge pod can never start beside the old one (${why} by the old pod), so the rolling update stalls on the first nodes it surges. Use \`maxUnavailable\` instead of \`maxSurge\`.`,
        path: [...rollingUpdatePath, 'maxSurge'],
      }),
    ];
  },
};
