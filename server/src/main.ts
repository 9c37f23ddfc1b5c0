/**
 * Language server entry point: the only place a transport is chosen. VS Code starts it over IPC
 * (`--node-ipc`), tests and other editors over `--stdio`; `createConnection` reads the flag.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => {
  connection.console.error(`Daemonscope: uncaught exception: ${error?.stack ?? String(error)}`);
});
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Daemonscope: unhandled rejection: ${String(reason)}`);
});
startServer(connection);
