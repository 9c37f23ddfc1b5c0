/**
 * Bench section "editing": completion and hover latency (p50/p95 over many cursor positions) on
 * the 60-line DaemonSet, the 500-document file and the anchor/alias-heavy file, on the embedded
 * cluster, as the server answers them: completion straight from the text (no parse, no
 * validation), hover from the cached analysis (parse, rules and memoised simulations done once,
 * as after a didChange), both converted to LSP items. Budget: p95 < 20 ms on every input
 * (issue #7, DESIGN.md "Budgets").
 */
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseText } from '../../server/src/analysis/analyse';
import type { ClusterContext } from '../../server/src/analysis/clusterContext';
import { completeAt } from '../../server/src/analysis/completion';
import { hoverAt } from '../../server/src/analysis/hover';
import { documentSymbols } from '../../server/src/analysis/symbols';
import { createSchemaValidator } from '../../server/src/analysis/validator';
import { readCluster } from '../../server/src/clusterFiles';
import { toCompletionItem, toDocumentSymbol, toHover } from '../../server/src/convert';
import { defaultSettings } from '../../server/src/protocol';
import type { BenchContext, BenchSection } from '../bench';
import { daemonSetText, manyDocuments } from '../../server/src/sampleManifests';
import { aliasHeavy } from './analysis';

const root = resolve(process.env.DAEMONSCOPE_REPO_ROOT ?? process.cwd());

/** Cursor offsets to try: each line's content start and end, in the lines of `[from, to)`, every `step`-th line. */
function positions(text: string, from: number, to: number, step = 1): number[] {
  const offsets: number[] = [];
  let start = from;
  for (let line = 0; start < to; line++) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (line % step === 0) {
      const content = start + (/^ */.exec(text.slice(start, stop))?.[0].length ?? 0);
      offsets.push(content, stop);
      const colon = text.indexOf(': ', start);
      if (colon >= 0 && colon < stop) offsets.push(colon + 2);
    }
    if (end < 0) break;
    start = end + 1;
  }
  return offsets;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function round(ms: number): number {
  return ms >= 1 ? Math.round(ms * 100) / 100 : Math.round(ms * 1000) / 1000;
}

/**
 * Times `fn` at every offset, `rounds` times over (after one untimed pass, so small inputs still
 * give enough samples on a noisy machine), and records p50, p95 and max.
 */
function latency(bench: BenchContext, name: string, offsets: readonly number[], fn: (offset: number) => unknown, extra: Record<string, unknown>, rounds: number): void {
  let results = 0;
  for (const offset of offsets) fn(offset);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const offset of offsets) {
      const start = process.hrtime.bigint();
      const result = fn(offset);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (round === 0 && (Array.isArray(result) ? result.length > 0 : result)) results++;
    }
  }
  times.sort((a, b) => a - b);
  bench.record(name, { requests: times.length, positions: offsets.length, answered: results, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), maxMs: round(times[times.length - 1]!), target: 'p95 < 20 ms', ...extra });
}

function embedded(): ClusterContext {
  const loaded = readCluster({ baseDir: root });
  if (!loaded.ok) throw new Error(`embedded cluster: ${loaded.problems.join('; ')}`);
  return { cluster: loaded.cluster, label: 'the embedded cluster', simulation: { podStartSeconds: 10 } };
}

function measureFile(bench: BenchContext, label: string, text: string, offsets: readonly number[], cluster: ClusterContext): void {
  const document = TextDocument.create('file:///bench.yaml', 'yaml', 1, text);
  const validator = createSchemaValidator();
  const analysis = analyseText(text, { options: defaultSettings, validator, cluster });
  const extra = { lines: text.split('\n').length - 1 };
  const rounds = Math.max(1, Math.ceil(2000 / offsets.length));
  const options = { schemaKeys: true, cluster };
  latency(bench, `completion: ${label}`, offsets, (offset) => completeAt(text, offset, options).map((entry) => toCompletionItem(document, entry)), extra, rounds);
  latency(bench, `hover: ${label}`, offsets, (offset) => {
    const hover = hoverAt(analysis, offset);
    return hover ? toHover(document, hover) : undefined;
  }, extra, rounds);
  bench.measure(`document symbols: ${label}`, () => documentSymbols(analysis).map((entry) => toDocumentSymbol(document, entry)), { runs: 20, warmup: 3, extra: { lines: extra.lines } });
}

export const section: BenchSection = {
  name: 'editing',
  run(bench) {
    const cluster = embedded();
    const small = daemonSetText(1);
    measureFile(bench, '60-line DaemonSet', small, positions(small, 0, small.length), cluster);

    const large = manyDocuments();
    // Every line of the middle document, and every 7th line across the whole file.
    const middle = large.indexOf('name: agent-250\n');
    const middleStart = large.lastIndexOf('---\n', middle) + 4;
    const middleEnd = large.indexOf('---\n', middle);
    const offsets = [...positions(large, middleStart, middleEnd), ...positions(large, 0, large.length, 7)];
    measureFile(bench, '500-document file', large, offsets, cluster);

    const aliases = aliasHeavy();
    measureFile(bench, 'anchor/alias-heavy file', aliases, positions(aliases, 0, aliases.length, 3), cluster);

    // Half-typed: `    ty` under updateStrategy in the middle document, completed at once (the
    // text changed, so nothing is cached; completion does not need the analysis).
    const at = large.indexOf('  updateStrategy:\n', middle) + '  updateStrategy:\n'.length;
    const typed = `${large.slice(0, at)}    ty\n${large.slice(at)}`;
    const document = TextDocument.create('file:///bench.yaml', 'yaml', 2, typed);
    const cursor = at + '    ty'.length;
    bench.measure('completion: `    ty|` just typed in the 500-document file', () => completeAt(typed, cursor, { schemaKeys: true, cluster }).map((entry) => toCompletionItem(document, entry)), {
      runs: 50,
      warmup: 5,
      target: '< 20 ms',
    });
  },
};
