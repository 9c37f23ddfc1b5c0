/**
 * The preview of the YAML document the user is working on: the active editor if it is YAML,
 * else the last YAML editor that was active (so focusing the panel, a view or the output keeps
 * it). The trees, the status item and the panel all follow this one. Fires only when what is
 * shown would change, so views do not flicker while the user types.
 */
import * as vscode from 'vscode';
import type { EditorPreviewResult } from '../../server/src/protocol';
import type { PreviewStore } from './previewStore';

/** What the views show. `uri` is undefined before any YAML editor was active. */
export interface ActiveState {
  uri: string | undefined;
  result: EditorPreviewResult | null;
  error?: string;
}

/** Tracks the active YAML document and its preview. */
export class ActivePreview implements vscode.Disposable {
  private uri: string | undefined;
  private state: ActiveState = { uri: undefined, result: null };
  private shown = '';
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<ActiveState>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires with the new state when it differs from the last one. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: PreviewStore) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      store.onDidChange((uri) => {
        if (this.uri !== undefined && (uri === undefined || uri === this.uri)) void this.refresh();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.toString() === this.uri && !vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === this.uri)) this.follow(vscode.window.activeTextEditor);
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  /** The current state (possibly still loading). */
  get current(): ActiveState {
    return this.state;
  }

  /** The document the views follow, if any. */
  get document(): vscode.TextDocument | undefined {
    return this.uri === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri);
  }

  /** Re-fetches now (after a restart or a command). */
  refresh(): Promise<void> {
    const uri = this.uri;
    const generation = ++this.generation;
    if (uri === undefined) {
      this.publish({ uri: undefined, result: null });
      return Promise.resolve();
    }
    return this.store.get(uri).then((entry) => {
      // A newer request (another editor, a later edit) wins over a slower older one.
      if (generation !== this.generation) return;
      this.publish({ uri, result: entry.result, ...(entry.error === undefined ? {} : { error: entry.error }) });
    });
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (editor === undefined) return; // focus went to a panel, view or webview: keep the last one
    const uri = editor.document.languageId === 'yaml' ? editor.document.uri.toString() : undefined;
    if (uri === this.uri && uri !== undefined) return;
    this.uri = uri;
    void this.refresh();
  }

  private publish(state: ActiveState): void {
    // Results carry the document version; compare without it so an edit that changes nothing shown does not redraw.
    const key = JSON.stringify({ ...state, result: state.result === null ? null : { ...state.result, version: null } });
    this.state = state;
    if (key === this.shown) return;
    this.shown = key;
    this.changed.fire(state);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
