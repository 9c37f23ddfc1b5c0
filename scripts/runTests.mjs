// Runs the node:test suites. Test files (*.test.ts) are bundled with esbuild into .test-build/
// (type-checking is tsc's job), then run by node:test's runner, which prints each failure and a
// final "N passed, N failed" line. Exit status 1 on any failure.
//   node scripts/runTests.mjs [DIR|FILE ...]   (default: test/unit test/protocol test/cli)
//   TEST_NAME_PATTERN=regex                    runs only matching tests
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import * as esbuild from 'esbuild';
import { availableParallelism } from 'node:os';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const targets = args.length > 0 ? args : ['test/unit', 'test/protocol', 'test/cli'];

/** Every *.test.ts under a directory, sorted, as repo-relative paths. */
function findTests(path) {
  const abs = resolve(root, path);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [relative(root, abs)];
  const out = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    const child = join(abs, entry.name);
    if (entry.isDirectory()) out.push(...findTests(child));
    else if (entry.name.endsWith('.test.ts')) out.push(relative(root, child));
  }
  return out.sort();
}

const sources = [...new Set(targets.flatMap(findTests))];
if (sources.length === 0) {
  console.log('0 passed, 0 failed (no test files found)');
  process.exit(1);
}

const outdir = join(root, '.test-build');
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: sources.map((s) => join(root, s)),
  outbase: root,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  define: { 'process.env.DAEMONSCOPE_REPO_ROOT': JSON.stringify(root) },
});
const files = sources.map((s) => join(outdir, s.replace(/\.ts$/, '.js')));

let passed = 0;
let failed = 0;
const pattern = process.env.TEST_NAME_PATTERN;
const stream = run({
  files,
  concurrency: Math.max(1, availableParallelism()),
  // A hang guard, not a timing assertion: a test file still running after 5 minutes has hung.
  timeout: 300_000,
  ...(pattern ? { testNamePatterns: [new RegExp(pattern)] } : {}),
});
stream.on('test:pass', (event) => {
  if (event.details?.type !== 'suite' && !event.skip && !event.todo) passed++;
});
stream.on('test:fail', (event) => {
  if (event.details?.type !== 'suite') failed++;
});
const reporter = stream.compose(spec);
reporter.pipe(process.stdout, { end: false });
await new Promise((done) => reporter.on('end', done));
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
