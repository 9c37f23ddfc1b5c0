/**
 * The live cluster source in one call each: list a kubeconfig's contexts, connect to one, take a
 * reduced snapshot. The editor and the CLI use these; both say whether the workspace is trusted
 * and whether the user chose the context, which decides if a credential plugin may run.
 */
import { ok, type LiveResult } from './errors';
import { listContexts, readKubeconfig, selectContext, type ContextSummary, type CredentialPolicy } from './kubeconfig';
import { fetchSnapshot, type ClusterSnapshot, type SnapshotOptions } from './snapshot';
import { connect, type ApiConnection } from './transport';

/** Which cluster to read and under which rules. */
export interface LiveSourceOptions {
  /** Kubeconfig file; absent = `KUBECONFIG`, then `~/.kube/config`. */
  kubeconfig?: string;
  /** Context name; absent = the kubeconfig's current-context. */
  context?: string;
  /** When a credential plugin may run; see `CredentialPolicy`. */
  policy: CredentialPolicy;
  /** Seconds before an unanswered request fails (default 15). */
  timeoutSeconds?: number;
}

/** The contexts of a kubeconfig, the current one first. Never runs a credential plugin. */
export async function listLiveContexts(kubeconfig?: string): Promise<LiveResult<ContextSummary[]>> {
  const loaded = await readKubeconfig(kubeconfig === undefined ? {} : { path: kubeconfig });
  return loaded.ok ? ok(listContexts(loaded.value)) : loaded;
}

/** Reads the kubeconfig, selects the context and prepares credentials; sends no request. */
export async function connectLive(options: LiveSourceOptions): Promise<LiveResult<ApiConnection>> {
  const loaded = await readKubeconfig(options.kubeconfig === undefined ? {} : { path: options.kubeconfig });
  if (!loaded.ok) return loaded;
  const selected = selectContext(loaded.value, options.context, options.policy);
  if (!selected.ok) return selected;
  return connect(selected.value, options.timeoutSeconds === undefined ? {} : { timeoutSeconds: options.timeoutSeconds });
}

/** Connects and lists nodes, namespaces and pods, reduced; the first error otherwise. */
export async function fetchLiveSnapshot(options: LiveSourceOptions & SnapshotOptions): Promise<LiveResult<ClusterSnapshot>> {
  const connection = await connectLive(options);
  if (!connection.ok) return connection;
  return fetchSnapshot(connection.value, options);
}

/**
 * A snapshot as one `List` object (nodes, namespaces, RuntimeClasses, then pods), the shape the cluster-file
 * loader and `kubectl get -o yaml` use.
 */
export function snapshotToList(snapshot: ClusterSnapshot): { apiVersion: 'v1'; kind: 'List'; items: object[] } {
  return { apiVersion: 'v1', kind: 'List', items: [...snapshot.nodes, ...snapshot.namespaces, ...(snapshot.runtimeClasses ?? []), ...snapshot.pods] };
}
