import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countPlacements, describeBudget, describeCluster, describeLens, describeRollout, describeStrategy, formatDuration, summarizeStatus } from '../../../../client/src/views/summary';
import { loadPreview } from './fixtures';

test('countPlacements counts each placement and the nodes that should run the pod', () => {
  const [fluentd] = loadPreview('two-daemonsets').daemonsets;
  assert.deepEqual(countPlacements(fluentd!), { runs: 7, pending: 1, skipped: 2, total: 10, should: 8 });
});

test('formatDuration rounds to seconds, minutes, then hours and minutes', () => {
  assert.equal(formatDuration(null), '');
  assert.equal(formatDuration(40), '~40 s');
  assert.equal(formatDuration(125), '~2 min');
  assert.equal(formatDuration(3600), '~1 h');
  assert.equal(formatDuration(3900), '~1 h 5 min');
  assert.equal(formatDuration(-1), '');
});

test('describeBudget shows a percent with its base and the resolved integer', () => {
  const [fluentd, exporter] = loadPreview('two-daemonsets').daemonsets;
  assert.equal(describeBudget(fluentd!), 'maxUnavailable 25% of 8 → 2');
  assert.equal(describeStrategy(fluentd!), 'RollingUpdate, maxUnavailable 25% of 8 → 2');
  assert.equal(describeStrategy(exporter!), 'OnDelete');
});

test('describeBudget: a surge shows maxSurge; an unwritten maxUnavailable is the default', () => {
  const [agent] = loadPreview('stalled').daemonsets;
  assert.equal(describeBudget(agent!), 'maxSurge 1');
  delete agent!.written;
  agent!.rollout = { ...agent!.rollout, maxSurge: 0, maxUnavailable: 1 };
  assert.equal(describeBudget(agent!), 'maxUnavailable 1 (default)');
});

test('describeLens: counts, pending and the rollout in one line', () => {
  const [fluentd, exporter] = loadPreview('two-daemonsets').daemonsets;
  assert.equal(describeLens(fluentd!), 'runs on 7/10 nodes · 1 pending · rollout 4 waves, ~2 min');
  assert.equal(describeLens(exporter!), 'runs on 9/10 nodes · 1 pending · rollout OnDelete');
  // The overhead comes worded by the server (engine describeOverheadShort); the lens appends it.
  fluentd!.overheadText = { sentence: 'reserves 700m CPU and 1.4 GiB across 7 nodes — 1.9% of their CPU', short: 'reserves 700m CPU, 1.4 GiB (1.9% of CPU)' };
  assert.equal(describeLens(fluentd!), 'runs on 7/10 nodes · 1 pending · rollout 4 waves, ~2 min · reserves 700m CPU, 1.4 GiB (1.9% of CPU)');
  assert.equal(describeRollout(loadPreview('stalled').daemonsets[0]!), 'stalls after 0 waves');
});

test('describeCluster names the embedded cluster or the file name', () => {
  assert.equal(describeCluster({ source: 'embedded', nodes: 10 }), 'embedded · 10 nodes');
  assert.equal(describeCluster({ source: 'clusters/small.yaml', nodes: 1 }), 'small.yaml · 1 node');
  assert.equal(describeCluster({ source: '', nodes: 0 }), 'no cluster loaded');
});

test('summarizeStatus follows the DaemonSet under the cursor and warns on pending', () => {
  const result = loadPreview('two-daemonsets');
  assert.equal(summarizeStatus(null, 0), null);
  const first = summarizeStatus(result, 3)!;
  assert.equal(first.text, '$(server) 7/10 nodes');
  assert.equal(first.warning, true);
  assert.match(first.tooltip, /logging\/fluentd: runs on 7\/10 nodes/);
  assert.match(first.tooltip, /Cluster: embedded · 10 nodes/);
  assert.equal(summarizeStatus(result, 50)!.text, '$(server) 9/10 nodes');
  assert.equal(summarizeStatus(result, null)!.text, '$(server) 7/10 nodes');
  assert.equal(summarizeStatus({ ...result, daemonsets: [] }, 0), null);
});

test('summarizeStatus: all nodes running and no stall is not a warning', () => {
  const result = loadPreview('two-daemonsets');
  const ds = result.daemonsets[0]!;
  ds.nodes = ds.nodes.map((n) => ({ ...n, placement: 'runs', reason: null }));
  assert.equal(summarizeStatus(result, 0)!.warning, false);
  assert.equal(summarizeStatus(result, 0)!.text, '$(server) 10/10 nodes');
});
