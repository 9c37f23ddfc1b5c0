/**
 * A minimal LSP client for protocol tests: spawns `node dist/server.js --stdio` and talks to it
 * with vscode-jsonrpc's StreamMessageReader/Writer. Diagnostics are buffered from the start, so a
 * test can `open()` and then wait without racing the server. Answers `workspace/configuration`
 * from `settings` (change it and call `changeConfiguration()`), and capability registrations.
 *
 *   const client = await LspClient.start();
 *   await client.initialize();
 *   client.open('file:///w/ds.yaml', text);
 *   const published = await client.diagnostics('file:///w/ds.yaml');
 *   await client.shutdown();
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeParams, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoPath } from './paths';
import { serverExecArgv } from '../../server/src/protocol';

/** How long any single wait may take before the test fails (a hang guard, not a timing assertion). */
const waitLimitMs = 20_000;

interface Waiter {
  uri: string;
  accept: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export class LspClient {
  /** Settings returned for `workspace/configuration` (section `daemonscope`), per request item. */
  settings: Record<string, unknown> = {};
  /** Answers for other configuration sections (a peer server's `yaml`); null when absent. */
  sections: Record<string, unknown> = {};
  /** Everything the server wrote to stderr and `window/logMessage`. */
  readonly log: string[] = [];
  /**
   * When (performance.now()) each diagnostics notification was received, for benchmarks: the uri
   * and count only (a long run must not keep every list of diagnostics alive).
   */
  readonly publications: { at: number; uri: string; count: number }[] = [];
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly notifications: { method: string; params: unknown }[] = [];
  private readonly notificationWaiters: { method: string; accept: (params: unknown) => boolean; resolve: (params: unknown) => void }[] = [];
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publications.push({ at: performance.now(), uri: params.uri, count: params.diagnostics.length });
      const waiter = this.waiters.find((w) => w.uri === params.uri && w.accept(params));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      } else this.published.push(params);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.log.push(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'daemonscope' ? this.settings : (this.sections[item.section ?? ''] ?? null))),
    );
    connection.onRequest('client/registerCapability', () => null);
    // Every other notification (custom ones such as daemonscope/previewChanged) is buffered.
    connection.onNotification((method: string, params: unknown) => {
      const waiter = this.notificationWaiters.find((w) => w.method === method && w.accept(params));
      if (waiter) {
        this.notificationWaiters.splice(this.notificationWaiters.indexOf(waiter), 1);
        waiter.resolve(params);
      } else this.notifications.push({ method, params });
    });
    connection.listen();
  }

  /**
   * Spawns the bundled server (`npm run build` first) with the V8 flags the extension gives it, or
   * another server script (with `execArgv`), over stdio.
   */
  static start(serverPath = repoPath('dist/server.js'), execArgv: readonly string[] = serverExecArgv): LspClient {
    const child = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    return new LspClient(child, connection);
  }

  /** `initialize` then `initialized`, as an editor with pull configuration would. */
  async initialize(params: Partial<InitializeParams> = {}): Promise<InitializeResult> {
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
      ...params,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Sends a request; fails if no answer comes within the wait limit. */
  request<R>(method: string, params: unknown): Promise<R> {
    return withLimit(this.connection.sendRequest<R>(method, params), `no answer to ${method}`);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a full-content change, which incremental servers accept). */
  change(uri: string, text: string, version: number): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental edit: replace `range` (0-based lines/characters) by `text`. */
  edit(uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Tells the server its configuration changed (it then pulls `settings` again). */
  changeConfiguration(): Promise<void> {
    return this.notify('workspace/didChangeConfiguration', { settings: null });
  }

  /**
   * The next diagnostics published for `uri` that satisfy `accept` (by default any), including
   * ones that arrived before this call; earlier non-matching ones for the uri are discarded.
   */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const index = this.published.findIndex((p) => p.uri === uri);
      if (index < 0) break;
      const [params] = this.published.splice(index, 1);
      if (accept(params)) return Promise.resolve(params);
    }
    return withLimit(new Promise((resolve) => this.waiters.push({ uri, accept, resolve })), `no diagnostics for ${uri}`);
  }

  /**
   * The next notification `method` (other than diagnostics and log messages) whose params satisfy
   * `accept`, including ones that arrived before this call; earlier non-matching ones are discarded.
   */
  notification<T>(method: string, accept: (params: T) => boolean = () => true): Promise<T> {
    for (;;) {
      const index = this.notifications.findIndex((n) => n.method === method);
      if (index < 0) break;
      const [entry] = this.notifications.splice(index, 1);
      if (accept(entry!.params as T)) return Promise.resolve(entry!.params as T);
    }
    return withLimit(
      new Promise<T>((resolve) => this.notificationWaiters.push({ method, accept: (p) => accept(p as T), resolve: (p) => resolve(p as T) })),
      `no ${method} notification`,
    );
  }

  /** Drops the diagnostics already received for `uri`, so that the next wait sees only newer ones. */
  discardDiagnostics(uri: string): void {
    for (let index = this.published.findIndex((p) => p.uri === uri); index >= 0; index = this.published.findIndex((p) => p.uri === uri)) this.published.splice(index, 1);
  }

  /** Removes and returns the diagnostics received for `uri` that no wait has taken yet, oldest first. */
  takeDiagnostics(uri: string): PublishDiagnosticsParams[] {
    const taken = this.published.filter((p) => p.uri === uri);
    this.discardDiagnostics(uri);
    return taken;
  }

  /** The next diagnostics for `uri` at `version` exactly. */
  diagnosticsAt(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  /** `shutdown` then `exit`; resolves to the server's exit code. */
  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.notify('exit', null);
    const code = await withLimit(this.exited, 'server did not exit');
    this.connection.dispose();
    return code;
  }

  /** The server's process id (to read its memory from /proc), undefined if it did not start. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** True while the server process runs. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Kills the server if a test failed before `shutdown`. */
  dispose(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

function withLimit<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${waitLimitMs / 1000} s`)), waitLimitMs);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
