/**
 * How the editor words the rollout impact of the edits since the last commit (issue #10), from
 * the server's `daemonscope/impact` answer: a CodeLens per changed DaemonSet ("rolls 8 pods in 4
 * waves, ~2 min", "no rollout: only updateStrategy changed") and a line in the preview panel.
 * Pure (no `vscode` import), so it is unit-tested; nothing is computed here.
 */
import type { EditorDaemonSetImpact, EditorImpactResult } from '../../../server/src/protocol';
import { daemonSetKey } from './summary';

/** One CodeLens: its 0-based line, title and hover text; `key` is "namespace/name" (for the preview). */
export interface ImpactLensModel {
  line: number;
  title: string;
  tooltip: string;
  key: string;
  name: string;
  namespace: string;
}

function tooltipOf(ds: EditorDaemonSetImpact): string {
  const lines = [`Compared with the last commit: ${ds.summary}.`];
  if (ds.changes.length > 0) {
    lines.push('', 'Changed:', ...ds.changes.slice(0, 12).map((path) => `  ${path}`));
    if (ds.changes.length > 12) lines.push(`  … and ${ds.changes.length - 12} more`);
  }
  if (ds.stall) lines.push('', `Stall: ${ds.stall.reason}`);
  return lines.join('\n');
}

/**
 * The lenses of a result: one above each DaemonSet that differs from the committed version
 * (unchanged ones stay quiet), and for each DaemonSet the edit removed, one on the first line.
 */
export function impactLenses(result: EditorImpactResult | null): ImpactLensModel[] {
  if (result === null) return [];
  const lenses: ImpactLensModel[] = [];
  for (const ds of result.daemonsets) {
    if (ds.status === 'unchanged') continue;
    const base = { tooltip: tooltipOf(ds), key: daemonSetKey(ds), name: ds.name, namespace: ds.namespace };
    if (ds.range !== null) lenses.push({ ...base, line: ds.range.start.line, title: `$(git-commit) ${ds.effect}` });
    else lenses.push({ ...base, line: 0, title: `$(git-commit) ${ds.namespace}/${ds.name} ${ds.effect}` });
  }
  return lenses;
}

/** The panel's line for one DaemonSet ("Since the last commit: pod template changed (…): rolls …"), or null. */
export function impactLine(result: EditorImpactResult | null | undefined, key: string): { text: string; rollout: boolean } | null {
  const ds = result?.daemonsets.find((d) => d.status !== 'removed' && daemonSetKey(d) === key);
  if (!ds || ds.status === 'unchanged') return null;
  return { text: `Since the last commit: ${ds.summary}`, rollout: ds.rollout };
}
