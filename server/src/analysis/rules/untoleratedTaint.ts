/**
 * Nodes skipped because of a taint the daemon pod does not tolerate (daemon_controller.go
 * `predicates` with `FindMatchingUntoleratedTaint`; the controller's own tolerations,
 * `AddOrUpdateDaemonPodTolerations`, count as tolerated). Often intended (control-plane or GPU
 * nodes), so information: one finding per taint, listing its nodes, with a quick fix that adds the
 * matching toleration.
 */
import { formatTaint, inspectNode, type Taint } from '../../engine';
import { DiagnosticCode } from '../codes';
import { clusterView, listNames, plural } from './clusterRule';
import { findingAt, podSpecPath } from './fields';
import type { Rule } from './rule';

/** Fix data: the taint to tolerate. */
export interface TaintFixData {
  taint: { key: string; value: string; effect: string };
}

export const untoleratedTaintRule: Rule = {
  name: 'untoleratedTaint',
  codes: [DiagnosticCode.PlacementUntoleratedTaint],
  check(model, context) {
    const view = clusterView(model, context);
    if (!view || !view.simulation.counts.byReason.taint) return [];
    const byTaint = new Map<string, { taint: Taint; nodes: string[] }>();
    for (const node of view.simulation.preview.nodes) {
      if (node.reason !== 'taint') continue;
      for (const taint of inspectNode(view.simulation, node.node)?.untoleratedTaints ?? []) {
        const id = formatTaint(taint);
        const entry = byTaint.get(id) ?? { taint, nodes: [] };
        entry.nodes.push(node.node);
        byTaint.set(id, entry);
      }
    }
    return [...byTaint.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, { taint, nodes }]) =>
        findingAt(model, {
          code: DiagnosticCode.PlacementUntoleratedTaint,
          severity: 'info',
          message: `Skipped on ${plural(nodes.length, 'node')} of ${view.label} (${listNames(nodes)}): taint ${id} is not tolerated. Add a toleration if the pod belongs there.`,
          path: [...podSpecPath, 'tolerations'],
          data: { taint: { key: taint.key, value: taint.value, effect: taint.effect } } satisfies TaintFixData,
          fixable: true,
        }),
      );
  },
};
