/**
 * Per-document state of the server: the analysis of each open document, cached by uri and
 * version (an unchanged document is never re-parsed), and its settings, cached per document
 * until the configuration changes.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseText, type FileAnalysis } from './analysis/analyse';
import type { SchemaValidator } from './analysis/validator';
import type { ResolvedCluster } from './clusterService';
import type { Settings } from './protocol';

interface CachedAnalysis {
  version: number;
  settings: Settings;
  cluster: ResolvedCluster | undefined;
  analysis: FileAnalysis;
}

/** The analyses of open documents, keyed by uri + version + settings object. */
export class AnalysisCache {
  private readonly entries = new Map<string, CachedAnalysis>();

  constructor(private readonly validator: SchemaValidator) {}

  /**
   * The analysis of `document` at its current version with `settings` on `cluster` (undefined:
   * no cluster at all); computed at most once per version, settings and cluster.
   */
  get(document: TextDocument, settings: Settings, cluster?: ResolvedCluster): FileAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings && cached.cluster === cluster) return cached.analysis;
    const analysis = analyseText(document.getText(), {
      options: settings,
      validator: this.validator,
      ...(cluster?.ok ? { cluster: cluster.context } : {}),
      ...(cluster && !cluster.ok ? { clusterProblem: { code: cluster.code, message: cluster.message } } : {}),
    });
    this.entries.set(document.uri, { version: document.version, settings, cluster, analysis });
    return analysis;
  }

  /** Forgets one document (closed) or, without a uri, every document (settings changed). */
  drop(uri?: string): void {
    if (uri === undefined) this.entries.clear();
    else this.entries.delete(uri);
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
