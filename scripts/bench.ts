/**
 * `npm run bench [-- SECTION...]`: runs every section in scripts/bench/*.ts (or the named ones),
 * prints each figure as one JSON line, and writes them all to .bench/results.json. Not a test:
 * figures are reported, never asserted (the machines are shared and noisy).
 *
 * A section is a module exporting `section: BenchSection`; it times work with `bench.measure`
 * (min and median of at least 5 runs) and adds derived figures (ratios, sizes) with `bench.record`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One measured or derived figure, as printed and stored. */
export interface Figure {
  section: string;
  figure: string;
  [field: string]: unknown;
}

export interface MeasureOptions {
  /** Timed runs (at least 5). */
  runs?: number;
  /** Untimed runs first, so the JIT has settled. */
  warmup?: number;
  /** The budget, as text (`"< 5 ms"`), for the reader. */
  target?: string;
  /** Extra fields for the figure (sizes of the input...). */
  extra?: Record<string, unknown>;
}

/** What a section gets. */
export interface BenchContext {
  /** Times `fn` and records `{ runs, minMs, medianMs }`; returns the figure. */
  measure(name: string, fn: () => unknown, options?: MeasureOptions): Timed;
  /**
   * Times `a` and `b` alternately (so both see the same machine load), records both figures and
   * the ratio of their medians and minima (`b / a`) as a third; returns the three.
   */
  compare(
    a: { name: string; fn: () => unknown; extra?: Record<string, unknown> },
    b: { name: string; fn: () => unknown; extra?: Record<string, unknown> },
    options: MeasureOptions & { ratioName: string },
  ): { a: Timed; b: Timed; ratio: Figure };
  /** Records a derived figure. */
  record(name: string, values: Record<string, unknown>): Figure;
}

type Timed = Figure & { minMs: number; medianMs: number };

export interface BenchSection {
  name: string;
  run(bench: BenchContext): void | Promise<void>;
}

// `npm run bench` runs from the repository root.
const root = resolve(process.env.DAEMONSCOPE_REPO_ROOT ?? process.cwd());
const figures: Figure[] = [];
let sink: unknown;

function round(ms: number): number {
  return ms >= 100 ? Math.round(ms) : ms >= 1 ? Math.round(ms * 100) / 100 : Math.round(ms * 1000) / 1000;
}

function emit(figure: Figure): Figure {
  figures.push(figure);
  console.log(JSON.stringify(figure));
  return figure;
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  sink = fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summary(section: string, name: string, times: number[], options: MeasureOptions, extra?: Record<string, unknown>): Timed {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { section, figure: name, runs: sorted.length, minMs: round(sorted[0]), medianMs: round(median), ...(options.target ? { target: options.target } : {}), ...options.extra, ...extra };
}

function contextFor(section: string): BenchContext {
  return {
    measure(name, fn, options = {}) {
      const runs = Math.max(5, options.runs ?? 10);
      for (let i = 0; i < (options.warmup ?? 2); i++) sink = fn();
      const times = Array.from({ length: runs }, () => time(fn));
      return emit(summary(section, name, times, options)) as Timed;
    },
    compare(a, b, options) {
      const runs = Math.max(5, options.runs ?? 10);
      for (let i = 0; i < (options.warmup ?? 2); i++) sink = [a.fn(), b.fn()];
      const timesA: number[] = [];
      const timesB: number[] = [];
      for (let i = 0; i < runs; i++) {
        timesA.push(time(a.fn));
        timesB.push(time(b.fn));
      }
      const first = emit(summary(section, a.name, timesA, { ...options, target: undefined }, a.extra)) as Timed;
      const second = emit(summary(section, b.name, timesB, options, b.extra)) as Timed;
      const ratio = emit({
        section,
        figure: options.ratioName,
        ratioMedian: Math.round((second.medianMs / first.medianMs) * 100) / 100,
        ratioMin: Math.round((second.minMs / first.minMs) * 100) / 100,
        ...(options.target ? { target: options.target } : {}),
      });
      return { a: first, b: second, ratio };
    },
    record(name, values) {
      return emit({ section, figure: name, ...values });
    },
  };
}

async function runModule(file: string): Promise<void> {
  const module = (await import(pathToFileURL(join(root, 'scripts/bench', file)).href)) as Record<string, unknown>;
  const section = module.section as BenchSection | undefined;
  if (section && typeof section.run === 'function') {
    await section.run(contextFor(section.name));
    return;
  }
  console.error(`bench: scripts/bench/${file} does not export \`section\`; skipped`);
}

function previousFigures(path: string): Figure[] {
  try {
    const previous = JSON.parse(readFileSync(path, 'utf8')) as { figures?: Figure[] };
    return Array.isArray(previous.figures) ? previous.figures : [];
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = readdirSync(join(root, 'scripts/bench'))
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.ts$/, '')))
    .sort();
  for (const file of files) await runModule(file);
  // A run of some sections keeps the other sections' figures from the last run.
  const resultsPath = join(root, '.bench/results.json');
  const ran = new Set(figures.map((figure) => figure.section));
  const kept = wanted.length > 0 && existsSync(resultsPath) ? previousFigures(resultsPath).filter((figure) => !ran.has(figure.section)) : [];
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(resultsPath, `${JSON.stringify({ node: process.version, figures: [...kept, ...figures] }, null, 2)}\n`);
  console.error(`bench: ${figures.length} figures -> .bench/results.json`);
  void sink;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
