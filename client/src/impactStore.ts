/**
 * The rollout impact of the edits in a document since its last commit (issue #10): reads the
 * committed text (gitBase.ts), asks the server (`daemonscope/impact`, the engine code behind
 * `daemonscope diff`) and keeps the answer per document until its preview changes (an edit, the
 * cluster, settings: the preview store's announcements, already debounced) or a HEAD moves.
 * Nothing (null) for a file that is not in git.
 */
import * as vscode from 'vscode';
import { ImpactRequest, type EditorImpactResult } from '../../server/src/protocol';
import type { ServerConnection } from './connection';
import type { GitBase } from './gitBase';
import type { PreviewStore } from './previewStore';

/** Impacts by document URI. Owned by the context; disposed with it. */
export class ImpactStore implements vscode.Disposable {
  private readonly entries = new Map<string, Promise<EditorImpactResult | null>>();
  private readonly settled = new Map<string, EditorImpactResult | null>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires with a URI whose impact may have changed, or undefined for all. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly getServer: () => ServerConnection | undefined,
    previews: PreviewStore,
    private readonly git: GitBase,
  ) {
    this.disposables.push(
      previews.onDidChange((uri) => (uri === undefined ? this.invalidateAll() : this.invalidate(uri))),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.entries.delete(doc.uri.toString());
        this.settled.delete(doc.uri.toString());
      }),
    );
  }

  /** The impact last computed for `uri` (undefined: not computed yet). Synchronous, for renderers. */
  peek(uri: string): EditorImpactResult | null | undefined {
    return this.settled.get(uri);
  }

  /** The impact of the open document `uri`, from the cache or computed. Never rejects. */
  get(uri: string): Promise<EditorImpactResult | null> {
    let entry = this.entries.get(uri);
    if (entry === undefined) {
      entry = this.compute(uri).then((result) => {
        if (this.entries.get(uri) === entry) {
          const before = this.settled.get(uri);
          this.settled.set(uri, result);
          if (JSON.stringify(before) !== JSON.stringify(result)) this.changed.fire(uri);
        }
        return result;
      });
      this.entries.set(uri, entry);
    }
    return entry;
  }

  /** Drops every impact (a HEAD moved, the server restarted) and announces it. */
  invalidateAll(): void {
    this.entries.clear();
    this.changed.fire(undefined);
  }

  private invalidate(uri: string): void {
    this.entries.delete(uri);
    this.changed.fire(uri);
  }

  private async compute(uri: string): Promise<EditorImpactResult | null> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const server = this.getServer();
    if (!document || !server?.isRunning()) return null;
    const base = await this.git.read(document.uri);
    if (!base) return null;
    try {
      return await server.sendRequest(ImpactRequest, { uri, baseText: base.text });
    } catch {
      // An older server without the request, or a restart under way: no impact is shown.
      return null;
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
