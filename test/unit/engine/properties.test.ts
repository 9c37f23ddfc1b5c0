/**
 * Engine invariants over random clusters and DaemonSets (fast-check), as STYLE.md and issue 5 list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCluster, loadCluster, previewDaemonSets, readClusterObjects, simulateDaemonSet } from '../../../server/src/engine';
import type { Cluster } from '../../../server/src/engine';

type Obj = Record<string, unknown>;

const labelKey = fc.constantFrom('zone', 'pool', 'ssd');
const labelValue = fc.constantFrom('a', 'b');
const effect = fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute');
const taintKey = fc.constantFrom('dedicated', 'gpu', 'node.kubernetes.io/unschedulable', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/network-unavailable');
const taint = fc.record({ key: taintKey, value: fc.constantFrom('', 'x'), effect });
const toleration = fc.record(
  { key: fc.constantFrom('', 'dedicated', 'gpu', 'node.kubernetes.io/not-ready'), operator: fc.constantFrom('Exists', 'Equal', ''), value: fc.constantFrom('', 'x'), effect: fc.constantFrom('', 'NoSchedule', 'NoExecute') },
  { requiredKeys: ['operator'] },
);
const allocatable = fc.option(fc.record({ cpu: fc.integer({ min: 1, max: 4 }).map(String), memory: fc.integer({ min: 1, max: 4 }).map((g) => `${g}Gi`), pods: fc.integer({ min: 1, max: 4 }).map(String) }), { nil: undefined });
const port = fc.record({ containerPort: fc.constantFrom(80, 9100), hostPort: fc.constantFrom(80, 9100), protocol: fc.constantFrom('TCP', 'UDP') });

const nodeArb = fc.record({
  labels: fc.dictionary(labelKey, labelValue, { maxKeys: 3 }),
  taints: fc.array(taint, { maxLength: 2 }),
  allocatable,
});

const clusterArb = fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 12 }).chain((ids) =>
  fc.tuple(
    fc.tuple(...ids.map(() => nodeArb)).map((specs) =>
      specs.map((s, i): Obj => ({
        kind: 'Node',
        metadata: { name: `node-${String(ids[i]).padStart(2, '0')}`, labels: s.labels },
        spec: { taints: s.taints.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect })) },
        status: s.allocatable ? { allocatable: s.allocatable } : {},
      })),
    ),
    fc.array(
      fc.record({
        node: fc.constantFrom(...ids),
        cpu: fc.integer({ min: 0, max: 3000 }),
        ports: fc.array(port, { maxLength: 1 }),
        phase: fc.constantFrom('Running', 'Running', 'Succeeded', 'Pending'),
        owned: fc.boolean(),
      }),
      { maxLength: 10 },
    ).map((pods) =>
      pods.map((p, i): Obj => ({
        kind: 'Pod',
        metadata: { name: `pod-${i}`, namespace: 'default', ...(p.owned ? { ownerReferences: [{ kind: 'DaemonSet', name: 'agent', controller: true }] } : {}) },
        spec: { nodeName: `node-${String(p.node).padStart(2, '0')}`, containers: [{ name: 'c', ports: p.ports, resources: { requests: { cpu: `${p.cpu}m` } } }] },
        status: { phase: p.phase },
      })),
    ),
  ),
);

const intOrPercent = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`));
const daemonSetArb = fc.record({
  nodeSelector: fc.dictionary(labelKey, labelValue, { maxKeys: 1 }),
  tolerations: fc.array(toleration, { maxLength: 2 }),
  cpu: fc.integer({ min: 0, max: 2000 }),
  ports: fc.array(port, { maxLength: 1 }),
  hostNetwork: fc.boolean(),
  maxUnavailable: fc.option(intOrPercent, { nil: undefined }),
  maxSurge: fc.option(intOrPercent, { nil: undefined }),
  onDelete: fc.boolean(),
}).map((d): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default' },
  spec: {
    updateStrategy: d.onDelete ? { type: 'OnDelete' } : { type: 'RollingUpdate', rollingUpdate: { ...(d.maxUnavailable !== undefined ? { maxUnavailable: d.maxUnavailable } : {}), ...(d.maxSurge !== undefined ? { maxSurge: d.maxSurge } : {}) } },
    template: { spec: { nodeSelector: d.nodeSelector, tolerations: d.tolerations, hostNetwork: d.hostNetwork, containers: [{ name: 'c', ports: d.ports, resources: { requests: { cpu: `${d.cpu}m` } } }] } },
  },
}));

function load(objects: Obj[]): Cluster {
  const loaded = loadCluster('test', { text: JSON.stringify({ kind: 'List', items: objects }), label: 'test.json' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return loaded.cluster;
}

/** An independent oracle for "the daemon pod tolerates this taint" (toleration.go ToleratesTaint + the controller's additions). */
function oracleTolerates(ds: Obj, t: { key: string; value: string; effect: string }): boolean {
  const spec = ((ds.spec as Obj).template as Obj).spec as Obj;
  const auto = ['not-ready/NoExecute', 'unreachable/NoExecute', 'disk-pressure/NoSchedule', 'memory-pressure/NoSchedule', 'pid-pressure/NoSchedule', 'unschedulable/NoSchedule'];
  if (spec.hostNetwork === true) auto.push('network-unavailable/NoSchedule');
  if (auto.includes(`${t.key.replace('node.kubernetes.io/', '')}/${t.effect}`) && t.key.startsWith('node.kubernetes.io/')) return true;
  return (spec.tolerations as Obj[]).some((tol) => {
    if (tol.effect && tol.effect !== t.effect) return false;
    if (tol.key && tol.key !== t.key) return false;
    return tol.operator === 'Exists' || ((tol.operator === 'Equal' || tol.operator === '' || tol.operator === undefined) && (tol.value ?? '') === t.value);
  });
}

const params = { numRuns: 150 };

test('property: every node appears exactly once, sorted by name, with a placement consistent with its reason', () => {
  fc.assert(
    fc.property(clusterArb, daemonSetArb, ([nodes, pods], ds) => {
      const cluster = load([...nodes, ...pods]);
      const preview = simulateDaemonSet(ds, cluster).preview;
      const names = preview.nodes.map((n) => n.node);
      assert.deepEqual(names, [...new Set(names)].sort());
      assert.equal(names.length, nodes.length);
      for (const n of preview.nodes) {
        if (n.placement === 'runs') assert.equal(n.reason, null);
        else if (n.placement === 'skipped') assert.ok(['nodeName', 'nodeSelector', 'nodeAffinity', 'taint'].includes(n.reason!));
        else assert.ok(['hostPort', 'resources', 'podCount', 'namespaceNodeSelector', 'nodeSelector'].includes(n.reason!));
        assert.equal(typeof n.detail, 'string');
      }
    }),
    params,
  );
});

test('property: an untolerated NoSchedule or NoExecute taint never gets a pod (daemon_controller.go predicates)', () => {
  fc.assert(
    fc.property(clusterArb, daemonSetArb, ([nodes, pods], ds) => {
      const preview = simulateDaemonSet(ds, load([...nodes, ...pods])).preview;
      for (const node of nodes) {
        const name = (node.metadata as Obj).name as string;
        const taints = ((node.spec as Obj).taints as { key: string; value?: string; effect: string }[]).map((t) => ({ value: '', ...t }));
        const blocked = taints.some((t) => t.effect !== 'PreferNoSchedule' && !oracleTolerates(ds, t));
        if (blocked) assert.equal(preview.nodes.find((n) => n.node === name)!.placement, 'skipped', name);
      }
    }),
    params,
  );
});

test('property: PreferNoSchedule taints never matter', () => {
  fc.assert(
    fc.property(clusterArb, daemonSetArb, ([nodes, pods], ds) => {
      const before = JSON.stringify(simulateDaemonSet(ds, load([...nodes, ...pods])).preview);
      const soft = nodes.map((n) => ({ ...n, spec: { taints: [...((n.spec as Obj).taints as Obj[]), { key: 'soft', value: 'x', effect: 'PreferNoSchedule' }] } }));
      assert.equal(JSON.stringify(simulateDaemonSet(ds, load([...soft, ...pods])).preview), before);
    }),
    params,
  );
});

test('property: no step takes down more available pods than maxUnavailable allows, nor waits on more than maxSurge surge pods; every node that should run the pod is in a wave or in stall.nodes', () => {
  fc.assert(
    fc.property(clusterArb, daemonSetArb, ([nodes, pods], ds) => {
      const preview = simulateDaemonSet(ds, load([...nodes, ...pods])).preview;
      const { rollout } = preview;
      const should = preview.nodes.filter((n) => n.placement !== 'skipped').map((n) => n.node);
      const pending = new Set(preview.nodes.filter((n) => n.placement === 'pending').map((n) => n.node));
      if (rollout.strategy === 'OnDelete') {
        assert.deepEqual([rollout.waves, rollout.stall, rollout.maxUnavailable, rollout.maxSurge], [null, null, 0, 0]);
        return;
      }
      const waves = rollout.waves!;
      const inWaves = waves.flat();
      assert.equal(new Set(inWaves).size, inWaves.length, 'a node is in one wave at most');
      for (const name of inWaves) assert.ok(should.includes(name), `${name} should run the pod`);
      const stalled = new Set(rollout.stall?.nodes ?? []);
      for (const name of should) assert.ok(inWaves.includes(name) || stalled.has(name), `${name} is neither in a wave nor stalled`);
      for (const wave of waves) assert.deepEqual(wave, [...wave].sort(), 'a wave lists nodes by name');
      if (rollout.maxSurge === 0) {
        const budget = Math.max(0, rollout.maxUnavailable - pending.size);
        for (const wave of waves) assert.ok(wave.filter((n) => !pending.has(n)).length <= budget, JSON.stringify({ wave, budget }));
      } else {
        let stuck = 0;
        for (const wave of waves) {
          const running = wave.filter((n) => !pending.has(n));
          assert.ok(running.length + stuck <= rollout.maxSurge, JSON.stringify({ wave, stuck, maxSurge: rollout.maxSurge }));
          stuck += running.filter((n) => stalled.has(n)).length;
        }
      }
      if (rollout.stall) assert.equal(rollout.estimatedSeconds, null);
      else assert.ok(Number.isInteger(rollout.estimatedSeconds) && rollout.estimatedSeconds! >= 0);
    }),
    params,
  );
});

test('property: shuffling nodes, pods or documents changes nothing', () => {
  fc.assert(
    fc.property(clusterArb, daemonSetArb, daemonSetArb, fc.integer(), ([nodes, pods], ds1, ds2, seed) => {
      const second = { ...ds2, metadata: { name: 'other', namespace: 'team' } };
      const shuffle = <T>(items: T[]): T[] => {
        const out = [...items];
        let s = seed;
        for (let i = out.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) & 0x7fffffff;
          const j = s % (i + 1);
          [out[i], out[j]] = [out[j]!, out[i]!];
        }
        return out;
      };
      const a = JSON.stringify(previewDaemonSets([ds1, second], load([...nodes, ...pods])).result);
      const b = JSON.stringify(previewDaemonSets([second, ds1], load(shuffle([...pods, ...nodes]))).result);
      assert.equal(b, a);
    }),
    params,
  );
});

test('property: any value as a DaemonSet or as cluster objects gives a result, never an exception', () => {
  const c = load([{ kind: 'Node', metadata: { name: 'a' } }]);
  const junk = fc.jsonValue({ maxDepth: 6 });
  const shaped = (kind: string) => fc.record({ kind: fc.constant(kind), metadata: fc.record({ name: fc.constantFrom('a', 'b') }), spec: junk, status: junk, overhead: junk, scheduling: junk });
  const dsShaped = fc.record({ kind: fc.constant('DaemonSet'), metadata: junk, spec: fc.oneof(junk, fc.record({ template: fc.record({ spec: junk }), updateStrategy: junk })) });
  fc.assert(
    fc.property(fc.oneof(junk, dsShaped), (value) => {
      const { result, simulations } = previewDaemonSets([value], c);
      JSON.stringify(result);
      for (const s of simulations) for (const n of s.preview.nodes) assert.equal(typeof n.detail, 'string');
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(junk, shaped('Node'), shaped('Pod'), shaped('Namespace'), shaped('RuntimeClass')), { maxLength: 4 }), (values) => {
      const r = readClusterObjects(values, 'junk.yaml');
      if (!r.ok) assert.ok(r.problems.every((p) => p.startsWith('junk.yaml')));
      else if (r.objects.nodes.length > 0) {
        const built = buildCluster('junk', [r.objects]);
        if (built.ok) JSON.stringify(previewDaemonSets([{ kind: 'DaemonSet', metadata: { name: 'x' } }], built.cluster).result);
      }
    }),
    { numRuns: 300 },
  );
});
