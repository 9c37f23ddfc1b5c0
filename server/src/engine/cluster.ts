/**
 * Builds a `Cluster` from the objects of one or more cluster files: nodes sorted by name, the
 * resources, pod slots and host ports existing pods take on each node, namespaces and runtime
 * classes. Pure; problems come back as values.
 */
import { parseClusterText } from './clusterParse';
import type { ClusterObjects } from './clusterParse';
import type { Cluster, ClusterPod, HostPort, NamespaceInfo, NodeUsage, Resources, RuntimeClassInfo, Taint } from './types';

/** A cluster, or the problems (one sentence each, naming the file) that prevent building it. */
export type ClusterResult = { ok: true; cluster: Cluster } | { ok: false; problems: string[] };

/** One cluster source file's text and the label (path as given) used in messages. */
export interface ClusterText {
  text: string;
  label: string;
}

/**
 * Parses and merges cluster files: `nodes` (what `kubectl get nodes -o yaml` prints, plus
 * optional Namespace, RuntimeClass and Pod objects) and optionally `pods` (`kubectl get pods -A
 * -o yaml`). `source` is "embedded" or the nodes path as given.
 */
export function loadCluster(source: string, nodes: ClusterText, pods?: ClusterText): ClusterResult {
  const parsedNodes = parseClusterText(nodes.text, nodes.label);
  const parsedPods = pods ? parseClusterText(pods.text, pods.label) : null;
  const problems = [...(parsedNodes.ok ? [] : parsedNodes.problems), ...(parsedPods && !parsedPods.ok ? parsedPods.problems : [])];
  if (!parsedNodes.ok || (parsedPods && !parsedPods.ok)) return { ok: false, problems };
  if (!parsedNodes.objects.hasNodeList) {
    return { ok: false, problems: [`${nodes.label}: no Node objects found (expected what kubectl get nodes -o yaml prints)`] };
  }
  return buildCluster(source, parsedPods ? [parsedNodes.objects, parsedPods.objects] : [parsedNodes.objects], nodes.label);
}

const zero = (): Resources => ({ cpu: 0, memory: 0, ephemeralStorage: 0, scalars: null });

/** Adds `b` into `a` (scheduler units). */
export function addResources(a: Resources, b: Resources): void {
  a.cpu += b.cpu;
  a.memory += b.memory;
  a.ephemeralStorage += b.ephemeralStorage;
  if (b.scalars) {
    const scalars = (a.scalars ??= {});
    for (const [name, amount] of Object.entries(b.scalars)) scalars[name] = (scalars[name] ?? 0) + amount;
  }
}

/**
 * Merges parsed objects into a cluster. Duplicate node names are a problem; later Namespace and
 * RuntimeClass objects with the same name replace earlier ones. Terminal pods (Succeeded, Failed),
 * unbound pods and pods on unknown nodes take nothing (the scheduler's cache holds neither).
 */
export function buildCluster(source: string, parts: readonly ClusterObjects[], label = source): ClusterResult {
  const nodes = parts.flatMap((p) => p.nodes).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Equal taints share one object, so a DaemonSet's toleration check is cached across nodes.
  const taints = new Map<string, Taint>();
  for (const node of nodes) {
    (node as { taints: readonly Taint[] }).taints = node.taints.map((t) => {
      const key = `${t.key}\u0000${t.value}\u0000${t.effect}\u0000${t.origin ?? ''}`;
      let shared = taints.get(key);
      if (!shared) taints.set(key, (shared = t));
      return shared;
    });
  }
  const nodeIndex = new Map<string, number>();
  const problems: string[] = [];
  nodes.forEach((node, i) => {
    if (nodeIndex.has(node.name)) problems.push(`${label}: node ${node.name} appears more than once`);
    nodeIndex.set(node.name, i);
  });
  if (problems.length > 0) return { ok: false, problems };

  const usage: NodeUsage[] = nodes.map(() => ({ requested: zero(), pods: 0, ports: [] }));
  const daemonSetPods = new Map<string, ClusterPod[]>();
  const allPods = parts.flatMap((p) => p.pods).sort(comparePods);
  for (const pod of allPods) {
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed') continue;
    const index = nodeIndex.get(pod.nodeName);
    if (index === undefined) continue;
    const used = usage[index]!;
    addResources(used.requested, pod.requests);
    used.pods++;
    for (const port of pod.hostPorts) (used.ports as { port: HostPort; pod: string }[]).push({ port, pod: `${pod.namespace}/${pod.name}` });
    if (pod.owner?.kind === 'DaemonSet') {
      const key = `${pod.namespace}/${pod.owner.name}`;
      const list = daemonSetPods.get(key);
      if (list) list.push(pod);
      else daemonSetPods.set(key, [pod]);
    }
  }
  const namespaces = new Map<string, NamespaceInfo>();
  const runtimeClasses = new Map<string, RuntimeClassInfo>();
  for (const part of parts) {
    for (const ns of part.namespaces) namespaces.set(ns.name, ns);
    for (const rc of part.runtimeClasses) runtimeClasses.set(rc.name, rc);
  }
  return { ok: true, cluster: { source, nodes, usage, nodeIndex, namespaces, runtimeClasses, daemonSetPods } };
}

function comparePods(a: ClusterPod, b: ClusterPod): number {
  if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
