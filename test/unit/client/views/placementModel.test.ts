import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPlacementTree } from '../../../../client/src/views/placementModel';
import type { TreeNodeModel } from '../../../../client/src/views/treeModel';
import { loadPreview } from './fixtures';

/** "label — description" per row, indented by depth, for readable whole-tree assertions. */
function outline(rows: TreeNodeModel[], depth = 0): string[] {
  return rows.flatMap((r) => [`${'  '.repeat(depth)}${r.label}${r.description ? ` — ${r.description}` : ''}`, ...outline(r.children, depth + 1)]);
}

test('one row per DaemonSet with runs/total, then Runs / Pending / Skipped groups with counts', () => {
  const rows = buildPlacementTree(loadPreview('two-daemonsets'));
  const lines = outline(rows);
  assert.deepEqual(lines.slice(0, 15), [
    'fluentd — 7/10 nodes · logging',
    '  Runs — 7',
    '    worker-a-1',
    '    worker-a-2',
    '    worker-b-1',
    '    worker-b-2',
    '    worker-c-1',
    '    worker-c-ssd',
    '    worker-cordoned',
    '  Pending — 1',
    '    edge-1 — resources',
    '  Skipped — 2',
    '    control-plane-1 — taint',
    '    gpu-1 — taint',
    'node-exporter — 9/10 nodes · monitoring',
  ]);
});

test('a DaemonSet row reveals its document; node rows carry the detail, labels and taints', () => {
  const [fluentd] = buildPlacementTree(loadPreview('two-daemonsets'));
  assert.deepEqual(fluentd!.command?.arguments, [{ uri: 'file:///workspace/logging.yaml', name: 'fluentd', namespace: 'logging' }]);
  assert.equal(fluentd!.contextValue, 'daemonset');
  const cp = fluentd!.children[2]!.children[0]!;
  assert.equal(cp.label, 'control-plane-1');
  assert.equal(cp.contextValue, 'node.skipped.taint');
  // Menu commands on a row (Quick Fix…) receive the row: it carries what it stands for.
  assert.deepEqual(cp.ref, { uri: 'file:///workspace/logging.yaml', name: 'fluentd', namespace: 'logging', node: 'control-plane-1', placement: 'skipped', reason: 'taint' });
  assert.deepEqual(fluentd!.ref, { uri: 'file:///workspace/logging.yaml', name: 'fluentd', namespace: 'logging' });
  assert.match(cp.tooltip!, /not tolerated/);
  assert.match(cp.tooltip!, /Taints:\n {2}node-role\.kubernetes\.io\/control-plane:NoSchedule/);
  assert.match(cp.tooltip!, /Labels:\n {2}node-role\.kubernetes\.io\/control-plane=/);
  const cordoned = fluentd!.children[0]!.children.find((r) => r.label === 'worker-cordoned')!;
  assert.match(cordoned.tooltip!, /Cordoned/);
  assert.equal(cordoned.contextValue, 'node.runs');
});

test('ids are stable across refreshes and unique, so expansion state survives typing', () => {
  const ids = (rows: TreeNodeModel[]): string[] => rows.flatMap((r) => [r.id, ...ids(r.children)]);
  const a = ids(buildPlacementTree(loadPreview('two-daemonsets')));
  const b = ids(buildPlacementTree(loadPreview('two-daemonsets')));
  assert.deepEqual(a, b);
  assert.equal(new Set(a).size, a.length);
});

test('grouping by zone: named zones sorted, then nodes without a zone label', () => {
  const [fluentd] = buildPlacementTree(loadPreview('two-daemonsets'), 'zone');
  assert.deepEqual(
    fluentd!.children.map((g) => `${g.label} ${g.description}`),
    ['zone-a 2/3', 'zone-b 2/3', 'zone-c 3/3', 'No zone label 0/1'],
  );
  assert.deepEqual(outline(fluentd!.children[3]!.children), ['edge-1 — pending: resources']);
});

test('only the placements present get a group; the namespace is shown only when it differs', () => {
  const result = loadPreview('stalled');
  const rows = buildPlacementTree(result);
  assert.deepEqual(outline(rows), ['agent — 3/3 nodes', '  Runs — 3', '    a', '    b', '    c']);
});

test('no preview gives no rows (welcome content shows); problems become rows', () => {
  assert.deepEqual(buildPlacementTree(null), []);
  const result = { ...loadPreview('stalled'), daemonsets: [], problems: ['Cluster file nodes.yaml not found (setting daemonscope.clusterFile)'] };
  assert.deepEqual(outline(buildPlacementTree(result)), ['Cluster file nodes.yaml not found (setting daemonscope.clusterFile)']);
  assert.deepEqual(buildPlacementTree({ ...result, problems: [] }), []);
});

test('a DaemonSet that runs nowhere is flagged with the warning colour', () => {
  const result = loadPreview('stalled');
  result.daemonsets[0]!.nodes = result.daemonsets[0]!.nodes.map((n) => ({ ...n, placement: 'skipped', reason: 'nodeSelector', detail: 'x' }));
  const [agent] = buildPlacementTree(result);
  assert.equal(agent!.description, '0/3 nodes');
  assert.equal(agent!.icon?.color, 'list.warningForeground');
});
