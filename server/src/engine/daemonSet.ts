/**
 * Reads a DaemonSet given as the plain object a YAML document becomes (`doc.toJS()`) into what
 * the simulation needs, with API defaults applied (pkg/apis/apps/v1/defaults.go
 * `SetDefaults_DaemonSet`: RollingUpdate, maxUnavailable 1, maxSurge 0). Values the API server
 * would reject come back as findings with a path into the object; nothing throws.
 */
import { readRequiredAffinity } from './nodeAffinity';
import type { RequiredAffinity } from './nodeAffinity';
import { asRecord, asString, podHostPorts, podRequests, readTolerations } from './podSpec';
import type { ResourceList } from './podSpec';
import { daemonPodTolerations } from './taints';
import type { EngineFinding, HostPort, ObjectPath, Toleration } from './types';

/** An int-or-percent value (`intstr.IntOrString`) after validation. */
export type IntOrPercent = { percent: false; value: number } | { percent: true; value: number };

/** What the simulation reads from a DaemonSet. */
export interface DaemonSetModel {
  name: string;
  /** `default` when absent. */
  namespace: string;
  /** `spec.template.spec.nodeName`, "" when absent. */
  nodeName: string;
  /** `spec.template.spec.nodeSelector` entries in written order. */
  nodeSelector: [string, string][];
  affinity: RequiredAffinity | null;
  /** The template's tolerations followed by the ones the controller adds (`auto: true`). */
  tolerations: Toleration[];
  hostNetwork: boolean;
  /** Effective requests (PodRequests) without RuntimeClass overhead, exact nano-units. */
  requests: ResourceList;
  hostPorts: HostPort[];
  runtimeClassName: string;
  strategy: 'RollingUpdate' | 'OnDelete';
  maxUnavailable: IntOrPercent;
  maxSurge: IntOrPercent;
  /** Path of the field that sets maxUnavailable (or where it would go). */
  rolloutPath: ObjectPath;
  minReadySeconds: number;
  /** The pod template spec as given, for RuntimeClass overhead. */
  podSpec: Record<string, unknown>;
}

export const templateSpecPath: ObjectPath = ['spec', 'template', 'spec'];

/**
 * Reads a DaemonSet object. Returns the model and findings: invalid or negative quantities,
 * invalid maxUnavailable/maxSurge values, both of them 0, invalid node affinity.
 */
export function readDaemonSet(object: unknown): { model: DaemonSetModel; findings: EngineFinding[] } {
  const findings: EngineFinding[] = [];
  const root = asRecord(object) ?? {};
  const metadata = asRecord(root.metadata) ?? {};
  const spec = asRecord(root.spec) ?? {};
  const template = asRecord(spec.template) ?? {};
  const podSpec = asRecord(template.spec) ?? {};

  const requests = podRequests(podSpec, templateSpecPath, (path, message, code) => {
    findings.push({ code, severity: 'error', message, path });
  });

  const nodeSelector: [string, string][] = [];
  const selector = asRecord(podSpec.nodeSelector);
  if (selector) {
    for (const [key, value] of Object.entries(selector)) {
      nodeSelector.push([key, value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)]);
    }
  }

  const affinityPath: ObjectPath = [...templateSpecPath, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'];
  const nodeAffinity = asRecord(asRecord(podSpec.affinity)?.nodeAffinity);
  const affinity = readRequiredAffinity(nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution, affinityPath);
  for (const term of affinity?.terms ?? []) {
    for (const error of term.errors) {
      findings.push({ code: 'affinity.invalid', severity: 'error', message: `${error.message}; this term matches no node`, path: error.path });
    }
  }

  const hostNetwork = podSpec.hostNetwork === true;
  const strategyRecord = asRecord(spec.updateStrategy) ?? {};
  const strategy = strategyRecord.type === 'OnDelete' ? 'OnDelete' : 'RollingUpdate';
  const rollingUpdate = asRecord(strategyRecord.rollingUpdate) ?? {};
  const rollingPath: ObjectPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  const readIntOrPercent = (field: 'maxUnavailable' | 'maxSurge', fallback: number): IntOrPercent => {
    const raw = rollingUpdate[field];
    const result = parseIntOrPercent(raw);
    if (result === null) return { percent: false, value: fallback };
    if ('problem' in result) {
      if (strategy === 'RollingUpdate') {
        findings.push({
          code: 'rollout.invalid-value',
          severity: 'error',
          message: `${field} ${JSON.stringify(raw)} ${result.problem}; the default ${fallback} is shown`,
          path: [...rollingPath, field],
        });
      }
      return { percent: false, value: fallback };
    }
    return result;
  };
  const maxUnavailable = readIntOrPercent('maxUnavailable', 1);
  const maxSurge = readIntOrPercent('maxSurge', 0);
  if (strategy === 'RollingUpdate' && maxUnavailable.value === 0 && maxSurge.value === 0) {
    // pkg/apis/apps/validation/validation.go ValidateRollingUpdateDaemonSet; the controller falls
    // back to maxUnavailable 1 (update.go updatedDesiredNodeCounts).
    findings.push({
      code: 'rollout.both-zero',
      severity: 'error',
      message: 'maxUnavailable and maxSurge are both 0: the API server rejects this (set maxUnavailable: 1, or maxSurge: 1 to surge); the controller would fall back to maxUnavailable 1',
      path: [...rollingPath, 'maxUnavailable'],
    });
  }
  const minReady = spec.minReadySeconds;
  return {
    model: {
      name: asString(metadata.name),
      namespace: asString(metadata.namespace) || 'default',
      nodeName: asString(podSpec.nodeName),
      nodeSelector,
      affinity,
      tolerations: [...readTolerations(podSpec.tolerations), ...daemonPodTolerations(hostNetwork)],
      hostNetwork,
      requests,
      hostPorts: podHostPorts(podSpec),
      runtimeClassName: asString(podSpec.runtimeClassName),
      strategy,
      maxUnavailable,
      maxSurge,
      rolloutPath: rollingUpdate.maxUnavailable !== undefined || rollingUpdate.maxSurge === undefined
        ? [...rollingPath, 'maxUnavailable']
        : [...rollingPath, 'maxSurge'],
      minReadySeconds: typeof minReady === 'number' && Number.isInteger(minReady) && minReady > 0 ? minReady : 0,
      podSpec,
    },
    findings,
  };
}

/**
 * `intstr.IntOrString` as the controller reads it (apimachinery intstr
 * `GetScaledValueFromIntOrPercent`): an integer, or a string `N%` (strconv.Atoi on N). null when
 * absent; `{problem}` for anything the API server would reject (negative values included).
 */
export function parseIntOrPercent(raw: unknown): IntOrPercent | { problem: string } | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return { problem: 'is not an integer or a percentage' };
    if (raw < 0) return { problem: 'must not be negative' };
    return { percent: false, value: raw };
  }
  if (typeof raw === 'string') {
    const match = /^([+-]?[0-9]+)%$/.exec(raw);
    if (!match) return { problem: 'is a string but not a percentage such as "25%"' };
    const value = Number(match[1]);
    if (value < 0) return { problem: 'must not be negative' };
    return { percent: true, value };
  }
  return { problem: 'is not an integer or a percentage' };
}

/** Resolves an int-or-percent against `total`, percent rounded up (update.go `UnavailableCount`, `SurgeCount`). */
export function resolveIntOrPercent(value: IntOrPercent, total: number): number {
  return value.percent ? Math.ceil((value.value * total) / 100) : value.value;
}
