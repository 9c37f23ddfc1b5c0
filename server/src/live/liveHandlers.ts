/**
 * The language server's live-cluster handlers (protocol.ts): `daemonscope/listContexts`,
 * `daemonscope/refreshCluster`, `daemonscope/livePolicy`, and `daemonscope/liveStatus` going out.
 * Follows the `daemonscope.clusterContext` setting (window scope: VS Code already ignores it at
 * workspace level in an untrusted workspace). A credential plugin may run only when the client
 * says the workspace is trusted and the user picked that context.
 */
import type { Connection } from 'vscode-languageserver';
import type { Guard } from '../guard';
import { ListContextsRequest, LivePolicyNotification, LiveStatusNotification, RefreshClusterRequest, type ListContextsResult, type LivePolicyParams, type LiveStatus } from '../protocol';
import { LiveClusterSource } from './liveClusterSource';
import { listLiveContexts } from './liveSource';
import type { LiveCluster } from './liveClusterModel';
import type { ClusterSnapshot } from './snapshot';

/** What the rest of the server uses of the live source. */
export interface LiveServer {
  /** Re-reads the `clusterContext` setting and follows it (call on initialized and on config change). */
  reload(): Promise<void>;
  /**
   * The live snapshot, or null (no context, or it failed before any snapshot): then simulate on
   * the cluster file or the embedded cluster. The same object until a change is announced through
   * `onClusterChange`, so it can key a cache.
   */
  snapshot(): ClusterSnapshot | null;
  /** The engine's cluster of that snapshot, kept current by the watch; null with the snapshot. */
  cluster(): LiveCluster | null;
  status(): LiveStatus;
  dispose(): void;
}

export interface LiveHandlerOptions {
  /** Reads the effective `daemonscope.clusterContext` ('' when unset or unavailable). */
  readContext(): Promise<string>;
  /** Called when the live snapshot changed, was lost or replaced (re-simulate open documents). */
  onClusterChange(): void;
}

/** Registers the handlers on `connection`; each runs inside `guard`. */
export function registerLiveHandlers(connection: Connection, guard: Guard, options: LiveHandlerOptions): LiveServer {
  let policy: LivePolicyParams = { workspaceTrusted: false, chosenContexts: [] };
  const source = new LiveClusterSource({
    onStatus: (status) => void connection.sendNotification(LiveStatusNotification, status).catch(() => undefined),
    onClusterChange: options.onClusterChange,
  });
  const reload = async (): Promise<void> => {
    const context = await options.readContext();
    await source.configure({ context, policy: { workspaceTrusted: policy.workspaceTrusted, contextChosenByUser: policy.chosenContexts.includes(context) } });
  };

  connection.onRequest(
    ListContextsRequest,
    guard('listContexts', { contexts: [], error: 'Listing the kubeconfig contexts failed; see the Daemonscope output.' } as ListContextsResult, async (): Promise<ListContextsResult> => {
      const listed = await listLiveContexts();
      if (!listed.ok) return { contexts: [], error: listed.error.message };
      return { contexts: listed.value.map(({ name, cluster, namespace, current }) => ({ name, cluster, namespace, current })), error: null };
    }),
  );
  connection.onRequest(
    RefreshClusterRequest,
    guard('refreshCluster', source.status(), () => source.refresh()),
  );
  connection.onNotification(
    LivePolicyNotification,
    guard('livePolicy', undefined, async (params: LivePolicyParams) => {
      policy = {
        workspaceTrusted: params?.workspaceTrusted === true,
        chosenContexts: Array.isArray(params?.chosenContexts) ? params.chosenContexts.filter((c): c is string => typeof c === 'string') : [],
      };
      await reload();
    }),
  );

  return {
    reload: guard('reloadLiveCluster', undefined, reload) as () => Promise<void>,
    snapshot: () => source.snapshot(),
    cluster: () => source.cluster(),
    status: () => source.status(),
    dispose: () => source.dispose(),
  };
}
