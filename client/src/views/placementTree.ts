/**
 * The Placement view: for the active YAML document, each DaemonSet, then Runs / Pending / Skipped
 * (or zones) and the nodes with their reasons. Its description names the cluster in use (with a
 * live snapshot's age).
 */
import * as vscode from 'vscode';
import type { ActivePreview, ActiveState } from '../activePreview';
import { buildPlacementTree, type PlacementGrouping } from './placementModel';
import { ModelTreeProvider } from './modelTree';
import type { TreeNodeModel } from './treeModel';
import { followClusterDescription, type LiveStatusSource } from './clusterDescription';

/** View id, as in package.json. */
export const placementViewId = 'daemonscope.placementTree';

/** Owns the Placement TreeView; refreshes from `active`. */
export class PlacementTree implements vscode.Disposable {
  private readonly provider = new ModelTreeProvider();
  private readonly view: vscode.TreeView<TreeNodeModel>;
  private readonly disposables: vscode.Disposable[];
  private grouping: PlacementGrouping;

  constructor(
    private readonly active: ActivePreview,
    private readonly memento: vscode.Memento,
    live?: LiveStatusSource,
  ) {
    this.grouping = memento.get<PlacementGrouping>('placementGrouping') === 'zone' ? 'zone' : 'placement';
    this.view = vscode.window.createTreeView(placementViewId, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables = [this.view, this.provider, active.onDidChange((state) => this.render(state)), followClusterDescription(this.view, active, live)];
    void vscode.commands.executeCommand('setContext', 'daemonscope.placementGroupBy', this.grouping);
    this.render(active.current);
  }

  /** Switches between grouping by placement and by zone, and remembers it. */
  setGrouping(grouping: PlacementGrouping): void {
    this.grouping = grouping;
    void this.memento.update('placementGrouping', grouping);
    void vscode.commands.executeCommand('setContext', 'daemonscope.placementGroupBy', grouping);
    this.render(this.active.current);
  }

  private render(state: ActiveState): void {
    this.provider.set(buildPlacementTree(state.result, this.grouping));
    this.view.message = state.error;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
