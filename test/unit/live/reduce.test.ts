import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reduceNamespace, reduceNode, reducePod, reduceRuntimeClass, InternPool } from '../../../server/src/live/reduce';
import { generatedNode, generatedPod } from '../../helpers/fakeKubeApi';

test('reduceNode keeps name, labels, taints (without timeAdded), unschedulable, allocatable, condition statuses', () => {
  const node = reduceNode({
    metadata: { name: 'n1', labels: { zone: 'a' }, annotations: { big: 'x' }, managedFields: [{}] },
    spec: { taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule', timeAdded: '2025-01-01T00:00:00Z' }, { key: 'bare', effect: 'NoExecute' }], unschedulable: true, podCIDR: '10.0.0.0/24' },
    status: { allocatable: { cpu: '4', pods: '110' }, capacity: { cpu: '8' }, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: 'x', message: 'ok' }], images: [{ names: ['a'] }] },
  });
  assert.deepEqual(node, {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1', labels: { zone: 'a' } },
    spec: { taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }, { key: 'bare', effect: 'NoExecute' }], unschedulable: true },
    status: { allocatable: { cpu: '4', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
  });
});

test('reduceNode gives null for an item without a name, and never throws on junk', () => {
  assert.equal(reduceNode({ metadata: {} }), null);
  for (const junk of [null, 3, 'x', [], { metadata: 'x' }, { metadata: { name: 'n' }, spec: { taints: 'x' }, status: { conditions: [null, 1] } }]) {
    assert.doesNotThrow(() => reduceNode(junk));
  }
});

test('reducePod keeps what occupies a node: requests/limits, host ports, sidecars, overhead, pod-level resources, owner', () => {
  const pod = reducePod({
    metadata: { namespace: 'kube-system', name: 'p', labels: { a: 'b' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'u1', controller: true, blockOwnerDeletion: true }] },
    spec: {
      nodeName: 'n1',
      containers: [{ name: 'c', image: 'i', env: [{ name: 'A' }], resources: { requests: { cpu: '100m' }, limits: { memory: '1Gi' } }, ports: [{ containerPort: 80 }, { containerPort: 9100, hostPort: 9100, protocol: 'TCP', hostIP: '0.0.0.0' }] }],
      initContainers: [{ name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '10m' } } }],
      overhead: { cpu: '250m' },
      resources: { limits: { cpu: '1' } },
      runtimeClassName: 'kata',
      priority: 1000,
      volumes: [{ name: 'v' }],
    },
    status: { phase: 'Running', podIP: '10.0.0.1', containerStatuses: [{}] },
  });
  assert.deepEqual(pod, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: 'kube-system', name: 'p', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'u1', controller: true }] },
    spec: {
      nodeName: 'n1',
      containers: [{ name: 'c', resources: { requests: { cpu: '100m' }, limits: { memory: '1Gi' } }, ports: [{ containerPort: 9100, hostPort: 9100, hostIP: '0.0.0.0', protocol: 'TCP' }] }],
      initContainers: [{ name: 'sidecar', resources: { requests: { cpu: '10m' } }, restartPolicy: 'Always' }],
      overhead: { cpu: '250m' },
      resources: { limits: { cpu: '1' } },
      runtimeClassName: 'kata',
      priority: 1000,
    },
    status: { phase: 'Running' },
  });
});

test('reducePod keeps every container port with hostNetwork (pod defaulting makes each a host port)', () => {
  const pod = reducePod({ metadata: { name: 'p' }, spec: { nodeName: 'n', hostNetwork: true, containers: [{ name: 'c', ports: [{ containerPort: 53, protocol: 'UDP' }] }] }, status: { phase: 'Running' } });
  assert.deepEqual(pod?.spec.containers[0]?.ports, [{ containerPort: 53, protocol: 'UDP' }]);
  assert.equal(pod?.spec.hostNetwork, true);
  assert.equal(pod?.metadata.namespace, 'default');
});

test('reducePod drops unbound pods (they hold no node yet) and terminal ones (pkg/scheduler/scheduler.go newPodInformer)', () => {
  assert.equal(reducePod({ metadata: { name: 'p' }, spec: { containers: [] }, status: { phase: 'Pending' } }), null);
  assert.equal(reducePod({ metadata: { name: 'p' }, spec: { nodeName: 'n', containers: [] }, status: { phase: 'Succeeded' } }), null);
  assert.equal(reducePod({ metadata: { name: 'p' }, spec: { nodeName: 'n', containers: [] }, status: { phase: 'Failed' } }), null);
  assert.equal(reducePod({ metadata: { name: 'p' }, spec: { nodeName: 'n', containers: [] }, status: { phase: 'Pending' } })?.status.phase, 'Pending');
});

test('reduceNamespace keeps only the node-selector annotations (PodNodeSelector, OpenShift)', () => {
  const ns = reduceNamespace({ metadata: { name: 'team', labels: { a: 'b' }, annotations: { 'scheduler.alpha.kubernetes.io/node-selector': 'pool=a', 'openshift.io/node-selector': 'x=y', other: 'z' } } });
  assert.deepEqual(ns, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', annotations: { 'scheduler.alpha.kubernetes.io/node-selector': 'pool=a', 'openshift.io/node-selector': 'x=y' } } });
  assert.deepEqual(reduceNamespace({ metadata: { name: 'plain', annotations: { other: 'z' } } }), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'plain' } });
});

test('a reduced realistic pod is a small fraction of the original JSON', () => {
  const size = { nodes: 10, namespaces: 3 };
  const full = JSON.stringify(generatedPod(7, size)).length;
  const reduced = JSON.stringify(reducePod(generatedPod(7, size))).length;
  assert.ok(reduced * 4 < full, `${reduced} vs ${full}`);
  assert.ok(JSON.stringify(reduceNode(generatedNode(7))).length * 5 < JSON.stringify(generatedNode(7)).length);
});

test('InternPool shares equal strings, and equal parts of replica pods as one frozen object', () => {
  const pool = new InternPool();
  const size = { nodes: 1, namespaces: 1 };
  const a = reducePod(JSON.parse(JSON.stringify(generatedPod(1, size))), pool);
  const b = reducePod(JSON.parse(JSON.stringify(generatedPod(1 + 997, size))), pool); // same ReplicaSet
  assert.ok(a && b && a !== b);
  assert.notEqual(a.metadata.name, b.metadata.name);
  assert.equal(pool.intern('node-00000'), a.spec.nodeName);
  assert.equal(a.spec.containers, b.spec.containers);
  assert.equal(a.metadata.ownerReferences, b.metadata.ownerReferences);
  assert.ok(Object.isFrozen(a.spec.containers) && Object.isFrozen(a.spec.containers[0]?.resources?.requests));
  const other = reducePod(JSON.parse(JSON.stringify(generatedPod(2, size))), pool);
  assert.notEqual(other?.metadata.ownerReferences, a.metadata.ownerReferences);
});

test('reduceRuntimeClass keeps handler, overhead.podFixed and scheduling (plugin/pkg/admission/runtimeclass)', () => {
  assert.deepEqual(
    reduceRuntimeClass({ apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'gvisor', uid: 'x', managedFields: [] }, handler: 'runsc', overhead: { podFixed: { cpu: '100m' } }, scheduling: { nodeSelector: { sandbox: 'true' }, tolerations: [{ key: 'sandbox', operator: 'Exists' }] } }),
    { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'gvisor' }, handler: 'runsc', overhead: { podFixed: { cpu: '100m' } }, scheduling: { nodeSelector: { sandbox: 'true' }, tolerations: [{ key: 'sandbox', operator: 'Exists' }] } },
  );
  assert.deepEqual(reduceRuntimeClass({ metadata: { name: 'runc' }, handler: 'runc' }), { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'runc' }, handler: 'runc' });
  assert.equal(reduceRuntimeClass({ handler: 'x' }), null);
});
