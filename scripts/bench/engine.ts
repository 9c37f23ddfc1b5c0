/**
 * Bench section "engine": placement + rollout for 5,000 nodes × 50 DaemonSets (DESIGN.md budget
 * < 50 ms; waves in closed form; the per-node objects, wave lists and details are built when
 * read), the same with every object built, serialised to the preview JSON (every detail built),
 * and loading a 5,000-node cluster file as kubectl prints it (YAML and JSON) and as
 * `daemonscope cluster export` reduces it, with and without 50,000 pods; and the rollout impact
 * (`daemonscope diff`) of bumping every image.
 */
import { stringify } from 'yaml';
import { diffDaemonSets, loadCluster, previewDaemonSets } from '../../server/src/engine';
import type { Cluster } from '../../server/src/engine';
import type { BenchSection } from '../bench';

type Obj = Record<string, unknown>;

const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const pools = ['general', 'general', 'general', 'memory', 'gpu', 'edge'];

/** A node as `kubectl get nodes -o yaml` prints it (status.images and all), deterministic in `i`. */
export function fullNode(i: number): Obj {
  const name = `node-${String(i).padStart(4, '0')}`;
  const pool = pools[i % pools.length]!;
  const zone = zones[i % zones.length]!;
  const taints: Obj[] = [];
  if (pool === 'gpu') taints.push({ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' });
  if (i % 97 === 0) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-11-20T10:00:00Z' });
  if (i % 250 === 0) taints.push({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' });
  const condition = (type: string, status: string, reason: string): Obj => ({
    type, status, reason, message: `kubelet reports ${reason}`,
    lastHeartbeatTime: '2026-11-26T08:00:00Z', lastTransitionTime: '2026-11-01T08:00:00Z',
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `0000${i}-aaaa-bbbb-cccc-dddddddddddd`,
      resourceVersion: String(100000 + i),
      creationTimestamp: '2026-11-01T08:00:00Z',
      labels: {
        'beta.kubernetes.io/arch': i % 10 === 3 ? 'arm64' : 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': i % 10 === 3 ? 'arm64' : 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': pool === 'gpu' ? 'g5.xlarge' : 'm6i.2xlarge',
        'topology.kubernetes.io/region': 'eu-west-1',
        'topology.kubernetes.io/zone': zone,
        'example.com/pool': pool,
        ...(i % 7 === 0 ? { ssd: 'true' } : {}),
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        'csi.volume.kubernetes.io/nodeid': `{"ebs.csi.aws.com":"i-0${i}abcdef"}`,
      },
    },
    spec: { podCIDR: `10.${i >> 8}.${i & 255}.0/24`, providerID: `aws:///${zone}/i-0${i}abcdef`, ...(taints.length ? { taints } : {}), ...(i % 97 === 0 ? { unschedulable: true } : {}) },
    status: {
      addresses: [{ type: 'InternalIP', address: `10.0.${i >> 8}.${i & 255}` }, { type: 'Hostname', address: name }],
      allocatable: { cpu: pool === 'edge' ? '1930m' : '7910m', 'ephemeral-storage': '96626364666', 'hugepages-2Mi': '0', memory: pool === 'edge' ? '1457744Ki' : '31257568Ki', pods: pool === 'edge' ? '11' : '110', ...(pool === 'gpu' ? { 'nvidia.com/gpu': '1' } : {}) },
      capacity: { cpu: '8', 'ephemeral-storage': '104845292Ki', 'hugepages-2Mi': '0', memory: '32408544Ki', pods: '110' },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID'),
        condition('Ready', i % 250 === 0 ? 'False' : 'True', i % 250 === 0 ? 'KubeletNotReady' : 'KubeletReady'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: Array.from({ length: 12 }, (_, k) => ({ names: [`registry.example.com/team-${k}/service@sha256:${'ab'.repeat(32)}`, `registry.example.com/team-${k}/service:v1.${k}.0`], sizeBytes: 50_000_000 + k })),
      nodeInfo: {
        architecture: i % 10 === 3 ? 'arm64' : 'amd64', bootID: `boot-${i}`, containerRuntimeVersion: 'containerd://1.7.22', kernelVersion: '6.1.0',
        kubeProxyVersion: 'v1.35.0', kubeletVersion: 'v1.35.0', machineID: `machine-${i}`, operatingSystem: 'linux', osImage: 'Amazon Linux 2023', systemUUID: `uuid-${i}`,
      },
    },
  };
}

/** The node reduced to what the simulation reads (as `daemonscope cluster export` prints it). */
function reducedNode(node: Obj): Obj {
  const metadata = node.metadata as Obj;
  const spec = node.spec as Obj;
  const status = node.status as Obj;
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: metadata.name, labels: metadata.labels },
    spec: { ...(spec.taints ? { taints: spec.taints } : {}), ...(spec.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable: status.allocatable, conditions: (status.conditions as Obj[]).map((c) => ({ type: c.type, status: c.status })) },
  };
}

/** Ten pods per node: a kube-proxy and a node-exporter (host port 9100) from DaemonSets, and application pods. */
export function pods(nodeCount: number): Obj[] {
  const out: Obj[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const nodeName = `node-${String(i).padStart(4, '0')}`;
    const pod = (namespace: string, name: string, owner: [string, string], containers: Obj[], hostNetwork = false): Obj => ({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { namespace, name, ownerReferences: [{ apiVersion: 'apps/v1', kind: owner[0], name: owner[1], controller: true }] },
      spec: { nodeName, ...(hostNetwork ? { hostNetwork: true } : {}), containers },
      status: { phase: 'Running' },
    });
    out.push(pod('kube-system', `kube-proxy-${i}`, ['DaemonSet', 'kube-proxy'], [{ name: 'kube-proxy', resources: { requests: { cpu: '100m' } } }], true));
    out.push(pod('monitoring', `node-exporter-${i}`, ['DaemonSet', 'node-exporter'], [{ name: 'exporter', ports: [{ containerPort: 9100, hostPort: 9100, protocol: 'TCP' }], resources: { requests: { cpu: '50m', memory: '64Mi' } } }], true));
    for (let k = 0; k < 8; k++) {
      out.push(pod(`team-${k}`, `app-${k}-${i}`, ['ReplicaSet', `app-${k}-5d8f7c`], [{ name: 'app', resources: { requests: { cpu: `${100 + 50 * k}m`, memory: `${128 * (k + 1)}Mi` }, limits: { memory: `${256 * (k + 1)}Mi` } } }]));
    }
  }
  return out;
}

/** Fifty DaemonSets with the variety real ones have: selectors, affinity, tolerations, host ports, surge, OnDelete. */
export function daemonSets(): Obj[] {
  return Array.from({ length: 50 }, (_, i) => {
    const podSpec: Obj = {
      containers: [{ name: 'agent', image: `example/agent-${i}:1`, resources: { requests: { cpu: `${50 + (i % 5) * 50}m`, memory: `${64 * (1 + (i % 4))}Mi` }, limits: { memory: '512Mi' } }, ...(i % 10 === 4 ? { ports: [{ containerPort: 9100 + (i % 3), hostPort: 9100 + (i % 3) }] } : {}) }],
    };
    if (i % 5 === 1) podSpec.nodeSelector = { 'example.com/pool': 'general' };
    if (i % 5 === 2) podSpec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }, { key: 'topology.kubernetes.io/zone', operator: 'NotIn', values: ['eu-west-1c'] }] }] } } };
    if (i % 3 === 0) podSpec.tolerations = [{ operator: 'Exists' }];
    if (i % 6 === 5) podSpec.initContainers = [{ name: 'proxy', restartPolicy: 'Always', image: 'example/proxy:1', resources: { requests: { cpu: '20m' } } }];
    const updateStrategy = i % 8 === 7 ? { type: 'OnDelete' } : i % 4 === 3 ? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '10%' } } : { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: i % 2 ? '10%' : 1 } };
    return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: `agent-${String(i).padStart(2, '0')}`, namespace: `ns-${i % 5}` }, spec: { updateStrategy, minReadySeconds: 5, template: { spec: podSpec } } };
  });
}

function mustLoad(label: string, nodesText: string, podsText?: string): Cluster {
  const loaded = loadCluster(label, { text: nodesText, label }, podsText ? { text: podsText, label: 'pods' } : undefined);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return loaded.cluster;
}

export const section: BenchSection = {
  name: 'engine',
  run(bench) {
    const nodeCount = 5000;
    const full = Array.from({ length: nodeCount }, (_, i) => fullNode(i));
    const list = (items: Obj[], kind: string) => ({ apiVersion: 'v1', kind, metadata: { resourceVersion: '1' }, items });
    const fullYaml = stringify(list(full, 'NodeList'));
    const fullJson = JSON.stringify(list(full, 'NodeList'), null, 4);
    const reducedYaml = stringify(list(full.map(reducedNode), 'List'));
    const podObjects = pods(nodeCount);
    const podsJson = JSON.stringify(list(podObjects, 'PodList'), null, 4);
    const lines = (text: string) => text.split('\n').length;

    bench.measure('cluster load: 5,000 nodes, kubectl get nodes -o yaml', () => mustLoad('nodes.yaml', fullYaml), {
      runs: 5, warmup: 1, extra: { lines: lines(fullYaml), megabytes: Math.round(fullYaml.length / 1e5) / 10 },
    });
    bench.measure('cluster load: 5,000 nodes, kubectl get nodes -o json', () => mustLoad('nodes.json', fullJson), {
      runs: 5, warmup: 1, extra: { megabytes: Math.round(fullJson.length / 1e5) / 10 },
    });
    bench.measure('cluster load: 5,000 nodes, reduced YAML (cluster export)', () => mustLoad('export.yaml', reducedYaml), {
      runs: 5, warmup: 1, extra: { lines: lines(reducedYaml) },
    });
    bench.measure('cluster load: 5,000 nodes + 50,000 pods, kubectl -o json', () => mustLoad('nodes.json', fullJson, podsJson), {
      runs: 5, warmup: 1, extra: { podMegabytes: Math.round(podsJson.length / 1e5) / 10 },
    });

    const cluster = mustLoad('nodes.json', fullJson, podsJson);
    const objects = daemonSets();
    bench.measure('placement + rollout: 5,000 nodes x 50 DaemonSets', () => previewDaemonSets(objects, cluster), {
      runs: 20, warmup: 3, target: '< 50 ms', extra: { nodes: nodeCount, daemonSets: objects.length, pods: cluster.usage.reduce((sum, u) => sum + u.pods, 0) },
    });
    bench.measure('placement + rollout, every NodePlacement and wave list built: 5,000 nodes x 50 DaemonSets', () => {
      let n = 0;
      for (const ds of previewDaemonSets(objects, cluster).result.daemonsets) n += ds.nodes.length + (ds.rollout.waves?.length ?? 0);
      return n;
    }, { runs: 20, warmup: 3 });
    bench.measure('placement + rollout: 5,000 nodes x 1 DaemonSet', () => previewDaemonSets(objects.slice(0, 1), cluster), { runs: 20, warmup: 3 });
    const { result } = previewDaemonSets(objects, cluster);
    bench.measure('preview JSON with every detail: 5,000 nodes x 50 DaemonSets', () => JSON.stringify(previewDaemonSets(objects, cluster).result), {
      runs: 5, warmup: 1, extra: { megabytes: Math.round(JSON.stringify(result).length / 1e5) / 10 },
    });
    // Rollout impact (issue #10): both versions simulated and their stored forms compared.
    const bumped = objects.map((o) => JSON.parse(JSON.stringify(o).replace(/:1"/g, ':2"')) as Obj);
    bench.measure('rollout impact (diff): 50 DaemonSets, every image bumped, 5,000 nodes', () => diffDaemonSets(objects, bumped, cluster), {
      runs: 10, warmup: 2, extra: { rollouts: diffDaemonSets(objects, bumped, cluster).daemonsets.filter((d) => d.rollout).length },
    });
    const counts = { runs: 0, pending: 0, skipped: 0 };
    for (const ds of result.daemonsets) for (const n of ds.nodes) counts[n.placement]++;
    bench.record('placement mix: 5,000 nodes x 50 DaemonSets', { ...counts, stalls: result.daemonsets.filter((d) => d.rollout.stall).length });
  },
};
