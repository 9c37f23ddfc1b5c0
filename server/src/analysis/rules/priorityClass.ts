/**
 * Production practice: no `priorityClassName`. Node agents (log shippers, CNI, CSI, monitoring)
 * usually matter more than the workloads they serve; without a priority the scheduler cannot
 * preempt to place them on a full node and they are evicted as early as any pod
 * (kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption; the built-in
 * `system-node-critical` class, kubernetes.io/docs/tasks/administer-cluster/guaranteed-scheduling-critical-addon-pods).
 * Information.
 */
import { DiagnosticCode } from '../codes';
import { findingAt, podSpecPath, recordAt } from './fields';
import type { Rule } from './rule';

export const priorityClassRule: Rule = {
  name: 'priorityClass',
  codes: [DiagnosticCode.PriorityClassMissing],
  check(model) {
    const podSpec = recordAt(model.value, podSpecPath);
    if (!podSpec || podSpec.priorityClassName !== undefined) return [];
    return [
      findingAt(model, {
        code: DiagnosticCode.PriorityClassMissing,
        severity: 'info',
        message:
          'No `priorityClassName`: on a full node the scheduler cannot preempt other pods to place this daemon, and it is evicted as early as any pod. Node agents often use `system-node-critical` or a PriorityClass of your own.',
        path: podSpecPath,
      }),
    ];
  },
};
