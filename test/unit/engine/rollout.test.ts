/**
 * The rolling-update plan (pkg/controller/daemon/update.go `rollingUpdate`,
 * `updatedDesiredNodeCounts`; daemon_controller.go `podsShouldBeOnNode`; apimachinery intstr
 * `GetScaledValueFromIntOrPercent` with roundUp).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRollout, readDaemonSet, simulateDaemonSet } from '../../../server/src/engine';
import type { SurgeBlocker } from '../../../server/src/engine';
import { cluster, daemonSet, node, pod } from './fixtures';

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

function plan(strategy: Record<string, unknown>, runs: string[], pending: string[] = [], options: { minReadySeconds?: number; blocked?: (name: string) => SurgeBlocker | null } = {}) {
  const { model, findings } = readDaemonSet(daemonSet({}, { updateStrategy: strategy, ...(options.minReadySeconds ? { minReadySeconds: options.minReadySeconds } : {}) }));
  const result = planRollout(model, { runs, pending, surgeBlocker: (i) => options.blocked?.(runs[i]!) ?? null, podStartSeconds: 10 });
  return { ...result.plan, findings };
}

const rolling = (rollingUpdate: Record<string, unknown>) => ({ type: 'RollingUpdate', rollingUpdate });

test('SurgeCount/UnavailableCount: percent of the nodes that should run the pod, rounded up (25% of 7 = 2, 10% of 3 = 1, 100% of 5 = 5)', () => {
  assert.equal(plan(rolling({ maxUnavailable: '25%' }), names('n', 7)).maxUnavailable, 2);
  assert.equal(plan(rolling({ maxUnavailable: '10%' }), names('n', 3)).maxUnavailable, 1);
  assert.equal(plan(rolling({ maxUnavailable: '100%' }), names('n', 5)).maxUnavailable, 5);
  assert.equal(plan(rolling({ maxUnavailable: 0, maxSurge: '34%' }), names('n', 3)).maxSurge, 2);
  // runs and pending both count: 25% of 4 + 4 = 2.
  assert.equal(plan(rolling({ maxUnavailable: '25%' }), names('r', 4), names('p', 4)).maxUnavailable, 2);
});

test('SetDefaults_DaemonSet: no updateStrategy means RollingUpdate, maxUnavailable 1, maxSurge 0 — one node per wave', () => {
  const p = plan({}, ['a', 'b', 'c']);
  assert.equal(p.strategy, 'RollingUpdate');
  assert.deepEqual([p.maxUnavailable, p.maxSurge], [1, 0]);
  assert.deepEqual(p.waves, [['a'], ['b'], ['c']]);
  assert.equal(p.estimatedSeconds, 30);
});

test('updatedDesiredNodeCounts: both 0 falls back to maxUnavailable 1, beside an error finding (the API rejects it)', () => {
  const p = plan(rolling({ maxUnavailable: 0, maxSurge: 0 }), ['a', 'b']);
  assert.deepEqual([p.maxUnavailable, p.maxSurge], [1, 0]);
  assert.deepEqual(p.waves, [['a'], ['b']]);
  const finding = p.findings.find((f) => f.code === 'rollout.both-zero');
  assert.ok(finding);
  assert.deepEqual(finding.path, ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable']);
  assert.equal(finding.severity, 'error');
  // "0%" is zero as well.
  assert.ok(plan(rolling({ maxUnavailable: '0%' }), ['a']).findings.some((f) => f.code === 'rollout.both-zero'));
});

test('OnDelete: no waves, no stall, no estimate; both budgets 0', () => {
  const p = plan({ type: 'OnDelete' }, ['a'], ['b']);
  assert.deepEqual(p, { strategy: 'OnDelete', maxUnavailable: 0, maxSurge: 0, waves: null, stall: null, estimatedSeconds: null, findings: [] });
});

test('waves are [] when no node should run the pod', () => {
  const p = plan(rolling({ maxUnavailable: 1 }), []);
  assert.deepEqual([p.waves, p.stall, p.estimatedSeconds], [[], null, 0]);
});

test('rollingUpdate (maxSurge 0): waves of maxUnavailable nodes in name order; estimate = waves × (start + minReadySeconds)', () => {
  const p = plan(rolling({ maxUnavailable: 2 }), names('n', 5), [], { minReadySeconds: 5 });
  assert.deepEqual(p.waves, [['n01', 'n02'], ['n03', 'n04'], ['n05']]);
  assert.equal(p.estimatedSeconds, 45);
});

test('rollingUpdate (maxSurge 0): unavailable old pods are replaced regardless of budget, in the first wave, and keep counting', () => {
  const p = plan(rolling({ maxUnavailable: 3 }), names('r', 4), ['p1']);
  assert.deepEqual(p.waves, [['p1', 'r01', 'r02'], ['r03', 'r04']]);
  assert.equal(p.stall, null);
  assert.equal(p.estimatedSeconds, 20);
});

test('rollingUpdate (maxSurge 0): pending pods on as many nodes as maxUnavailable stall the rollout for good', () => {
  const p = plan(rolling({ maxUnavailable: 2 }), ['a', 'b', 'c'], ['x', 'y']);
  assert.deepEqual(p.waves, [['x', 'y']]);
  assert.ok(p.stall);
  assert.deepEqual(p.stall.nodes, ['a', 'b', 'c']);
  assert.match(p.stall.reason, /2 pending pods \(x, y\) use the whole maxUnavailable budget of 2/);
  assert.equal(p.estimatedSeconds, null);
});

test('rollingUpdate (surge): up to maxSurge nodes per wave', () => {
  const p = plan(rolling({ maxUnavailable: 0, maxSurge: 2 }), names('n', 5));
  assert.deepEqual([p.maxUnavailable, p.maxSurge], [0, 2]);
  assert.deepEqual(p.waves, [['n01', 'n02'], ['n03', 'n04'], ['n05']]);
  assert.equal(p.stall, null);
});

test('rollingUpdate (surge): a node whose old pod is unavailable gets its new pod at once, without using budget', () => {
  const p = plan(rolling({ maxUnavailable: 0, maxSurge: 1 }), ['a', 'b'], ['p1', 'p2']);
  assert.deepEqual(p.waves, [['a', 'p1', 'p2'], ['b']]);
  assert.equal(p.stall, null);
});

test('rollingUpdate (surge): a surge pod that cannot fit beside its old pod holds budget for good and stalls the rollout', () => {
  const blocked = (name: string): SurgeBlocker | null => (name === 'b' ? { kind: 'hostPort', port: { port: 9100, protocol: 'TCP' } } : null);
  const p = plan(rolling({ maxUnavailable: 0, maxSurge: 1 }), ['a', 'b', 'c', 'd'], [], { blocked });
  assert.deepEqual(p.waves, [['a'], ['b']]);
  assert.ok(p.stall);
  assert.deepEqual(p.stall.nodes, ['b', 'c', 'd']);
  assert.match(p.stall.reason, /host port 9100\/TCP is held by the old pod/);
  // With budget to spare the rollout goes on around the stuck node, and still never finishes it.
  const wide = plan(rolling({ maxUnavailable: 0, maxSurge: 2 }), ['a', 'b', 'c', 'd'], [], { blocked });
  assert.deepEqual(wide.waves, [['a', 'b'], ['c'], ['d']]);
  assert.deepEqual(wide.stall?.nodes, ['b']);
});

test('surge through the simulation: a hostPort DaemonSet with maxSurge stalls at once; resources for two pods are checked', () => {
  const c = cluster([node('a', { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } }), node('b', { allocatable: { cpu: '4', memory: '1Gi', pods: '110' } })]);
  const hostPort = daemonSet({ containers: [{ name: 'x', ports: [{ containerPort: 80, hostPort: 80 }] }] }, { updateStrategy: rolling({ maxUnavailable: 0, maxSurge: 1 }) });
  const sim = simulateDaemonSet(hostPort, c);
  assert.deepEqual(sim.preview.rollout.stall?.nodes, ['a', 'b']);
  const stall = sim.findings.find((f) => f.code === 'rollout.stall');
  assert.ok(stall);
  assert.deepEqual(stall.path, ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable']);
  const heavy = daemonSet({ containers: [{ name: 'x', resources: { requests: { cpu: '600m' } } }] }, { updateStrategy: rolling({ maxUnavailable: 0, maxSurge: 2 }) });
  const heavySim = simulateDaemonSet(heavy, c);
  assert.deepEqual(heavySim.preview.rollout.waves, [['a', 'b']]);
  assert.deepEqual(heavySim.preview.rollout.stall?.nodes, ['a']);
  assert.match(heavySim.preview.rollout.stall?.reason ?? '', /lacks cpu for a second pod/);
});

test('through the simulation: pending nodes count towards the desired number and go in the first wave', () => {
  const c = cluster([node('a'), node('b'), node('c', { allocatable: { cpu: '4', memory: '8Gi', pods: '1' } }), pod('x', 'c')]);
  const sim = simulateDaemonSet(daemonSet({}, { updateStrategy: rolling({ maxUnavailable: '50%' }) }), c);
  assert.equal(sim.preview.rollout.maxUnavailable, 2);
  assert.deepEqual(sim.preview.rollout.waves, [['a', 'c'], ['b']]);
});

test('invalid maxUnavailable values are findings and the default is shown', () => {
  for (const value of ['1', 'one', -1, 1.5, [1]]) {
    const p = plan(rolling({ maxUnavailable: value }), ['a', 'b']);
    assert.equal(p.maxUnavailable, 1, JSON.stringify(value));
    assert.ok(p.findings.some((f) => f.code === 'rollout.invalid-value'), JSON.stringify(value));
  }
});
