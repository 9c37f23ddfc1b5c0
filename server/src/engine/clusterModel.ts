/**
 * A cluster kept current one object at a time: a node, pod, namespace or RuntimeClass is put or
 * removed, and `cluster()` gives the same `Cluster` that `buildCluster` would give for the objects
 * held (equal in every field), recomputing only what the changes touched: the usage of the nodes
 * whose pods changed, the pod lists of the DaemonSets whose pods changed, the node order only when
 * a node came or went. Unchanged parts are shared between successive clusters, which are never
 * mutated once handed out. Pure: no I/O, clock or module state.
 */
import { addResources } from './cluster';
import type { Cluster, ClusterNode, ClusterPod, HostPort, NamespaceInfo, NodeUsage, RuntimeClassInfo, Taint } from './types';

/** The key a pod is held under: `namespace/name`. */
export function podKey(pod: Pick<ClusterPod, 'namespace' | 'name'>): string {
  return `${pod.namespace}/${pod.name}`;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Incremental cluster; see the module comment. Every method is O(what it touches). */
export class ClusterModel {
  private readonly nodes = new Map<string, ClusterNode>();
  private readonly pods = new Map<string, ClusterPod>();
  /** Pods by the node they are bound to, known node or not (a node may join later). */
  private readonly podsByNode = new Map<string, Map<string, ClusterPod>>();
  /** Pods by controlling DaemonSet (`namespace/name`), on any node. */
  private readonly podsByDaemonSet = new Map<string, Map<string, ClusterPod>>();
  private readonly namespaces = new Map<string, NamespaceInfo>();
  private readonly runtimeClasses = new Map<string, RuntimeClassInfo>();
  // Equal taints share one object across nodes, as buildCluster makes them (the placement
  // loop caches toleration checks by taint identity).
  private readonly taints = new Map<string, Taint>();

  // What changed since the last cluster().
  private nodesChanged = true;
  private readonly dirtyNodes = new Set<string>();
  /** Each node's usage as last computed; dropped when its pods change. */
  private readonly usageCache = new Map<string, NodeUsage>();
  /** Nodes replaced by a new version (same name): their slot in the sorted array changes. */
  private readonly replacedNodes = new Set<string>();
  private readonly dirtyDaemonSets = new Set<string>();
  private namespacesChanged = true;
  private runtimeClassesChanged = true;
  private last: Cluster | null = null;

  constructor(private readonly source: string) {}

  /** Number of nodes and of non-terminal pods held (pods on unknown nodes included). */
  get size(): { nodes: number; pods: number } {
    return { nodes: this.nodes.size, pods: this.pods.size };
  }

  /** Puts a node (replacing one of the same name). */
  setNode(node: ClusterNode): void {
    const shared = { ...node, taints: node.taints.map((t) => this.shareTaint(t)) };
    const had = this.nodes.has(node.name);
    this.nodes.set(node.name, shared);
    this.touchNode(node.name, !had);
  }

  /**
   * Removes a node; its pods stay held and count again if a node of that name returns, as in the
   * scheduler's cache, which keeps pods of an unknown node in a NodeInfo without a node until the
   * node is added (pkg/scheduler/backend/cache/cache.go `cacheImpl.addPod`, `AddNode`).
   */
  removeNode(name: string): void {
    if (this.nodes.delete(name)) this.touchNode(name, true);
  }

  /**
   * Puts a pod under `podKey(pod)`, replacing the one held there. A terminal pod (Succeeded,
   * Failed) holds nothing on its node, so it is removed: the scheduler's pod informer lists only
   * non-terminal pods (pkg/scheduler/scheduler.go `newPodInformer`), as `buildCluster` skips them.
   */
  setPod(pod: ClusterPod): void {
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed') {
      this.removePod(podKey(pod));
      return;
    }
    const key = podKey(pod);
    this.removePod(key);
    this.pods.set(key, pod);
    let onNode = this.podsByNode.get(pod.nodeName);
    if (!onNode) this.podsByNode.set(pod.nodeName, (onNode = new Map()));
    onNode.set(key, pod);
    this.markPods(pod.nodeName);
    const ds = daemonSetKey(pod);
    if (ds !== null) {
      let owned = this.podsByDaemonSet.get(ds);
      if (!owned) this.podsByDaemonSet.set(ds, (owned = new Map()));
      owned.set(key, pod);
      this.dirtyDaemonSets.add(ds);
    }
  }

  /** Removes the pod held under `key` (`namespace/name`), if any. */
  removePod(key: string): void {
    const pod = this.pods.get(key);
    if (!pod) return;
    this.pods.delete(key);
    const onNode = this.podsByNode.get(pod.nodeName)!;
    onNode.delete(key);
    if (onNode.size === 0) this.podsByNode.delete(pod.nodeName);
    this.markPods(pod.nodeName);
    const ds = daemonSetKey(pod);
    if (ds !== null) {
      const owned = this.podsByDaemonSet.get(ds)!;
      owned.delete(key);
      if (owned.size === 0) this.podsByDaemonSet.delete(ds);
      this.dirtyDaemonSets.add(ds);
    }
  }

  /** Puts (or with null, removes) a namespace. */
  setNamespace(name: string, info: NamespaceInfo | null): void {
    if (info) this.namespaces.set(name, info);
    else if (!this.namespaces.delete(name)) return;
    this.namespacesChanged = true;
  }

  /** Puts (or with null, removes) a RuntimeClass. */
  setRuntimeClass(name: string, info: RuntimeClassInfo | null): void {
    if (info) this.runtimeClasses.set(name, info);
    else if (!this.runtimeClasses.delete(name)) return;
    this.runtimeClassesChanged = true;
  }

  /** The cluster as of now; the same object until something changes. */
  cluster(): Cluster {
    const last = this.last;
    if (last && !this.nodesChanged && this.replacedNodes.size === 0 && this.dirtyNodes.size === 0 && this.dirtyDaemonSets.size === 0 && !this.namespacesChanged && !this.runtimeClassesChanged) return last;

    let nodes = last?.nodes ?? [];
    let nodeIndex = last?.nodeIndex ?? new Map<string, number>();
    let usage: NodeUsage[];
    if (this.nodesChanged || !last) {
      nodes = [...this.nodes.values()].sort((a, b) => byKey(a.name, b.name));
      const index = new Map<string, number>();
      nodes.forEach((node, i) => index.set(node.name, i));
      nodeIndex = index;
      // Nodes whose pods did not change keep their usage object (usageOf caches it).
      usage = nodes.map((node) => this.usageOf(node.name));
    } else {
      if (this.replacedNodes.size > 0) {
        const replaced = nodes.slice();
        for (const name of this.replacedNodes) replaced[nodeIndex.get(name)!] = this.nodes.get(name)!;
        nodes = replaced;
      }
      usage = last.usage.slice();
      for (const name of this.dirtyNodes) {
        const i = nodeIndex.get(name);
        if (i !== undefined) usage[i] = this.usageOf(name);
      }
    }

    // DaemonSet pod lists hold only pods on known nodes (touchNode marks those of a node that came or went).
    const daemonSetPods = new Map(last ? last.daemonSetPods : []);
    const dirtyDaemonSets = last ? this.dirtyDaemonSets : this.podsByDaemonSet.keys();
    for (const ds of dirtyDaemonSets) {
      const owned = this.podsByDaemonSet.get(ds);
      const list = owned ? [...owned.entries()].filter(([, pod]) => nodeIndex.has(pod.nodeName)).sort(([a], [b]) => byKey(a, b)).map(([, pod]) => pod) : [];
      if (list.length > 0) daemonSetPods.set(ds, list);
      else daemonSetPods.delete(ds);
    }

    const namespaces = this.namespacesChanged || !last ? new Map(this.namespaces) : last.namespaces;
    const runtimeClasses = this.runtimeClassesChanged || !last ? new Map(this.runtimeClasses) : last.runtimeClasses;
    const cluster: Cluster = { source: this.source, nodes, usage, nodeIndex, namespaces, runtimeClasses, daemonSetPods };
    this.nodesChanged = false;
    this.dirtyNodes.clear();
    this.replacedNodes.clear();
    this.dirtyDaemonSets.clear();
    this.namespacesChanged = false;
    this.runtimeClassesChanged = false;
    this.last = cluster;
    return cluster;
  }

  /**
   * Computes and caches the usage of node `name` now, so a later `cluster()` does less at once
   * (a first build can spread this over event-loop turns). Same result either way.
   */
  prepareUsage(name: string): void {
    this.usageOf(name);
  }

  private markPods(nodeName: string): void {
    this.dirtyNodes.add(nodeName);
    this.usageCache.delete(nodeName);
  }

  private touchNode(name: string, cameOrWent: boolean): void {
    if (!cameOrWent) {
      this.replacedNodes.add(name);
      return;
    }
    this.nodesChanged = true;
    for (const pod of this.podsByNode.get(name)?.values() ?? []) {
      const ds = daemonSetKey(pod);
      if (ds !== null) this.dirtyDaemonSets.add(ds);
    }
  }

  // A node's usage from its pods in namespace/name order (the order buildCluster sums them in).
  private usageOf(name: string): NodeUsage {
    const cached = this.usageCache.get(name);
    if (cached) return cached;
    const usage: NodeUsage = { requested: { cpu: 0, memory: 0, ephemeralStorage: 0, scalars: null }, pods: 0, ports: [] };
    const onNode = this.podsByNode.get(name);
    this.usageCache.set(name, usage);
    if (!onNode) return usage;
    const ports = usage.ports as { port: HostPort; pod: string }[];
    // Pods usually arrive in name order (a listing is sorted), so sort only when they did not.
    const keys = [...onNode.keys()];
    if (!keys.every((key, i) => i === 0 || keys[i - 1]! < key)) keys.sort(byKey);
    for (const key of keys) {
      const pod = onNode.get(key)!;
      addResources(usage.requested, pod.requests);
      usage.pods++;
      for (const port of pod.hostPorts) ports.push({ port, pod: key });
    }
    return usage;
  }

  private shareTaint(t: Taint): Taint {
    const key = `${t.key}\u0000${t.value}\u0000${t.effect}\u0000${t.origin ?? ''}`;
    let shared = this.taints.get(key);
    if (!shared) this.taints.set(key, (shared = t));
    return shared;
  }
}

function daemonSetKey(pod: ClusterPod): string | null {
  return pod.owner?.kind === 'DaemonSet' ? `${pod.namespace}/${pod.owner.name}` : null;
}
