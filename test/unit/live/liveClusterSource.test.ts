import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveStatus } from '../../../server/src/protocol';
import { LiveClusterSource } from '../../../server/src/live/liveClusterSource';
import { closedPortUrl, startFakeKubeApi, writeKubeconfig } from '../../helpers/fakeKubeApi';

const policy = { workspaceTrusted: true, contextChosenByUser: true };
const node = (name: string): Record<string, unknown> => ({ metadata: { name }, spec: {}, status: { allocatable: { cpu: '4' } } });

function recorder(): { statuses: LiveStatus[]; changes: () => number; source: LiveClusterSource; waitFor(test: (s: LiveStatus) => boolean): Promise<LiveStatus> } {
  const statuses: LiveStatus[] = [];
  let changes = 0;
  const waiters: (() => void)[] = [];
  const source = new LiveClusterSource({
    onStatus: (s) => {
      statuses.push(s);
      waiters.splice(0).forEach((w) => w());
    },
    onClusterChange: () => changes++,
    watch: { batchMs: 5, retryMs: { initial: 10, max: 20 } },
    podChangeDelayMs: 30,
  });
  const waitFor = async (check: (s: LiveStatus) => boolean): Promise<LiveStatus> => {
    for (;;) {
      const hit = statuses.find(check);
      if (hit) return hit;
      await new Promise<void>((done) => waiters.push(done));
    }
  };
  return { statuses, changes: () => changes, source, waitFor };
}

test('following a context: connecting, then live with counts, and watched changes re-simulate', async () => {
  const api = await startFakeKubeApi({ nodes: [node('a'), node('b')] });
  const { statuses, changes, source, waitFor } = recorder();
  try {
    const kubeconfig = writeKubeconfig([{ name: 'prod-eu', server: api.url, token: 'good-token' }]);
    const status = await source.configure({ context: 'prod-eu', kubeconfig, policy });
    assert.equal(status.state, 'live');
    assert.equal(status.nodes, 2);
    assert.equal(typeof status.fetchedAt, 'number');
    assert.deepEqual(statuses.map((s) => s.state).slice(0, 2), ['connecting', 'live']);
    assert.equal(changes(), 1);
    assert.deepEqual(source.snapshot()?.nodes.map((n) => n.metadata.name), ['a', 'b']);
    while (api.openWatches() < 3) await new Promise((done) => setTimeout(done, 5));
    api.put('nodes', node('c'));
    await waitFor((s) => s.nodes === 3);
    assert.ok(changes() >= 2);
    assert.deepEqual(source.snapshot()?.nodes.map((n) => n.metadata.name), ['a', 'b', 'c']);
    // The same target again is a no-op.
    await source.configure({ context: 'prod-eu', kubeconfig, policy });
    assert.equal(source.status().state, 'live');
  } finally {
    source.dispose();
    await api.close();
  }
});

test('an unknown context is an error status with no snapshot (the server falls back)', async () => {
  const { source } = recorder();
  const kubeconfig = writeKubeconfig([{ name: 'dev', server: 'http://127.0.0.1:1', token: 'good-token' }]);
  const status = await source.configure({ context: 'prod', kubeconfig, policy });
  assert.equal(status.state, 'error');
  assert.match(status.message ?? '', /Context "prod" is not in/);
  assert.equal(source.snapshot(), null);
  source.dispose();
});

test('a failed refresh keeps the last good snapshot of the same context, marked with the error', async () => {
  const api = await startFakeKubeApi({ nodes: [node('a')] });
  const { source } = recorder();
  try {
    const kubeconfig = writeKubeconfig([{ name: 'prod-eu', server: api.url, token: 'good-token' }]);
    assert.equal((await source.configure({ context: 'prod-eu', kubeconfig, policy })).state, 'live');
    await api.close();
    const status = await source.refresh();
    assert.equal(status.state, 'error');
    assert.match(status.message ?? '', /connection refused|Cannot/);
    assert.equal(status.nodes, 1);
    assert.deepEqual(source.snapshot()?.nodes.map((n) => n.metadata.name), ['a']);
  } finally {
    source.dispose();
    await api.close();
  }
});

test('switching to another context drops the old snapshot; an empty context turns the source off', async () => {
  const api = await startFakeKubeApi({ nodes: [node('a')] });
  const { source, changes } = recorder();
  try {
    const kubeconfig = writeKubeconfig([
      { name: 'prod-eu', server: api.url, token: 'good-token' },
      { name: 'down', server: await closedPortUrl(), token: 'good-token' },
    ]);
    await source.configure({ context: 'prod-eu', kubeconfig, policy });
    const down = await source.configure({ context: 'down', kubeconfig, policy });
    assert.equal(down.state, 'error');
    assert.equal(down.nodes, 0);
    assert.equal(source.snapshot(), null);
    const before = changes();
    const offStatus = await source.configure({ context: '', kubeconfig, policy });
    assert.equal(offStatus.state, 'off');
    assert.equal(changes(), before, 'nothing to drop: no change');
  } finally {
    source.dispose();
    await api.close();
  }
});

test('a context needing a credential plugin is an error unless trusted and chosen', async () => {
  const { source } = recorder();
  const kubeconfig = writeKubeconfig([{ name: 'eks', server: 'http://127.0.0.1:1', exec: { command: 'aws', args: ['eks', 'get-token'] } }]);
  const status = await source.configure({ context: 'eks', kubeconfig, policy: { workspaceTrusted: true, contextChosenByUser: false } });
  assert.equal(status.state, 'error');
  assert.match(status.message ?? '', /credential plugin "aws"/);
  source.dispose();
});

test('snapshot() and cluster() keep their identity until a change is reported; pod-only changes are batched, node changes are not', async () => {
  const pod = (name: string): Record<string, unknown> => ({ metadata: { namespace: 'default', name }, spec: { nodeName: 'a', containers: [{ name: 'c' }] }, status: { phase: 'Running' } });
  const api = await startFakeKubeApi({ nodes: [node('a')], pods: [pod('p1')] });
  const { changes, source, waitFor } = recorder();
  try {
    await source.configure({ context: 'prod-eu', kubeconfig: writeKubeconfig([{ name: 'prod-eu', server: api.url, token: 'good-token' }]), policy });
    const first = source.snapshot();
    assert.ok(first);
    assert.equal(source.snapshot(), first, 'the same object while nothing changed');
    const firstCluster = source.cluster();
    assert.ok(firstCluster?.result.ok);
    assert.equal(firstCluster.result.cluster.usage[0]!.pods, 1);
    assert.equal(source.cluster(), firstCluster);
    while (api.openWatches() < 3) await new Promise((done) => setTimeout(done, 5));
    const before = changes();
    api.put('pods', pod('p2'));
    assert.equal((await waitFor((s) => s.pods === 2)).pods, 2, 'the status counts the pod at once');
    assert.equal(changes(), before, 'a pod-only change waits for the batch delay');
    assert.equal(source.snapshot(), first, 'and the snapshot stays until then');
    assert.equal(source.cluster(), firstCluster, 'so does the cluster');
    while (changes() === before) await new Promise((done) => setTimeout(done, 5));
    const second = source.snapshot();
    assert.notEqual(second, first);
    assert.deepEqual(second?.pods.map((p) => p.metadata.name), ['p1', 'p2']);
    const secondCluster = source.cluster();
    assert.ok(secondCluster?.result.ok);
    assert.equal(secondCluster.result.cluster.usage[0]!.pods, 2, 'the watched pod is applied to the cluster without a rebuild');
    api.put('nodes', node('b'));
    await waitFor((s) => s.nodes === 2);
    assert.equal(changes(), before + 2, 'a node change is reported at once');
    assert.deepEqual(source.snapshot()?.nodes.map((n) => n.metadata.name), ['a', 'b']);
    const third = source.cluster();
    assert.ok(third?.result.ok);
    assert.deepEqual(third.result.cluster.nodes.map((n) => n.name), ['a', 'b']);
  } finally {
    source.dispose();
    await api.close();
  }
});
