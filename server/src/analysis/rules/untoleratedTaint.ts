/**
 * Nodes skipped because of a taint the daemon pod does not tolerate (daemon_controller.go
 * `predicates` with `FindMatchingUntoleratedTaint`; the controller's own tolerations,
 * `AddOrUpdateDaemonPodTolerations`, count as tolerated). Often intended (control-plane or GPU
 * nodes), so information: one finding per DaemonSet listing every untolerated taint with its
 * nodes (the controller stops at the first untolerated taint of a node; a node with two needs
 * both tolerated, so all are listed), with quick fixes that add the matching tolerations.
 */
import { formatTaint, untoleratedTaintsOf, type Taint } from '../../engine';
import { DiagnosticCode } from '../codes';
import { clusterView, listNames, plural } from './clusterRule';
import { findingAt, podSpecPath } from './fields';
import type { Rule } from './rule';

/** One taint to tolerate, as fix data carries it (`value` is '' for a taint without one). */
export interface TaintData {
  key: string;
  value: string;
  effect: string;
}

/** Fix data: the untolerated taints, sorted as the message lists them. */
export interface TaintFixData {
  taints: TaintData[];
}

export const untoleratedTaintRule: Rule = {
  name: 'untoleratedTaint',
  codes: [DiagnosticCode.PlacementUntoleratedTaint],
  check(model, context) {
    const view = clusterView(model, context);
    if (!view || !view.simulation.counts.byReason.taint) return [];
    const byTaint = new Map<string, { taint: Taint; nodes: string[] }>();
    const skipped = new Set<string>();
    const { cluster } = view.simulation.context;
    for (const node of view.simulation.preview.nodes) {
      if (node.reason !== 'taint') continue;
      const index = cluster.nodeIndex.get(node.node);
      if (index === undefined) continue;
      for (const taint of untoleratedTaintsOf(view.simulation, cluster.nodes[index]!)) {
        const id = formatTaint(taint);
        const entry = byTaint.get(id) ?? { taint, nodes: [] };
        entry.nodes.push(node.node);
        byTaint.set(id, entry);
        skipped.add(node.node);
      }
    }
    const taints = [...byTaint.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (taints.length === 0) return [];
    const on = `Skipped on ${plural(skipped.size, 'node')} of ${view.label}`;
    const message =
      taints.length === 1
        ? `${on} (${listNames(taints[0]![1].nodes)}): taint ${taints[0]![0]} is not tolerated. Add a toleration if the pod belongs there.`
        : `${on}: ${listNames(taints.map(([id, { nodes }]) => `taint ${id} (${listNames(nodes)})`))} are not tolerated. Add tolerations if the pod belongs there.`;
    const data: TaintFixData = { taints: taints.map(([, { taint }]) => ({ key: taint.key, value: taint.value, effect: taint.effect })) };
    return [
      findingAt(model, {
        code: DiagnosticCode.PlacementUntoleratedTaint,
        severity: 'info',
        message,
        path: [...podSpecPath, 'tolerations'],
        data,
        fixable: true,
      }),
    ];
  },
};
