/**
 * A CodeLens above each DaemonSet the edits since the last commit change (issue #10): "rolls 8
 * pods in 4 waves, ~2 min", "no rollout: only updateStrategy changed". Nothing for a file that is
 * not in git or a DaemonSet that did not change. Clicking opens the preview on that DaemonSet.
 */
import * as vscode from 'vscode';
import type { ImpactStore } from '../impactStore';
import { impactLenses } from './impactText';
import type { DaemonSetRef } from './treeModel';

/** Provides the impact lenses from the impact store; re-asked whenever an impact may have changed. */
export class ImpactCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly impacts: ImpactStore) {
    this.subscription = impacts.onDidChange(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const uri = document.uri.toString();
    const result = await this.impacts.get(uri);
    if (result === null) return [];
    return impactLenses(result).map((lens) => {
      const line = Math.min(lens.line, Math.max(0, document.lineCount - 1));
      const ref: DaemonSetRef = { uri, name: lens.name, namespace: lens.namespace };
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: lens.title, tooltip: lens.tooltip, command: 'daemonscope.showPreview', arguments: [ref] });
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
