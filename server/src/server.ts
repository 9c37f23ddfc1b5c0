/**
 * LSP capabilities and handlers. Thin: each handler finds the document, calls analysis, converts.
 * Every handler runs inside `guard`, so a failure logs and answers empty; the server keeps going.
 */
import { CodeActionKind, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind, type CodeAction, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseText, type FileAnalysis } from './analysis/analyse';
import { IncrementalAnalyser } from './analysis/incrementalAnalyser';
import type { Finding } from './analysis/types';
import { createSchemaValidator, type SchemaValidator } from './analysis/validator';
import { completeAt } from './analysis/completion';
import { hoverAt } from './analysis/hover';
import { documentSymbols } from './analysis/symbols';
import { applyPreferredFixes } from './analysis/codeActions/fixAll';
import { fixAllKind, toCodeActions, toCompletionItem, toDiagnostic, toDocumentSymbol, toFixAllAction, toHover, toOffset } from './convert';
import { AnalysisCache, analysisContext, SettingsCache, type PartialListener } from './documents';
import { createGuard } from './guard';
import { registerLiveHandlers } from './live/liveHandlers';
import { buildEditorImpact } from './impact';
import { buildEditorPreview } from './preview';
import { defaultSettings, ImpactRequest, PreviewChangedNotification, PreviewRequest, type EditorImpactResult, type EditorPreviewResult, type Settings } from './protocol';
import { normalizeSettings } from './settings';
import { ClusterService } from './clusterService';
import { changeTo, warmUp } from './warmUp';
import { WorkspaceFolders } from './workspaceFolders';

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
  let supportsFolderChanges = false;
  let snippetEdits = false;
  let versionedEdits = false;

  const settings = new SettingsCache(async (uri): Promise<Settings> => {
    if (!canPullConfiguration) return defaultSettings;
    try {
      return normalizeSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: 'daemonscope' }));
    } catch (error) {
      connection.console.error(`Daemonscope: reading settings for ${uri} failed, using defaults: ${String(error)}`);
      return defaultSettings;
    }
  });

  const folders = new WorkspaceFolders();

  /** The analysis of an open document with its settings and cluster (cached per version). */
  const analyse = async (document: TextDocument, onPartial?: PartialListener) => {
    const documentSettings = await settings.get(document.uri);
    const cluster = clusters.resolve(documentSettings, folders.baseDirOf(document.uri));
    return { analysis: await analyses.get(document, documentSettings, cluster, onPartial), cluster, settings: documentSettings };
  };

  // The analysis last published per uri: a burst of edits publishes the newest once.
  const published = new Map<string, FileAnalysis>();
  // Compiles the hot paths and loads the embedded cluster before the first file is opened (warmUp.ts).
  const warmUpAnalysis = guard('warmUp', undefined, async () => {
    // Node's URL parser initialises on first use (tens of ms): do it now too. So does the global
    // `performance` (its module loads on first read, 1.3 ms), which times the analysis slices.
    folders.baseDirOf('file:///warm-up.yaml');
    performance.now();
    const cluster = clusters.resolve(defaultSettings, '');
    const context = analysisContext(validator, defaultSettings, cluster);
    // Findings are sorted with localeCompare, whose collator loads on first use (about 10 ms).
    'a'.localeCompare('b');
    // Before any document opens (a user's first file may stop the rounds below at once): the first
    // incremental change in the process recompiles positionAt (warmUp.ts `changeTo`).
    changeTo(TextDocument.create('file:///warm-up.yaml', 'yaml', 1, 'a: 1\n'), 'a: 12\n').positionAt(3);
    const analyser = new IncrementalAnalyser();
    // The edit rounds change one document as an editor does, and analyse its edited text.
    const edited = TextDocument.create('file:///warm-up.yaml', 'yaml', 1, '');
    await warmUp(
      ({ text, edit }) => {
        const document = edit ? changeTo(edited, text) : TextDocument.create('file:///warm-up.yaml', 'yaml', 1, text);
        const analysis = edit ? analyser.analyse(document.getText(), context) : analyseText(text, context);
        void analysis.findings.map((finding) => toDiagnostic(document, finding));
      },
      // Stops at the first open document.
      () => documents.all().length === 0,
    );
  });

  const publishDiagnostics = guard('publishDiagnostics', undefined, async (document: TextDocument): Promise<void> => {
    const version = document.version;
    // A large file just opened: the findings of its first documents as soon as they are known,
    // then all. Not once its diagnostics are shown: the others' would vanish until the analysis ends.
    const first = published.has(document.uri)
      ? undefined
      : (findings: Finding[]): void => {
          const current = documents.get(document.uri);
          if (current && current.version === version) void connection.sendDiagnostics({ uri: current.uri, version, diagnostics: findings.map((finding) => toDiagnostic(current, finding)) });
        };
    const { analysis } = await analyse(document, first);
    const current = documents.get(document.uri);
    // Closed, or edited while this was computed: the newer version publishes instead.
    if (!current || current.version !== version || published.get(current.uri) === analysis) return;
    published.set(current.uri, analysis);
    await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: analysis.findings.map((finding) => toDiagnostic(current, finding)) });
    await connection.sendNotification(PreviewChangedNotification, { uri: current.uri });
  });

  // Edits are analysed once the messages already received are read (two turns of the event
  // loop, no fixed delay), so a burst of changes is analysed once, at its last version.
  const scheduled = new Set<string>();
  const schedulePublish = (document: TextDocument): void => {
    if (scheduled.has(document.uri)) return;
    scheduled.add(document.uri);
    setImmediate(() =>
      setImmediate(() => {
        scheduled.delete(document.uri);
        void publishDiagnostics(document);
      }),
    );
  };

  /** Re-analyses every open document (the cluster changed): new diagnostics and previews. */
  const refreshAll = (): void => {
    clusters.invalidate();
    for (const document of documents.all()) void publishDiagnostics(document);
  };

  // The live cluster source (issue #10): follows daemonscope.clusterContext at window scope.
  const live = registerLiveHandlers(connection, guard, {
    readContext: async () => (canPullConfiguration ? normalizeSettings(await connection.workspace.getConfiguration({ section: 'daemonscope' })).clusterContext.trim() : ''),
    onClusterChange: refreshAll,
  });

  // Embedded cluster, cluster file (open documents first, so unsaved edits count) or live snapshot.
  const clusters = new ClusterService({
    liveCluster: () => live.cluster(),
    openText: (path) => documents.all().find((document) => folders.pathOf(document.uri) === path)?.getText(),
    onFileChange: refreshAll,
  });

  connection.onInitialize(
    guard('initialize', { capabilities: {} } as InitializeResult, (params): InitializeResult => {
      canPullConfiguration = params.capabilities.workspace?.configuration === true;
      canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      supportsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
      snippetEdits = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
      versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
      folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
      if (!validator.ok) connection.console.error(`Daemonscope: the DaemonSet schema did not compile: ${validator.problem}`);
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
          completionProvider: { triggerCharacters: [':', ' '] },
          hoverProvider: true,
          documentSymbolProvider: { label: 'Daemonscope' },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'daemonscope' },
      };
    }),
  );

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      if (canRegisterConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'daemonscope' });
      if (supportsFolderChanges) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard('didChangeWorkspaceFolders', undefined, (event) => {
            folders.change(event.added, event.removed);
            refreshAll();
          }),
        );
      }
      void live.reload();
      void warmUpAnalysis();
    }),
  );

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, () => {
      settings.drop();
      analyses.drop();
      void live.reload();
      refreshAll();
    }),
  );

  documents.onDidChangeContent(
    guard('didChangeContent', undefined, (change) => {
      // An open cluster file being edited: every DaemonSet re-simulates on its unsaved text.
      if (clusters.uses(folders.pathOf(change.document.uri))) refreshAll();
      else schedulePublish(change.document);
    }),
  );

  documents.onDidClose(
    guard('didClose', undefined, (event) => {
      settings.drop(event.document.uri);
      analyses.drop(event.document.uri);
      published.delete(event.document.uri);
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    }),
  );

  /**
   * Fix All: the edits `check --fix` would make, from the current analysis of `document`; none
   * when there is nothing to fix or the analysis is not of the text the editor has now.
   */
  const fixAllActions = (document: TextDocument, { analysis, cluster, settings: documentSettings }: Awaited<ReturnType<typeof analyse>>): CodeAction[] => {
    const current = documents.get(document.uri);
    const text = current?.getText();
    if (!current || !analysis.file || analysis.file.text !== text) return [];
    const context = analysisContext(validator, documentSettings, cluster);
    const { edits } = applyPreferredFixes(text, (next) => analyseText(next, context), { analysis });
    return edits.length > 0 ? [toFixAllAction(current, edits, versionedEdits)] : [];
  };

  // Quick fixes for the client's daemonscope diagnostics in the range (edits computed eagerly:
  // they are cheap, and callers such as the client's "fix node" command apply `edit` directly).
  // Fix All only when its kind is asked for (`editor.codeActionsOnSave`, the "Fix All" command,
  // the "Source Action..." menu, which asks for `source`): never in the light bulb's kindless requests.
  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], async (params) => {
      const document = documents.get(params.textDocument.uri);
      const only = params.context.only;
      const quickFix = !only || only.some((kind) => kind === '' || covers(kind, CodeActionKind.QuickFix));
      const fixAll = only?.some((kind) => covers(kind, fixAllKind)) === true;
      if (!document || (!quickFix && !fixAll)) return [];
      const analysed = await analyse(document);
      const { analysis } = analysed;
      const actions = quickFix && analysis.file ? toCodeActions(document, analysis.file, params.context.diagnostics, snippetEdits) : [];
      return fixAll ? [...actions, ...fixAllActions(document, analysed)] : actions;
    }),
  );

  // Completion reads the text and the cluster only: no analysis, no validation (issue #7).
  connection.onCompletion(
    guard('completion', null, async ({ textDocument, position, context }) => {
      const document = documents.get(textDocument.uri);
      if (!document) return null;
      const documentSettings = await settings.get(document.uri);
      const cluster = clusters.resolve(documentSettings, folders.baseDirOf(document.uri));
      const options = { schemaKeys: documentSettings.schemaValidation, trigger: context?.triggerCharacter, ...(cluster.ok ? { cluster: cluster.context } : {}) };
      return completeAt(document.getText(), toOffset(document, position), options).map((entry) => toCompletionItem(document, entry));
    }),
  );

  connection.onHover(
    guard('hover', null, async ({ textDocument, position }) => {
      const document = documents.get(textDocument.uri);
      if (!document) return null;
      const hover = hoverAt((await analyse(document)).analysis, toOffset(document, position));
      return hover ? toHover(document, hover) : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [], async ({ textDocument }) => {
      const document = documents.get(textDocument.uri);
      if (!document) return [];
      return documentSymbols((await analyse(document)).analysis).map((entry) => toDocumentSymbol(document, entry));
    }),
  );

  // Custom requests (protocol.ts).
  connection.onRequest(
    PreviewRequest,
    guard('preview', null as EditorPreviewResult | null, async (params) => {
      const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!document) return null;
      const { analysis, cluster } = await analyse(document);
      return buildEditorPreview(document, analysis, cluster);
    }),
  );

  connection.onRequest(
    ImpactRequest,
    guard('impact', null as EditorImpactResult | null, async (params) => {
      const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!document || typeof params.baseText !== 'string') return null;
      const { analysis, cluster } = await analyse(document);
      return buildEditorImpact(document, analysis, cluster, params.baseText);
    }),
  );

  connection.onShutdown(() => {
    live.dispose();
    clusters.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** LSP: a requested code action kind covers an action's kind that is itself or under it (`source` covers `source.fixAll.daemonscope`). */
function covers(requested: string, kind: string): boolean {
  return requested !== '' && (kind === requested || kind.startsWith(`${requested}.`));
}
