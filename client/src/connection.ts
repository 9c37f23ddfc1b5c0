/**
 * What the extension needs from the language server, as an interface, so the bundle loaded on
 * activation (dist/client.js) does not contain vscode-languageclient: that library (~400 KB) lives
 * in dist/languageClient.js and is loaded right after activation returns (see `loadServer`).
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { EditorPreviewResult } from '../../server/src/protocol';

/** A started language server. */
export interface ServerConnection {
  /** True while the server is up and answering. */
  isRunning(): boolean;
  /** Any custom request of protocol.ts (sent by its method name); rejects if the server cannot answer. */
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  /** Any custom notification of protocol.ts (by method name). */
  sendNotification<P>(type: NotificationType<P>, params: P): Promise<void>;
  /** Handles a custom notification from the server (by method name). */
  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void): vscode.Disposable;
  /** `daemonscope/preview` for a document; rejects if the server cannot answer. */
  requestPreview(uri: string): Promise<EditorPreviewResult | null>;
  /** Stops the server (waits up to 2 s). */
  stop(): Promise<void>;
}

/** Callbacks from the server. */
export interface ConnectionHandlers {
  /** `daemonscope/previewChanged`: the preview of `uri` changed (edit, cluster file change). */
  onPreviewChanged(uri: string): void;
  /** Called with the connection before the server starts, to register notification handlers. */
  beforeStart?(server: ServerConnection): void;
}

/** The entry point of dist/languageClient.js. */
export type StartServer = (extensionUri: vscode.Uri, output: vscode.LogOutputChannel, handlers: ConnectionHandlers) => Promise<ServerConnection>;

/**
 * Loads dist/languageClient.js (after the current activation call has returned, so VS Code's
 * activation time does not include it) and returns its `startServer`.
 */
export async function loadServer(extensionPath: string): Promise<StartServer> {
  await new Promise((resolve) => setImmediate(resolve));
  // A path computed at run time: esbuild leaves this require alone, so the library stays in its own bundle.
  const modulePath = path.join(extensionPath, 'dist', 'languageClient.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(modulePath) as { startServer: StartServer }).startServer;
}
