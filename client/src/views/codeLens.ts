/**
 * A CodeLens above each DaemonSet: "runs on 7/10 nodes · 1 pending · rollout 4 waves, ~2 min",
 * opening the preview focused on it. Text from the server's preview (summary.ts formats it).
 */
import * as vscode from 'vscode';
import type { PreviewStore } from '../previewStore';
import { describeLens } from './summary';
import type { DaemonSetRef } from './treeModel';

/** Provides the lenses from the preview store; re-asked whenever a preview changes. */
export class PreviewCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly store: PreviewStore) {
    // Also when an editor comes to the front: its lenses may have been computed before a change
    // it did not see (the cluster file edited in another tab).
    this.subscription = vscode.Disposable.from(
      store.onDidChange(() => this.changed.fire()),
      vscode.window.onDidChangeActiveTextEditor(() => this.changed.fire()),
    );
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const { result } = await this.store.get(document.uri.toString());
    if (result === null) return [];
    return result.daemonsets.map((ds) => {
      const line = Math.min(ds.range.start.line, Math.max(0, document.lineCount - 1));
      const ref: DaemonSetRef = { uri: result.uri, name: ds.name, namespace: ds.namespace };
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: describeLens(ds),
        tooltip: `Open the placement preview of ${ds.namespace}/${ds.name}`,
        command: 'daemonscope.showPreview',
        arguments: [ref],
      });
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
