/**
 * The plain shape of a tree row, built from a preview result without VS Code so it can be unit
 * tested; the TreeDataProviders turn it into `vscode.TreeItem`s one to one.
 */

/** A codicon id and an optional theme colour id (`charts.yellow`, `testing.iconPassed`). */
export interface IconModel {
  id: string;
  color?: string;
}

/** What a row runs when clicked. Arguments are plain JSON. */
export interface CommandModel {
  command: string;
  title: string;
  arguments: unknown[];
}

/** One tree row. `id` is stable across refreshes, so VS Code keeps the user's expansion state. */
export interface TreeNodeModel {
  id: string;
  label: string;
  description?: string;
  /** Plain text (several lines allowed). */
  tooltip?: string;
  icon?: IconModel;
  /** `daemonset`, `group`, `node.runs`, `node.pending.taint`, `wave`, `stall`… (menus match on it). */
  contextValue?: string;
  /** Initial state; the user's later choice wins (VS Code remembers it per id). */
  expanded?: boolean;
  command?: CommandModel;
  /** What the row stands for; menu commands on the row receive the row and read this. */
  ref?: DaemonSetRef | NodeRef;
  children: TreeNodeModel[];
}

/** Arguments of `daemonscope.revealDaemonSet` (and of `daemonscope.showPreview` from a lens or row). */
export interface DaemonSetRef {
  uri: string;
  name: string;
  namespace: string;
}

/** Arguments of `daemonscope.fixNode`: which node, of which DaemonSet, and why it does not run. */
export interface NodeRef extends DaemonSetRef {
  node: string;
  placement: string;
  reason: string | null;
}

/** Icons per placement, shared by both trees. */
export const placementIcons = {
  runs: { id: 'pass', color: 'testing.iconPassed' },
  pending: { id: 'watch', color: 'list.warningForeground' },
  skipped: { id: 'circle-slash', color: 'disabledForeground' },
} as const satisfies Record<string, IconModel>;
