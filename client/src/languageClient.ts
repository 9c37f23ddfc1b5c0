/**
 * Entry point of dist/languageClient.js, loaded lazily by the extension (connection.ts): starts
 * the LanguageClient (client.ts) and speaks Daemonscope's custom messages (protocol.ts).
 */
import type * as vscode from 'vscode';
import { PreviewChangedNotification, PreviewRequest } from '../../server/src/protocol';
import { createLanguageClient } from './client';
import type { ConnectionHandlers, ServerConnection } from './connection';

/** Starts the server and returns the connection the extension uses. Never rejects: a failed start gives a connection that is not running. */
export async function startServer(extensionUri: vscode.Uri, output: vscode.LogOutputChannel, handlers: ConnectionHandlers): Promise<ServerConnection> {
  const client = createLanguageClient(extensionUri, output);
  client.onNotification(PreviewChangedNotification, (params) => {
    if (typeof params?.uri === 'string') handlers.onPreviewChanged(params.uri);
  });
  const server: ServerConnection = {
    isRunning: () => client.isRunning(),
    requestPreview: (uri) => client.sendRequest(PreviewRequest, { uri }),
    // By method name: the message constants the extension passes come from dist/client.js, where
    // they are the stand-ins of messageTypes.ts (only `method` is meaningful).
    sendRequest: (type, params) => client.sendRequest(type.method, params),
    sendNotification: (type, params) => client.sendNotification(type.method, params),
    onNotification: (type, handler) => client.onNotification(type.method, handler),
    stop: async () => {
      if (client.needsStop()) await client.stop(2000);
    },
  };
  handlers.beforeStart?.(server);
  try {
    await client.start();
  } catch (error) {
    output.appendLine(`Daemonscope: could not start the language server: ${error instanceof Error ? error.message : String(error)}`);
  }
  return server;
}
