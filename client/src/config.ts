/**
 * Typed getters for what the client itself reads from `daemonscope.*` settings. The server pulls
 * its own settings (workspace/configuration, normalised against `defaultSettings` in protocol.ts);
 * the client only needs the cluster source to describe and switch it.
 */
import * as vscode from 'vscode';

/** The settings section every Daemonscope setting lives under. */
export const section = 'daemonscope';

/** Every YAML document the server analyses (and the CodeLens covers): files on disk and untitled editors. */
export const documentSelector = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
];

/** Settings whose change needs "Restart Server" (none today: the server re-reads on change). */
export const restartSettings: readonly string[] = [];

/** The configured cluster file for a document (empty = the embedded cluster). */
export function clusterFile(scope?: vscode.ConfigurationScope): string {
  const value = vscode.workspace.getConfiguration(section, scope).get<unknown>('clusterFile');
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Where to write `daemonscope.clusterFile`: the workspace folder of `uri` when there is one
 * (cluster files usually live with the manifests), else the user settings. In an untrusted
 * workspace, workspace-level cluster settings are ignored (package.json `restrictedConfigurations`),
 * so the choice goes to the user settings there too.
 */
export function clusterFileTarget(uri: vscode.Uri | undefined): { target: vscode.ConfigurationTarget; scope: vscode.ConfigurationScope | undefined } {
  const folder = uri === undefined ? vscode.workspace.workspaceFolders?.[0] : vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined || !vscode.workspace.isTrusted) return { target: vscode.ConfigurationTarget.Global, scope: undefined };
  return { target: vscode.ConfigurationTarget.WorkspaceFolder, scope: folder.uri };
}
