/**
 * The language server's live cluster: follows one kubeconfig context (the `clusterContext`
 * setting), takes a reduced snapshot, keeps it current with a watch, and reports its state for the
 * status bar ("context prod-eu · 120 nodes · 12 s ago"). A failure keeps the last good snapshot of
 * the same context (shown as stale, with the message); without one, `snapshot()` is null and the
 * server falls back to the cluster file or the embedded cluster.
 */
import type { LiveStatus } from '../protocol';
import { connectLive, type LiveSourceOptions } from './liveSource';
import type { CredentialPolicy } from './kubeconfig';
import { buildLiveClusterModel, type LiveCluster, type LiveClusterModel } from './liveClusterModel';
import { fetchSnapshot, type ClusterSnapshot } from './snapshot';
import type { ApiConnection } from './transport';
import { watchCluster, type ClusterWatch, type WatchOptions } from './watch';

/** What to follow: a context ('' = none), an optional kubeconfig file and the plugin policy. */
export interface LiveTarget {
  context: string;
  kubeconfig?: string;
  policy: CredentialPolicy;
}

export interface LiveClusterSourceOptions {
  /** Called whenever `status()` changes. */
  onStatus(status: LiveStatus): void;
  /**
   * Called when `snapshot()` changes (new snapshot, a node or namespace changed, lost, fallback).
   * Pod-only changes are batched for `podChangeDelayMs`: pods churn all the time in a large
   * cluster, and each report re-simulates every open document (the cluster itself is updated
   * event by event, see liveClusterModel.ts).
   */
  onClusterChange(): void;
  /** Milliseconds to gather pod-only changes before reporting them (default 15,000). */
  podChangeDelayMs?: number;
  /** Request timeout, seconds (default 15). */
  timeoutSeconds?: number;
  /** Passed to the watch (tests shorten the delays). */
  watch?: Pick<WatchOptions, 'batchMs' | 'retryMs' | 'watchSeconds'>;
}

const off: LiveStatus = { context: '', state: 'off', nodes: 0, pods: 0, fetchedAt: null, message: null };

/** One followed context at a time; every method is safe to call in any state. */
export class LiveClusterSource {
  private target: LiveTarget = { context: '', policy: { workspaceTrusted: false, contextChosenByUser: false } };
  private current: LiveStatus = off;
  private data: ClusterSnapshot | null = null;
  // The engine's cluster of `data`, kept current by the watch event by event.
  private model: LiveClusterModel | null = null;
  private watch: ClusterWatch | null = null;
  // Bumped on every (re)start, so a slow answer for an old target is dropped.
  private generation = 0;
  private loading: Promise<LiveStatus> | null = null;
  private podTimer: ReturnType<typeof setTimeout> | undefined;
  // What snapshot() last handed out while watching (held back during a pod-only batch).
  private shown: ClusterSnapshot | null = null;
  // What cluster() last handed out (held back like `shown`).
  private shownCluster: LiveCluster | null = null;

  constructor(private readonly options: LiveClusterSourceOptions) {}

  /** The current state (a copy). */
  status(): LiveStatus {
    return { ...this.current, ...(this.watch && this.data ? { fetchedAt: this.watch.counts().fetchedAt } : {}) };
  }


  /**
   * The snapshot to simulate on, or null (no context, or it failed before any snapshot). Pod-only
   * changes show here only once reported (see `podChangeDelayMs`), so a consumer that rebuilds
   * when the identity changes does so at most that often for pod churn.
   */
  snapshot(): ClusterSnapshot | null {
    if (this.watch && this.podTimer === undefined) this.shown = this.watch.current();
    return this.watch ? this.shown : this.data;
  }

  /**
   * The engine's cluster of the snapshot (or the problems that keep it from being simulated), or
   * null like `snapshot()`. Kept current from the watch events without a rebuild; pod-only changes
   * show once reported, as in `snapshot()`. The same object until then, so it can key a cache.
   */
  cluster(): LiveCluster | null {
    if (!this.model) return null;
    if (!this.watch || this.podTimer === undefined || !this.shownCluster) this.shownCluster = this.model.cluster();
    return this.shownCluster;
  }

  /**
   * Follows `target`. A different context (or kubeconfig, or a policy change that matters) starts
   * over; the same target is a no-op. Resolves with the status once the first listing is done.
   */
  configure(target: LiveTarget): Promise<LiveStatus> {
    const same = target.context === this.target.context && target.kubeconfig === this.target.kubeconfig && samePolicy(target.policy, this.target.policy);
    if (same && (this.loading || this.current.state !== 'error')) return this.loading ?? Promise.resolve(this.status());
    const contextChanged = target.context !== this.target.context || target.kubeconfig !== this.target.kubeconfig;
    this.target = target;
    if (contextChanged) this.drop();
    return this.load();
  }

  /** Lists the followed context again (the refresh button). */
  refresh(): Promise<LiveStatus> {
    return this.load();
  }

  /** Stops the watch and forgets everything. */
  dispose(): void {
    this.generation++;
    this.stopWatch();
    this.data = null;
    this.shown = null;
    this.model = null;
    this.shownCluster = null;
    this.loading = null;
  }

  // Reports a change (pending pod-only changes included) after which snapshot() shows it.
  private changed(): void {
    clearTimeout(this.podTimer);
    this.podTimer = undefined;
    this.options.onClusterChange();
  }

  private load(): Promise<LiveStatus> {
    const generation = ++this.generation;
    const { context } = this.target;
    if (context === '') {
      const had = this.data !== null;
      this.drop();
      this.setStatus(off);
      if (had) this.changed();
      this.loading = null;
      return Promise.resolve(this.status());
    }
    this.setStatus({ ...this.summary(), context, state: 'connecting', message: null });
    const run = (async (): Promise<LiveStatus> => {
      const options: LiveSourceOptions = { context, policy: this.target.policy, ...(this.target.kubeconfig ? { kubeconfig: this.target.kubeconfig } : {}), ...(this.options.timeoutSeconds ? { timeoutSeconds: this.options.timeoutSeconds } : {}) };
      const connection = await connectLive(options);
      const snapshot = connection.ok ? await fetchSnapshot(connection.value) : connection;
      if (generation !== this.generation) return this.status();
      // Built in slices: LSP requests are answered while 150,000 pods are read.
      const model = snapshot.ok ? await buildLiveClusterModel(snapshot.value, { isCancelled: () => generation !== this.generation }) : null;
      if (generation !== this.generation) return this.status();
      if (!connection.ok || !snapshot.ok) {
        // Keep the last good snapshot of this context; it is still the best picture we have.
        const message = !snapshot.ok ? snapshot.error.message : '';
        this.setStatus({ ...this.summary(), context, state: 'error', message });
        this.changed();
        return this.status();
      }
      this.stopWatch();
      this.data = snapshot.value;
      this.shown = snapshot.value;
      this.model = model;
      this.shownCluster = null;
      this.startWatch(connection.value, snapshot.value, generation);
      this.setStatus({ ...this.summary(), context, state: 'live', message: null });
      this.changed();
      return this.status();
    })();
    this.loading = run;
    void run.finally(() => {
      if (this.loading === run) this.loading = null;
    });
    return run;
  }

  private startWatch(connection: ApiConnection, snapshot: ClusterSnapshot, generation: number): void {
    this.watch = watchCluster(connection, snapshot, {
      ...this.options.watch,
      onItem: (collection, key, item) => {
        if (generation === this.generation) this.model?.apply(collection, key, item);
      },
      onChange: (change) => {
        if (generation !== this.generation) return;
        this.setStatus({ ...this.current, ...this.summary() });
        const structural = change.nodesAdded.length + change.nodesRemoved.length + change.nodesChanged.length + change.namespacesChanged.length > 0 || change.relisted;
        if (structural) this.changed();
        else this.podTimer ??= setTimeout(() => this.changed(), this.options.podChangeDelayMs ?? 15_000);
      },
      onStatus: (status) => {
        if (generation !== this.generation || status.state === 'stopped') return;
        this.setStatus({ ...this.current, state: status.state === 'watching' ? 'live' : 'reconnecting', message: status.error?.message ?? null });
      },
    });
  }

  private summary(): Pick<LiveStatus, 'nodes' | 'pods' | 'fetchedAt'> {
    if (this.watch) return this.watch.counts();
    return { nodes: this.data?.nodes.length ?? 0, pods: this.data?.pods.length ?? 0, fetchedAt: this.data?.fetchedAt ?? null };
  }

  private drop(): void {
    this.stopWatch();
    this.data = null;
    this.shown = null;
    this.model = null;
    this.shownCluster = null;
  }

  private stopWatch(): void {
    this.watch?.stop();
    this.watch = null;
    clearTimeout(this.podTimer);
    this.podTimer = undefined;
  }

  private setStatus(next: LiveStatus): void {
    const before = this.current;
    this.current = next;
    if (before.context !== next.context || before.state !== next.state || before.nodes !== next.nodes || before.pods !== next.pods || before.message !== next.message || before.fetchedAt !== next.fetchedAt) {
      this.options.onStatus(this.status());
    }
  }
}

function samePolicy(a: CredentialPolicy, b: CredentialPolicy): boolean {
  return a.workspaceTrusted === b.workspaceTrusted && a.contextChosenByUser === b.contextChosenByUser;
}
