import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPreviewModel } from '../../../../client/src/views/previewModel';
import { loadPreview } from './fixtures';

test('tiles are grouped by zone when nodes carry the zone label, unlabelled ones last', () => {
  const model = buildPreviewModel(loadPreview('two-daemonsets'), 'logging.yaml');
  assert.equal(model.cluster, 'embedded · 10 nodes');
  const fluentd = model.daemonsets[0]!;
  assert.equal(fluentd.groupedBy, 'zone');
  assert.deepEqual(
    fluentd.groups.map((g) => `${g.title}: ${g.tiles.map((t) => `${t.node}=${t.placement}`).join(' ')}`),
    [
      'zone-a: control-plane-1=skipped worker-a-1=runs worker-a-2=runs',
      'zone-b: gpu-1=skipped worker-b-1=runs worker-b-2=runs',
      'zone-c: worker-c-1=runs worker-c-ssd=runs worker-cordoned=runs',
      'No zone: edge-1=pending',
    ],
  );
  assert.equal(fluentd.summary, 'runs on 7 of 10 nodes, 1 pending, 2 skipped');
  assert.match(fluentd.groups[0]!.tiles[0]!.tooltip, /not tolerated/);
});

test('the timeline carries the waves, strategy and duration; OnDelete gets a note instead', () => {
  const [fluentd, exporter] = buildPreviewModel(loadPreview('two-daemonsets'), 'logging.yaml').daemonsets;
  assert.equal(fluentd!.timeline.waves.length, 4);
  assert.equal(fluentd!.timeline.strategy, 'RollingUpdate, maxUnavailable 25% of 8 → 2');
  assert.equal(fluentd!.timeline.duration, '~2 min');
  assert.equal(fluentd!.timeline.note, '');
  assert.deepEqual(exporter!.timeline.waves, []);
  assert.match(exporter!.timeline.note, /OnDelete/);
});

test('without node labels every tile is in one group, and a stall is passed through', () => {
  const model = buildPreviewModel(loadPreview('stalled'), 'Untitled-1');
  const agent = model.daemonsets[0]!;
  assert.equal(agent.groupedBy, 'none');
  assert.deepEqual(agent.groups.map((g) => g.title), ['Nodes']);
  assert.deepEqual(agent.timeline.stall?.nodes, ['a', 'b', 'c']);
});

test('nodes with a role label but no zone are grouped by role', () => {
  const result = loadPreview('two-daemonsets');
  result.clusterNodes = result.clusterNodes!.map((n) => ({ ...n, labels: Object.fromEntries(Object.entries(n.labels).filter(([k]) => k !== 'topology.kubernetes.io/zone')) }));
  const fluentd = buildPreviewModel(result, 'x').daemonsets[0]!;
  assert.equal(fluentd.groupedBy, 'role');
  assert.deepEqual(fluentd.groups.map((g) => `${g.title} ${g.tiles.length}`), ['control-plane 1', 'edge 1', 'No role 8']);
});
