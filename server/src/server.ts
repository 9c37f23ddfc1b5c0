/**
 * LSP capabilities and handlers. Thin: each handler finds the document, calls analysis, converts.
 * Every handler runs inside `guard`, so a failure logs and answers empty; the server keeps going.
 */
import { DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSchemaValidator, type SchemaValidator } from './analysis/validator';
import { toDiagnostic } from './convert';
import { AnalysisCache, SettingsCache } from './documents';
import { createGuard } from './guard';
import { registerLiveHandlers } from './live/liveHandlers';
import { defaultSettings, PreviewChangedNotification, type Settings } from './protocol';
import { normalizeSettings } from './settings';

/** What the server needs from outside; tests may pass their own. */
export interface ServerDeps {
  /** Builds the schema validator, once, at startup. */
  createValidator: () => SchemaValidator;
}

const defaultDeps: ServerDeps = { createValidator: createSchemaValidator };

/** Wires every handler onto `connection` and starts listening. Transport-agnostic (tests use stdio). */
export function startServer(connection: Connection, deps: ServerDeps = defaultDeps): void {
  const guard = createGuard((message) => connection.console.error(message));
  const documents = new TextDocuments(TextDocument);
  const validator = deps.createValidator();
  const analyses = new AnalysisCache(validator);
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;

  const settings = new SettingsCache(async (uri): Promise<Settings> => {
    if (!canPullConfiguration) return defaultSettings;
    try {
      return normalizeSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: 'daemonscope' }));
    } catch (error) {
      connection.console.error(`Daemonscope: reading settings for ${uri} failed, using defaults: ${String(error)}`);
      return defaultSettings;
    }
  });

  const publishDiagnostics = guard('publishDiagnostics', undefined, async (document: TextDocument): Promise<void> => {
    const documentSettings = await settings.get(document.uri);
    const current = documents.get(document.uri);
    // Closed or edited while settings were on their way: the newer version publishes instead.
    if (!current || current.version !== document.version) return;
    const { findings } = analyses.get(current, documentSettings);
    await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: findings.map((finding) => toDiagnostic(current, finding)) });
  });

  // The live cluster source (issue #10): follows daemonscope.clusterContext at window scope.
  const live = registerLiveHandlers(connection, guard, {
    readContext: async () => (canPullConfiguration ? normalizeSettings(await connection.workspace.getConfiguration({ section: 'daemonscope' })).clusterContext.trim() : ''),
    onClusterChange: () => {
      for (const document of documents.all()) void connection.sendNotification(PreviewChangedNotification, { uri: document.uri });
    },
  });

  connection.onInitialize(
    guard('initialize', { capabilities: {} } as InitializeResult, (params): InitializeResult => {
      canPullConfiguration = params.capabilities.workspace?.configuration === true;
      canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      if (!validator.ok) connection.console.error(`Daemonscope: the DaemonSet schema did not compile: ${validator.problem}`);
      return {
        capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
        serverInfo: { name: 'daemonscope' },
      };
    }),
  );

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      if (canRegisterConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'daemonscope' });
      void live.reload();
    }),
  );

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, () => {
      settings.drop();
      analyses.drop();
      void live.reload();
      for (const document of documents.all()) void publishDiagnostics(document);
    }),
  );

  documents.onDidChangeContent(guard('didChangeContent', undefined, (change) => publishDiagnostics(change.document)));

  documents.onDidClose(
    guard('didClose', undefined, (event) => {
      settings.drop(event.document.uri);
      analyses.drop(event.document.uri);
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    }),
  );

  // Custom requests (protocol.ts) are registered here: `daemonscope/preview` comes with the
  // engine (server/src/engine), answering from `analyses.get(document, settings).daemonSets`.

  connection.onShutdown(() => live.dispose());

  documents.listen(connection);
  connection.listen();
}
