/**
 * Placement tree rows from a preview result: one row per DaemonSet ("fluentd — 7/10 nodes"),
 * groups Runs / Pending / Skipped (or zones) with counts, then the nodes with their reason as
 * description and the engine's detail (plus the node's labels and taints) as tooltip. Pure.
 */
import type { ClusterNodeInfo, EditorDaemonSetPreview, EditorPreviewResult, NodePlacement, Placement } from '../../../server/src/protocol';
import { countPlacements, daemonSetKey, describeCluster, plural } from './summary';
import { placementIcons, type DaemonSetRef, type NodeRef, type TreeNodeModel } from './treeModel';

/** How nodes under a DaemonSet are grouped. */
export type PlacementGrouping = 'placement' | 'zone';

/** The well-known zone label (kubernetes.io/docs/reference/labels-annotations-taints/#topologykubernetesiozone). */
export const zoneLabel = 'topology.kubernetes.io/zone';

const groupTitles: Record<Placement, string> = { runs: 'Runs', pending: 'Pending', skipped: 'Skipped' };

/**
 * The rows of the Placement view for one document. A result with no DaemonSet gives its problems
 * as rows (or nothing, so the welcome content shows).
 */
export function buildPlacementTree(result: EditorPreviewResult | null, grouping: PlacementGrouping = 'placement'): TreeNodeModel[] {
  if (result === null) return [];
  if (result.daemonsets.length === 0) return problemRows(result);
  const nodes = new Map((result.clusterNodes ?? []).map((n) => [n.name, n]));
  const showNamespace = new Set(result.daemonsets.map((ds) => ds.namespace)).size > 1;
  return [...problemRows(result), ...result.daemonsets.map((ds) => daemonSetRow(result, ds, nodes, grouping, showNamespace))];
}

function daemonSetRow(
  result: EditorPreviewResult,
  ds: EditorDaemonSetPreview,
  nodes: Map<string, ClusterNodeInfo>,
  grouping: PlacementGrouping,
  showNamespace: boolean,
): TreeNodeModel {
  const c = countPlacements(ds);
  const id = `ds:${daemonSetKey(ds)}`;
  const ref: DaemonSetRef = { uri: result.uri, name: ds.name, namespace: ds.namespace };
  const children = grouping === 'zone' ? zoneGroups(result.uri, ds, nodes, id) : placementGroups(result.uri, ds, nodes, id);
  const attention = c.runs === 0 || c.pending > 0;
  return {
    id,
    label: ds.name,
    description: `${c.runs}/${c.total} ${plural(c.total, 'node')}${showNamespace ? ` · ${ds.namespace}` : ''}`,
    tooltip: [
      `DaemonSet ${daemonSetKey(ds)}`,
      `runs on ${c.runs} of ${c.total} ${plural(c.total, 'node')}, ${c.pending} pending, ${c.skipped} skipped`,
      `Cluster: ${describeCluster(result.cluster)}`,
    ].join('\n'),
    icon: attention ? { id: 'server-process', color: 'list.warningForeground' } : { id: 'server-process' },
    contextValue: 'daemonset',
    expanded: true,
    command: { command: 'daemonscope.revealDaemonSet', title: 'Reveal DaemonSet', arguments: [ref] },
    ref,
    children,
  };
}

function placementGroups(uri: string, ds: EditorDaemonSetPreview, nodes: Map<string, ClusterNodeInfo>, parent: string): TreeNodeModel[] {
  const order: Placement[] = ['runs', 'pending', 'skipped'];
  return order
    .map((placement) => ({ placement, members: ds.nodes.filter((n) => n.placement === placement) }))
    .filter((g) => g.members.length > 0)
    .map(({ placement, members }) => ({
      id: `${parent}/${placement}`,
      label: groupTitles[placement],
      description: String(members.length),
      icon: placementIcons[placement],
      contextValue: `group.${placement}`,
      // Nodes that need attention are shown at once; a long list of nodes that run is folded.
      expanded: placement !== 'runs' || members.length <= 8,
      children: members.map((n) => nodeRow(uri, ds, n, nodes.get(n.node), `${parent}/${placement}`, false)),
    }));
}

function zoneGroups(uri: string, ds: EditorDaemonSetPreview, nodes: Map<string, ClusterNodeInfo>, parent: string): TreeNodeModel[] {
  const zones = new Map<string, NodePlacement[]>();
  for (const n of ds.nodes) {
    const zone = nodes.get(n.node)?.labels[zoneLabel] ?? '';
    zones.set(zone, [...(zones.get(zone) ?? []), n]);
  }
  // Named zones by name, then the nodes without a zone label.
  const names = [...zones.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return names.map((zone) => {
    const members = zones.get(zone)!;
    const runs = members.filter((n) => n.placement === 'runs').length;
    const id = `${parent}/zone:${zone}`;
    return {
      id,
      label: zone === '' ? 'No zone label' : zone,
      description: `${runs}/${members.length}`,
      tooltip: zone === '' ? `Nodes without the ${zoneLabel} label` : `${zoneLabel}=${zone}`,
      icon: { id: 'globe' },
      contextValue: 'group.zone',
      expanded: true,
      children: members.map((n) => nodeRow(uri, ds, n, nodes.get(n.node), id, true)),
    };
  });
}

function nodeRow(uri: string, ds: EditorDaemonSetPreview, n: NodePlacement, info: ClusterNodeInfo | undefined, parent: string, withPlacement: boolean): TreeNodeModel {
  const ref: NodeRef = { uri, name: ds.name, namespace: ds.namespace, node: n.node, placement: n.placement, reason: n.reason };
  const reason = n.reason ?? '';
  const description = withPlacement ? [n.placement, reason].filter((s) => s !== '').join(': ') : reason;
  return {
    id: `${parent}/node:${n.node}`,
    label: n.node,
    description,
    tooltip: nodeTooltip(n, info),
    icon: placementIcons[n.placement],
    contextValue: n.placement === 'runs' ? 'node.runs' : `node.${n.placement}.${reason}`,
    command: { command: 'daemonscope.revealDaemonSet', title: 'Reveal DaemonSet', arguments: [ref] },
    ref,
    children: [],
  };
}

/** The engine's detail first (what to do), then what the node is: labels, taints, cordon. */
export function nodeTooltip(n: NodePlacement, info: ClusterNodeInfo | undefined): string {
  const lines = [`${n.node}: ${n.placement}${n.reason === null ? '' : ` (${n.reason})`}`];
  if (n.detail !== '') lines.push(n.detail);
  if (info !== undefined) {
    if (info.unschedulable === true) lines.push('Cordoned (spec.unschedulable)');
    const labels = Object.entries(info.labels).sort(([a], [b]) => a.localeCompare(b));
    if (labels.length > 0) lines.push('', 'Labels:', ...labels.map(([k, v]) => `  ${k}=${v}`));
    if (info.taints.length > 0) lines.push('', 'Taints:', ...info.taints.map((t) => `  ${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`));
  }
  return lines.join('\n');
}

function problemRows(result: EditorPreviewResult): TreeNodeModel[] {
  return result.problems.map((problem, i) => ({
    id: `problem:${i}:${problem}`,
    label: problem,
    tooltip: problem,
    icon: { id: 'warning', color: 'list.warningForeground' },
    contextValue: 'problem',
    children: [],
  }));
}
