/**
 * Plain-text summaries of a DaemonSet preview, shared by the CodeLens, the status item, the trees
 * and the panel. Pure (no `vscode` import) so the wording is unit-tested without an editor. These
 * only count and format what the server's engine computed; nothing is re-simulated here.
 */
import type { ClusterInfo, DaemonSetPreview, EditorDaemonSetPreview, EditorPreviewResult, Placement } from '../../../server/src/protocol';

/** Node counts of one DaemonSet. `should` = runs + pending (the nodes the rollout budget is a percent of). */
export interface PlacementCounts {
  runs: number;
  pending: number;
  skipped: number;
  total: number;
  should: number;
}

/** Counts nodes by placement. */
export function countPlacements(ds: DaemonSetPreview): PlacementCounts {
  const counts = { runs: 0, pending: 0, skipped: 0 } satisfies Record<Placement, number>;
  for (const node of ds.nodes) counts[node.placement]++;
  return { ...counts, total: ds.nodes.length, should: counts.runs + counts.pending };
}

/** "~40 s", "~2 min", "~1 h 5 min"; `null` (unknown) gives "". Seconds are whole, non-negative. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `~${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `~${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `~${hours} h` : `~${hours} h ${rest} min`;
}

/** "namespace/name" — the key a DaemonSet is known by in one file. */
export function daemonSetKey(ds: { name: string; namespace: string }): string {
  return `${ds.namespace}/${ds.name}`;
}

/** "embedded · 10 nodes", "nodes.yaml · 3 nodes" or "context prod-eu · 120 nodes": which cluster a preview was computed on ("no cluster loaded" when it could not be). */
export function describeCluster(cluster: ClusterInfo): string {
  if (cluster.source === '') return 'no cluster loaded';
  // A live source is "context NAME"; context names may hold slashes (EKS ARNs), so keep it whole.
  const source = cluster.source === 'embedded' || cluster.source.startsWith('context ') ? cluster.source : baseName(cluster.source);
  return `${source} · ${cluster.nodes} ${plural(cluster.nodes, 'node')}`;
}

/** "1 node", "2 nodes". */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/**
 * The rollout's budget as a person reads it: "maxUnavailable 25% of 8 → 2", "maxSurge 1",
 * "maxUnavailable 1 (default)"; "" for OnDelete.
 */
export function describeBudget(ds: DaemonSetPreview & { written?: EditorDaemonSetPreview['written'] }): string {
  const { rollout } = ds;
  if (rollout.strategy === 'OnDelete') return '';
  const surge = rollout.maxSurge > 0;
  const field = surge ? 'maxSurge' : 'maxUnavailable';
  const resolved = surge ? rollout.maxSurge : rollout.maxUnavailable;
  const written = ds.written?.[field];
  if (written === undefined) return `${field} ${resolved}${surge ? '' : ' (default)'}`;
  if (written.trim().endsWith('%')) return `${field} ${written.trim()} of ${countPlacements(ds).should} → ${resolved}`;
  if (written.trim() !== String(resolved)) return `${field} ${written.trim()} → ${resolved}`;
  return `${field} ${resolved}`;
}

/** "RollingUpdate, maxUnavailable 25% of 8 → 2" or "OnDelete". */
export function describeStrategy(ds: EditorDaemonSetPreview | DaemonSetPreview): string {
  const budget = describeBudget(ds);
  return budget === '' ? ds.rollout.strategy : `${ds.rollout.strategy}, ${budget}`;
}

/** "4 waves, ~2 min", "stalls after 2 waves", "OnDelete", "nothing to roll". */
export function describeRollout(ds: DaemonSetPreview): string {
  const { rollout } = ds;
  if (rollout.strategy === 'OnDelete' || rollout.waves === null) return 'OnDelete';
  const waves = rollout.waves.length;
  if (rollout.stall !== null) return `stalls after ${waves} ${plural(waves, 'wave')}`;
  if (waves === 0) return 'nothing to roll';
  const duration = formatDuration(rollout.estimatedSeconds);
  return `${waves} ${plural(waves, 'wave')}${duration === '' ? '' : `, ${duration}`}`;
}

/** The CodeLens title: "runs on 7/10 nodes · 1 pending · rollout 4 waves, ~2 min · reserves 700m CPU, 1.4 GiB (1.9% of CPU)". */
export function describeLens(ds: DaemonSetPreview & { overheadText?: EditorDaemonSetPreview['overheadText'] }): string {
  const c = countPlacements(ds);
  const parts = [`runs on ${c.runs}/${c.total} ${plural(c.total, 'node')}`];
  if (c.pending > 0) parts.push(`${c.pending} pending`);
  parts.push(`rollout ${describeRollout(ds)}`);
  // Worded by the server (the engine's describeOverheadShort); '' when it reserves nothing.
  const overhead = ds.overheadText?.short ?? '';
  if (overhead !== '') parts.push(overhead);
  return parts.join(' · ');
}

/** Status-bar text and whether it deserves the warning colour (0 nodes run it, or any pending, or a stall). */
export interface StatusSummary {
  text: string;
  tooltip: string;
  warning: boolean;
}

/**
 * The status item for a document: the DaemonSet at `line` (0-based) if any, else the first.
 * `null` when the document has no DaemonSet preview.
 */
export function summarizeStatus(result: EditorPreviewResult | null, line: number | null): StatusSummary | null {
  if (result === null || result.daemonsets.length === 0) return null;
  const current = (line === null ? undefined : result.daemonsets.find((ds) => ds.range.start.line <= line && line <= ds.range.end.line)) ?? result.daemonsets[0]!;
  const c = countPlacements(current);
  const warning = c.runs === 0 || c.pending > 0 || current.rollout.stall !== null;
  const lines = result.daemonsets.map((ds) => `${daemonSetKey(ds)}: ${describeLens(ds)}`);
  lines.push(`Cluster: ${describeCluster(result.cluster)}`, 'Click to open the placement preview.');
  return { text: `$(server) ${c.runs}/${c.total} ${plural(c.total, 'node')}`, tooltip: lines.join('\n'), warning };
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
