/**
 * Placement rules, each named after the Kubernetes behaviour it pins down and its source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateDaemonSet } from '../../../server/src/engine';
import type { Cluster } from '../../../server/src/engine';
import { cluster, daemonSet, node, pod } from './fixtures';

/** `placement/reason` of each node, by name. */
function place(c: Cluster, ds: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of simulateDaemonSet(ds, c).preview.nodes) out[n.node] = n.reason ? `${n.placement}/${n.reason}` : n.placement;
  return out;
}

function detailOf(c: Cluster, ds: Record<string, unknown>, nodeName: string): string {
  return simulateDaemonSet(ds, c).preview.nodes.find((n) => n.node === nodeName)!.detail;
}

const affinity = (terms: unknown[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });

// --- daemon_controller.go NodeShouldRunDaemonPod / predicates -------------------------------------

test('NodeShouldRunDaemonPod: spec.template.spec.nodeName skips every other node', () => {
  const c = cluster([node('a'), node('b')]);
  assert.deepEqual(place(c, daemonSet({ nodeName: 'b' })), { a: 'skipped/nodeName', b: 'runs' });
  assert.match(detailOf(c, daemonSet({ nodeName: 'b' }), 'a'), /nodeName is b/);
});

test('GetRequiredNodeAffinity: nodeSelector needs every key with an equal value', () => {
  const c = cluster([node('a', { labels: { ssd: 'true', zone: 'z1' } }), node('b', { labels: { ssd: 'false' } }), node('c'), node('d', { labels: { ssd: '' } })]);
  assert.deepEqual(place(c, daemonSet({ nodeSelector: { ssd: 'true' } })), { a: 'runs', b: 'skipped/nodeSelector', c: 'skipped/nodeSelector', d: 'skipped/nodeSelector' });
  assert.deepEqual(place(c, daemonSet({ nodeSelector: { ssd: 'true', zone: 'z2' } })).a, 'skipped/nodeSelector');
  assert.deepEqual(place(c, daemonSet({ nodeSelector: { ssd: '' } })).d, 'runs');
  assert.match(detailOf(c, daemonSet({ nodeSelector: { ssd: 'true' } }), 'b'), /nodeSelector ssd=true does not match: the node has ssd=false/);
  assert.match(detailOf(c, daemonSet({ nodeSelector: { ssd: 'true' } }), 'c'), /no label ssd/);
});

test('Requirement.Matches: In and NotIn (NotIn matches a node without the label)', () => {
  const c = cluster([node('amd', { labels: { arch: 'amd64' } }), node('arm', { labels: { arch: 'arm64' } }), node('none')]);
  const inDs = daemonSet(affinity([{ matchExpressions: [{ key: 'arch', operator: 'In', values: ['arm64', 'riscv'] }] }]));
  assert.deepEqual(place(c, inDs), { amd: 'skipped/nodeAffinity', arm: 'runs', none: 'skipped/nodeAffinity' });
  const notIn = daemonSet(affinity([{ matchExpressions: [{ key: 'arch', operator: 'NotIn', values: ['arm64'] }] }]));
  assert.deepEqual(place(c, notIn), { amd: 'runs', arm: 'skipped/nodeAffinity', none: 'runs' });
  assert.match(detailOf(c, inDs, 'amd'), /arch In \[arm64, riscv\] does not hold \(the node has arch=amd64\)/);
});

test('Requirement.Matches: Exists and DoesNotExist look at the key only', () => {
  const c = cluster([node('gpu', { labels: { gpu: '' } }), node('cpu')]);
  assert.deepEqual(place(c, daemonSet(affinity([{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }]))), { gpu: 'runs', cpu: 'skipped/nodeAffinity' });
  assert.deepEqual(place(c, daemonSet(affinity([{ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }]))), { gpu: 'skipped/nodeAffinity', cpu: 'runs' });
});

test('Requirement.Matches: Gt and Lt compare integers; a non-integer or missing label never matches', () => {
  const c = cluster([node('n2', { labels: { cores: '2' } }), node('n8', { labels: { cores: '8' } }), node('nx', { labels: { cores: 'many' } }), node('n0')]);
  assert.deepEqual(place(c, daemonSet(affinity([{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }]))), {
    n2: 'skipped/nodeAffinity', n8: 'runs', nx: 'skipped/nodeAffinity', n0: 'skipped/nodeAffinity',
  });
  assert.deepEqual(place(c, daemonSet(affinity([{ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }]))), {
    n2: 'runs', n8: 'skipped/nodeAffinity', nx: 'skipped/nodeAffinity', n0: 'skipped/nodeAffinity',
  });
});

test('nodeSelectorRequirementsAsFieldSelector: matchFields metadata.name In / NotIn', () => {
  const c = cluster([node('a'), node('b')]);
  assert.deepEqual(place(c, daemonSet(affinity([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }] }]))), { a: 'runs', b: 'skipped/nodeAffinity' });
  assert.deepEqual(place(c, daemonSet(affinity([{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['a'] }] }]))), { a: 'skipped/nodeAffinity', b: 'runs' });
});

test('LazyErrorNodeSelector.Match: terms are ORed, expressions within a term ANDed', () => {
  const c = cluster([node('a', { labels: { x: '1', y: '1' } }), node('b', { labels: { x: '1' } }), node('c', { labels: { z: '1' } })]);
  const ds = daemonSet(affinity([
    { matchExpressions: [{ key: 'x', operator: 'Exists' }, { key: 'y', operator: 'Exists' }] },
    { matchExpressions: [{ key: 'z', operator: 'In', values: ['1'] }] },
  ]));
  assert.deepEqual(place(c, ds), { a: 'runs', b: 'skipped/nodeAffinity', c: 'runs' });
  assert.match(detailOf(c, ds, 'b'), /term 1: y Exists does not hold.*term 2: z In \[1\] does not hold/);
});

test('NewLazyErrorNodeSelector: an empty term, or no terms at all, matches no node', () => {
  const c = cluster([node('a')]);
  assert.deepEqual(place(c, daemonSet(affinity([]))), { a: 'skipped/nodeAffinity' });
  assert.deepEqual(place(c, daemonSet(affinity([{}]))), { a: 'skipped/nodeAffinity' });
  assert.deepEqual(place(c, daemonSet(affinity([{ matchExpressions: [] }]))), { a: 'skipped/nodeAffinity' });
});

test('LazyErrorNodeSelector: a term that does not parse matches nothing, another term still can; the error is a finding', () => {
  const c = cluster([node('a', { labels: { x: '1' } })]);
  const ds = daemonSet(affinity([
    { matchExpressions: [{ key: 'x', operator: 'Gt', values: ['one'] }] },
    { matchExpressions: [{ key: 'x', operator: 'In', values: ['1'] }] },
  ]));
  const sim = simulateDaemonSet(ds, c);
  assert.equal(sim.preview.nodes[0]!.placement, 'runs');
  const finding = sim.findings.find((f) => f.code === 'affinity.invalid');
  assert.ok(finding);
  assert.deepEqual(finding.path, ['spec', 'template', 'spec', 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms', 0, 'matchExpressions', 0, 'values']);
  const onlyBad = simulateDaemonSet(daemonSet(affinity([{ matchExpressions: [{ key: 'x', operator: 'In', values: [] }] }])), c);
  assert.equal(onlyBad.preview.nodes[0]!.placement, 'skipped');
});

test('RequiredNodeAffinity.Match: nodeSelector and node affinity must both hold', () => {
  const c = cluster([node('a', { labels: { x: '1', y: '1' } }), node('b', { labels: { x: '1' } })]);
  const ds = daemonSet({ nodeSelector: { x: '1' }, ...affinity([{ matchExpressions: [{ key: 'y', operator: 'Exists' }] }]) });
  assert.deepEqual(place(c, ds), { a: 'runs', b: 'skipped/nodeAffinity' });
});

// --- taints and tolerations ---------------------------------------------------------------------

test('predicates: an untolerated NoSchedule or NoExecute taint skips the node; PreferNoSchedule never does', () => {
  const c = cluster([
    node('ns', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }),
    node('ne', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] }),
    node('pns', { taints: [{ key: 'dedicated', value: 'db', effect: 'PreferNoSchedule' }] }),
  ]);
  assert.deepEqual(place(c, daemonSet()), { ns: 'skipped/taint', ne: 'skipped/taint', pns: 'runs' });
  assert.match(detailOf(c, daemonSet(), 'ns'), /taint dedicated=db:NoSchedule is not tolerated/);
});

test('ToleratesTaint: empty key with Exists tolerates every taint', () => {
  const c = cluster([node('a', { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }, { key: 'j', effect: 'NoSchedule' }] })]);
  assert.deepEqual(place(c, daemonSet({ tolerations: [{ operator: 'Exists' }] })), { a: 'runs' });
});

test('ToleratesTaint: an empty effect matches every effect; a set effect only its own', () => {
  const c = cluster([node('a', { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] })]);
  assert.deepEqual(place(c, daemonSet({ tolerations: [{ key: 'k', operator: 'Equal', value: 'v' }] })), { a: 'runs' });
  assert.deepEqual(place(c, daemonSet({ tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }] })), { a: 'skipped/taint' });
});

test('ToleratesTaint: operator "" means Equal; Equal needs the same value; Exists ignores it', () => {
  const c = cluster([node('a', { taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] })]);
  assert.deepEqual(place(c, daemonSet({ tolerations: [{ key: 'k', value: 'v' }] })), { a: 'runs' });
  assert.deepEqual(place(c, daemonSet({ tolerations: [{ key: 'k', value: 'w' }] })), { a: 'skipped/taint' });
  assert.deepEqual(place(c, daemonSet({ tolerations: [{ key: 'k' }] })), { a: 'skipped/taint' });
  assert.deepEqual(place(c, daemonSet({ tolerations: [{ key: 'k', operator: 'Exists' }] })), { a: 'runs' });
});

test('ToleratesTaint: Gt/Lt tolerations sit behind an alpha gate (off by default) and tolerate nothing', () => {
  const c = cluster([node('a', { taints: [{ key: 'sla', value: '5', effect: 'NoSchedule' }] })]);
  assert.deepEqual(place(c, daemonSet({ tolerations: [{ key: 'sla', operator: 'Gt', value: '1' }] })), { a: 'skipped/taint' });
});

test('AddOrUpdateDaemonPodTolerations: cordoned and memory-, disk-, pid-pressure nodes still get a daemon pod', () => {
  const c = cluster([
    node('cordoned', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }),
    node('memory', { taints: [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }] }),
    node('disk', { taints: [{ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' }] }),
    node('pid', { taints: [{ key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' }] }),
  ]);
  assert.deepEqual(place(c, daemonSet()), { cordoned: 'runs', memory: 'runs', disk: 'runs', pid: 'runs' });
  assert.match(detailOf(c, daemonSet(), 'cordoned'), /cordoned/);
});

test('AddOrUpdateDaemonPodTolerations: not-ready is tolerated only as NoExecute, so a NotReady node is skipped', () => {
  const c = cluster([
    node('notready', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }),
    node('noexecute-only', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] }),
  ]);
  assert.deepEqual(place(c, daemonSet()), { notready: 'skipped/taint', 'noexecute-only': 'runs' });
  assert.match(detailOf(c, daemonSet(), 'notready'), /not-ready:NoSchedule is not tolerated.*only with effect NoExecute/);
});

test('node_lifecycle_controller nodeConditionToTaintKeyStatusMap: a hand-written Ready=False node gets its not-ready taints', () => {
  const c = cluster([node('down', { conditions: { Ready: 'False' } }), node('lost', { conditions: { Ready: 'Unknown' } }), node('up')]);
  assert.deepEqual(place(c, daemonSet()), { down: 'skipped/taint', lost: 'skipped/taint', up: 'runs' });
  const taints = c.nodes.find((n) => n.name === 'down')!.taints;
  assert.deepEqual(taints.map((t) => `${t.key}:${t.effect}`), ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
});

test('AddOrUpdateDaemonPodTolerations: network-unavailable is tolerated only with hostNetwork', () => {
  const c = cluster([node('a', { taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] })]);
  assert.deepEqual(place(c, daemonSet()), { a: 'skipped/taint' });
  assert.deepEqual(place(c, daemonSet({ hostNetwork: true })), { a: 'runs' });
});

// --- scheduler filters: created but Pending ------------------------------------------------------

test('NodePorts: a host port taken on the node keeps the pod Pending; TCP and UDP on one number do not conflict', () => {
  const c = cluster([node('a'), node('b'), node('c')], 'x');
  const withPods = cluster([
    node('a'), node('b'), node('c'),
    pod('exporter', 'a', {}, { spec: { containers: [{ name: 'c', ports: [{ containerPort: 9100, hostPort: 9100 }] }] } }),
    pod('dns', 'b', {}, { spec: { containers: [{ name: 'c', ports: [{ containerPort: 9100, hostPort: 9100, protocol: 'UDP' }] }] } }),
  ]);
  const ds = daemonSet({ containers: [{ name: 'app', ports: [{ containerPort: 9100, hostPort: 9100 }] }] });
  assert.deepEqual(place(c, ds), { a: 'runs', b: 'runs', c: 'runs' });
  assert.deepEqual(place(withPods, ds), { a: 'pending/hostPort', b: 'runs', c: 'runs' });
  assert.match(detailOf(withPods, ds, 'a'), /host port 9100\/TCP is already taken by pod default\/exporter/);
});

test('HostPortInfo.CheckConflict: hostIP 0.0.0.0 (or empty) overlaps every address; two specific addresses do not', () => {
  const used = (hostIP: string) => pod('p', 'a', {}, { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80, hostIP }] }] } });
  const ds = (hostIP?: string) => daemonSet({ containers: [{ name: 'app', ports: [{ containerPort: 80, hostPort: 80, ...(hostIP ? { hostIP } : {}) }] }] });
  assert.equal(place(cluster([node('a'), used('10.0.0.1')]), ds()).a, 'pending/hostPort');
  assert.equal(place(cluster([node('a'), used('10.0.0.1')]), ds('10.0.0.1')).a, 'pending/hostPort');
  assert.equal(place(cluster([node('a'), used('10.0.0.1')]), ds('10.0.0.2')).a, 'runs');
  assert.equal(place(cluster([node('a'), used('')]), ds('10.0.0.2')).a, 'pending/hostPort');
});

test('defaultHostNetworkPorts: with hostNetwork every containerPort is a host port', () => {
  const c = cluster([node('a'), pod('p', 'a', {}, { spec: { hostNetwork: true, containers: [{ name: 'c', ports: [{ containerPort: 10250 }] }] } })]);
  const ds = daemonSet({ hostNetwork: true, containers: [{ name: 'app', ports: [{ containerPort: 10250 }] }] });
  assert.equal(place(c, ds).a, 'pending/hostPort');
  assert.equal(place(c, daemonSet({ containers: [{ name: 'app', ports: [{ containerPort: 10250 }] }] })).a, 'runs');
});

test('GetHostPorts: sidecars (restartPolicy Always) hold host ports, classic init containers do not', () => {
  const c = cluster([node('a'), pod('p', 'a', {}, { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80 }] }] } })]);
  const sidecar = daemonSet({ initContainers: [{ name: 's', restartPolicy: 'Always', ports: [{ containerPort: 80, hostPort: 80 }] }] });
  const init = daemonSet({ initContainers: [{ name: 'i', ports: [{ containerPort: 80, hostPort: 80 }] }] });
  assert.equal(place(c, sidecar).a, 'pending/hostPort');
  assert.equal(place(c, init).a, 'runs');
});

test('fitsRequest: requests over allocatable minus other pods\' requests keep the pod Pending', () => {
  const c = cluster([node('small', { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } }), pod('app', 'small', { cpu: '500m', memory: '724Mi' })]);
  assert.equal(place(c, daemonSet({ containers: [{ name: 'a', resources: { requests: { memory: '300Mi' } } }] })).small, 'runs');
  const big = daemonSet({ containers: [{ name: 'a', resources: { requests: { memory: '512Mi' } } }] });
  assert.equal(place(c, big).small, 'pending/resources');
  assert.match(detailOf(c, big, 'small'), /requests 512Mi memory; 300Mi of 1Gi allocatable is free/);
  assert.equal(place(c, daemonSet({ containers: [{ name: 'a', resources: { requests: { cpu: '600m' } } }] })).small, 'pending/resources');
});

test('fitsRequest: a pod that requests nothing fits even on an overcommitted node', () => {
  const c = cluster([node('full', { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } }), pod('hog', 'full', { cpu: '2', memory: '2Gi' })]);
  assert.equal(place(c, daemonSet()).full, 'runs');
});

test('fitsRequest: an extended resource the node lacks keeps the pod Pending', () => {
  const c = cluster([node('cpu-only'), node('gpu', { allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'nvidia.com/gpu': '1' } })]);
  const ds = daemonSet({ containers: [{ name: 'a', resources: { limits: { 'nvidia.com/gpu': '1' } } }] });
  assert.deepEqual(place(c, ds), { 'cpu-only': 'pending/resources', gpu: 'runs' });
  assert.match(detailOf(c, ds, 'cpu-only'), /requests 1 nvidia.com\/gpu; 0 of 0 allocatable is free/);
});

test('SetDefaults_Pod: a container limit without a request requests the limit', () => {
  const c = cluster([node('a', { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } })]);
  assert.equal(place(c, daemonSet({ containers: [{ name: 'a', resources: { limits: { memory: '2Gi' } } }] })).a, 'pending/resources');
  const sim = simulateDaemonSet(daemonSet({ containers: [{ name: 'a', resources: { limits: { cpu: '300m' }, requests: { cpu: '100m' } } }] }), c);
  assert.equal(sim.requests.cpu, 100);
});

test('PodRequests: max(containers + sidecars, each init container + the sidecars started before it) + overhead', () => {
  const c = cluster([node('a')]);
  const requests = (podSpec: Record<string, unknown>) => simulateDaemonSet(daemonSet(podSpec), c).requests;
  const res = (cpu: string) => ({ resources: { requests: { cpu } } });
  // containers 100m + sidecar 50m = 150m; init 1 (before the sidecar) 120m; init 2 (after it) 120m + 50m = 170m.
  const spec = {
    initContainers: [{ name: 'i1', ...res('120m') }, { name: 's', restartPolicy: 'Always', ...res('50m') }, { name: 'i2', ...res('120m') }],
    containers: [{ name: 'c', ...res('100m') }],
  };
  assert.equal(requests(spec).cpu, 170);
  assert.equal(requests({ ...spec, initContainers: [{ name: 's', restartPolicy: 'Always', ...res('50m') }] }).cpu, 150);
  assert.equal(requests({ ...spec, overhead: { cpu: '10m' } }).cpu, 180);
});

test('PodRequests: pod-level resources replace cpu and memory only; pod-level limits alone default the requests', () => {
  const c = cluster([node('a')]);
  const requests = (podSpec: Record<string, unknown>) => simulateDaemonSet(daemonSet(podSpec), c).requests;
  const containers = [{ name: 'c', resources: { requests: { cpu: '100m', memory: '64Mi', 'example.com/dongle': '1' } } }];
  const r = requests({ containers, resources: { requests: { cpu: '1', memory: '1Gi' } } });
  assert.deepEqual([r.cpu, r.memory, r.scalars], [1000, 2 ** 30, { 'example.com/dongle': 1 }]);
  // defaultPodRequests: containers request cpu, so the pod-level cpu request is their sum; memory takes the pod limit.
  const limitsOnly = requests({ containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }], resources: { limits: { cpu: '2', memory: '512Mi' } } });
  assert.deepEqual([limitsOnly.cpu, limitsOnly.memory], [100, 512 * 2 ** 20]);
});

test('fitsRequest: allowed pod number — a node whose pod slots are all taken keeps the pod Pending', () => {
  const c = cluster([node('a', { allocatable: { cpu: '4', memory: '8Gi', pods: '2' } }), pod('p1', 'a'), pod('p2', 'a')]);
  assert.equal(place(c, daemonSet()).a, 'pending/podCount');
  assert.match(detailOf(c, daemonSet(), 'a'), /all 2 pod slots are taken/);
});

test('scheduler cache: Succeeded and Failed pods take nothing; bound Pending pods do', () => {
  const alloc = { cpu: '1', memory: '1Gi', pods: '1' };
  assert.equal(place(cluster([node('a', { allocatable: alloc }), pod('done', 'a', { cpu: '1' }, { phase: 'Succeeded' })]), daemonSet()).a, 'runs');
  assert.equal(place(cluster([node('a', { allocatable: alloc }), pod('failed', 'a', { cpu: '1' }, { phase: 'Failed' })]), daemonSet()).a, 'runs');
  assert.equal(place(cluster([node('a', { allocatable: alloc }), pod('starting', 'a', {}, { phase: 'Pending' })]), daemonSet()).a, 'pending/podCount');
});

test('DESIGN.md: pods owned by the simulated DaemonSet are left out (their ports, requests and slots)', () => {
  const owned = pod('agent-x', 'a', { cpu: '1' }, { owner: { kind: 'DaemonSet', name: 'agent' }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80 }], resources: { requests: { cpu: '1' } } }] } });
  const c = cluster([node('a', { allocatable: { cpu: '1', memory: '1Gi', pods: '1' } }), owned]);
  const podSpec = { containers: [{ name: 'app', ports: [{ containerPort: 80, hostPort: 80 }], resources: { requests: { cpu: '1' } } }] };
  assert.equal(place(c, daemonSet(podSpec)).a, 'runs');
  assert.equal(place(c, daemonSet(podSpec, {}, 'other')).a, 'pending/hostPort');
});

test('contract: when several reasons apply the first in the order wins (hostPort before resources before podCount)', () => {
  const c = cluster([
    node('a', { allocatable: { cpu: '1', memory: '1Gi', pods: '1' } }),
    pod('p', 'a', { cpu: '1' }, { spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80 }], resources: { requests: { cpu: '1' } } }] } }),
  ]);
  const ds = (podSpec: Record<string, unknown>) => daemonSet(podSpec);
  assert.equal(place(c, ds({ containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 80 }], resources: { requests: { cpu: '1' } } }] })).a, 'pending/hostPort');
  assert.equal(place(c, ds({ containers: [{ name: 'a', resources: { requests: { cpu: '1' } } }] })).a, 'pending/resources');
  assert.equal(place(c, ds({})).a, 'pending/podCount');
});

// --- admission: namespace node selectors and RuntimeClass ---------------------------------------

const ns = (name: string, annotations: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, annotations } });

test('PodNodeSelector Admit: the namespace selector is merged into the pod; excluded nodes get a Pending pod', () => {
  const c = cluster([node('a', { labels: { pool: 'general' } }), node('b', { labels: { pool: 'gpu' } }), ns('team', { 'scheduler.alpha.kubernetes.io/node-selector': 'pool=general' })]);
  assert.deepEqual(place(c, daemonSet({}, {}, 'agent', 'team')), { a: 'runs', b: 'pending/namespaceNodeSelector' });
  assert.deepEqual(place(c, daemonSet({}, {}, 'agent', 'other')), { a: 'runs', b: 'runs' });
  assert.match(detailOf(c, daemonSet({}, {}, 'agent', 'team'), 'b'), /namespace team's default node selector .* requires pool=general and the node has pool=gpu/);
});

test('PodNodeSelector Admit: a pod nodeSelector that conflicts with the namespace selector is rejected on every node', () => {
  const c = cluster([node('a', { labels: { pool: 'general' } }), node('b', { labels: { pool: 'gpu' } }), ns('team', { 'openshift.io/node-selector': 'pool=general' })]);
  const ds = daemonSet({ nodeSelector: { pool: 'gpu' } }, {}, 'agent', 'team');
  assert.deepEqual(place(c, ds), { a: 'skipped/nodeSelector', b: 'pending/namespaceNodeSelector' });
  assert.match(detailOf(c, ds, 'b'), /rejects the pod: its nodeSelector pool=gpu conflicts with namespace team's node selector pool=general/);
});

test('namespace selectors: both annotations apply (ANDed, comma = AND); an empty one restricts nothing', () => {
  const c = cluster([
    node('a', { labels: { pool: 'general', zone: 'z1' } }), node('b', { labels: { pool: 'general', zone: 'z2' } }),
    ns('both', { 'scheduler.alpha.kubernetes.io/node-selector': 'pool=general', 'openshift.io/node-selector': 'zone=z1' }),
    ns('empty', { 'openshift.io/node-selector': '' }),
    ns('comma', { 'openshift.io/node-selector': 'pool=general, zone=z2' }),
  ]);
  assert.deepEqual(place(c, daemonSet({}, {}, 'x', 'both')), { a: 'runs', b: 'pending/namespaceNodeSelector' });
  assert.deepEqual(place(c, daemonSet({}, {}, 'x', 'empty')), { a: 'runs', b: 'runs' });
  assert.deepEqual(place(c, daemonSet({}, {}, 'x', 'comma')), { a: 'pending/namespaceNodeSelector', b: 'runs' });
});

test('RuntimeClass admission: overhead.podFixed is added to the requests; scheduling.nodeSelector leaves a Pending pod', () => {
  const rc = { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'gvisor' }, handler: 'runsc', overhead: { podFixed: { memory: '120Mi', cpu: '250m' } }, scheduling: { nodeSelector: { sandbox: 'gvisor' } } };
  const c = cluster([node('a', { labels: { sandbox: 'gvisor' } }), node('b'), rc]);
  const ds = daemonSet({ runtimeClassName: 'gvisor', containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }] });
  const sim = simulateDaemonSet(ds, c);
  assert.equal(sim.requests.cpu, 350);
  assert.equal(sim.requests.memory, 120 * 2 ** 20);
  assert.deepEqual(place(c, ds), { a: 'runs', b: 'pending/nodeSelector' });
});
