/**
 * LSP capabilities and handlers. Thin: each handler finds the document, calls analysis, converts.
 */
import { TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Wires every handler onto `connection` and starts listening. Transport-agnostic (tests use stdio). */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  connection.onInitialize(() => ({
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 'daemonscope' },
  }));
  documents.listen(connection);
  connection.listen();
}
