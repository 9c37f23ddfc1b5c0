/**
 * Production practice: a long-running container without cpu or memory requests. The requests of
 * a DaemonSet are its overhead on every node of the fleet, and a container without them is
 * BestEffort (evicted first) or Burstable with no guarantee
 * (kubernetes.io/docs/concepts/configuration/manage-resources-containers,
 * kubernetes.io/docs/concepts/workloads/pods/pod-qos). A warning on the container; the quick fix
 * adds a `resources.requests` block with placeholder values to adjust.
 */
import { DiagnosticCode } from '../codes';
import type { Finding } from '../types';
import { findingAt, longRunningContainers } from './fields';
import { containerResources } from './resources';
import type { Rule } from './rule';

/** Fix data: the container and which requests are missing. */
export interface RequestsFixData {
  path: (string | number)[];
  missing: ('cpu' | 'memory')[];
}

export const requestsMissingRule: Rule = {
  name: 'requestsMissing',
  codes: [DiagnosticCode.RequestsMissing],
  check(model) {
    const findings: Finding[] = [];
    for (const ref of longRunningContainers(model.value)) {
      const { requests } = containerResources(model.value, ref);
      const missing = (['cpu', 'memory'] as const).filter((name) => !requests[name]);
      if (missing.length === 0) continue;
      const what = missing.length === 2 ? 'no cpu or memory request' : `no ${missing[0]} request`;
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.RequestsMissing,
          severity: 'warning',
          message: `Container ${ref.name} has ${what}: a DaemonSet runs on every node, so its requests are the fleet's overhead and what keeps the daemon from being evicted first. Set requests from what it really uses.`,
          path: [...ref.path, 'resources'],
          data: { path: ref.path, missing } satisfies RequestsFixData,
          fixable: true,
        }),
      );
    }
    return findings;
  },
};
