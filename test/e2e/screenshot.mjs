// Takes the README's screenshot (docs/preview.png): a sample DaemonSet on the embedded cluster,
// with the Daemonscope views, the CodeLens and the preview panel, in a real VS Code.
//   node test/e2e/screenshot.mjs --vsix daemonscope.vsix [--out docs/preview.png]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repo, startWorkbench } from './harness.mjs';

const { values } = parseArgs({ options: { vsix: { type: 'string' }, out: { type: 'string', default: join(repo, 'docs', 'preview.png') } } });
if (values.vsix === undefined) {
  console.error('screenshot: --vsix FILE');
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'daemonscope-shot-'));
const w = await startWorkbench({ vsix: values.vsix, workspace: join(repo, 'samples'), outDir: scratch, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
try {
  await w.openFile('fluentd-elasticsearch.yaml');
  await w.showContainer('Daemonscope');
  await w.waitForTree('Placement', (rows) => rows.some((r) => r.text.startsWith('fluentd-elasticsearch ')), 'the Placement rows');
  await w.runCommand('Daemonscope: Show Placement Preview');
  await w.waitFor('the preview tiles', async () => (await w.webview().locator('li.tile').count()) > 0);
  await w.webview().locator('button', { hasText: 'Next' }).first().click();
  await w.waitFor('a wave in progress', async () => (await w.webview().locator('li.tile.replacing').count()) > 0);
  await w.escape(2);
  await w.page.mouse.move(700, 880);
  await w.page.screenshot({ path: values.out });
  console.log(`wrote ${values.out}`);
} finally {
  await w.stop();
  rmSync(scratch, { recursive: true, force: true });
}
