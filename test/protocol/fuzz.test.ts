import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lspClient';
import { fuzzInputs } from '../fuzz/inputs';
import { handlerFailures, runFuzz, type FuzzOptions } from '../fuzz/lspFuzz';

/**
 * The seeded slice of the LSP fuzz (the long run is `npm run fuzz`). A seed that failed there is
 * added here as the long run prints it, so it is replayed on every `npm test`.
 */
const regressions: Pick<FuzzOptions, 'seed' | 'editsPerFile' | 'settingsChaos'>[] = [];

describe('fuzz over the LSP connection (seeded slice)', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start();
    await client.initialize();
  });
  after(() => client.dispose());

  test('every YAML test suite case opened, as written and as a DaemonSet: every request answered', async () => {
    const report = await runFuzz(client, { seed: 1, files: [], editsPerFile: 0, suite: true });
    assert.ok(report.requests > 2000, `${report.requests} requests`);
    assert.deepEqual(handlerFailures(client.log), []);
  });

  test('random edits over the samples and real-world manifests, with requests between them', async () => {
    const files = fuzzInputs();
    assert.ok(files.length > 20);
    const report = await runFuzz(client, { seed: 7, files, editsPerFile: 40 });
    assert.ok(report.edits >= files.length * 40);
    assert.deepEqual(report.mismatches, []);
    assert.deepEqual(handlerFailures(client.log), []);
  });

  test('random settings (wrong types, a broken cluster file, a missing pods file) between files', async () => {
    const files = fuzzInputs().slice(0, 8);
    const report = await runFuzz(client, { seed: 11, files, editsPerFile: 10, settingsChaos: true });
    assert.deepEqual(report.mismatches, []);
    assert.deepEqual(handlerFailures(client.log), []);
  });

  for (const regression of regressions) {
    test(`regression seed ${regression.seed}`, async () => {
      const report = await runFuzz(client, { ...regression, files: fuzzInputs() });
      assert.deepEqual(report.mismatches, []);
      assert.deepEqual(handlerFailures(client.log), []);
    });
  }

  test('the server is still up: shutdown and exit with 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
