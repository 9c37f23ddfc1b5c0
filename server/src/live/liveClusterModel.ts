/**
 * The engine's cluster for a followed live context, kept current event by event: each watched
 * node, pod, namespace or RuntimeClass is read (same checks as a cluster file, `readClusterObject`)
 * and put into an incremental `ClusterModel`, so a watch event costs the objects it changed, not a
 * rebuild of 150,000 pods (1.3 s and more, blocking every LSP request meanwhile). The first build
 * from a snapshot yields to the event loop between slices, so requests are answered during it.
 */
import { ClusterModel, readClusterObject, type ClusterResult } from '../engine';
import { liveSourceLabel } from './clusterFromSnapshot';
import type { ClusterSnapshot } from './snapshot';

/** The collections a live model holds (the snapshot's arrays). */
export type LiveCollection = 'nodes' | 'pods' | 'namespaces' | 'runtimeClasses';

/** A live cluster for the server: the context and its current cluster (or the problems). */
export interface LiveCluster {
  context: string;
  result: ClusterResult;
}

const maxProblems = 20;

/** One context's cluster; `apply` each change, read `cluster()`. */
export class LiveClusterModel {
  private readonly model: ClusterModel;
  private readonly label: string;
  /** Items that cannot be read, by `collection/key`: while any is held the cluster is not usable. */
  private readonly problems = new Map<string, string[]>();
  private problemsChanged = false;
  private view: LiveCluster | null = null;

  constructor(readonly context: string) {
    this.label = liveSourceLabel(context);
    this.model = new ClusterModel(this.label);
  }

  /** Puts the reduced `item` of `collection` under `key` (`namespace/name` for pods), or removes it (null). */
  apply(collection: LiveCollection, key: string, item: object | null): void {
    const id = `${collection}/${key}`;
    if (this.problems.delete(id)) this.problemsChanged = true;
    if (item === null) {
      this.remove(collection, key);
      return;
    }
    const read = readClusterObject(item, this.label);
    if (!read.ok) {
      // The whole cluster is unusable while it holds an unreadable item, as a cluster file is.
      this.remove(collection, key);
      this.problems.set(id, read.problems);
      this.problemsChanged = true;
      return;
    }
    const { nodes, pods, namespaces, runtimeClasses } = read.objects;
    if (collection === 'nodes' && nodes[0]) this.model.setNode(nodes[0]);
    else if (collection === 'pods' && pods[0]) this.model.setPod(pods[0]);
    else if (collection === 'namespaces' && namespaces[0]) this.model.setNamespace(key, namespaces[0]);
    else if (collection === 'runtimeClasses' && runtimeClasses[0]) this.model.setRuntimeClass(key, runtimeClasses[0]);
  }

  /** Computes the usage of node `name` ahead of `cluster()` (see ClusterModel.prepareUsage). */
  prepareUsage(name: string): void {
    this.model.prepareUsage(name);
  }

  /** The context and its cluster as of now; the same object until something changes. */
  cluster(): LiveCluster {
    if (this.problems.size > 0) {
      if (!this.view || this.problemsChanged || this.view.result.ok) {
        const problems = [...this.problems.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, p]) => p).slice(0, maxProblems);
        this.view = { context: this.context, result: { ok: false, problems } };
      }
    } else {
      const cluster = this.model.cluster();
      if (!this.view || !this.view.result.ok || this.view.result.cluster !== cluster) this.view = { context: this.context, result: { ok: true, cluster } };
    }
    this.problemsChanged = false;
    return this.view;
  }

  private remove(collection: LiveCollection, key: string): void {
    if (collection === 'nodes') this.model.removeNode(key);
    else if (collection === 'pods') this.model.removePod(key);
    else if (collection === 'namespaces') this.model.setNamespace(key, null);
    else this.model.setRuntimeClass(key, null);
  }
}

/** Options of `buildLiveClusterModel`. */
export interface BuildOptions {
  /** Items read between two yields to the event loop (default 1,000: about 15 ms). */
  sliceItems?: number;
  /** Stop early (a newer load started); the promise then resolves to null. */
  isCancelled?: () => boolean;
}

/**
 * Builds the model of a snapshot in slices, yielding to the event loop (setImmediate) between
 * them so the server keeps answering. Resolves to null when cancelled.
 */
export async function buildLiveClusterModel(snapshot: ClusterSnapshot, options: BuildOptions = {}): Promise<LiveClusterModel | null> {
  const model = new LiveClusterModel(snapshot.context);
  const slice = options.sliceItems ?? 1000;
  let done = 0;
  const collections: [LiveCollection, readonly object[], (item: never) => string][] = [
    ['nodes', snapshot.nodes, (n: { metadata: { name: string } }) => n.metadata.name],
    ['namespaces', snapshot.namespaces, (n: { metadata: { name: string } }) => n.metadata.name],
    ['runtimeClasses', snapshot.runtimeClasses ?? [], (n: { metadata: { name: string } }) => n.metadata.name],
    ['pods', snapshot.pods, (p: { metadata: { namespace: string; name: string } }) => `${p.metadata.namespace}/${p.metadata.name}`],
  ];
  // `work` counts objects read, and pods summed when a node's usage is prepared.
  const step = async (work = 1): Promise<boolean> => {
    done += work;
    if (done < slice) return true;
    done = 0;
    await new Promise<void>((resume) => setImmediate(resume));
    return !options.isCancelled?.();
  };
  for (const [collection, items, key] of collections) {
    for (const item of items) {
      model.apply(collection, key(item as never), item);
      if (!(await step())) return null;
    }
  }
  // Each node's usage in slices too (a node's pods are summed once), so the first cluster() is quick.
  const podsOn = new Map<string, number>();
  for (const pod of snapshot.pods) podsOn.set(pod.spec.nodeName, (podsOn.get(pod.spec.nodeName) ?? 0) + 1);
  for (const node of snapshot.nodes) {
    model.prepareUsage(node.metadata.name);
    if (!(await step(1 + (podsOn.get(node.metadata.name) ?? 0)))) return null;
  }
  return model;
}
