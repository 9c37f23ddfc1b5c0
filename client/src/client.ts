/**
 * The LanguageClient's options: where the server module is, which documents it sees, and what
 * happens when it fails. The server is `dist/server.js`, started over Node IPC.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { documentSelector, section } from './config';
import { serverExecArgv } from '../../server/src/protocol';

/** How many crashes in `crashWindowMs` before the client stops restarting the server. */
const maxRestarts = 4;
const crashWindowMs = 3 * 60 * 1000;

/**
 * A LanguageClient for Daemonscope's server (not started). Failures reveal `output` and say what
 * to do; the server is restarted after a crash, up to 4 times in 3 minutes.
 */
export function createLanguageClient(extensionUri: vscode.Uri, output: vscode.LogOutputChannel): LanguageClient {
  const module = vscode.Uri.joinPath(extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv, '--nolazy', '--inspect=6012'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // The server pulls settings (workspace/configuration); this also sends didChangeConfiguration.
    synchronize: { configurationSection: section },
    initializationFailedHandler: (error) => {
      output.appendLine(`Daemonscope: the language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      output.show(true);
      void vscode.window.showErrorMessage('Daemonscope: the language server failed to start. See the Daemonscope output for details; "Daemonscope: Restart Server" tries again.');
      return false;
    },
    errorHandler: restartingErrorHandler(output),
  };
  return new LanguageClient('daemonscope', 'Daemonscope', serverOptions, clientOptions);
}

function restartingErrorHandler(output: vscode.LogOutputChannel): ErrorHandler {
  const crashes: number[] = [];
  return {
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
    closed: (): CloseHandlerResult => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && now - crashes[0]! > crashWindowMs) crashes.shift();
      if (crashes.length <= maxRestarts) return { action: CloseAction.Restart, handled: true };
      output.show(true);
      return {
        action: CloseAction.DoNotRestart,
        message: `Daemonscope: the language server stopped ${crashes.length} times in 3 minutes and will not be restarted. See the Daemonscope output; "Daemonscope: Restart Server" starts it again.`,
      };
    },
  };
}
