/**
 * `npm run bench [-- SECTION...]`: runs every section in scripts/bench/*.ts (or the named ones),
 * prints each figure as one JSON line, and writes them all to .bench/results.json. Not a test:
 * figures are reported, never asserted (the machines are shared and noisy).
 *
 * A section is a module exporting `section: BenchSection`; it times work with `bench.measure`
 * (min and median of at least 5 runs) and adds derived figures (ratios, sizes) with `bench.record`.
 * A module that instead exports a `bench*` function returning an object (and optional `lines`)
 * is run too, and its object recorded as one figure.
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
  measure(name: string, fn: () => unknown, options?: MeasureOptions): Figure & { minMs: number; medianMs: number };
  /** Records a derived figure. */
  record(name: string, values: Record<string, unknown>): Figure;
}

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

function contextFor(section: string): BenchContext {
  return {
    measure(name, fn, options = {}) {
      const runs = Math.max(5, options.runs ?? 10);
      for (let i = 0; i < (options.warmup ?? 2); i++) sink = fn();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        sink = fn();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      const middle = times.length >> 1;
      const median = times.length % 2 === 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
      const figure = { section, figure: name, runs, minMs: round(times[0]), medianMs: round(median), ...(options.target ? { target: options.target } : {}), ...options.extra };
      emit(figure);
      return figure;
    },
    record(name, values) {
      return emit({ section, figure: name, ...values });
    },
  };
}

async function runModule(file: string): Promise<void> {
  const name = file.replace(/\.ts$/, '');
  const module = (await import(pathToFileURL(join(root, 'scripts/bench', file)).href)) as Record<string, unknown>;
  const section = module.section as BenchSection | undefined;
  if (section && typeof section.run === 'function') {
    await section.run(contextFor(section.name));
    return;
  }
  const legacy = Object.entries(module).find(([key, value]) => key.startsWith('bench') && typeof value === 'function');
  if (!legacy) {
    console.error(`bench: scripts/bench/${file} exports neither \`section\` nor a bench* function; skipped`);
    return;
  }
  const result = (await (legacy[1] as () => Promise<Record<string, unknown>>)()) ?? {};
  const { lines, ...values } = result;
  if (Array.isArray(lines)) for (const line of lines) console.error(`# ${String(line)}`);
  emit({ section: name, figure: legacy[0], ...values });
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
