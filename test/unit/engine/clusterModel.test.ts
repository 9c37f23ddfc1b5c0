import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCluster, ClusterModel, readClusterObject, readClusterObjects, type Cluster } from '../../../server/src/engine';
import { node, pod } from './fixtures';

type Raw = Record<string, unknown>;

/** Applies one raw object (or removes it) to the model, as the live watch does. */
function apply(model: ClusterModel, kind: 'Node' | 'Pod' | 'Namespace', key: string, raw: Raw | null): void {
  if (raw === null) {
    if (kind === 'Node') model.removeNode(key);
    else if (kind === 'Pod') model.removePod(key);
    else model.setNamespace(key, null);
    return;
  }
  const read = readClusterObject(raw, 'test');
  assert.ok(read.ok, JSON.stringify(read));
  const { nodes, pods, namespaces } = read.objects;
  if (nodes[0]) model.setNode(nodes[0]);
  if (pods[0]) model.setPod(pods[0]);
  if (namespaces[0]) model.setNamespace(key, namespaces[0]);
}

/** What buildCluster makes of the same objects (the reference). */
function reference(objects: Iterable<Raw>): Cluster {
  const read = readClusterObjects([{ apiVersion: 'v1', kind: 'List', items: [...objects] }], 'test');
  assert.ok(read.ok);
  const built = buildCluster('live', [read.objects]);
  assert.ok(built.ok);
  return built.cluster;
}

const nodeNames = ['a', 'b', 'c', 'd'];
const op = fc.oneof(
  fc.record({ kind: fc.constant('Node' as const), name: fc.constantFrom(...nodeNames), remove: fc.boolean(), taint: fc.boolean(), cpu: fc.constantFrom('2', '4') }),
  fc.record({
    kind: fc.constant('Pod' as const),
    name: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'),
    namespace: fc.constantFrom('default', 'kube-system'),
    node: fc.constantFrom(...nodeNames, 'gone'),
    remove: fc.boolean(),
    phase: fc.constantFrom('Running', 'Pending', 'Succeeded', 'Failed'),
    cpu: fc.constantFrom('100m', '250m', '1'),
    daemonSet: fc.constantFrom(null, 'agent', 'logs'),
    hostPort: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('Namespace' as const), name: fc.constantFrom('default', 'kube-system'), remove: fc.boolean(), selector: fc.constantFrom('', 'pool=a') }),
);

test('ClusterModel: after any sequence of puts and removals it equals buildCluster of the objects held (buildCluster in cluster.ts is the reference)', () => {
  fc.assert(
    fc.property(fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), (batches) => {
      const model = new ClusterModel('live');
      const held = new Map<string, Raw>();
      const handedOut: { cluster: Cluster; expected: Cluster }[] = [];
      for (const batch of batches) {
        for (const o of batch) {
          let key: string;
          let raw: Raw | null;
          if (o.kind === 'Node') {
            key = o.name;
            raw = o.remove ? null : node(o.name, { allocatable: { cpu: o.cpu, memory: '8Gi', pods: '110' }, ...(o.taint ? { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } : {}) });
          } else if (o.kind === 'Pod') {
            key = `${o.namespace}/${o.name}`;
            raw = o.remove
              ? null
              : pod(o.name, o.node, { cpu: o.cpu }, { namespace: o.namespace, phase: o.phase, ...(o.daemonSet ? { owner: { kind: 'DaemonSet', name: o.daemonSet } } : {}), ...(o.hostPort ? { spec: { containers: [{ name: 'c', ports: [{ containerPort: 9100, hostPort: 9100 }], resources: { requests: { cpu: o.cpu } } }] } } : {}) });
          } else {
            key = o.name;
            raw = o.remove ? null : { apiVersion: 'v1', kind: 'Namespace', metadata: { name: o.name, ...(o.selector ? { annotations: { 'scheduler.alpha.kubernetes.io/node-selector': o.selector } } : {}) } };
          }
          apply(model, o.kind, key, raw);
          const id = `${o.kind}:${key}`;
          if (raw) held.set(id, raw);
          else held.delete(id);
        }
        const expected = reference(held.values());
        const cluster = model.cluster();
        assert.deepEqual(cluster, expected);
        assert.equal(model.cluster(), cluster, 'the same object while nothing changed');
        handedOut.push({ cluster, expected });
      }
      // A cluster handed out earlier never changes afterwards.
      for (const { cluster, expected } of handedOut) assert.deepEqual(cluster, expected);
    }),
    { numRuns: 150, seed: 5 },
  );
});

test('ClusterModel: a pod change recomputes only its node: other nodes keep their usage objects, and the node list is shared', () => {
  const model = new ClusterModel('live');
  for (const name of ['a', 'b']) apply(model, 'Node', name, node(name));
  apply(model, 'Pod', 'default/p', pod('p', 'a', { cpu: '1' }));
  const before = model.cluster();
  apply(model, 'Pod', 'default/q', pod('q', 'b', { cpu: '1' }));
  const after = model.cluster();
  assert.notEqual(after, before);
  assert.equal(after.nodes, before.nodes);
  assert.equal(after.usage[0], before.usage[0]);
  assert.notEqual(after.usage[1], before.usage[1]);
  assert.equal(after.usage[1]!.pods, 1);
  assert.equal(before.usage[1]!.pods, 0);
});

test('ClusterModel: pods bound to a node not yet known count once it joins (the scheduler cache ignores them until then)', () => {
  const model = new ClusterModel('live');
  apply(model, 'Pod', 'default/p', pod('p', 'late', { cpu: '500m' }, { owner: { kind: 'DaemonSet', name: 'agent' } }));
  assert.equal(model.cluster().daemonSetPods.size, 0);
  apply(model, 'Node', 'late', node('late'));
  const cluster = model.cluster();
  assert.equal(cluster.usage[0]!.requested.cpu, 500);
  assert.equal(cluster.daemonSetPods.get('default/agent')?.length, 1);
});
