/**
 * A live snapshot as the engine's `Cluster`, through the same reader as cluster files
 * (`readClusterObjects`), so live and offline sources are checked and simulated alike.
 */
import { buildCluster, readClusterObjects, type ClusterResult } from '../engine';
import { fetchLiveSnapshot, snapshotToList, type LiveSourceOptions } from './liveSource';
import type { ClusterSnapshot } from './snapshot';

/** The `source` a live cluster is reported under (preview JSON `cluster.source`): "context NAME". */
export function liveSourceLabel(context: string): string {
  return `context ${context}`;
}

/** Builds the engine's cluster from a snapshot; problems name the context. */
export function clusterFromSnapshot(snapshot: ClusterSnapshot): ClusterResult {
  const label = liveSourceLabel(snapshot.context);
  const read = readClusterObjects([snapshotToList(snapshot)], label);
  if (!read.ok) return read;
  return buildCluster(label, [read.objects], label);
}

/**
 * Connects, lists and builds the cluster in one call (the CLI's `--kubeconfig`/`--context`).
 * Connection, permission and kubeconfig errors come back as one problem each.
 */
export async function loadLiveCluster(options: LiveSourceOptions): Promise<ClusterResult> {
  const snapshot = await fetchLiveSnapshot(options);
  if (!snapshot.ok) return { ok: false, problems: [snapshot.error.message] };
  return clusterFromSnapshot(snapshot.value);
}
