// The end-to-end suite: what a user sees in a real VS Code with the packaged extension installed.
//   node test/e2e/suite.mjs --vsix daemonscope.vsix --out DIR     every test must pass
//   node test/e2e/suite.mjs --control --out DIR                   no extension: every test must fail
// Tests share one VS Code (started once) and run in order; each failure saves a screenshot in DIR.
// Prints one line per test, the measurements, then "N passed, N failed".
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setPatience, startFakeCluster, startWorkbench } from './harness.mjs';
import { tests } from './tests.mjs';

const { values } = parseArgs({ options: { vsix: { type: 'string' }, out: { type: 'string', default: 'test/e2e/out' }, control: { type: 'boolean', default: false }, only: { type: 'string' } } });
const control = values.control;
if (!control && values.vsix === undefined) {
  console.error('suite: --vsix FILE (or --control)');
  process.exit(2);
}
const outDir = values.out;
mkdirSync(outDir, { recursive: true });
// Without the extension nothing will ever show up: wait less, since every test is expected to time out.
if (control) setPatience(6000);

const started = Date.now();
const metrics = {};
let passed = 0;
let failed = 0;
let workbench;
let fakeCluster;
try {
  // A fake API server behind a kubeconfig context, for the live-cluster test (the extension reads $KUBECONFIG).
  fakeCluster = await startFakeCluster();
  process.env.KUBECONFIG = fakeCluster.kubeconfig;
  workbench = await startWorkbench({ vsix: control ? undefined : values.vsix, outDir });
  console.log(`VS Code up in ${((Date.now() - started) / 1000).toFixed(1)} s${control ? ' (control: no extension)' : ''}`);
  for (const t of tests) {
    if (values.only !== undefined && !t.name.includes(values.only)) continue;
    const t0 = Date.now();
    let error;
    try {
      await t.run(workbench, metrics);
    } catch (e) {
      error = e;
    }
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    // Leave the workbench as the next test expects it: no palette, no hover, no menu.
    await workbench.escape(2).catch(() => {});
    if (!control) {
      if (error === undefined) {
        passed++;
        console.log(`✔ ${t.name} (${seconds} s)`);
      } else {
        failed++;
        const shot = await workbench.screenshot(`FAILED-${t.name}`);
        console.log(`✖ ${t.name} (${seconds} s)\n    ${String(error?.message ?? error).split('\n').join('\n    ')}\n    screenshot: ${shot}`);
      }
    } else if (error === undefined) {
      failed++;
      const shot = await workbench.screenshot(`CONTROL-PASSED-${t.name}`);
      console.log(`✖ control: "${t.name}" passed without the extension, so it proves nothing (${seconds} s)\n    screenshot: ${shot}`);
    } else {
      passed++;
      console.log(`✔ control: "${t.name}" fails without the extension (${seconds} s): ${String(error?.message ?? error).split('\n')[0].slice(0, 160)}`);
    }
  }
} catch (error) {
  failed++;
  console.log(`✖ the workbench did not start: ${error instanceof Error ? error.stack : String(error)}`);
  if (workbench !== undefined) await workbench.screenshot('FAILED-startup');
} finally {
  await workbench?.stop();
  fakeCluster?.stop();
}
metrics.suiteSeconds = Math.round((Date.now() - started) / 100) / 10;
writeFileSync(join(outDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
if (!control) for (const [name, value] of Object.entries(metrics)) console.log(`metric ${name}: ${value}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
