/**
 * A tree view's description: the cluster the preview in view was computed on ("nodes.yaml · 4
 * nodes", "embedded · 10 nodes"), and for a live context the snapshot's age, which moves every
 * second without asking the server for anything ("context prod-eu · 120 nodes · 12 s ago").
 */
import * as vscode from 'vscode';
import type { LiveStatus } from '../../../server/src/protocol';
import type { ActivePreview } from '../activePreview';
import { describeViewCluster } from '../liveStatusText';

/** The live source's status and its changes (LiveCluster), as the views need them. */
export interface LiveStatusSource {
  readonly current: LiveStatus;
  readonly onDidChange: vscode.Event<unknown>;
}

/** Keeps `view.description` current; dispose to stop. Writes only when the text changes. */
export function followClusterDescription(view: vscode.TreeView<unknown>, active: ActivePreview, live: LiveStatusSource | undefined): vscode.Disposable {
  let shown: string | undefined;
  const update = (): void => {
    const result = active.current.result;
    const text = result === null ? undefined : live === undefined ? describeViewCluster(result.cluster, offStatus, 0) : describeViewCluster(result.cluster, live.current, Date.now());
    if (text === shown) return;
    shown = text;
    view.description = text;
  };
  update();
  return vscode.Disposable.from(active.onDidChange(update), ...(live === undefined ? [] : [live.onDidChange(update)]));
}

const offStatus: LiveStatus = { context: '', state: 'off', nodes: 0, pods: 0, fetchedAt: null, message: null };
