/**
 * Fleet overhead (issue #10): effective requests (component-helpers/resource `PodRequests`,
 * RuntimeClass overhead included) times the nodes that run the pod, and the share of their
 * allocatable. Pending pods are never bound, so no node accounts for them
 * (noderesources/fit.go sums the requests of the pods bound to a node).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeOverhead, describeOverheadShort, fleetOverhead, formatCpuTotal, formatMemoryTotal, formatShare, overheadShare, simulateDaemonSet } from '../../../server/src/engine';
import { cluster, daemonSet, node, pod } from './fixtures';

const requests = (cpu: string, memory: string) => ({ containers: [{ name: 'app', image: 'example/app:1', resources: { requests: { cpu, memory } } }] });

test('requests × the nodes that run the pod; allocatable summed over those nodes only', () => {
  const c = cluster([
    node('a', { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } }),
    node('b', { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } }),
    node('gpu', { taints: [{ key: 'gpu', effect: 'NoSchedule' }], allocatable: { cpu: '64', memory: '256Gi', pods: '110' } }),
  ]);
  const { preview } = simulateDaemonSet(daemonSet(requests('100m', '128Mi')), c);
  assert.deepEqual(preview.overhead, { cpu: '200', memory: String(2 * 128 * 2 ** 20), nodes: 2, allocatable: { cpu: '6000', memory: String(12 * 2 ** 30) } });
  const share = overheadShare(preview.overhead);
  assert.equal(share.cpu, 200 / 6000);
  assert.equal(share.memory, (256 * 2 ** 20) / (12 * 2 ** 30));
});

test('pending pods reserve nothing (never bound); skipped nodes neither', () => {
  const c = cluster([node('a'), node('full', { allocatable: { cpu: '50m', memory: '8Gi', pods: '110' } })]);
  const { preview, counts } = simulateDaemonSet(daemonSet(requests('100m', '64Mi')), c);
  assert.equal(counts.pending, 1);
  assert.equal(preview.overhead.nodes, 1);
  assert.equal(preview.overhead.cpu, '100');
});

test('PodRequests: sidecars add up, a classic init container counts only when it is the largest; limits alone stand for requests', () => {
  const c = cluster([node('a'), node('b')]);
  const spec = {
    initContainers: [
      { name: 'init', image: 'x', resources: { requests: { cpu: '1' } } },
      { name: 'proxy', image: 'x', restartPolicy: 'Always', resources: { requests: { cpu: '50m', memory: '32Mi' } } },
    ],
    containers: [{ name: 'app', image: 'x', resources: { limits: { cpu: '200m', memory: '64Mi' } } }],
  };
  const { preview } = simulateDaemonSet(daemonSet(spec), c);
  // cpu: max(200m + 50m, 1000m) = 1000m per pod; memory: 64Mi + 32Mi.
  assert.equal(preview.overhead.cpu, '2000');
  assert.equal(preview.overhead.memory, String(2 * 96 * 2 ** 20));
});

test('RuntimeClass overhead.podFixed is part of what each pod reserves', () => {
  const c = cluster([
    node('a'),
    { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'kata' }, handler: 'kata', overhead: { podFixed: { cpu: '250m', memory: '120Mi' } } },
  ]);
  const { preview } = simulateDaemonSet(daemonSet({ ...requests('100m', '64Mi'), runtimeClassName: 'kata' }), c);
  assert.equal(preview.overhead.cpu, '350');
  assert.equal(preview.overhead.memory, String(184 * 2 ** 20));
});

test('the DaemonSet\'s own pods in the pods file do not lower the allocatable it is measured against', () => {
  const c = cluster([node('a', { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } }), pod('agent-x', 'a', { cpu: '100m' }, { owner: { kind: 'DaemonSet', name: 'agent' } })]);
  const { preview } = simulateDaemonSet(daemonSet(requests('100m', '64Mi')), c);
  assert.deepEqual(preview.overhead.allocatable, { cpu: '1000', memory: String(2 ** 30) });
});

test('a node without allocatable: the totals stay, the share is unknown (allocatable left out)', () => {
  const c = cluster([node('a'), node('bare', { allocatable: null })]);
  const { preview } = simulateDaemonSet(daemonSet(requests('100m', '64Mi')), c);
  assert.equal(preview.overhead.nodes, 2);
  assert.equal(preview.overhead.allocatable, undefined);
  assert.deepEqual(overheadShare(preview.overhead), { cpu: null, memory: null });
  assert.equal(describeOverhead(preview.overhead), 'reserves 200m CPU and 128 MiB across 2 nodes');
});

test('wording: amounts, node count and shares as the issue writes them', () => {
  const o = fleetOverhead({ cpu: 50, memory: 100 * 2 ** 20, ephemeralStorage: 0, scalars: null }, { runs: 32, allocatableCpu: 32 * 7910, allocatableMemory: 32 * 31257568 * 1024, unknownAllocatable: 0 });
  assert.equal(describeOverhead(o), 'reserves 1.6 CPU and 3.1 GiB across 32 nodes — 0.6% of their CPU, 0.3% of their memory');
  assert.equal(describeOverhead({ cpu: '0', memory: '0', nodes: 0, allocatable: { cpu: '0', memory: '0' } }), 'reserves nothing: it runs on no node');
  assert.equal(describeOverhead({ cpu: '0', memory: '0', nodes: 3, allocatable: { cpu: '3000', memory: '3000' } }), 'reserves no CPU or memory across 3 nodes: it requests none');
  assert.equal(describeOverhead({ cpu: '0', memory: String(2 ** 30), nodes: 1, allocatable: { cpu: '1000', memory: String(2 ** 32) } }), 'reserves 1 GiB across 1 node — 25% of their memory');
});

test('formatting: CPU below one core in millicores, memory in binary units, shares with one decimal under 10%', () => {
  assert.deepEqual([formatCpuTotal(250), formatCpuTotal(1000), formatCpuTotal(1650), formatCpuTotal(250_000)], ['250m CPU', '1 CPU', '1.7 CPU', '250 CPU']);
  assert.deepEqual([formatMemoryTotal(512), formatMemoryTotal(640 * 2 ** 20), formatMemoryTotal(2.5 * 2 ** 40)], ['512 B', '640 MiB', '2.5 TiB']);
  assert.deepEqual([formatShare(0), formatShare(0.0004), formatShare(0.006), formatShare(0.1234), formatShare(1)], ['0%', '<0.1%', '0.6%', '12%', '100%']);
});

test('short wording for the CodeLens: amounts and the CPU share; nothing when it reserves nothing', () => {
  assert.equal(describeOverheadShort({ cpu: '700', memory: '1468006400', nodes: 7, allocatable: { cpu: '37370', memory: '160559865856' } }), 'reserves 700m CPU, 1.4 GiB (1.9% of CPU)');
  assert.equal(describeOverheadShort({ cpu: '1600', memory: '0', nodes: 32 }), 'reserves 1.6 CPU');
  assert.equal(describeOverheadShort({ cpu: '0', memory: '536870912', nodes: 2, allocatable: { cpu: '8000', memory: '17179869184' } }), 'reserves 512 MiB');
  assert.equal(describeOverheadShort({ cpu: '0', memory: '0', nodes: 3 }), '');
  assert.equal(describeOverheadShort({ cpu: '100', memory: '0', nodes: 0 }), '');
});
