/**
 * Production practice: a long-running container without a memory limit. A leaking daemon on
 * every node can then take memory from every workload until the node runs out
 * (kubernetes.io/docs/concepts/configuration/manage-resources-containers). Information: some
 * teams deliberately leave limits off.
 */
import { DiagnosticCode } from '../codes';
import type { Finding } from '../types';
import { findingAt, longRunningContainers } from './fields';
import { containerResources } from './resources';
import type { Rule } from './rule';

export const memoryLimitRule: Rule = {
  name: 'memoryLimit',
  codes: [DiagnosticCode.MemoryLimitMissing],
  check(model) {
    const findings: Finding[] = [];
    for (const ref of longRunningContainers(model.value)) {
      if (containerResources(model.value, ref).memoryLimit) continue;
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.MemoryLimitMissing,
          severity: 'info',
          message: `Container ${ref.name} has no memory limit: a leak in a daemon runs on every node at once and can starve each node's workloads. Set \`resources.limits.memory\`.`,
          path: [...ref.path, 'resources'],
        }),
      );
    }
    return findings;
  },
};
