/**
 * A TreeDataProvider over plain `TreeNodeModel` rows (built by placementModel/rolloutModel). Rows
 * keep stable ids, so a refresh while typing keeps what the user expanded or collapsed.
 */
import * as vscode from 'vscode';
import type { TreeNodeModel } from './treeModel';

/** Shows a list of model rows; `set` replaces them and redraws. */
export class ModelTreeProvider implements vscode.TreeDataProvider<TreeNodeModel> {
  private roots: TreeNodeModel[] = [];
  private readonly changed = new vscode.EventEmitter<TreeNodeModel | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Replaces every row. */
  set(roots: TreeNodeModel[]): void {
    this.roots = roots;
    this.changed.fire(undefined);
  }

  /** The current top-level rows (for tests and commands). */
  get rows(): readonly TreeNodeModel[] {
    return this.roots;
  }

  getChildren(element?: TreeNodeModel): TreeNodeModel[] {
    return element === undefined ? this.roots : element.children;
  }

  getTreeItem(row: TreeNodeModel): vscode.TreeItem {
    const state =
      row.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : row.expanded === false
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(row.label, state);
    item.id = row.id;
    if (row.description !== undefined) item.description = row.description;
    if (row.tooltip !== undefined) item.tooltip = row.tooltip;
    if (row.contextValue !== undefined) item.contextValue = row.contextValue;
    if (row.icon !== undefined) item.iconPath = new vscode.ThemeIcon(row.icon.id, row.icon.color === undefined ? undefined : new vscode.ThemeColor(row.icon.color));
    if (row.command !== undefined) item.command = row.command;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
