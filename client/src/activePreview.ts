/**
 * The preview the views show: that of the YAML document the user is working on. It follows the
 * active editor when it is YAML and has DaemonSets (or problems to show); a YAML document without
 * any, such as the cluster file being edited beside the manifest, leaves the last DaemonSet
 * document in view, so the user can taint a node and watch the placement change. Focus moving to
 * the panel, a view or the output keeps it too. The trees, the status item and the panel all
 * follow this one. Fires only when what is shown would change, so views do not flicker.
 */
import * as vscode from 'vscode';
import type { EditorPreviewResult } from '../../server/src/protocol';
import type { PreviewEntry, PreviewStore } from './previewStore';

/** What the views show. `uri` is undefined before any YAML editor was active. */
export interface ActiveState {
  uri: string | undefined;
  result: EditorPreviewResult | null;
  error?: string;
}

/** Tracks the document in view and its preview. */
export class ActivePreview implements vscode.Disposable {
  /** The active YAML editor's document (or undefined when the active editor is not YAML). */
  private candidate: string | undefined;
  /** The last document shown that had DaemonSets: kept in view while a YAML file without any is active. */
  private sticky: string | undefined;
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
        if (uri === undefined || uri === this.candidate || uri === this.sticky || uri === this.state.uri) void this.refresh();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const uri = doc.uri.toString();
        if (uri === this.sticky) this.sticky = undefined;
        if (uri === this.candidate || uri === this.state.uri) {
          if (uri === this.candidate) this.candidate = undefined;
          this.follow(vscode.window.activeTextEditor, true);
        }
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  /** The current state (possibly still loading). */
  get current(): ActiveState {
    return this.state;
  }

  /** The document in view, if it is open. */
  get document(): vscode.TextDocument | undefined {
    const uri = this.state.uri;
    return uri === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  }

  /**
   * Keeps `uri` in view (a preview panel restored after a reload shows the document it showed):
   * it becomes the document shown while no YAML editor with DaemonSets is active. Opens the
   * document so the server analyses it; a document that is gone is ignored. Never rejects.
   */
  async restore(uri: string): Promise<void> {
    if (this.sticky !== undefined) return;
    try {
      const target = vscode.Uri.parse(uri, true);
      // Opening an untitled URI that is gone would create an empty document of that name.
      if (target.scheme === 'untitled' && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri)) return;
      await vscode.workspace.openTextDocument(target);
    } catch {
      return; // deleted or unreadable: the panel says to open a YAML file
    }
    if (this.sticky !== undefined) return;
    this.sticky = uri;
    await this.refresh();
  }

  /** Re-fetches now (after a restart or a command). */
  refresh(): Promise<void> {
    const generation = ++this.generation;
    const candidate = this.candidate;
    const sticky = this.sticky;
    if (candidate === undefined && sticky === undefined) {
      this.publish({ uri: undefined, result: null });
      return Promise.resolve();
    }
    return (async () => {
      let uri = candidate ?? sticky!;
      let entry: PreviewEntry = await this.store.get(uri);
      if (candidate !== undefined && sticky !== undefined && sticky !== candidate && isEmpty(entry)) {
        uri = sticky;
        entry = await this.store.get(sticky);
      }
      // A newer request (another editor, a later edit) wins over a slower older one.
      if (generation !== this.generation) return;
      if ((entry.result?.daemonsets.length ?? 0) > 0) this.sticky = uri;
      this.publish({ uri, result: entry.result, ...(entry.error === undefined ? {} : { error: entry.error }) });
    })();
  }

  private follow(editor: vscode.TextEditor | undefined, force = false): void {
    if (editor === undefined && !force) return; // focus went to a panel, view or webview: keep what is shown
    const uri = editor?.document.languageId === 'yaml' ? editor.document.uri.toString() : undefined;
    if (uri === undefined) {
      // A non-YAML editor: nothing to show (a YAML file coming back brings its preview back).
      this.candidate = undefined;
      this.sticky = undefined;
    } else if (uri === this.candidate && !force) {
      return;
    } else {
      this.candidate = uri;
    }
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

/** No DaemonSet and nothing to say: a YAML file that is not ours (or the cluster file itself). */
function isEmpty(entry: PreviewEntry): boolean {
  return entry.error === undefined && entry.result !== null && entry.result.daemonsets.length === 0 && entry.result.problems.length === 0;
}
