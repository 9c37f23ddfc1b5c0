import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterFromSnapshot } from '../../../server/src/live/clusterFromSnapshot';
import { buildLiveClusterModel, LiveClusterModel } from '../../../server/src/live/liveClusterModel';
import { InternPool, reduceNamespace, reduceNode, reducePod, type ReducedNode, type ReducedPod } from '../../../server/src/live/reduce';
import type { ClusterSnapshot } from '../../../server/src/live/snapshot';
import { generatedNamespace, generatedNode, generatedPod } from '../../helpers/fakeKubeApi';

const size = { nodes: 40, namespaces: 4 };

function snapshot(): ClusterSnapshot {
  const pool = new InternPool();
  const pods = Array.from({ length: 400 }, (_, i) => reducePod(generatedPod(i, size), pool)!);
  // A few daemon pods, so the per-DaemonSet lists are compared too.
  for (let i = 0; i < 5; i++) {
    const daemon = generatedPod(1000 + i, size);
    daemon.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'u', controller: true }];
    pods.push(reducePod(daemon, pool)!);
  }
  return {
    context: 'bench',
    server: 'http://127.0.0.1',
    serverVersion: null,
    fetchedAt: 0,
    nodes: Array.from({ length: size.nodes }, (_, i) => reduceNode(generatedNode(i), pool)!),
    namespaces: Array.from({ length: size.namespaces }, (_, i) => reduceNamespace(generatedNamespace(i), pool)!),
    runtimeClasses: [],
    pods: pods.sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1)),
    notes: [],
    resourceVersions: { nodes: '1', pods: '1', namespaces: '1' },
  };
}

test('live model built in slices equals clusterFromSnapshot (the full build through readClusterObjects)', async () => {
  const snap = snapshot();
  const model = await buildLiveClusterModel(snap, { sliceItems: 7 });
  assert.ok(model);
  const built = clusterFromSnapshot(snap);
  assert.deepEqual(model.cluster().result, built);
});

test('live model after watch events equals a full rebuild of the changed snapshot: a node tainted, a pod gone, a pod added', async () => {
  const snap = snapshot();
  const model = (await buildLiveClusterModel(snap))!;
  const first = model.cluster();
  const tainted: ReducedNode = { ...snap.nodes[3]!, spec: { taints: [{ key: 'maintenance', effect: 'NoSchedule' }] } };
  const gone = snap.pods[10]!;
  const added: ReducedPod = { ...snap.pods[11]!, metadata: { ...snap.pods[11]!.metadata, name: 'zz-new' } };
  model.apply('nodes', tainted.metadata.name, tainted);
  model.apply('pods', `${gone.metadata.namespace}/${gone.metadata.name}`, null);
  model.apply('pods', `${added.metadata.namespace}/zz-new`, added);
  const changed: ClusterSnapshot = {
    ...snap,
    nodes: snap.nodes.map((n, i) => (i === 3 ? tainted : n)),
    pods: [...snap.pods.filter((p) => p !== gone), added],
  };
  assert.deepEqual(model.cluster().result, clusterFromSnapshot(changed));
  assert.notEqual(model.cluster(), first);
  assert.deepEqual(first.result, clusterFromSnapshot(snap), 'the cluster handed out before is unchanged');
});

test('an unreadable watched item makes the live cluster unusable until it is fixed or gone, naming the context and the item', () => {
  const model = new LiveClusterModel('prod-eu');
  model.apply('nodes', 'node-00000', reduceNode(generatedNode(0))!);
  assert.equal(model.cluster().result.ok, true);
  const broken = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'b' }, spec: {}, status: { allocatable: { cpu: 'lots' } } };
  model.apply('nodes', 'b', broken);
  const result = model.cluster().result;
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.problems[0]!, /^context prod-eu: item \(Node b\): status\.allocatable\.cpu/);
  model.apply('nodes', 'b', null);
  const fixed = model.cluster().result;
  assert.ok(fixed.ok);
  assert.deepEqual(fixed.cluster.nodes.map((n) => n.name), ['node-00000']);
});

test('a cancelled build resolves to null', async () => {
  let calls = 0;
  const model = await buildLiveClusterModel(snapshot(), { sliceItems: 10, isCancelled: () => ++calls > 2 });
  assert.equal(model, null);
});

test('the first build yields to the event loop between slices (other work runs meanwhile); without yields it would run in one go', async () => {
  let turns = 0;
  let running = true;
  const tick = (): void => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const model = await buildLiveClusterModel(snapshot(), { sliceItems: 50 });
  running = false;
  assert.ok(model);
  // 445 objects, then 40 nodes weighted by their pods: about 17 slices of 50.
  assert.ok(turns >= 10, `other work ran ${turns} times during the build`);
  turns = 0;
  running = true;
  setImmediate(tick);
  await buildLiveClusterModel(snapshot(), { sliceItems: 1e9 });
  running = false;
  assert.equal(turns, 0, 'one slice: nothing else ran');
});
