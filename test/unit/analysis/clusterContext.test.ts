import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../../server/src/analysis/analyse';
import { defaultSettings } from '../../../server/src/protocol';
import { testValidator, validDaemonSet } from '../../helpers/analysis';
import { clusterContext, inlineCluster } from '../../helpers/cluster';

const twoNodes = `apiVersion: v1
kind: NodeList
items:
  - metadata: {name: b-node, labels: {kubernetes.io/os: linux}}
    status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}
  - metadata: {name: a-node, labels: {kubernetes.io/os: linux}}
    spec:
      taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
    status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}
`;

test('analysis with a cluster simulates each DaemonSet once and shares the result', () => {
  const analysis = analyseText(validDaemonSet, { options: defaultSettings, validator: testValidator(), cluster: clusterContext(inlineCluster(twoNodes)) });
  const model = analysis.daemonSets[0]!;
  const simulation = analysis.simulations?.of(model);
  assert.ok(simulation);
  assert.equal(analysis.simulations?.of(model), simulation, 'memoised');
  // pkg/controller/daemon NodeShouldRunDaemonPod: an untolerated NoSchedule taint gets no pod.
  assert.deepEqual(
    simulation.preview.nodes.map((n) => [n.node, n.placement, n.reason]),
    [
      ['a-node', 'skipped', 'taint'],
      ['b-node', 'runs', null],
    ],
  );
});

test('analysis without a cluster has no simulations', () => {
  const analysis = analyseText(validDaemonSet, { options: defaultSettings, validator: testValidator() });
  assert.equal(analysis.simulations, undefined);
});

test('a DaemonSet with a syntax error has no simulation', () => {
  const broken = validDaemonSet.replace('kind: DaemonSet', 'kind: DaemonSet\nspec: [');
  const analysis = analyseText(broken, { options: defaultSettings, validator: testValidator(), cluster: clusterContext(inlineCluster(twoNodes)) });
  for (const model of analysis.daemonSets) assert.equal(analysis.simulations?.of(model), undefined);
});
