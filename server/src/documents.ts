/**
 * Per-document state of the server: the analysis of each open document, cached by uri and
 * version (an unchanged document is never re-parsed, an edited one re-parses only the YAML
 * documents that changed), and its settings, cached per document until the configuration changes.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisContext, FileAnalysis } from './analysis/analyse';
import type { Finding } from './analysis/types';
import { IncrementalAnalyser } from './analysis/incrementalAnalyser';
import type { SchemaValidator } from './analysis/validator';
import type { ResolvedCluster } from './clusterService';
import type { Settings } from './protocol';

/** How long one slice of analysis may run before the server reads its messages again (ms). */
const sliceMs = 15;

interface Keyed {
  version: number;
  settings: Settings;
  cluster: ResolvedCluster | undefined;
}

/** Called once per run that takes more than one slice, with the findings of its first documents. */
export type PartialListener = (findings: Finding[]) => void;

interface Running extends Keyed {
  promise: Promise<FileAnalysis>;
  listeners: PartialListener[];
}

interface Entry {
  /** Reuses the parse and findings of unchanged documents from one version to the next. */
  analyser: IncrementalAnalyser;
  done?: Keyed & { analysis: FileAnalysis };
  running?: Running;
}

const emptyAnalysis: FileAnalysis = { file: undefined, daemonSets: [], findings: [] };

function sameKey(a: Keyed, document: TextDocument, settings: Settings, cluster: ResolvedCluster | undefined): boolean {
  return a.version === document.version && a.settings === settings && a.cluster === cluster;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * What an open document is analysed with: its settings, and its cluster (undefined: none; one
 * that failed to load is reported on each DaemonSet). Fix All analyses its fixed text with it too.
 */
export function analysisContext(validator: SchemaValidator, settings: Settings, cluster: ResolvedCluster | undefined): AnalysisContext {
  return {
    options: settings,
    validator,
    ...(cluster?.ok ? { cluster: cluster.context } : {}),
    ...(cluster && !cluster.ok ? { clusterProblem: { code: cluster.code, message: cluster.message } } : {}),
  };
}

/**
 * The analyses of open documents: one incremental analyser per uri (an edit re-parses only the
 * YAML documents it touched), each version analysed at most once per settings and cluster.
 * Long analyses (opening a large file) run in slices of about 15 ms, so the server keeps reading
 * messages; a newer version abandons the older one's run, keeping the documents done so far.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly validator: SchemaValidator) {}

  /**
   * The analysis of `document` with `settings` on `cluster` (undefined: no cluster at all). If
   * the document changes while it is computed, resolves to the analysis of the newer version
   * (compare `document.version` to know). Resolves to an empty analysis if the document is closed.
   * `onPartial` hears, when the analysis takes more than one slice, the findings of the documents
   * done in the first (the top of the file, which an editor shows first).
   */
  get(document: TextDocument, settings: Settings, cluster?: ResolvedCluster, onPartial?: PartialListener): Promise<FileAnalysis> {
    let entry = this.entries.get(document.uri);
    if (!entry) {
      entry = { analyser: new IncrementalAnalyser() };
      this.entries.set(document.uri, entry);
    }
    if (entry.done && sameKey(entry.done, document, settings, cluster)) return Promise.resolve(entry.done.analysis);
    if (entry.running && sameKey(entry.running, document, settings, cluster)) {
      if (onPartial) entry.running.listeners.push(onPartial);
      return entry.running.promise;
    }
    const running: Running = { version: document.version, settings, cluster, promise: Promise.resolve(emptyAnalysis), listeners: onPartial ? [onPartial] : [] };
    entry.running = running;
    running.promise = this.run(entry, running, document);
    return running.promise;
  }

  private async run(entry: Entry, run: Running, document: TextDocument): Promise<FileAnalysis> {
    const { settings, cluster } = run;
    const steps = entry.analyser.steps(document.getText(), analysisContext(this.validator, settings, cluster));
    for (;;) {
      const deadline = performance.now() + sliceMs;
      let next = steps.next();
      while (!next.done && performance.now() < deadline) next = steps.next();
      if (next.done) {
        if (entry.running === run) {
          entry.running = undefined;
          entry.done = { ...run, analysis: next.value };
        }
        return next.value;
      }
      if (run.listeners.length > 0) {
        const partial = entry.analyser.partialFindings();
        if (partial) for (const listener of run.listeners.splice(0)) listener(partial);
      }
      await nextTurn();
      if (this.entries.get(document.uri) !== entry) return emptyAnalysis;
      // Superseded by a newer run (a newer version or settings): its result is the one wanted.
      if (entry.running !== run) return entry.running?.promise ?? this.get(document, settings, cluster);
      if (document.version !== run.version) {
        entry.running = undefined;
        return this.get(document, settings, cluster);
      }
    }
  }

  /**
   * Forgets one document (closed), or, without a uri, every document's analysis (settings
   * changed) while keeping the parses for reuse.
   */
  drop(uri?: string): void {
    if (uri !== undefined) {
      this.entries.delete(uri);
      return;
    }
    for (const entry of this.entries.values()) entry.done = undefined;
  }
}

/** Settings per document, pulled with `workspace/configuration` and cached until a change. */
export class SettingsCache {
  private readonly entries = new Map<string, Promise<Settings>>();

  /** `fetch` asks the client for one document's normalised settings; it must not reject. */
  constructor(private readonly fetch: (uri: string) => Promise<Settings>) {}

  get(uri: string): Promise<Settings> {
    let settings = this.entries.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.entries.set(uri, settings);
    }
    return settings;
  }

  drop(uri?: string): void {
    if (uri === undefined) this.entries.clear();
    else this.entries.delete(uri);
  }
}
