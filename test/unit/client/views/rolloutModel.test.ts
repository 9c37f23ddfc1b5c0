import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRolloutTree } from '../../../../client/src/views/rolloutModel';
import { loadPreview } from './fixtures';

test('RollingUpdate: strategy and budget, one row per wave with its nodes, then the duration', () => {
  const [fluentd] = buildRolloutTree(loadPreview('two-daemonsets'));
  assert.equal(fluentd!.label, 'fluentd · logging');
  assert.equal(fluentd!.description, 'RollingUpdate, maxUnavailable 25% of 8 → 2');
  assert.deepEqual(
    fluentd!.children.map((r) => `${r.label}${r.description ? ` — ${r.description}` : ''}`),
    [
      'Wave 1 — 2 nodes: edge-1, worker-a-1',
      'Wave 2 — 2 nodes: worker-a-2, worker-b-1',
      'Wave 3 — 2 nodes: worker-b-2, worker-c-1',
      'Wave 4 — 2 nodes: worker-c-ssd, worker-cordoned',
      'Estimated duration ~2 min',
    ],
  );
  assert.deepEqual(fluentd!.children[0]!.children.map((r) => r.label), ['edge-1', 'worker-a-1']);
});

test('OnDelete: one row saying nothing changes until pods are deleted', () => {
  const [, exporter] = buildRolloutTree(loadPreview('two-daemonsets'));
  assert.equal(exporter!.description, 'OnDelete');
  assert.deepEqual(exporter!.children.map((r) => r.label), ['Nothing changes until pods are deleted']);
});

test('a stall is a warning row listing the nodes left on the old version', () => {
  const [agent] = buildRolloutTree(loadPreview('stalled'));
  assert.equal(agent!.icon?.color, 'list.warningForeground');
  const stall = agent!.children.at(-1)!;
  assert.equal(stall.label, 'Stalls: 3 nodes never updated');
  assert.equal(stall.icon?.color, 'list.warningForeground');
  assert.match(stall.description!, /host port 8080/);
  assert.deepEqual(stall.children.map((r) => r.label), ['a', 'b', 'c']);
  assert.equal(agent!.children.some((r) => r.label.startsWith('Nothing to roll')), false);
});

test('no node to run on: one row saying there is nothing to roll', () => {
  const result = loadPreview('stalled');
  result.daemonsets[0]!.rollout.stall = null;
  const [agent] = buildRolloutTree(result);
  assert.deepEqual(agent!.children.map((r) => r.label), ['Nothing to roll: no node should run this pod']);
  assert.deepEqual(buildRolloutTree(null), []);
});
