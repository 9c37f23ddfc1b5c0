/**
 * What the preview webview draws, built on the extension side from a preview result so the
 * webview script stays a dumb renderer and the shaping is unit-tested: per DaemonSet a node grid
 * grouped by zone (or role when no node has a zone), and the rollout as wave columns. Pure.
 */
import type { ClusterNodeInfo, EditorDaemonSetPreview, EditorImpactResult, EditorPreviewResult, Placement, PlacementReason } from '../../../server/src/protocol';
import { impactLine } from './impactText';
import { nodeTooltip, zoneLabel } from './placementModel';
import { countPlacements, daemonSetKey, describeCluster, describeRollout, describeStrategy, formatDuration, plural } from './summary';

/** One node tile. */
export interface TileModel {
  node: string;
  placement: Placement;
  reason: PlacementReason | null;
  /** Hover text: the engine's detail, then labels and taints. */
  tooltip: string;
}

/** A titled set of tiles (a zone, a role, or all nodes). */
export interface TileGroupModel {
  title: string;
  tiles: TileModel[];
}

/** The rollout timeline of one DaemonSet. `waves` is empty for OnDelete (see `note`). */
export interface TimelineModel {
  strategy: string;
  summary: string;
  waves: string[][];
  stall: { nodes: string[]; reason: string } | null;
  duration: string;
  /** A sentence shown instead of columns (OnDelete, nothing to roll). */
  note: string;
}

/** One DaemonSet section of the panel. */
export interface DaemonSetViewModel {
  key: string;
  name: string;
  namespace: string;
  summary: string;
  counts: { runs: number; pending: number; skipped: number; total: number };
  groupedBy: 'zone' | 'role' | 'none';
  groups: TileGroupModel[];
  timeline: TimelineModel;
  /** Fleet overhead, "Reserves 700m CPU and 1.4 GiB across 7 nodes — 1.9% of their CPU, …" ('' when unknown). */
  overhead: string;
  /** The rollout impact of the edits since the last commit; null when none (not in git, unchanged). */
  impact: { text: string; rollout: boolean } | null;
}

/** Everything the webview renders; plain JSON (posted with `postMessage`). */
export interface PreviewViewModel {
  uri: string;
  fileName: string;
  cluster: string;
  problems: string[];
  daemonsets: DaemonSetViewModel[];
}

const rolePrefix = 'node-role.kubernetes.io/';

/** Builds the panel's model. `fileName` is for the heading only; `impact` is the edit's rollout impact, if known. */
export function buildPreviewModel(result: EditorPreviewResult, fileName: string, impact: EditorImpactResult | null = null): PreviewViewModel {
  const nodes = new Map((result.clusterNodes ?? []).map((n) => [n.name, n]));
  return {
    uri: result.uri,
    fileName,
    cluster: describeCluster(result.cluster),
    problems: result.problems,
    daemonsets: result.daemonsets.map((ds) => daemonSetModel(ds, nodes, impact)),
  };
}

function daemonSetModel(ds: EditorDaemonSetPreview, nodes: Map<string, ClusterNodeInfo>, impact: EditorImpactResult | null): DaemonSetViewModel {
  const c = countPlacements(ds);
  const tiles = ds.nodes.map((n) => ({ node: n.node, placement: n.placement, reason: n.reason, tooltip: nodeTooltip(n, nodes.get(n.node)) }));
  const { groupedBy, groups } = groupTiles(tiles, nodes);
  const summary = `runs on ${c.runs} of ${c.total} ${plural(c.total, 'node')}` + (c.pending > 0 ? `, ${c.pending} pending` : '') + (c.skipped > 0 ? `, ${c.skipped} skipped` : '');
  return {
    key: daemonSetKey(ds),
    name: ds.name,
    namespace: ds.namespace,
    summary,
    counts: { runs: c.runs, pending: c.pending, skipped: c.skipped, total: c.total },
    groupedBy,
    groups,
    timeline: timelineModel(ds),
    overhead: ds.overheadText ? capitalise(ds.overheadText.sentence) : '',
    impact: impactLine(impact, daemonSetKey(ds)),
  };
}

/** Zone label when any node has one, else the node-role label, else one group. */
export function groupTiles(tiles: TileModel[], nodes: Map<string, ClusterNodeInfo>): { groupedBy: DaemonSetViewModel['groupedBy']; groups: TileGroupModel[] } {
  const zoneOf = (t: TileModel) => nodes.get(t.node)?.labels[zoneLabel];
  const roleOf = (t: TileModel) => {
    const labels = nodes.get(t.node)?.labels ?? {};
    const roles = Object.keys(labels).filter((k) => k.startsWith(rolePrefix)).map((k) => k.slice(rolePrefix.length)).sort();
    return roles.length > 0 ? roles.join(', ') : undefined;
  };
  const by = tiles.some((t) => zoneOf(t) !== undefined) ? 'zone' : tiles.some((t) => roleOf(t) !== undefined) ? 'role' : 'none';
  if (by === 'none') return { groupedBy: 'none', groups: tiles.length === 0 ? [] : [{ title: 'Nodes', tiles }] };
  const keyOf = by === 'zone' ? zoneOf : roleOf;
  const groups = new Map<string, TileModel[]>();
  for (const t of tiles) {
    const key = keyOf(t) ?? '';
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const other = by === 'zone' ? 'No zone' : 'No role';
  const titles = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return { groupedBy: by, groups: titles.map((title) => ({ title: title === '' ? other : title, tiles: groups.get(title)! })) };
}

function timelineModel(ds: EditorDaemonSetPreview): TimelineModel {
  const { rollout } = ds;
  const base = { strategy: describeStrategy(ds), summary: describeRollout(ds), duration: formatDuration(rollout.estimatedSeconds) };
  if (rollout.strategy === 'OnDelete' || rollout.waves === null) {
    return { ...base, waves: [], stall: null, note: 'OnDelete: nothing changes until someone deletes a pod; the controller then creates the new version on that node.' };
  }
  const note = rollout.waves.length === 0 && rollout.stall === null ? 'Nothing to roll: no node should run this pod.' : '';
  return { ...base, waves: rollout.waves, stall: rollout.stall, note };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
