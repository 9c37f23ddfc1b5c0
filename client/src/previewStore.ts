/**
 * Fetches previews from the server (`daemonscope/preview`) and keeps the latest per document.
 * A document's preview is dropped and re-announced when the server says it changed
 * (`daemonscope/previewChanged`), when the document is edited (debounced), or when settings change.
 * Every view reads previews from here; the client never computes one.
 */
import * as vscode from 'vscode';
import type { EditorPreviewResult } from '../../server/src/protocol';
import type { ServerConnection } from './connection';

/** A preview, or why there is none. */
export interface PreviewEntry {
  result: EditorPreviewResult | null;
  /** Set when the request failed (server not running, request unknown): shown instead of rows. */
  error?: string;
}

/** Milliseconds of quiet typing before a document's views refresh. */
export const editDebounceMs = 250;

/** The preview cache. Owned by the context; disposed with it. */
export class PreviewStore implements vscode.Disposable {
  private readonly entries = new Map<string, Promise<PreviewEntry>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires with a document URI whose preview may have changed, or `undefined` for all of them. */
  readonly onDidChange = this.changed.event;

  /** `starting` gives the server start in progress, if any: a request made meanwhile waits for it. */
  constructor(
    private readonly getServer: () => ServerConnection | undefined,
    private readonly starting: () => Promise<void> | undefined = () => undefined,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'yaml' && e.contentChanges.length > 0) this.invalidateSoon(e.document.uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('daemonscope')) this.invalidateAll();
      }),
    );
  }

  /** The preview of `uri`, from the cache or the server. Never rejects. */
  get(uri: string): Promise<PreviewEntry> {
    let entry = this.entries.get(uri);
    if (entry === undefined) {
      const fetched: Promise<PreviewEntry> = this.fetch(uri).then((e) => {
        // A failure is not kept, so the next look asks again (e.g. after a restart).
        if (e.error !== undefined && this.entries.get(uri) === fetched) this.entries.delete(uri);
        return e;
      });
      entry = fetched;
      this.entries.set(uri, entry);
    }
    return entry;
  }

  /** Drops the cached preview of `uri` at once and announces it (the server said it changed). */
  invalidate(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
    this.entries.delete(uri);
    this.changed.fire(uri);
  }

  /** Drops every cached preview and announces it (settings, cluster source or server changed). */
  invalidateAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.entries.clear();
    this.changed.fire(undefined);
  }

  /**
   * Like `invalidate`, after `editDebounceMs` of quiet, so typing does not flood the server or
   * redraw the views at every key (edits, and the server's previewChanged after each analysis).
   */
  invalidateSoon(uri: string): void {
    const previous = this.timers.get(uri);
    if (previous !== undefined) clearTimeout(previous);
    this.timers.set(uri, setTimeout(() => this.invalidate(uri), editDebounceMs));
  }

  private async fetch(uri: string): Promise<PreviewEntry> {
    // At activation (or a restart) the views ask before the server is up: wait rather than say it is not running.
    if (this.getServer()?.isRunning() !== true) await this.starting();
    const server = this.getServer();
    if (server === undefined || !server.isRunning()) return { result: null, error: 'The Daemonscope server is not running. Run "Daemonscope: Restart Server".' };
    try {
      return { result: await server.requestPreview(uri) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { result: null, error: `The server did not answer the preview request: ${message}` };
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
