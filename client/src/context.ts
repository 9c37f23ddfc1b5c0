/**
 * The extension's state: the LanguageClient, the output channel, the preview store, the views,
 * the status item and every disposable. `extension.ts` builds one on activation.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewChangedNotification } from '../../server/src/protocol';
import { ActivePreview } from './activePreview';
import { createLanguageClient, documentSelector } from './client';
import { LiveCluster } from './liveCluster';
import { clusterFile } from './config';
import { PreviewStore } from './previewStore';
import { PreviewStatus } from './status';
import { PreviewCodeLensProvider } from './views/codeLens';
import { PlacementTree } from './views/placementTree';
import { PreviewPanel } from './views/previewPanel';
import { RolloutTree } from './views/rolloutTree';

/** Everything the commands need. Owned by `activate`, disposed by `deactivate`. */
export class Ctx implements vscode.Disposable {
  readonly output: vscode.LogOutputChannel;
  readonly store: PreviewStore;
  readonly active: ActivePreview;
  readonly placement: PlacementTree;
  readonly panel: PreviewPanel;
  readonly live: LiveCluster;
  private client: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Daemonscope', { log: true });
    this.store = new PreviewStore(() => this.client);
    this.active = new ActivePreview(this.store);
    this.placement = new PlacementTree(this.active, extension.workspaceState);
    this.panel = new PreviewPanel(extension.extensionUri, this.active);
    this.live = new LiveCluster(extension, () => this.client, this.output);
    const lenses = new PreviewCodeLensProvider(this.store);
    this.disposables.push(
      this.output,
      this.store,
      this.active,
      this.placement,
      new RolloutTree(this.active),
      this.panel,
      this.live,
      new PreviewStatus(this.active),
      lenses,
      vscode.languages.registerCodeLensProvider(documentSelector, lenses),
      this.active.onDidChange((state) => void vscode.commands.executeCommand('setContext', 'daemonscope.hasDaemonSet', (state.result?.daemonsets.length ?? 0) > 0)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('daemonscope.clusterFile')) this.updateClusterContext();
      }),
    );
    this.updateClusterContext();
  }

  /** The running client, if any. */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  /** True when the server is up and answering. */
  get isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  /** Starts the language server (no-op if running). Failures are reported by the client's handlers. */
  async start(): Promise<void> {
    if (this.client !== undefined) return;
    const client = createLanguageClient(this.extension.extensionUri, this.output);
    this.client = client;
    client.onNotification(PreviewChangedNotification, (params) => {
      if (typeof params?.uri === 'string') this.store.invalidate(params.uri);
    });
    this.live.attach(client);
    try {
      await client.start();
      this.live.sendPolicy();
    } catch (error) {
      this.output.appendLine(`Daemonscope: could not start the language server: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Whatever was asked before the server answered is asked again.
    this.store.invalidateAll();
  }

  /** Stops the language server, if running. */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    try {
      await client.stop(2000);
    } catch (error) {
      this.output.appendLine(`Daemonscope: stopping the language server: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.store.invalidateAll();
  }

  /** Stops and starts the server (command "Daemonscope: Restart Server"). */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private updateClusterContext(): void {
    void vscode.commands.executeCommand('setContext', 'daemonscope.clusterFileSet', clusterFile(vscode.window.activeTextEditor?.document.uri) !== '');
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
