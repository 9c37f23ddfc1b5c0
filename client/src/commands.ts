/**
 * Every command, as a table of factories. Commands that need the server have a second factory
 * used while it is not running, which says so and offers a restart.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DaemonSetPreview } from '../../server/src/protocol';
import { clusterFileTarget, section } from './config';
import type { Ctx } from './context';
import { pickNodeFixes } from './views/nodeFixes';
import type { DaemonSetRef, NodeRef } from './views/treeModel';

type Command = (...args: unknown[]) => unknown;

/** A command: what it does, and (for those that need the server) what it does without one. */
interface CommandSpec {
  run: (ctx: Ctx) => Command;
  whenStopped?: (ctx: Ctx) => Command;
}

const serverNotRunning = (ctx: Ctx): Command => async () => {
  const restart = 'Restart Server';
  const choice = await vscode.window.showWarningMessage('Daemonscope: the language server is not running, so there is no preview to show.', restart, 'Show Output');
  if (choice === restart) await ctx.restart();
  else if (choice === 'Show Output') ctx.output.show();
};

/** The command table: id → spec. Ids match package.json. */
export const commands: Record<string, CommandSpec> = {
  'daemonscope.showPreview': { run: (ctx) => (arg) => ctx.panel.show(isDaemonSetRef(refOf(arg)) ? (refOf(arg) as DaemonSetRef) : undefined) },
  'daemonscope.chooseClusterFile': { run: () => chooseClusterFile },
  'daemonscope.useEmbeddedCluster': { run: () => useEmbeddedCluster },
  'daemonscope.copyPreviewJson': { run: (ctx) => () => copyPreviewJson(ctx), whenStopped: serverNotRunning },
  'daemonscope.restartServer': { run: (ctx) => () => ctx.restart() },
  'daemonscope.showOutput': { run: (ctx) => () => ctx.output.show() },
  'daemonscope.groupByZone': { run: (ctx) => () => ctx.placement.setGrouping('zone') },
  'daemonscope.groupByPlacement': { run: (ctx) => () => ctx.placement.setGrouping('placement') },
  'daemonscope.revealDaemonSet': { run: (ctx) => (arg) => (isDaemonSetRef(arg) ? revealDaemonSet(ctx, arg) : undefined) },
  'daemonscope.fixNode': { run: (ctx) => (arg) => fixNode(ctx, arg), whenStopped: serverNotRunning },
};

/** Registers every command of the table on `ctx`. */
export function registerCommands(ctx: Ctx): vscode.Disposable[] {
  return Object.entries(commands).map(([id, spec]) => {
    const run = spec.run(ctx);
    const stopped = spec.whenStopped?.(ctx);
    return vscode.commands.registerCommand(id, (...args: unknown[]) => (stopped !== undefined && !ctx.isRunning ? stopped(...args) : run(...args)));
  });
}

/** A command's argument as a reference: a ref itself, or a tree row (menu commands get the row) carrying one. */
function refOf(value: unknown): unknown {
  const row = value as { ref?: unknown; children?: unknown } | null | undefined;
  return typeof row === 'object' && row !== null && Array.isArray(row.children) && row.ref !== undefined ? row.ref : value;
}

function isDaemonSetRef(value: unknown): value is DaemonSetRef {
  const v = value as Partial<DaemonSetRef> | null | undefined;
  return typeof v === 'object' && v !== null && typeof v.uri === 'string' && typeof v.name === 'string' && typeof v.namespace === 'string';
}

async function chooseClusterFile(): Promise<void> {
  const current = vscode.window.activeTextEditor?.document.uri;
  const { target, scope } = clusterFileTarget(current);
  const folder = scope instanceof vscode.Uri ? scope : undefined;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Use as Cluster',
    title: 'Choose a cluster file (kubectl get nodes -o yaml)',
    filters: { 'Cluster files': ['yaml', 'yml', 'json'] },
    ...(folder === undefined ? {} : { defaultUri: folder }),
  });
  const file = picked?.[0];
  if (file === undefined) return;
  // Inside the workspace folder, store a relative path so the setting travels with the repository.
  const relative = folder === undefined ? '' : path.relative(folder.fsPath, file.fsPath);
  const value = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file.fsPath;
  await vscode.workspace.getConfiguration(section, scope).update('clusterFile', value, target);
}

async function useEmbeddedCluster(): Promise<void> {
  // Clear the setting wherever it is set, so the embedded cluster really is what is used.
  const root = vscode.workspace.getConfiguration(section);
  const inspected = root.inspect<string>('clusterFile');
  if (inspected?.globalValue) await root.update('clusterFile', undefined, vscode.ConfigurationTarget.Global);
  if (inspected?.workspaceValue) await root.update('clusterFile', undefined, vscode.ConfigurationTarget.Workspace);
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const config = vscode.workspace.getConfiguration(section, folder.uri);
    if (config.inspect<string>('clusterFile')?.workspaceFolderValue) await config.update('clusterFile', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  }
}

/** The preview of the followed document in the CLI's JSON shape (DESIGN.md), without editor-only fields. */
async function copyPreviewJson(ctx: Ctx): Promise<void> {
  const uri = ctx.active.current.uri;
  if (uri === undefined) {
    void vscode.window.showInformationMessage('Daemonscope: open a YAML file with a DaemonSet first.');
    return;
  }
  const { result, error } = await ctx.store.get(uri);
  if (result === null) {
    void vscode.window.showWarningMessage(`Daemonscope: no preview to copy. ${error ?? ''}`.trim());
    return;
  }
  const daemonsets: DaemonSetPreview[] = result.daemonsets.map((ds) => ({
    name: ds.name,
    namespace: ds.namespace,
    nodes: ds.nodes,
    rollout: ds.rollout,
    ...(ds.overhead === undefined ? {} : { overhead: ds.overhead }),
  }));
  await vscode.env.clipboard.writeText(JSON.stringify({ cluster: result.cluster, daemonsets }, null, 2) + '\n');
  void vscode.window.showInformationMessage(`Daemonscope: copied the preview of ${daemonsets.length} DaemonSet${daemonsets.length === 1 ? '' : 's'} as JSON.`);
}

/** Opens the DaemonSet's document and puts the cursor on its first line. */
async function revealDaemonSet(ctx: Ctx, ref: DaemonSetRef): Promise<void> {
  const { result } = await ctx.store.get(ref.uri);
  const ds = result?.daemonsets.find((d) => d.name === ref.name && d.namespace === ref.namespace);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri));
  const start = ds === undefined ? new vscode.Position(0, 0) : new vscode.Position(ds.range.start.line, ds.range.start.character);
  const end = ds === undefined ? start : new vscode.Position(ds.range.end.line, ds.range.end.character);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === ref.uri);
  await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(start, start), preserveFocus: false });
  vscode.window.activeTextEditor?.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.AtTop);
}

/**
 * Offers the server's quick fixes that concern one skipped or pending node: code actions over the
 * DaemonSet whose title or diagnostic names the node or one of its taints. None: says so.
 */
async function fixNode(ctx: Ctx, arg: unknown): Promise<void> {
  const value = refOf(arg);
  if (!isDaemonSetRef(value) || typeof (value as Partial<NodeRef>).node !== 'string') return;
  const ref = value as NodeRef;
  const { result } = await ctx.store.get(ref.uri);
  const ds = result?.daemonsets.find((d) => d.name === ref.name && d.namespace === ref.namespace);
  if (result === null || result === undefined || ds === undefined) return;
  const uri = vscode.Uri.parse(ref.uri);
  const range = new vscode.Range(ds.range.start.line, ds.range.start.character, ds.range.end.line, ds.range.end.character);
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const taintKeys = result.clusterNodes?.find((n) => n.name === ref.node)?.taints.map((t) => t.key) ?? [];
  // A bare Command has a string `command`; a CodeAction has an edit and/or a Command object.
  const codeActions = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
  const relevant = pickNodeFixes(codeActions, ref.node, taintKeys);
  const detail = ds.nodes.find((n) => n.node === ref.node)?.detail ?? '';
  if (relevant.length === 0) {
    void vscode.window.showInformationMessage(`Daemonscope: no quick fix for ${ref.node} (${ref.reason ?? ref.placement}). ${detail}`.trim());
    await revealDaemonSet(ctx, ref);
    return;
  }
  const chosen = relevant.length === 1 ? relevant[0] : (await vscode.window.showQuickPick(relevant.map((a) => ({ label: a.title, action: a })), { title: `Quick fixes for ${ref.node}` }))?.action;
  if (chosen === undefined) return;
  if (chosen.edit !== undefined) await vscode.workspace.applyEdit(chosen.edit);
  if (chosen.command !== undefined) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
}
