/**
 * The status bar item for a YAML file with DaemonSets: "$(server) 7/10 nodes" for the DaemonSet
 * under the cursor, in warning colour when it runs nowhere, has pending pods or a stalled rollout.
 * Clicking it opens the preview.
 */
import * as vscode from 'vscode';
import type { ActivePreview } from './activePreview';
import { summarizeStatus } from './views/summary';

/** Owns the status item. */
export class PreviewStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('daemonscope.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly active: ActivePreview) {
    this.item.name = 'Daemonscope';
    this.item.command = 'daemonscope.showPreview';
    this.disposables.push(
      active.onDidChange(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === this.active.current.uri) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const state = this.active.current;
    // While the document in view is the active editor, or visible beside the focused panel or view.
    const active = vscode.window.activeTextEditor;
    const editor = active !== undefined ? active : vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === state.uri);
    if (editor === undefined || editor.document.uri.toString() !== state.uri) {
      this.item.hide();
      return;
    }
    const summary = summarizeStatus(state.result, editor.selection.active.line);
    if (summary === null) {
      this.item.hide();
      return;
    }
    this.item.text = summary.text;
    this.item.tooltip = summary.tooltip;
    this.item.backgroundColor = summary.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
