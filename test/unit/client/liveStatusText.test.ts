import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeContextItem, describeLiveStatus, describeViewCluster, formatAge } from '../../../client/src/liveStatusText';
import type { LiveStatus } from '../../../server/src/protocol';
import { describeCluster } from '../../../client/src/views/summary';

const now = 1_750_000_000_000;
const live: LiveStatus = { context: 'prod-eu', state: 'live', nodes: 120, pods: 3400, fetchedAt: now - 12_000, message: null };

test('the live status reads "context prod-eu · 120 nodes · 12 s ago"', () => {
  const text = describeLiveStatus(live, now);
  assert.equal(text?.text, '$(cloud) context prod-eu · 120 nodes · 12 s ago');
  assert.equal(text?.warning, false);
  assert.match(text?.tooltip ?? '', /3400 running pods/);
});

test('formatAge: seconds, minutes, hours', () => {
  assert.equal(formatAge(500), 'just now');
  assert.equal(formatAge(-5), 'just now');
  assert.equal(formatAge(12_400), '12 s ago');
  assert.equal(formatAge(3 * 60_000 + 5_000), '3 min ago');
  assert.equal(formatAge(2 * 3_600_000 + 1), '2 h ago');
});

test('no status item when the source is off; warnings for errors and lost watches', () => {
  assert.equal(describeLiveStatus({ ...live, state: 'off', context: '' }, now), null);
  const unavailable = describeLiveStatus({ ...live, state: 'error', nodes: 0, fetchedAt: null, message: 'Cannot list nodes: the context\'s user needs get/list/watch on nodes.' }, now);
  assert.equal(unavailable?.text, '$(error) context prod-eu · unavailable');
  assert.equal(unavailable?.warning, true);
  assert.match(unavailable?.tooltip ?? '', /^Cannot list nodes.*embedded cluster instead/);
  const stale = describeLiveStatus({ ...live, state: 'error', message: 'No answer.' }, now);
  assert.equal(stale?.text, '$(warning) context prod-eu · 120 nodes · 12 s ago');
  assert.match(stale?.tooltip ?? '', /last snapshot/);
  assert.equal(describeLiveStatus({ ...live, state: 'reconnecting' }, now)?.warning, true);
  assert.match(describeLiveStatus({ ...live, state: 'connecting', fetchedAt: null }, now)?.text ?? '', /connecting/);
  assert.equal(describeLiveStatus({ ...live, nodes: 1 }, now)?.text, '$(cloud) context prod-eu · 1 node · 12 s ago');
});

test('context rows show the cluster, namespace and marks', () => {
  assert.deepEqual(describeContextItem({ name: 'prod-eu', cluster: 'eks-eu', namespace: 'ops', current: true }, 'prod-eu'), { label: 'prod-eu', description: 'eks-eu · namespace ops', detail: 'current, in use' });
  assert.deepEqual(describeContextItem({ name: 'dev', cluster: 'kind', namespace: null, current: false }, 'prod-eu'), { label: 'dev', description: 'kind' });
});

test('the views name a live cluster by its whole context, even an EKS ARN with slashes', () => {
  assert.equal(describeCluster({ source: 'context prod-eu', nodes: 120 }), 'context prod-eu · 120 nodes');
  assert.equal(describeCluster({ source: 'context arn:aws:eks:eu-west-1:123456789012:cluster/prod', nodes: 3 }), 'context arn:aws:eks:eu-west-1:123456789012:cluster/prod · 3 nodes');
});

test('the views name the live cluster with the age of its snapshot, and only for the context followed', () => {
  const cluster = { source: 'context prod-eu', nodes: 120 };
  assert.equal(describeViewCluster(cluster, live, now), 'context prod-eu · 120 nodes · 12 s ago');
  // A second later only the age moves (the views redraw the line, nothing is simulated again).
  assert.equal(describeViewCluster(cluster, live, now + 50_000), 'context prod-eu · 120 nodes · 1 min ago');
  assert.equal(describeViewCluster(cluster, { ...live, state: 'reconnecting' }, now), 'context prod-eu · 120 nodes · 12 s ago (reconnecting)');
  assert.equal(describeViewCluster(cluster, { ...live, state: 'error', message: 'forbidden' }, now), 'context prod-eu · 120 nodes · 12 s ago (last snapshot)');
  // Not the live source: a cluster file, the embedded cluster, another context, no snapshot yet, the source off.
  assert.equal(describeViewCluster({ source: 'clusters/nodes.yaml', nodes: 4 }, live, now), 'nodes.yaml · 4 nodes');
  assert.equal(describeViewCluster({ source: 'embedded', nodes: 10 }, live, now), 'embedded · 10 nodes');
  assert.equal(describeViewCluster({ source: 'context staging', nodes: 3 }, live, now), 'context staging · 3 nodes');
  assert.equal(describeViewCluster(cluster, { ...live, state: 'connecting', fetchedAt: null }, now), 'context prod-eu · 120 nodes');
  assert.equal(describeViewCluster(cluster, { ...live, state: 'off', context: '' }, now), 'context prod-eu · 120 nodes');
});
