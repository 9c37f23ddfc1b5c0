/**
 * The editor side of the live cluster source: "Daemonscope: Use Cluster Context…" (contexts come
 * from the server, which reads the kubeconfig; the client never loads the Kubernetes library),
 * "Refresh Live Cluster", and the status item "context prod-eu · 120 nodes · 12 s ago".
 *
 * The chosen context goes to the user settings (`daemonscope.clusterContext`, machine-overridable,
 * never written to the workspace). A kubeconfig credential plugin may run only for a context the
 * user picked here, in a trusted workspace: the client tells the server which ones those are.
 */
import * as vscode from 'vscode';
import { ListContextsRequest, LivePolicyNotification, LiveStatusNotification, RefreshClusterRequest, type LiveStatus } from '../../server/src/protocol';
import { section } from './config';
import type { ServerConnection } from './connection';
import { describeContextItem, describeLiveStatus } from './liveStatusText';

const chosenKey = 'daemonscope.chosenContexts';
const off: LiveStatus = { context: '', state: 'off', nodes: 0, pods: 0, fetchedAt: null, message: null };

/** Owns the live status item and the two live commands; tells the views when the status or its age changes. */
export class LiveCluster implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('daemonscope.liveCluster', vscode.StatusBarAlignment.Right, 99);
  private readonly changed = new vscode.EventEmitter<LiveStatus>();
  private readonly disposables: vscode.Disposable[] = [this.item, this.changed];
  private status: LiveStatus = off;
  private ticker: ReturnType<typeof setInterval> | undefined;

  /**
   * Fires when the status changes, and once a second while a live source is on (its age moves),
   * so the views redraw their cluster line without re-simulating.
   */
  readonly onDidChange = this.changed.event;

  /** The latest status (`off` until the server reports one). */
  get current(): LiveStatus {
    return this.status;
  }

  constructor(
    private readonly extension: vscode.ExtensionContext,
    private readonly client: () => ServerConnection | undefined,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.item.name = 'Daemonscope live cluster';
    this.item.command = 'daemonscope.refreshCluster';
    this.disposables.push(
      vscode.commands.registerCommand('daemonscope.useClusterContext', () => this.pickContext()),
      vscode.commands.registerCommand('daemonscope.refreshCluster', () => this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.sendPolicy()),
    );
  }

  /** Hooks a (new) language client: status notifications in, the policy out once it runs. */
  attach(client: ServerConnection): void {
    client.onNotification(LiveStatusNotification, (status) => this.show(status));
  }

  /** Sends the credential-plugin policy; call after the client started. */
  sendPolicy(): void {
    const client = this.client();
    if (!client?.isRunning()) return;
    void client.sendNotification(LivePolicyNotification, { workspaceTrusted: vscode.workspace.isTrusted, chosenContexts: this.chosen() }).catch(() => undefined);
  }

  private chosen(): string[] {
    const value = this.extension.globalState.get<unknown>(chosenKey);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  private async pickContext(): Promise<void> {
    const client = this.client();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('Daemonscope: the language server is not running, so the kubeconfig cannot be read. Try "Daemonscope: Restart Server".');
      return;
    }
    let listed;
    try {
      listed = await client.sendRequest(ListContextsRequest, {});
    } catch (error) {
      this.output.appendLine(`Daemonscope: listing kubeconfig contexts failed: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage('Daemonscope: could not list the kubeconfig contexts; see the Daemonscope output.');
      return;
    }
    if (listed.error !== null || listed.contexts.length === 0) {
      void vscode.window.showWarningMessage(`Daemonscope: ${listed.error ?? 'the kubeconfig has no contexts.'}`);
      return;
    }
    const following = vscode.workspace.getConfiguration(section).get<string>('clusterContext') ?? '';
    type Pick = vscode.QuickPickItem & { context?: string; stop?: boolean };
    const items: Pick[] = listed.contexts.map((c) => ({ ...describeContextItem(c, following), context: c.name }));
    if (following !== '') items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(circle-slash) Stop using a live cluster', description: 'back to the cluster file or the embedded cluster', stop: true });
    const picked = await vscode.window.showQuickPick(items, { title: 'Daemonscope: simulate against a live cluster (read-only)', placeHolder: 'Choose a kubeconfig context', matchOnDescription: true });
    if (picked === undefined) return;
    if (picked.stop) {
      await vscode.workspace.getConfiguration(section).update('clusterContext', undefined, vscode.ConfigurationTarget.Global);
      return;
    }
    if (picked.context === undefined) return;
    const chosen = this.chosen();
    if (!chosen.includes(picked.context)) await this.extension.globalState.update(chosenKey, [...chosen, picked.context].sort());
    this.sendPolicy();
    // User settings: a context is a property of this machine's kubeconfig, not of the repository.
    await vscode.workspace.getConfiguration(section).update('clusterContext', picked.context, vscode.ConfigurationTarget.Global);
    if (following === picked.context) await this.refresh();
  }

  private async refresh(): Promise<void> {
    const client = this.client();
    if (!client?.isRunning()) return;
    try {
      this.show(await client.sendRequest(RefreshClusterRequest, {}));
    } catch (error) {
      this.output.appendLine(`Daemonscope: refreshing the live cluster failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private show(status: LiveStatus): void {
    this.status = status;
    void vscode.commands.executeCommand('setContext', 'daemonscope.liveContext', status.state !== 'off');
    if (status.message) this.output.appendLine(`Daemonscope: context ${status.context}: ${status.message}`);
    this.render();
    if (status.state === 'off') {
      clearInterval(this.ticker);
      this.ticker = undefined;
    } else {
      this.ticker ??= setInterval(() => this.render(), 1000);
    }
  }

  private render(): void {
    this.changed.fire(this.status);
    const text = describeLiveStatus(this.status, Date.now());
    if (text === null) {
      this.item.hide();
      return;
    }
    this.item.text = text.text;
    this.item.tooltip = text.tooltip;
    this.item.backgroundColor = text.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    clearInterval(this.ticker);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
