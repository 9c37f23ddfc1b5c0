import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lspClient';
import { validDaemonSet } from '../helpers/analysis';

/** The 0-based line and character of the first `needle` in `text` (UTF-16 units, as LSP counts). */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `no ${needle}`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function rangeOf(text: string, needle: string) {
  const start = positionOf(text, needle);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

/**
 * The diagnostics of these tests without the cluster-aware ones (`placement.*`, `rollout.*`):
 * the server simulates on the embedded cluster, where every DaemonSet meets its full node.
 */
function own<T extends { code?: string | number }>(diagnostics: T[]): T[] {
  return diagnostics.filter((d) => !/^(placement|rollout)\./.test(String(d.code)));
}

const typo = validDaemonSet.replace('maxUnavailable: 1', 'maxUnavilable: 1');

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start();
  });
  after(() => client.dispose());

  test('initialize announces incremental sync', async () => {
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(result.serverInfo?.name, 'daemonscope');
  });

  test('didOpen publishes diagnostics at the exact range, with source, code and data', async () => {
    const uri = 'file:///work/typo.yaml';
    await client.open(uri, typo);
    const published = own((await client.diagnosticsAt(uri, 1)).diagnostics);
    assert.equal(published.length, 1);
    const [diagnostic] = published;
    assert.deepEqual(diagnostic.range, rangeOf(typo, 'maxUnavilable'));
    assert.equal(diagnostic.source, 'daemonscope');
    assert.equal(diagnostic.code, 'schema.unknown-field');
    assert.equal(diagnostic.severity, 1);
    assert.match(String(diagnostic.message), /Did you mean `maxUnavailable`\?/);
    assert.deepEqual(diagnostic.data, { path: ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavilable'], suggestion: 'maxUnavailable' });
  });

  test('an incremental didChange re-publishes for the new version', async () => {
    const uri = 'file:///work/typo.yaml';
    const at = positionOf(typo, 'maxUnavilable');
    await client.edit(uri, 2, { start: { line: at.line, character: at.character + 7 }, end: { line: at.line, character: at.character + 7 } }, 'a');
    assert.deepEqual(own((await client.diagnosticsAt(uri, 2)).diagnostics), []);
    const withReplicas = validDaemonSet.replace('  selector:\n', '  replicas: 3\n  selector:\n');
    await client.change(uri, withReplicas, 3);
    const published = await client.diagnosticsAt(uri, 3);
    assert.deepEqual(own(published.diagnostics).map((d) => [d.code, d.range]), [['daemonset.replicas', rangeOf(withReplicas, 'replicas')]]);
  });

  test('ranges count UTF-16 code units, as LSP does', async () => {
    const uri = 'file:///work/emoji.yaml';
    const text = validDaemonSet.replace('metadata:\n  name: agent\n  namespace: monitoring\n', 'metadata: {name: agent, annotations: {note: "🚀🚀"}, labelz: {}}\n');
    assert.ok(text.includes('🚀🚀"}, labelz'));
    await client.open(uri, text);
    const [diagnostic] = own((await client.diagnosticsAt(uri, 1)).diagnostics);
    assert.equal(diagnostic.code, 'schema.unknown-field');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'labelz'));
  });

  test('documents that are not DaemonSets get empty diagnostics', async () => {
    const uri = 'file:///work/deployment.yaml';
    await client.open(uri, 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n  bogus: 1\n');
    assert.deepEqual((await client.diagnosticsAt(uri, 1)).diagnostics, []);
  });

  test('garbage, a 10 MB file and an unknown URI do not stop the server', async () => {
    let junk = 'kind: DaemonSet\n';
    for (let i = 0; i < 3000; i++) junk += String.fromCharCode(1 + ((i * 7919) % 0xd7ff));
    await client.open('file:///work/junk.yaml', junk);
    await client.diagnosticsAt('file:///work/junk.yaml', 1);

    const big = `${validDaemonSet}---\n${`# ${'x'.repeat(98)}\n`.repeat(105_000)}`;
    await client.open('file:///work/big.yaml', big);
    const bigDiagnostics = (await client.diagnosticsAt('file:///work/big.yaml', 1)).diagnostics;
    assert.deepEqual(bigDiagnostics.map((d) => [d.code, d.severity]), [['file.too-large', 3]]);

    await client.change('file:///never/opened.yaml', 'kind: DaemonSet\n', 7);
    await client.close('file:///never/opened.yaml');
    // Hover is handled (issue #7): an unknown document answers null.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///never/opened.yaml' }, position: { line: 0, character: 0 } }), null);

    const uri = 'untitled:Untitled-1';
    await client.open(uri, typo);
    assert.deepEqual(own((await client.diagnosticsAt(uri, 1)).diagnostics).map((d) => d.code), ['schema.unknown-field']);
  });

  test('settings: per-rule severities apply after didChangeConfiguration', async () => {
    const uri = 'file:///work/settings.yaml';
    const text = typo.replace('  selector:\n', '  replicas: 3\n  selector:\n');
    await client.open(uri, text);
    assert.deepEqual(own((await client.diagnosticsAt(uri, 1)).diagnostics).map((d) => [d.code, d.severity]), [['daemonset.replicas', 1], ['schema.unknown-field', 1]]);
    client.settings = { rules: { 'daemonset.replicas': 'off', 'schema.unknown-field': 'warning' } };
    await client.changeConfiguration();
    const published = await client.diagnostics(uri, (p) => own(p.diagnostics).length === 1);
    assert.deepEqual(own(published.diagnostics).map((d) => [d.code, d.severity]), [['schema.unknown-field', 2]]);
    client.settings = {};
    await client.changeConfiguration();
  });

  test('didClose clears the diagnostics', async () => {
    const uri = 'file:///work/typo.yaml';
    await client.close(uri);
    assert.deepEqual((await client.diagnostics(uri, (p) => p.version === undefined)).diagnostics, []);
  });

  test('no handler failed along the way, and shutdown/exit ends the process with 0', async () => {
    assert.doesNotMatch(client.log.join('\n'), /failed|uncaught|unhandled/i);
    assert.equal(await client.shutdown(), 0);
  });
});

describe('a client without workspace/configuration', () => {
  test('gets diagnostics with default settings', async () => {
    const client = LspClient.start();
    try {
      await client.initialize({ capabilities: {} });
      await client.open('file:///plain.yaml', typo);
      assert.deepEqual(own((await client.diagnosticsAt('file:///plain.yaml', 1)).diagnostics).map((d) => d.code), ['schema.unknown-field']);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.dispose();
    }
  });
});
