/**
 * Keeps a reduced cluster snapshot current with three watches (nodes, namespaces, non-terminal
 * pods), as an informer does: each watch starts at its list's resourceVersion, follows bookmarks,
 * re-opens when the server ends it (timeoutSeconds), and relists when the server answers
 * 410 Gone, its history having moved past our resourceVersion
 * (https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes).
 * Events are reduced on arrival; only a change of the reduced form (a node joins, leaves, is
 * tainted, relabelled, cordoned; a bound pod comes or goes) is reported, batched over a short delay.
 */
import type { LiveError } from './errors';
import { InternPool } from './reduce';
import { collections, listAll, type ClusterSnapshot } from './snapshot';
import type { ApiConnection } from './transport';

// RuntimeClasses are listed with the snapshot but not watched: they change about never.
/** The watched collections. */
export type Name = 'nodes' | 'namespaces' | 'pods';
const names: Name[] = ['nodes', 'namespaces', 'pods'];

/** What changed since the last report; names sorted. */
export interface ClusterChange {
  nodesAdded: string[];
  nodesRemoved: string[];
  /** Nodes whose labels, taints, unschedulable flag, allocatable or conditions changed. */
  nodesChanged: string[];
  /** Bound non-terminal pods that appeared, went or changed what they hold. */
  podsChanged: number;
  namespacesChanged: string[];
  /** True when a 410 Gone forced a full relist of some collection. */
  relisted: boolean;
}

/** The health of the watch, for a status line. */
export interface WatchStatus {
  state: 'watching' | 'reconnecting' | 'stopped';
  /** The last error while reconnecting (already redacted), or null. */
  error: LiveError | null;
}

export interface WatchOptions {
  /** Called with each batch of changes; `current()` then returns the updated snapshot. */
  onChange(change: ClusterChange): void;
  /**
   * Called at once for each item whose reduced form changed (null: it went), before the batched
   * `onChange`; `key` is the name (`namespace/name` for pods).
   */
  onItem?(collection: Name, key: string, item: object | null): void;
  /** Called when the watch starts reconnecting or recovers. */
  onStatus?(status: WatchStatus): void;
  /** Milliseconds to batch changes before reporting them (default 500). */
  batchMs?: number;
  /** Asked of the server per watch request (default 300 s); the watch re-opens after it. */
  watchSeconds?: number;
  /** Backoff between reconnection attempts, milliseconds (default 1,000 doubling to 30,000). */
  retryMs?: { initial: number; max: number };
}

/** A running watch; `stop()` closes every stream. */
export interface ClusterWatch {
  /** The snapshot as of the last change (rebuilt lazily, sorted); the same object until the next change. */
  current(): ClusterSnapshot;
  /** Node and pod counts and when the server was last heard from, without building arrays. */
  counts(): { nodes: number; pods: number; fetchedAt: number };
  status(): WatchStatus;
  stop(): void;
}

interface Pending {
  nodesAdded: Set<string>;
  nodesRemoved: Set<string>;
  nodesChanged: Set<string>;
  pods: number;
  namespaces: Set<string>;
  relisted: boolean;
}

/** Starts watching from `snapshot` (which it takes over); never throws, reports through options. */
export function watchCluster(connection: ApiConnection, snapshot: ClusterSnapshot, options: WatchOptions): ClusterWatch {
  const pool = new InternPool();
  const maps: Record<Name, Map<string, object>> = { nodes: new Map(), namespaces: new Map(), pods: new Map() };
  const keyOf = (name: Name, item: object): string => (collections[name].key as (i: object) => string)(item);
  for (const name of names) for (const item of snapshot[name]) maps[name].set(keyOf(name, item), item);
  const resourceVersions = { ...snapshot.resourceVersions };
  const abort = new AbortController();
  // The snapshot object handed out; the same object until something changes, so callers may key
  // caches on its identity. Its fetchedAt is when the data last changed (counts() has the latest).
  let cached: ClusterSnapshot | null = snapshot;
  // When the server was last heard from (any event or list), for "12 s ago".
  let fetchedAt = snapshot.fetchedAt;
  let state: WatchStatus = { state: 'watching', error: null };
  let pending: Pending | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const batchMs = options.batchMs ?? 500;
  const retry = options.retryMs ?? { initial: 1000, max: 30_000 };

  const setStatus = (next: WatchStatus): void => {
    if (next.state === state.state && next.error?.message === state.error?.message) return;
    state = next;
    options.onStatus?.(state);
  };
  const record = (update: (p: Pending) => void): void => {
    pending ??= { nodesAdded: new Set(), nodesRemoved: new Set(), nodesChanged: new Set(), pods: 0, namespaces: new Set(), relisted: false };
    update(pending);
    cached = null;
    if (timer === undefined) timer = setTimeout(flush, batchMs);
  };
  const flush = (): void => {
    timer = undefined;
    const p = pending;
    pending = null;
    if (!p || abort.signal.aborted) return;
    const sorted = (s: Set<string>): string[] => [...s].sort();
    options.onChange({ nodesAdded: sorted(p.nodesAdded), nodesRemoved: sorted(p.nodesRemoved), nodesChanged: sorted(p.nodesChanged), podsChanged: p.pods, namespacesChanged: sorted(p.namespaces), relisted: p.relisted });
  };
  // Puts (or, with null, removes) one item and records what it means.
  const apply = (name: Name, key: string, item: object | null): void => {
    const map = maps[name];
    const before = map.get(key);
    if (item === null) {
      if (before === undefined) return;
      map.delete(key);
    } else {
      if (before !== undefined && JSON.stringify(before) === JSON.stringify(item)) return;
      map.set(key, item);
    }
    options.onItem?.(name, key, item);
    record((p) => {
      if (name === 'pods') p.pods++;
      else if (name === 'namespaces') p.namespaces.add(key);
      else if (item === null) p.nodesRemoved.add(key);
      else if (before === undefined) p.nodesAdded.add(key);
      else if (!p.nodesAdded.has(key)) p.nodesChanged.add(key);
    });
  };
  const onEvent = (name: Name, event: unknown, expired: () => void): void => {
    const { type, object } = (event ?? {}) as { type?: unknown; object?: { metadata?: { name?: unknown; namespace?: unknown; resourceVersion?: unknown }; code?: unknown } };
    fetchedAt = Date.now();
    if (type === 'ERROR') {
      if (object?.code === 410) expired();
      return;
    }
    const rv = object?.metadata?.resourceVersion;
    if (typeof rv === 'string' && rv !== '') resourceVersions[name] = rv;
    if (type === 'BOOKMARK' || typeof object?.metadata?.name !== 'string') return;
    const key = name === 'pods' ? `${typeof object.metadata.namespace === 'string' ? object.metadata.namespace : 'default'}/${object.metadata.name}` : object.metadata.name;
    const reduced = type === 'DELETED' ? null : (collections[name].reduce as (i: unknown, p: InternPool) => object | null)(object, pool);
    apply(name, key, reduced);
  };
  const relist = async (name: Name): Promise<LiveError | null> => {
    const listing = await listAll(connection, name, pool, { signal: abort.signal });
    if (!listing.ok) return listing.error;
    const fresh = new Map<string, object>(listing.value.items.map((item) => [keyOf(name, item), item]));
    for (const key of [...maps[name].keys()]) if (!fresh.has(key)) apply(name, key, null);
    // Compared (and applied) in slices: a relist of 150,000 pods must not hold up the server.
    let done = 0;
    for (const [key, item] of fresh) {
      apply(name, key, item);
      if (++done % 1000 === 0) {
        await new Promise<void>((resume) => setImmediate(resume));
        if (abort.signal.aborted) return null;
      }
    }
    resourceVersions[name] = listing.value.resourceVersion;
    fetchedAt = Date.now();
    if (pending) pending.relisted = true;
    return null;
  };
  const sleep = (ms: number): Promise<void> =>
    new Promise((done) => {
      const t = setTimeout(done, ms);
      abort.signal.addEventListener('abort', () => (clearTimeout(t), done()), { once: true });
    });

  const follow = async (name: Name): Promise<void> => {
    let delay = retry.initial;
    let mustRelist = false;
    while (!abort.signal.aborted) {
      let error: LiveError | null = null;
      let quietEnd = false;
      if (mustRelist) {
        error = await relist(name);
        if (!error) mustRelist = false;
      } else {
        const stream = new AbortController();
        const stopStream = (): void => stream.abort();
        abort.signal.addEventListener('abort', stopStream, { once: true });
        const collection = collections[name];
        const seconds = options.watchSeconds ?? 300;
        // The server ends the watch after `seconds`; a connection that died silently (VPN, NAT)
        // never ends, so give up on it a little later and watch again from the last version.
        const deadline = setTimeout(stopStream, seconds * 1000 + Math.min(30_000, seconds * 1000));
        let events = 0;
        const result = await connection.stream(
          collection.path,
          { ...collection.query, watch: 'true', allowWatchBookmarks: 'true', resourceVersion: resourceVersions[name], timeoutSeconds: seconds },
          (event) => (events++, onEvent(name, event, () => ((mustRelist = true), stream.abort()))),
          stream.signal,
        );
        clearTimeout(deadline);
        abort.signal.removeEventListener('abort', stopStream);
        if (!result.ok && result.error.code === 'expired') mustRelist = true;
        else if (!result.ok && result.error.code !== 'cancelled') error = result.error;
        // A server (or proxy) that ends watches at once and silently must not make us spin.
        quietEnd = result.ok && events === 0;
      }
      if (abort.signal.aborted) return;
      if (quietEnd) await sleep(retry.initial);
      if (error) {
        setStatus({ state: 'reconnecting', error });
        await sleep(delay);
        delay = Math.min(retry.max, delay * 2);
      } else {
        delay = retry.initial;
        setStatus({ state: 'watching', error: null });
      }
    }
  };
  for (const name of names) void follow(name);

  return {
    current: () => {
      const sortedValues = <T>(map: Map<string, object>): T[] => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v as T);
      cached ??= { ...snapshot, nodes: sortedValues(maps.nodes), namespaces: sortedValues(maps.namespaces), pods: sortedValues(maps.pods), fetchedAt, resourceVersions: { ...resourceVersions } };
      return cached;
    },
    counts: () => ({ nodes: maps.nodes.size, pods: maps.pods.size, fetchedAt }),
    status: () => state,
    stop: () => {
      if (abort.signal.aborted) return;
      abort.abort();
      clearTimeout(timer);
      setStatus({ state: 'stopped', error: null });
    },
  };
}
