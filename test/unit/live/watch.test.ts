import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectLive } from '../../../server/src/live/liveSource';
import { fetchSnapshot } from '../../../server/src/live/snapshot';
import { watchCluster, type ClusterChange, type ClusterWatch, type WatchStatus } from '../../../server/src/live/watch';
import { startFakeKubeApi, writeKubeconfig, type FakeKubeApi, type FakeKubeApiOptions } from '../../helpers/fakeKubeApi';

const node = (name: string, spec: Record<string, unknown> = {}): Record<string, unknown> => ({ metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec, status: { allocatable: { cpu: '4' }, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2025-01-01T00:00:00Z' }] } });
const pod = (name: string, nodeName: string, status: Record<string, unknown> = { phase: 'Running' }): Record<string, unknown> => ({ metadata: { namespace: 'default', name }, spec: { nodeName, containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }] }, status });

interface Harness {
  api: FakeKubeApi;
  watch: ClusterWatch;
  nextChange(): Promise<ClusterChange>;
  nextStatus(): Promise<WatchStatus>;
}

async function withWatch(options: FakeKubeApiOptions, token: string, run: (h: Harness) => Promise<void>): Promise<void> {
  const api = await startFakeKubeApi(options);
  const changes: ClusterChange[] = [];
  const statuses: WatchStatus[] = [];
  let wake: (() => void) | undefined;
  const waitFor = async <T>(queue: T[]): Promise<T> => {
    while (queue.length === 0) await new Promise<void>((done) => (wake = done));
    return queue.shift()!;
  };
  let watch: ClusterWatch | undefined;
  try {
    const connection = await connectLive({ kubeconfig: writeKubeconfig([{ name: 'fake', server: api.url, token }]), policy: { workspaceTrusted: true, contextChosenByUser: true } });
    assert.ok(connection.ok);
    const snapshot = await fetchSnapshot(connection.value);
    assert.ok(snapshot.ok, snapshot.ok ? '' : snapshot.error.message);
    watch = watchCluster(connection.value, snapshot.value, {
      batchMs: 5,
      retryMs: { initial: 10, max: 50 },
      onChange: (change) => (changes.push(change), wake?.()),
      onStatus: (status) => (statuses.push(status), wake?.()),
    });
    await until(() => api.openWatches() === 3);
    await run({ api, watch, nextChange: () => waitFor(changes), nextStatus: () => waitFor(statuses) });
  } finally {
    watch?.stop();
    await api.close();
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((done) => setTimeout(done, 5));
}

test('the watch reports a node joining, being tainted and leaving, and keeps the snapshot current', async () => {
  await withWatch({ nodes: [node('n1'), node('n2')] }, 'good-token', async ({ api, watch, nextChange }) => {
    api.put('nodes', node('n3'));
    assert.deepEqual((await nextChange()).nodesAdded, ['n3']);
    api.put('nodes', node('n1', { taints: [{ key: 'maintenance', effect: 'NoSchedule' }] }));
    assert.deepEqual((await nextChange()).nodesChanged, ['n1']);
    api.remove('nodes', undefined, 'n2');
    assert.deepEqual((await nextChange()).nodesRemoved, ['n2']);
    const current = watch.current();
    assert.deepEqual(current.nodes.map((n) => n.metadata.name), ['n1', 'n3']);
    assert.deepEqual(current.nodes[0]?.spec.taints, [{ key: 'maintenance', effect: 'NoSchedule' }]);
    assert.equal(watch.status().state, 'watching');
  });
});

test('a heartbeat-only node update is not a change', async () => {
  await withWatch({ nodes: [node('n1')] }, 'good-token', async ({ api, nextChange }) => {
    const beat = node('n1');
    (beat.status as { conditions: { lastHeartbeatTime: string }[] }).conditions[0]!.lastHeartbeatTime = '2025-06-01T00:00:00Z';
    api.put('nodes', beat);
    api.put('nodes', node('n2')); // a real change after it, so the test waits on something
    const change = await nextChange();
    assert.deepEqual(change.nodesAdded, ['n2']);
    assert.deepEqual(change.nodesChanged, []);
  });
});

test('pods coming, finishing (DELETED through the field selector) and status noise', async () => {
  await withWatch({ nodes: [node('n1')], pods: [pod('a', 'n1')] }, 'good-token', async ({ api, watch, nextChange }) => {
    api.put('pods', pod('b', 'n1'));
    assert.equal((await nextChange()).podsChanged, 1);
    assert.deepEqual(watch.current().pods.map((p) => p.metadata.name), ['a', 'b']);
    api.put('pods', pod('a', 'n1', { phase: 'Running', podIP: '10.0.0.9' })); // noise
    api.put('pods', pod('b', 'n1', { phase: 'Succeeded' })); // leaves the selector: DELETED
    const change = await nextChange();
    assert.equal(change.podsChanged, 1);
    assert.deepEqual(watch.current().pods.map((p) => p.metadata.name), ['a']);
  });
});

test('a watch the server ends is re-opened; an expired resourceVersion (410 Gone) relists', async () => {
  await withWatch({ nodes: [node('n1')] }, 'good-token', async ({ api, watch, nextChange }) => {
    api.put('nodes', node('n2'));
    assert.deepEqual((await nextChange()).nodesAdded, ['n2']);
    api.endWatches();
    api.put('nodes', node('n3')); // missed by every watcher
    api.compact(); // and the history that held it is gone
    const change = await nextChange();
    assert.deepEqual(change.nodesAdded, ['n3']);
    assert.equal(change.relisted, true);
    assert.deepEqual(watch.current().nodes.map((n) => n.metadata.name), ['n1', 'n2', 'n3']);
    await until(() => api.openWatches() === 3);
    api.put('nodes', node('n4'));
    assert.deepEqual((await nextChange()).nodesAdded, ['n4']);
  });
});

test('a user who may list but not watch gets a status naming the missing verb, and the snapshot stays', async () => {
  const tokens = { lister: { user: 'ci', resources: '*' as const, verbs: ['list' as const] } };
  const api = await startFakeKubeApi({ nodes: [node('n1')], tokens });
  try {
    const connection = await connectLive({ kubeconfig: writeKubeconfig([{ name: 'fake', server: api.url, token: 'lister' }]), policy: { workspaceTrusted: true, contextChosenByUser: true } });
    assert.ok(connection.ok);
    const snapshot = await fetchSnapshot(connection.value);
    assert.ok(snapshot.ok);
    const statuses: WatchStatus[] = [];
    const watch = watchCluster(connection.value, snapshot.value, { onChange: () => undefined, onStatus: (s) => statuses.push(s), retryMs: { initial: 10, max: 20 } });
    await until(() => statuses.length > 0);
    watch.stop();
    assert.equal(statuses[0]?.state, 'reconnecting');
    assert.equal(statuses[0]?.error?.code, 'forbidden');
    assert.match(statuses[0]?.error?.message ?? '', /^Cannot watch (nodes|pods|namespaces): the context's user needs get\/list\/watch/);
    assert.deepEqual(watch.current().nodes.map((n) => n.metadata.name), ['n1']);
    assert.equal(watch.status().state, 'stopped');
  } finally {
    await api.close();
  }
});

test('stop() closes every watch stream', async () => {
  await withWatch({ nodes: [node('n1')] }, 'good-token', async ({ api, watch }) => {
    watch.stop();
    await until(() => api.openWatches() === 0);
    assert.equal(watch.status().state, 'stopped');
  });
});

test('a watch connection that goes silent past its timeout is abandoned and opened again', async () => {
  const api = await startFakeKubeApi({ nodes: [node('n1')], stallWatches: true });
  try {
    const connection = await connectLive({ kubeconfig: writeKubeconfig([{ name: 'fake', server: api.url, token: 'good-token' }]), policy: { workspaceTrusted: true, contextChosenByUser: true } });
    assert.ok(connection.ok);
    const snapshot = await fetchSnapshot(connection.value);
    assert.ok(snapshot.ok);
    const watch = watchCluster(connection.value, snapshot.value, { onChange: () => undefined, watchSeconds: 0.05, retryMs: { initial: 10, max: 20 } });
    const nodeWatches = (): number => api.requests.filter((r) => r.path === '/api/v1/nodes' && r.query.get('watch') === 'true').length;
    await until(() => nodeWatches() >= 3);
    watch.stop();
    assert.ok(nodeWatches() >= 3);
  } finally {
    await api.close();
  }
});
