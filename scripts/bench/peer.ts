/**
 * Bench section "peer": Daemonscope's language server beside Red Hat's yaml-language-server
 * (2.0.0, a devDependency), both over stdio with the same client (test/helpers/lspClient.ts), on
 * the same generated inputs. The peer validates with a JSON Schema of DaemonSet generated from the
 * same OpenAPI document (written to .bench/daemonset.schema.json; schema store off, no network);
 * the section checks that it really validates: it must report the typo planted in the small file.
 *
 * Figures, min and median of 5 runs, a fresh pair of servers each run (ours, then the peer, so
 * both see the same machine load): didOpen → first diagnostics (ours publishes those of the first
 * documents of a large file first), and → all diagnostics (ours: the receipt of the last
 * diagnostics before `daemonscope/previewChanged`, which follows the complete ones; the peer
 * publishes once); a one-character edit in the
 * middle → the next diagnostics; completion p50/p95 and hover p95 over cursor positions in the
 * middle of each file; server RSS after the 5 MB file. Before each run, the bare parse of the
 * input by the `yaml` package as published (`parseAllDocuments` + `LineCounter`, in this process,
 * warm), the yardstick: open → all diagnostics is also given as a multiple of it, both
 * measured in the same minute (this machine's speed drifts by a third over minutes). Prints a table
 * with ours/peer ratios and records every figure (JSON in .bench/results.json, the table in
 * .bench/peer.md).
 * Issue #9 has the targets.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import daemonSetSchema from '../../server/generated/daemonSetSchema';
import { LspClient } from '../../test/helpers/lspClient';
import { repoPath } from '../../test/helpers/paths';
import type { BenchContext, BenchSection } from '../bench';
import { bareParse } from './analysis';
import { daemonSetText, manyDocuments } from '../../server/src/sampleManifests';

type Server = 'ours' | 'peer';
const servers: Server[] = ['ours', 'peer'];
// At least 5 (the rule); BENCH_PEER_RUNS=1 for a quick look.
const runs = Math.max(1, Number(process.env.BENCH_PEER_RUNS ?? 5));

/** ~2k lines: DaemonSets whose containers share a `&defaults` container merged with `<<:`. */
export function aliasDefaults(documents = 8, containers = 75): string {
  const docs: string[] = [];
  for (let d = 0; d < documents; d++) {
    const merged = Array.from(
      { length: containers },
      (_, c) => `        - <<: *defaults
          name: worker-${c}
          args: ["--shard=${c}"]
`,
    ).join('');
    docs.push(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: sharded-${d}
  namespace: workers
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: sharded-${d}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: sharded-${d}
    spec:
      priorityClassName: system-node-critical
      containers:
        - &defaults
          name: main
          image: registry.example.com/worker:${d}.0
          env:
            - {name: NODE_NAME, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
            - {name: LOG_LEVEL, value: info}
          resources:
            requests: {cpu: 10m, memory: 32Mi}
            limits: {memory: 64Mi}
          securityContext: {readOnlyRootFilesystem: true}
${merged}`);
  }
  return docs.join('---\n');
}

/**
 * About 5 MB of distinct DaemonSets (5,000,000 bytes at most: under the 5 MiB
 * `daemonscope.maxFileSize`, so analysed in full).
 */
export function fiveMegabytes(): string {
  const perDocument = manyDocuments(100).length / 100;
  let count = Math.floor(5_000_000 / perDocument);
  let text = manyDocuments(count);
  while (text.length > 5_000_000) text = manyDocuments(--count);
  return text;
}

interface Input {
  name: string;
  text: string;
  /** Where the one-character edit goes: in the middle of the file. */
  editAt: number;
  /** Cursor offsets for completion and hover (keys and values in the middle of the file). */
  completionAt: number[];
  hoverAt: number[];
  /** Completion and hover are measured (not on the 5 MB file: open, edit and memory only). */
  requests: boolean;
}

/** Offsets in the middle third of `text`: at the end of each match of `pattern` (at most `max`). */
function offsetsIn(text: string, pattern: RegExp, max: number, shift = 0): number[] {
  const from = Math.floor(text.length / 3);
  const region = text.slice(from, Math.floor((2 * text.length) / 3));
  const out: number[] = [];
  for (const match of region.matchAll(pattern)) {
    out.push(from + (match.index ?? 0) + match[0].length + shift);
    if (out.length >= max) break;
  }
  return out;
}

function inputOf(name: string, text: string, requests = true): Input {
  const middle = text.indexOf('\n', Math.floor(text.length / 2));
  const nameAt = text.indexOf('name: ', middle);
  return {
    name,
    text,
    editAt: nameAt + 'name: '.length,
    requests,
    // Values (image, type, operator, effect, quantities), then keys at the start of indented lines.
    completionAt: [
      ...offsetsIn(text, /\n +(?:image|type|operator|effect|cpu|memory|protocol|dnsPolicy|priorityClassName): /g, 12),
      ...offsetsIn(text, /\n {4,}(?=[a-z])/g, 12),
    ],
    hoverAt: [...offsetsIn(text, /\n +(?:- )?(?=[a-zA-Z]+:)/g, 24, 2)],
  };
}

function inputs(): Input[] {
  return [
    inputOf('60-line DaemonSet', daemonSetText(1, true)),
    inputOf('500-document file', manyDocuments()),
    inputOf('alias-heavy file', aliasDefaults()),
    inputOf('5 MB file', fiveMegabytes(), false),
  ];
}

const capabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true },
    synchronization: { didSave: true },
  },
};

const schemaPath = repoPath('.bench/daemonset.schema.json');

async function start(server: Server): Promise<LspClient> {
  // Each as its editor starts it: ours with the flags the extension gives it, the peer with none.
  const client = server === 'ours' ? LspClient.start() : LspClient.start(repoPath('node_modules/yaml-language-server/bin/yaml-language-server'), []);
  if (server === 'peer') {
    client.sections = {
      yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false }, schemas: { [`file://${schemaPath}`]: '*.yaml' } },
    };
  }
  await client.initialize({ capabilities } as never);
  // Both have pulled their settings before the clock starts.
  await sleep(400);
  return client;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `work`, or a failure naming `what` after 5 minutes: a stuck run fails the bench instead of hanging it. */
function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench peer: ${what} did not finish within 5 minutes`)), 300_000);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The server's resident set size in MB (Linux /proc). */
function rssMb(client: LspClient): number {
  const status = readFileSync(`/proc/${client.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 102.4) / 10;
}

interface Samples {
  /** To the first diagnostics (ours: those of the first documents of a large file). */
  open: number[];
  /** To the complete diagnostics (the peer publishes once). */
  openAll: number[];
  edit: number[];
  completion: number[];
  hover: number[];
  rss: number[];
  /** Open → all diagnostics divided by the bare parse of the same run. */
  openAllPerParse: number[];
}

/** One run on one server: open, requests, an edit; a fresh server. */
async function runOnce(server: Server, input: Input, samples: Samples, runIndex: number, bareParseMs: number): Promise<void> {
  const client = await start(server);
  try {
    const uri = `file:///bench/run-${runIndex}.yaml`;
    let clock = performance.now();
    const complete = server === 'ours' ? client.notification<{ uri: string }>('daemonscope/previewChanged', (p) => p.uri === uri) : undefined;
    await client.open(uri, input.text);
    const opened = await client.diagnostics(uri);
    samples.open.push(performance.now() - clock);
    // Ours announces the complete analysis with daemonscope/previewChanged, right after publishing
    // it: the complete diagnostics are the last received before that notification.
    let openAll = performance.now() - clock;
    if (complete) {
      await complete;
      const mine = client.publications.filter((publication) => publication.uri === uri);
      openAll = mine[mine.length - 1]!.at - clock;
    }
    samples.openAll.push(openAll);
    samples.openAllPerParse.push(openAll / bareParseMs);
    if (input.name === '60-line DaemonSet' && !opened.diagnostics.some((d) => /maxUnavilable/.test(JSON.stringify(d.message)))) {
      throw new Error(`${server} did not report the planted typo: ${JSON.stringify(opened.diagnostics)}`);
    }
    if (input.name === '5 MB file') {
      await sleep(1000);
      samples.rss.push(rssMb(client));
    }
    // Let any late publish of the open arrive, and drop it, before the edit.
    await sleep(300);
    client.discardDiagnostics(uri);
    if (input.requests) {
      const position = (offset: number) => positionAt(input.text, offset);
      for (const offset of input.completionAt) {
        clock = performance.now();
        await client.request('textDocument/completion', { textDocument: { uri }, position: position(offset), context: { triggerKind: 1 } });
        samples.completion.push(performance.now() - clock);
      }
      for (const offset of input.hoverAt) {
        clock = performance.now();
        await client.request('textDocument/hover', { textDocument: { uri }, position: position(offset) });
        samples.hover.push(performance.now() - clock);
      }
    }
    const at = positionAt(input.text, input.editAt);
    client.discardDiagnostics(uri);
    const edited = client.diagnostics(uri);
    clock = performance.now();
    await client.edit(uri, 2, { start: at, end: at }, 'x');
    await edited;
    samples.edit.push(performance.now() - clock);
    await client.shutdown();
  } finally {
    client.dispose();
  }
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, character: offset - lineStart };
}

function stats(values: number[]): { min: number; median: number; p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0] ?? NaN, median, p50: pick(0.5), p95: pick(0.95) };
}

/** How long the bare parse of `text` takes (analysis.ts `bareParse`), warm: the second of two, in ms. */
function bareParseMs(text: string): number {
  let ms = 0;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    bareParse(text);
    ms = performance.now() - started;
  }
  return ms;
}

const round = (value: number): number => (value >= 100 ? Math.round(value) : Math.round(value * 10) / 10);

interface Row {
  input: string;
  figure: string;
  ours: number;
  peer: number;
  unit: 'ms' | 'MB' | '×';
}

function record(bench: BenchContext, rows: Row[], row: Row, extra: Record<string, unknown>): void {
  rows.push(row);
  const value = (n: number): number => (row.unit === '×' ? Math.round(n * 100) / 100 : round(n));
  bench.record(`${row.figure}: ${row.input}`, { ours: value(row.ours), peer: value(row.peer), unit: row.unit, ratio: Math.round((row.ours / row.peer) * 100) / 100, ...extra });
}

function table(rows: Row[]): string {
  const lines = ['| input | figure | Daemonscope | yaml-language-server | ours/peer |', '|---|---|---:|---:|---:|'];
  for (const row of rows) {
    const value = (n: number): string => (row.unit === '×' ? `${n.toFixed(2)}×` : `${round(n)} ${row.unit}`);
    lines.push(`| ${row.input} | ${row.figure} | ${value(row.ours)} | ${value(row.peer)} | ${(row.ours / row.peer).toFixed(2)} |`);
  }
  return lines.join('\n');
}

export const section: BenchSection = {
  name: 'peer',
  async run(bench) {
    writeFileSync(schemaPath, JSON.stringify(daemonSetSchema));
    const rows: Row[] = [];
    for (const input of inputs()) {
      const samples: Record<Server, Samples> = {
        ours: { open: [], openAll: [], edit: [], completion: [], hover: [], rss: [], openAllPerParse: [] },
        peer: { open: [], openAll: [], edit: [], completion: [], hover: [], rss: [], openAllPerParse: [] },
      };
      const parses: number[] = [];
      for (let i = 0; i < runs; i++) {
        const parse = bareParseMs(input.text);
        parses.push(parse);
        for (const server of servers) await withDeadline(runOnce(server, input, samples[server], i, parse), `${server} on the ${input.name}, run ${i + 1}`);
      }
      const lines = input.text.split('\n').length - 1;
      const extra = { lines, bytes: input.text.length, runs };
      const open = { ours: stats(samples.ours.open), peer: stats(samples.peer.open) };
      record(bench, rows, { input: input.name, figure: 'open → first diagnostics (median)', ours: open.ours.median, peer: open.peer.median, unit: 'ms' }, { ...extra, oursMinMs: round(open.ours.min), peerMinMs: round(open.peer.min) });
      const openAll = { ours: stats(samples.ours.openAll), peer: stats(samples.peer.openAll) };
      record(bench, rows, { input: input.name, figure: 'open → all diagnostics (median)', ours: openAll.ours.median, peer: openAll.peer.median, unit: 'ms' }, { ...extra, oursMinMs: round(openAll.ours.min), peerMinMs: round(openAll.peer.min) });
      const parse = stats(parses);
      const perParse = { ours: stats(samples.ours.openAllPerParse), peer: stats(samples.peer.openAllPerParse) };
      record(bench, rows, { input: input.name, figure: `open → all diagnostics ÷ bare yaml parse (median; parse ${round(parse.median)} ms)`, ours: perParse.ours.median, peer: perParse.peer.median, unit: '×' }, { ...extra, bareParseMedianMs: round(parse.median), bareParseMinMs: round(parse.min) });
      const edit = { ours: stats(samples.ours.edit), peer: stats(samples.peer.edit) };
      record(bench, rows, { input: input.name, figure: 'edit → diagnostics (median)', ours: edit.ours.median, peer: edit.peer.median, unit: 'ms' }, { ...extra, oursMinMs: round(edit.ours.min), peerMinMs: round(edit.peer.min) });
      if (input.requests) {
        const completion = { ours: stats(samples.ours.completion), peer: stats(samples.peer.completion) };
        const hover = { ours: stats(samples.ours.hover), peer: stats(samples.peer.hover) };
        const requests = { ...extra, positions: input.completionAt.length, samples: samples.ours.completion.length };
        record(bench, rows, { input: input.name, figure: 'completion p50', ours: completion.ours.p50, peer: completion.peer.p50, unit: 'ms' }, requests);
        record(bench, rows, { input: input.name, figure: 'completion p95', ours: completion.ours.p95, peer: completion.peer.p95, unit: 'ms' }, requests);
        record(bench, rows, { input: input.name, figure: 'hover p95', ours: hover.ours.p95, peer: hover.peer.p95, unit: 'ms' }, { ...extra, positions: input.hoverAt.length, samples: samples.ours.hover.length });
      }
      if (samples.ours.rss.length > 0) {
        record(bench, rows, { input: input.name, figure: 'server RSS after open (median)', ours: stats(samples.ours.rss).median, peer: stats(samples.peer.rss).median, unit: 'MB' }, extra);
      }
    }
    const markdown = table(rows);
    writeFileSync(repoPath('.bench/peer.md'), `${markdown}\n`);
    console.error(`\n${markdown}\n`);
  },
};
