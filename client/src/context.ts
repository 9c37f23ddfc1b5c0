/**
 * The extension's state: the LanguageClient, the output channel, the preview store, the views,
 * the status item and every disposable. `extension.ts` builds one on activation.
 */
import * as vscode from 'vscode';
import { ActivePreview } from './activePreview';
import { clusterFile, documentSelector } from './config';
import { loadServer, type ServerConnection } from './connection';
import { GitBase, loadGitExtension } from './gitBase';
import { ImpactStore } from './impactStore';
import { LiveCluster } from './liveCluster';
import { PreviewStore } from './previewStore';
import { PreviewStatus } from './status';
import { PreviewCodeLensProvider } from './views/codeLens';
import { ImpactCodeLensProvider } from './views/impactLens';
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
  /** The rollout impact of each document's edits since its last commit (issue #10). */
  readonly impacts: ImpactStore;
  private server: ServerConnection | undefined;
  private starting: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Daemonscope', { log: true });
    this.store = new PreviewStore(() => this.server, () => this.starting);
    this.active = new ActivePreview(this.store);
    this.live = new LiveCluster(extension, () => this.server, this.output);
    this.placement = new PlacementTree(this.active, extension.workspaceState, this.live);
    // The git extension is looked up on first use, after the server answers (never at activation).
    const git = new GitBase(() => loadGitExtension(vscode.extensions), () => this.impacts.invalidateAll());
    this.impacts = new ImpactStore(() => this.server, this.store, git);
    this.panel = new PreviewPanel(extension.extensionUri, this.active, this.impacts, this.live);
    const lenses = new PreviewCodeLensProvider(this.store);
    const impactLenses = new ImpactCodeLensProvider(this.impacts);
    this.disposables.push(
      this.output,
      this.store,
      this.active,
      this.placement,
      new RolloutTree(this.active, this.live),
      this.panel,
      this.live,
      new PreviewStatus(this.active),
      lenses,
      vscode.languages.registerCodeLensProvider(documentSelector, lenses),
      git,
      this.impacts,
      impactLenses,
      vscode.languages.registerCodeLensProvider(documentSelector, impactLenses),
      this.active.onDidChange((state) => void vscode.commands.executeCommand('setContext', 'daemonscope.hasDaemonSet', (state.result?.daemonsets.length ?? 0) > 0)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('daemonscope.clusterFile')) this.updateClusterContext();
        // Git turned on or off: the committed versions are read again.
        if (e.affectsConfiguration('git.enabled')) this.impacts.invalidateAll();
      }),
    );
    this.updateClusterContext();
  }

  /** True when the server is up and answering. */
  get isRunning(): boolean {
    return this.server?.isRunning() ?? false;
  }

  /**
   * Starts the language server (no-op if started or starting). Loads the language-client bundle
   * first, after activation has returned. Failures are reported in the output channel.
   */
  start(): Promise<void> {
    this.starting ??= (async () => {
      try {
        const began = performance.now();
        const startServer = await loadServer(this.extension.extensionPath);
        this.server = await startServer(this.extension.extensionUri, this.output, {
          onPreviewChanged: (uri) => this.store.invalidateSoon(uri),
          beforeStart: (server) => this.live.attach(server),
        });
        this.live.sendPolicy();
        this.output.appendLine(`Daemonscope language server started in ${(performance.now() - began).toFixed(0)} ms (after activation).`);
      } catch (error) {
        this.output.appendLine(`Daemonscope: could not start the language server: ${error instanceof Error ? error.message : String(error)}`);
        this.output.show(true);
      } finally {
        this.starting = undefined;
      }
      // Whatever was asked before the server answered is asked again.
      this.store.invalidateAll();
    })();
    return this.starting;
  }

  /** Stops the language server, if running. */
  async stop(): Promise<void> {
    await this.starting;
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    try {
      await server.stop();
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
