/**
 * The DaemonSet runs on no node of the configured cluster: every node is skipped
 * (pkg/controller/daemon/daemon_controller.go `NodeShouldRunDaemonPod`: nodeName, nodeSelector,
 * node affinity, untolerated taints) or its pod stays Pending (the scheduler's filters). A warning
 * with the count per reason, on the field behind the most common reason.
 */
import type { PlacementReason } from '../../engine';
import { DiagnosticCode } from '../codes';
import { clusterView, plural } from './clusterRule';
import { findingAt, podSpecPath } from './fields';
import type { Rule } from './rule';

const reasonOrder: PlacementReason[] = ['nodeName', 'nodeSelector', 'nodeAffinity', 'taint', 'hostPort', 'resources', 'podCount', 'namespaceNodeSelector'];

export const noNodesRule: Rule = {
  name: 'noNodes',
  codes: [DiagnosticCode.PlacementNoNodes],
  check(model, context) {
    const view = clusterView(model, context);
    if (!view || view.nodeCount === 0 || view.simulation.counts.runs > 0) return [];
    const { counts } = view.simulation;
    const parts = reasonOrder.filter((reason) => counts.byReason[reason]).map((reason) => `${counts.byReason[reason]} ${reason}`);
    const engine = view.simulation.findings.find((f) => f.code === 'placement.no-nodes');
    const pending = counts.pending > 0 ? ` (${counts.pending} pending)` : '';
    return [
      findingAt(model, {
        code: DiagnosticCode.PlacementNoNodes,
        severity: 'warning',
        message: `Runs on 0 of ${plural(view.nodeCount, 'node')} of ${view.label}${pending}: ${parts.join(', ')}. See the placement view for each node's reason.`,
        path: engine?.path ?? podSpecPath,
      }),
    ];
  },
};
