/** A small inline cluster for the cluster-aware rule tests, and analysis on it. */
import { analyseText, type FileAnalysis } from '../../../../server/src/analysis/analyse';
import { defaultSettings } from '../../../../server/src/protocol';
import type { AnalysisOptions } from '../../../../server/src/analysis/rules';
import { testValidator } from '../../../helpers/analysis';
import { clusterContext, inlineCluster } from '../../../helpers/cluster';

/**
 * Four nodes: a-1 (ssd, 4 cpu), a-2 (hdd, 1 cpu, host port 9100 held by another pod), gpu-1
 * (tainted nvidia.com/gpu=present:NoSchedule), cp-1 (control-plane:NoSchedule); one RuntimeClass.
 */
export const nodesYaml = `apiVersion: v1
kind: List
items:
  - kind: Node
    metadata: {name: a-1, labels: {kubernetes.io/os: linux, disktype: ssd, topology.kubernetes.io/zone: a}}
    status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
  - kind: Node
    metadata: {name: a-2, labels: {kubernetes.io/os: linux, disktype: hdd, topology.kubernetes.io/zone: b}}
    status: {allocatable: {cpu: "1", memory: 2Gi, pods: "110"}}
  - kind: Node
    metadata: {name: gpu-1, labels: {kubernetes.io/os: linux, topology.kubernetes.io/zone: a}}
    spec: {taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}]}
    status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
  - kind: Node
    metadata: {name: cp-1, labels: {kubernetes.io/os: linux, node-role.kubernetes.io/control-plane: ""}}
    spec: {taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]}
    status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
  - kind: RuntimeClass
    apiVersion: node.k8s.io/v1
    metadata: {name: gvisor}
    handler: runsc
`;

export const podsYaml = `apiVersion: v1
kind: PodList
items:
  - metadata: {name: exporter, namespace: other}
    spec:
      nodeName: a-2
      containers: [{name: c, ports: [{containerPort: 9100, hostPort: 9100}]}]
    status: {phase: Running}
`;

/** Analyses `text` on the inline cluster, named "cluster file nodes.yaml" in messages. */
export function analyseOnCluster(text: string, options: Partial<AnalysisOptions> = {}): FileAnalysis {
  return analyseText(text, {
    options: { ...defaultSettings, ...options },
    validator: testValidator(),
    cluster: clusterContext(inlineCluster(nodesYaml, podsYaml), 'cluster file nodes.yaml'),
  });
}

/** Findings of the given codes as [code, severity, text under the span]. */
export function onCluster(text: string, codes: readonly string[], options: Partial<AnalysisOptions> = {}): [string, string, string][] {
  return analyseOnCluster(text, options)
    .findings.filter((f) => codes.includes(f.code))
    .map((f) => [f.code, f.severity, text.slice(f.span.start, f.span.end)]);
}
