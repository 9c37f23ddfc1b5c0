/**
 * A reduced snapshot of a live cluster: nodes, bound non-terminal pods and namespaces, listed in
 * pages (`limit`/`continue`, as kubectl does) and reduced page by page, so the full objects of a
 * large cluster are never all in memory at once.
 * See https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks
 */
import { fail, ok, type LiveResult } from './errors';
import { reduceNamespace, reduceNode, reducePod, reduceRuntimeClass, InternPool, type ReducedNamespace, type ReducedNode, type ReducedPod, type ReducedRuntimeClass } from './reduce';
import type { ApiConnection, Query } from './transport';

/** Items per page; kubectl's default chunk size. */
export const defaultPageSize = 500;

/**
 * Only pods that still hold their node: the scheduler's own pod informer uses this selector
 * (pkg/scheduler/scheduler.go newPodInformer).
 */
export const nonTerminalPodSelector = 'status.phase!=Succeeded,status.phase!=Failed';

/** The three collections a snapshot lists, with the reducer and query of each. */
export const collections = {
  nodes: { path: '/api/v1/nodes', query: {} as Query, reduce: reduceNode, key: (n: ReducedNode) => n.metadata.name },
  namespaces: { path: '/api/v1/namespaces', query: {} as Query, reduce: reduceNamespace, key: (n: ReducedNamespace) => n.metadata.name },
  pods: { path: '/api/v1/pods', query: { fieldSelector: nonTerminalPodSelector } as Query, reduce: reducePod, key: (p: ReducedPod) => `${p.metadata.namespace}/${p.metadata.name}` },
  runtimeClasses: { path: '/apis/node.k8s.io/v1/runtimeclasses', query: {} as Query, reduce: reduceRuntimeClass, key: (r: ReducedRuntimeClass) => r.metadata.name },
} as const;

/** A live cluster at one moment, reduced; items sorted by name (pods by namespace, then name). */
export interface ClusterSnapshot {
  context: string;
  /** Server URL without credentials. */
  server: string;
  /** `gitVersion` from /version, or null if the server did not say. */
  serverVersion: string | null;
  /** When the listing finished, in ms since the epoch. */
  fetchedAt: number;
  nodes: ReducedNode[];
  pods: ReducedPod[];
  namespaces: ReducedNamespace[];
  /** RuntimeClasses (listed, not watched); empty when the user may not list them. */
  runtimeClasses: ReducedRuntimeClass[];
  /** What the snapshot lacks and why (e.g. RuntimeClasses not readable), one sentence each. */
  notes: string[];
  /** The resourceVersion of each list, where a watch continues from. */
  resourceVersions: { nodes: string; pods: string; namespaces: string };
}

/** Options of `fetchSnapshot`. */
export interface SnapshotOptions {
  pageSize?: number;
  signal?: AbortSignal;
  /** Called after each page with the running count of kept items (for progress). */
  onProgress?: (collection: keyof typeof collections, kept: number) => void;
}

/**
 * Lists nodes, namespaces and pods of the connection's context and reduces them. Returns the
 * first error (unreachable, 401, 403 naming the resource...) instead of a partial snapshot.
 */
export async function fetchSnapshot(connection: ApiConnection, options: SnapshotOptions = {}): Promise<LiveResult<ClusterSnapshot>> {
  const version = await connection.getJson('/version', {}, options.signal);
  if (!version.ok) return version;
  const gitVersion = (version.value as { gitVersion?: unknown } | null)?.gitVersion;
  const pool = new InternPool();
  const nodes = await listAll(connection, 'nodes', pool, options);
  if (!nodes.ok) return nodes;
  const namespaces = await listAll(connection, 'namespaces', pool, options);
  if (!namespaces.ok) return namespaces;
  const pods = await listAll(connection, 'pods', pool, options);
  if (!pods.ok) return pods;
  // RuntimeClasses only matter to DaemonSets that name one; a user without access still gets a snapshot.
  const runtimeClasses = await listAll(connection, 'runtimeClasses', pool, options);
  const notes: string[] = [];
  if (!runtimeClasses.ok) {
    if (runtimeClasses.error.code !== 'forbidden' && runtimeClasses.error.code !== 'server') return runtimeClasses;
    notes.push(`RuntimeClasses were not read (${runtimeClasses.error.code === 'forbidden' ? 'the user may not list runtimeclasses' : 'the server does not serve node.k8s.io/v1'}): a DaemonSet's runtimeClassName gets no overhead or node selector from them.`);
  }
  return ok({
    context: connection.context,
    server: connection.server,
    serverVersion: typeof gitVersion === 'string' ? gitVersion : null,
    fetchedAt: Date.now(),
    nodes: sortByKey(nodes.value.items, collections.nodes.key),
    namespaces: sortByKey(namespaces.value.items, collections.namespaces.key),
    pods: sortByKey(pods.value.items, collections.pods.key),
    runtimeClasses: runtimeClasses.ok ? sortByKey(runtimeClasses.value.items, collections.runtimeClasses.key) : [],
    notes,
    resourceVersions: { nodes: nodes.value.resourceVersion, namespaces: namespaces.value.resourceVersion, pods: pods.value.resourceVersion },
  });
}

type Item<C extends keyof typeof collections> = NonNullable<ReturnType<(typeof collections)[C]['reduce']>>;

/** Reduced items of one collection and the list's resourceVersion. */
export interface Listing<T> {
  items: T[];
  resourceVersion: string;
}

/**
 * Lists one collection page by page, reducing each page before asking for the next. If the
 * continue token expires (410 Gone, the list took longer than the server keeps history), starts
 * over once, as client-go's pager does for a full relist.
 */
export async function listAll<C extends keyof typeof collections>(connection: ApiConnection, name: C, pool: InternPool, options: SnapshotOptions = {}): Promise<LiveResult<Listing<Item<C>>>> {
  for (let attempt = 0; ; attempt++) {
    const result = await listOnce(connection, name, pool, options);
    if (result.ok || result.error.code !== 'expired' || attempt >= 1) return result;
  }
}

async function listOnce<C extends keyof typeof collections>(connection: ApiConnection, name: C, pool: InternPool, options: SnapshotOptions): Promise<LiveResult<Listing<Item<C>>>> {
  const collection = collections[name];
  const reduce = collection.reduce as (item: unknown, pool: InternPool) => Item<C> | null;
  const items: Item<C>[] = [];
  let token: string | undefined;
  let resourceVersion = '';
  do {
    const page = await connection.getJson(collection.path, { ...collection.query, limit: options.pageSize ?? defaultPageSize, continue: token }, options.signal);
    if (!page.ok) return page;
    const body = page.value as { kind?: unknown; items?: unknown; metadata?: { continue?: unknown; resourceVersion?: unknown } } | null;
    if (!body || !Array.isArray(body.items)) {
      return fail('server', `${connection.server} answered the list of ${name} without items: is it a Kubernetes API server?`);
    }
    for (const raw of body.items) {
      const item = reduce(raw, pool);
      if (item) items.push(item);
    }
    body.items.length = 0; // let the page's full objects go before the next request
    const next = body.metadata?.continue;
    token = typeof next === 'string' && next !== '' ? next : undefined;
    if (typeof body.metadata?.resourceVersion === 'string') resourceVersion = body.metadata.resourceVersion;
    options.onProgress?.(name, items.length);
  } while (token !== undefined);
  return ok({ items, resourceVersion });
}

// Sorts by a computed key, computing each key once.
function sortByKey<T>(items: T[], key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map(({ item }) => item);
}
