/**
 * Which cluster the language server simulates on, per document: the live kubeconfig context when
 * one is followed and listed, else `daemonscope.clusterFile` (with `podsFile`), else the embedded
 * default cluster (DESIGN.md "Settings"). Results are cached until a cluster file or the live
 * snapshot changes. A cluster file that is open in the editor is read from the editor, so an
 * unsaved edit (add a node, taint one) re-simulates at once; files on disk are polled for changes.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ClusterContext } from './analysis/clusterContext';
import { DiagnosticCode } from './analysis/codes';
import { readCluster } from './clusterFiles';
import type { LiveCluster } from './live/liveClusterModel';
import type { Settings } from './protocol';

/** The settings that choose a cluster. */
export type ClusterSettings = Pick<Settings, 'clusterFile' | 'podsFile' | 'clusterContext' | 'podStartSeconds'>;

/** A usable cluster, or why there is none (reported once per DaemonSet; cluster checks skipped). */
export type ResolvedCluster =
  | { ok: true; context: ClusterContext; source: string }
  | { ok: false; code: DiagnosticCode.ClusterFileNotFound | DiagnosticCode.ClusterFileInvalid; message: string };

/** What the service needs from the server. */
export interface ClusterServiceDeps {
  /** The live cluster of the followed context, or null (none followed, or not listed yet). */
  liveCluster(): LiveCluster | null;
  /** Text of an open editor document by absolute path, or undefined to read the disk. */
  openText(absolutePath: string): string | undefined;
  /** A cluster file in use changed on disk; callers re-analyse (the cache is already dropped). */
  onFileChange(): void;
  /** Poll interval for cluster files on disk (default 1,000 ms). */
  pollIntervalMs?: number;
}

/** Resolves and caches clusters; `dispose()` stops watching files. */
export class ClusterService {
  private readonly cache = new Map<string, ResolvedCluster>();
  /** Watched cluster files and their signature (mtime, size, inode) when last read; '' = absent. */
  private readonly watched = new Map<string, string>();
  private poll: NodeJS.Timeout | undefined;

  constructor(private readonly deps: ClusterServiceDeps) {}

  /**
   * The cluster for a document with `settings`, relative paths resolved against `baseDir` (its
   * workspace folder). Never throws: problems come back as a value naming the file and setting.
   */
  resolve(settings: ClusterSettings, baseDir: string): ResolvedCluster {
    const live = settings.clusterContext.trim() === '' ? null : this.deps.liveCluster();
    // The embedded cluster is the same wherever the document is: one cache entry for every folder.
    const files = settings.clusterFile.trim() !== '' || settings.podsFile.trim() !== '';
    const key = JSON.stringify([live ? `live:${live.context}` : '', settings.clusterFile, settings.podsFile, files ? baseDir : '', settings.podStartSeconds]);
    let resolved = this.cache.get(key);
    if (!resolved) {
      resolved = live ? this.fromLive(live, settings) : this.fromFiles(settings, baseDir);
      this.cache.set(key, resolved);
    }
    return resolved;
  }

  /** True when `absolutePath` is a cluster or pods file some cached resolution read. */
  uses(absolutePath: string): boolean {
    return this.watched.has(absolutePath);
  }

  /** Drops every cached cluster (a cluster file was edited, the live snapshot or settings changed). */
  invalidate(): void {
    this.cache.clear();
  }

  /** Stops polling files; the service can still resolve afterwards (and polls again). */
  dispose(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
    this.watched.clear();
    this.cache.clear();
  }

  // The live cluster is kept current by its watch (live/liveClusterModel.ts): nothing to build here.
  private fromLive(live: LiveCluster, settings: ClusterSettings): ResolvedCluster {
    const { result, context } = live;
    if (!result.ok) {
      return { ok: false, code: DiagnosticCode.ClusterFileInvalid, message: `The live cluster (${context}) cannot be simulated: ${result.problems[0]} (setting daemonscope.clusterContext).` };
    }
    return { ok: true, source: `context ${context}`, context: { cluster: result.cluster, label: `context ${context}`, simulation: { podStartSeconds: settings.podStartSeconds } } };
  }

  private fromFiles(settings: ClusterSettings, baseDir: string): ResolvedCluster {
    const nodes = settings.clusterFile.trim();
    const pods = settings.podsFile.trim();
    for (const path of [nodes, pods]) if (path !== '') this.watch(resolve(baseDir, path));
    const result = readCluster({ nodes, pods, baseDir, openText: (path) => this.deps.openText(path) });
    if (!result.ok) {
      const first = result.problems[0] ?? 'unknown problem';
      const isPods = pods !== '' && first.startsWith(`${pods}:`);
      const setting = isPods ? 'daemonscope.podsFile' : nodes !== '' ? 'daemonscope.clusterFile' : 'the embedded cluster';
      const skippedNote = 'Placement and rollout checks are skipped until it is fixed.';
      if (/ file not found$/.test(first)) {
        return { ok: false, code: DiagnosticCode.ClusterFileNotFound, message: `${isPods ? 'Pods' : 'Cluster'} file ${isPods ? pods : nodes} not found (setting ${setting}). ${skippedNote}` };
      }
      const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
      return { ok: false, code: DiagnosticCode.ClusterFileInvalid, message: `The cluster cannot be loaded: ${first}${more} (setting ${setting}). ${skippedNote}` };
    }
    const label = nodes === '' ? 'the embedded cluster' : `cluster file ${nodes}`;
    return { ok: true, source: nodes === '' ? 'embedded' : nodes, context: { cluster: result.cluster, label, simulation: { podStartSeconds: settings.podStartSeconds } } };
  }

  // Polls the files in use. The signature is taken before the file is read, so a write that
  // lands between the two is seen at the next tick (fs.watchFile would miss a write made before
  // its first stat).
  private watch(path: string): void {
    if (!this.watched.has(path)) this.watched.set(path, signature(path));
    if (this.poll) return;
    this.poll = setInterval(() => this.checkFiles(), this.deps.pollIntervalMs ?? 1000);
    // Polling never keeps the process alive: the server exits when its connection closes.
    this.poll.unref();
  }

  private checkFiles(): void {
    let changed = false;
    for (const [path, seen] of this.watched) {
      const now = signature(path);
      if (now !== seen) {
        this.watched.set(path, now);
        changed = true;
      }
    }
    if (changed) {
      this.invalidate();
      this.deps.onFileChange();
    }
  }
}

/** A file's identity for change detection: mtime, size and inode, or '' when it cannot be read. */
function signature(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  } catch {
    return '';
  }
}
