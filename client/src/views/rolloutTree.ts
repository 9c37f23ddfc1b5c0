/**
 * The Rollout view: for the active YAML document, each DaemonSet's strategy and budget, its waves,
 * the estimated duration and any stall.
 */
import * as vscode from 'vscode';
import type { ActivePreview, ActiveState } from '../activePreview';
import { ModelTreeProvider } from './modelTree';
import type { TreeNodeModel } from './treeModel';
import { buildRolloutTree } from './rolloutModel';
import { followClusterDescription, type LiveStatusSource } from './clusterDescription';

/** View id, as in package.json. */
export const rolloutViewId = 'daemonscope.rolloutTree';

/** Owns the Rollout TreeView; refreshes from `active`. */
export class RolloutTree implements vscode.Disposable {
  private readonly provider = new ModelTreeProvider();
  private readonly view: vscode.TreeView<TreeNodeModel>;
  private readonly disposables: vscode.Disposable[];

  constructor(active: ActivePreview, live?: LiveStatusSource) {
    this.view = vscode.window.createTreeView(rolloutViewId, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables = [this.view, this.provider, active.onDidChange((state) => this.render(state)), followClusterDescription(this.view, active, live)];
    this.render(active.current);
  }

  private render(state: ActiveState): void {
    this.provider.set(buildRolloutTree(state.result));
    this.view.message = state.error;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
