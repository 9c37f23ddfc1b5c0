/**
 * The placement preview: a webview panel beside the editor that follows the active YAML document,
 * like Markdown's preview. It draws a node grid per DaemonSet and the rollout as wave columns from
 * a model built here (previewModel.ts); the script in client/media only renders it. Strict CSP:
 * `default-src 'none'`, one nonce script, styles and script from client/media only. A serializer
 * brings the panel back after a window reload, on the document it showed (previewState.ts).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ActivePreview, ActiveState } from '../activePreview';
import type { ImpactStore } from '../impactStore';
import { describeViewCluster } from '../liveStatusText';
import type { LiveStatusSource } from './clusterDescription';
import { buildPreviewModel, type PreviewViewModel } from './previewModel';
import { readPreviewState } from './previewState';
import type { DaemonSetRef } from './treeModel';

/** The webview panel's view type (also its `activeWebviewPanelId`). */
export const previewViewType = 'daemonscope.preview';

/**
 * Messages the panel posts to the webview: the whole model, or only the cluster line (a live
 * snapshot's age moves every second; redrawing the tiles for it would lose hover and focus).
 */
export type ToWebview = { type: 'cluster'; text: string } | {
  type: 'update';
  model: PreviewViewModel | null;
  message: string;
  /** The document shown (saved in the webview state for a reload), or null before any. */
  uri: string | null;
  /** The DaemonSet ("namespace/name") to scroll to; `token` changes once per request, so typing does not scroll. */
  focus: { key: string; token: number } | null;
};

/** Messages the webview posts back; anything else is ignored. */
type FromWebview = { type: 'ready' } | { type: 'reveal'; name: string; namespace: string };

/** Opens, updates, restores (after a reload) and disposes the one preview panel. */
export class PreviewPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private focus: { key: string; token: number } | null = null;
  /** The last focus token handed out; a restored webview remembers the one it applied. */
  private token = 0;
  /** The cluster line last posted, so the age ticker posts only when it reads differently. */
  private shownCluster: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly active: ActivePreview,
    private readonly impacts?: ImpactStore,
    private readonly live?: LiveStatusSource,
  ) {
    this.disposables.push(active.onDidChange((state) => this.post(state)));
    // The rollout impact since the last commit (issue #10) arrives after the preview.
    if (impacts) this.disposables.push(impacts.onDidChange((uri) => (uri === undefined || uri === this.active.current.uri) && this.post(this.active.current)));
    if (live) this.disposables.push(live.onDidChange(() => this.postCluster()));
    // Registered at activation (package.json: onWebviewPanel:daemonscope.preview), as VS Code requires.
    this.disposables.push(vscode.window.registerWebviewPanelSerializer(previewViewType, this));
  }

  /** True while the panel is open. */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Shows the panel beside the editor (creating it if needed), focused on `ref`'s DaemonSet if given. */
  show(ref?: DaemonSetRef): void {
    if (ref !== undefined) this.focus = { key: `${ref.namespace}/${ref.name}`, token: ++this.token };
    if (this.panel !== undefined) {
      this.panel.reveal(undefined, true);
      this.post(this.active.current);
      return;
    }
    const panel = vscode.window.createWebviewPanel(previewViewType, 'Placement Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      ...this.webviewOptions(),
      enableFindWidget: true,
    });
    this.adopt(panel);
  }

  /**
   * Brings back a panel VS Code restored after a reload (WebviewPanelSerializer): new HTML (a fresh
   * nonce), the message handlers, and the document it showed, even if no YAML editor is active.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.panel !== undefined) {
      // Only one preview: a second restored one (two windows' worth of state) is closed.
      panel.dispose();
      return;
    }
    const { uri, appliedFocus } = readPreviewState(state);
    this.token = Math.max(this.token, appliedFocus);
    panel.webview.options = this.webviewOptions();
    this.adopt(panel);
    if (uri !== undefined) await this.active.restore(uri);
    this.post(this.active.current);
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'client', 'media')] };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'client', 'media');
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    panel.webview.html = renderHtml(panel.webview, media);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), undefined, this.disposables);
    panel.onDidDispose(
      () => {
        if (this.panel === panel) this.panel = undefined;
      },
      undefined,
      this.disposables,
    );
    // A hidden webview is torn down; when it shows again it asks for the state ('ready').
    this.panel = panel;
  }

  private receive(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as Partial<FromWebview> & Record<string, unknown>;
    if (m.type === 'ready') this.post(this.active.current);
    else if (m.type === 'reveal' && typeof m.name === 'string' && typeof m.namespace === 'string' && this.active.current.uri !== undefined) {
      const ref: DaemonSetRef = { uri: this.active.current.uri, name: m.name, namespace: m.namespace };
      void vscode.commands.executeCommand('daemonscope.revealDaemonSet', ref);
    }
  }

  /** The cluster line of the preview in view, with a live snapshot's age. */
  private clusterLine(state: ActiveState): string | undefined {
    if (state.result === null) return undefined;
    return this.live === undefined ? undefined : describeViewCluster(state.result.cluster, this.live.current, Date.now());
  }

  private postCluster(): void {
    const text = this.clusterLine(this.active.current);
    if (this.panel === undefined || !this.panel.visible || text === undefined || text === this.shownCluster) return;
    this.shownCluster = text;
    const message: ToWebview = { type: 'cluster', text };
    void this.panel.webview.postMessage(message);
  }

  private post(state: ActiveState): void {
    const panel = this.panel;
    if (panel === undefined) return;
    const document = this.active.document;
    const fileName = document === undefined ? '' : document.uri.path.split('/').pop() ?? '';
    panel.title = fileName === '' ? 'Placement Preview' : `Placement: ${fileName}`;
    const impact = state.uri === undefined ? undefined : this.impacts?.peek(state.uri);
    if (impact === undefined && state.uri !== undefined) void this.impacts?.get(state.uri);
    const model = state.result === null ? null : buildPreviewModel(state.result, fileName, impact ?? null);
    const cluster = this.clusterLine(state);
    if (model !== null && cluster !== undefined) model.cluster = cluster;
    this.shownCluster = model?.cluster;
    const message =
      state.error ??
      (state.uri === undefined ? 'Open a YAML file with a DaemonSet to see its placement.' : model !== null && model.daemonsets.length === 0 ? 'No DaemonSet in this file.' : '');
    const update: ToWebview = { type: 'update', model, message, uri: state.uri ?? null, focus: this.focus };
    void panel.webview.postMessage(update);
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** The panel's HTML: CSP with a fresh nonce, the stylesheet and the script from client/media. */
function renderHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css.toString()}">
<title>Placement Preview</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="message">Loading the placement preview…</p></main>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}
