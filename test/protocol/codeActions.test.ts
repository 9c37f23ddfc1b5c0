import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { runCliProcess } from '../helpers/cliProcess';
import { LspClient } from '../helpers/lspClient';
import { validDaemonSet } from '../helpers/analysis';
import { repoPath } from '../helpers/paths';

const surge = validDaemonSet.replace('      maxUnavailable: 1\n', '      maxSurge: 1\n').replace('  selector:\n', '  replicas: 2\n  selector:\n');

/** `text` after applying the edits of one action (as the editor does). */
function applyAction(uri: string, text: string, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  assert.ok(edits.length > 0, `no edits in ${action.title}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
}

const wholeDocument = (text: string) => ({ start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } });

describe('textDocument/codeAction over stdio', () => {
  let client: LspClient;
  let initialized: InitializeResult;
  let sent: Diagnostic[] = [];
  before(async () => {
    client = LspClient.start();
    initialized = await client.initialize();
  });
  after(() => client.dispose());

  test('the server offers quick fixes and Fix All', () => {
    assert.deepEqual(initialized.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.daemonscope'] });
  });

  test('quick fixes for the diagnostics sent back, preferred where unambiguous, with edits that fix the text', async () => {
    const uri = 'file:///work/surge.yaml';
    await client.open(uri, surge);
    const { diagnostics } = await client.diagnosticsAt(uri, 1);
    sent = diagnostics;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wholeDocument(surge), context: { diagnostics } });
    const summary = actions.map((a) => [a.title, a.kind, a.isPreferred, (a.diagnostics ?? []).map((d) => d.code)]);
    assert.deepEqual(summary, [
      ['Remove `replicas` (a DaemonSet runs one pod per eligible node)', 'quickfix', true, ['daemonset.replicas']],
      ['Add `maxUnavailable: 0` to keep the surge', 'quickfix', true, ['daemonset.rolling-update-both-set']],
      ['Remove `maxSurge` (replace pods one at a time)', 'quickfix', false, ['daemonset.rolling-update-both-set']],
      // The embedded cluster (no cluster setting): gpu-1 and win-1 are tainted.
      ['Add a toleration for nvidia.com/gpu=present:NoSchedule', 'quickfix', false, ['placement.untolerated-taint']],
      ['Add a toleration for os=windows:NoSchedule', 'quickfix', false, ['placement.untolerated-taint']],
      ['Add tolerations for all 2 taints', 'quickfix', false, ['placement.untolerated-taint']],
    ]);
    // One untolerated-taint diagnostic for the DaemonSet, listing both taints.
    assert.equal(diagnostics.filter((d) => d.code === 'placement.untolerated-taint').length, 1);
    const replicas = actions.find((a) => a.title.startsWith('Remove `replicas`'))!;
    assert.equal(applyAction(uri, surge, replicas), surge.replace('  replicas: 2\n', ''));
    const addZero = actions.find((a) => a.title.startsWith('Add `maxUnavailable: 0`'))!;
    const fixed = applyAction(uri, surge, addZero);
    assert.equal(fixed, surge.replace('      maxSurge: 1\n', '      maxUnavailable: 0\n      maxSurge: 1\n'));
    // The fixed text, sent back, no longer has that diagnostic.
    await client.change(uri, fixed, 2);
    const after = await client.diagnosticsAt(uri, 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'daemonset.rolling-update-both-set'));
    // Tolerating all the taints in one edit: no untolerated-taint diagnostic left.
    const taint = after.diagnostics.filter((d) => d.code === 'placement.untolerated-taint');
    const again = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wholeDocument(fixed), context: { diagnostics: taint } });
    const tolerated = applyAction(uri, fixed, again.find((a) => a.title === 'Add tolerations for all 2 taints')!);
    await client.change(uri, tolerated, 3);
    assert.deepEqual((await client.diagnosticsAt(uri, 3)).diagnostics.filter((d) => d.code === 'placement.untolerated-taint'), []);
    // A diagnostic as an older server published it (data {taint}) still gets its fix.
    const old: Diagnostic = { ...taint[0]!, data: { taint: { key: 'dedicated', value: 'infra', effect: 'NoSchedule' } } };
    const oldActions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wholeDocument(tolerated), context: { diagnostics: [old] } });
    assert.deepEqual(oldActions.map((a) => [a.title, a.isPreferred]), [['Add a toleration for dedicated=infra:NoSchedule', false]]);
    assert.match(applyAction(uri, tolerated, oldActions[0]!), /- key: dedicated\n {10}operator: Equal\n {10}value: infra\n {10}effect: NoSchedule\n/);
  });

  test('only other kinds requested, an unknown document, foreign diagnostics: no actions', async () => {
    const uri = 'file:///work/surge.yaml';
    const diagnostics = sent.filter((d) => d.code === 'daemonset.replicas');
    const ask = (params: object) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wholeDocument(surge), context: { diagnostics }, ...params });
    assert.equal((await ask({ context: { diagnostics, only: ['quickfix'] } })).length, 1);
    assert.deepEqual(await ask({ context: { diagnostics, only: ['source.organizeImports'] } }), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere.yaml' }, range: wholeDocument(''), context: { diagnostics: [] } }), []);
    const foreign: Diagnostic = { range: wholeDocument(surge), message: 'x', source: 'yaml', code: 'daemonset.replicas' };
    assert.deepEqual(await ask({ context: { diagnostics: [foreign] } }), []);
  });

  test('garbage YAML and garbage diagnostic data: no actions, and the server keeps answering', async () => {
    const uri = 'file:///work/garbage.yaml';
    const garbage = 'kind: DaemonSet\nspec: [\n  {{ nope';
    await client.open(uri, garbage);
    await client.diagnosticsAt(uri, 1);
    const junk: Diagnostic = { range: wholeDocument(garbage), message: 'x', source: 'daemonscope', code: 'daemonset.selector-mismatch', data: { entries: 'no' } };
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: wholeDocument(garbage), context: { diagnostics: [junk] } }), []);
    const fine = 'file:///work/surge.yaml';
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: fine },
      range: wholeDocument(surge),
      context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'daemonscope', code: 'daemonset.rolling-update-both-zero', data: null }] },
    });
    assert.ok(Array.isArray(actions));
  });

  test('shutdown and exit', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});

describe('snippet edits for a client that accepts them (LSP 3.18)', () => {
  test('the requests fix puts tab stops on its placeholder values', async () => {
    const client = LspClient.start();
    try {
      await client.initialize({ capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } } } });
      const uri = 'file:///work/requests.yaml';
      const text = validDaemonSet.replace('          resources:\n            requests:\n              cpu: 50m\n              memory: 64Mi\n            limits:\n              memory: 128Mi\n', '');
      await client.open(uri, text);
      const { diagnostics } = await client.diagnosticsAt(uri, 1);
      const requests = diagnostics.filter((d) => d.code === 'daemonset.requests-missing');
      assert.equal(requests.length, 1);
      const [action] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: requests[0]!.range, context: { diagnostics: requests } });
      assert.equal(action?.isPreferred, false);
      const change = action?.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number }; edits: { snippet?: { kind: string; value: string } }[] };
      assert.deepEqual(change.textDocument, { uri, version: 1 });
      assert.deepEqual(change.edits[0]!.snippet, { kind: 'snippet', value: '          resources:\n            requests:\n              cpu: ${1:100m}\n              memory: ${2:128Mi}\n' });
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.dispose();
    }
  });
});

describe('Fix All (source.fixAll.daemonscope): what `check --fix` writes', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'daemonscope-fixall-'));
  // Every fix fixture, as written and with CRLF line ends.
  const inputs = new Map<string, string>();
  for (const name of readdirSync(repoPath('test/fixtures/fixes')).filter((n) => n.endsWith('.yaml')).sort()) {
    const text = readFileSync(repoPath(`test/fixtures/fixes/${name}`), 'utf8');
    inputs.set(name, text);
    inputs.set(name.replace(/\.yaml$/, '-crlf.yaml'), text.replace(/\r?\n/g, '\r\n'));
  }
  const byCli = new Map<string, string>();
  let client: LspClient;
  // As VS Code asks on save: no diagnostics, an empty range, triggerKind Automatic (2).
  const fixAll = (uri: string, only: string[]) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wholeDocument(''), context: { diagnostics: [], only, triggerKind: 2 } });

  before(async () => {
    for (const [name, text] of inputs) writeFileSync(join(scratch, name), text);
    // No --cluster: the embedded cluster, as the server uses without a cluster setting.
    const run = await runCliProcess(['check', '--fix', scratch]);
    assert.match(run.stderr, /fixed \d+ findings in \d+ files/, run.stderr);
    for (const name of inputs.keys()) byCli.set(name, readFileSync(join(scratch, name), 'utf8'));
    client = LspClient.start();
    await client.initialize();
  });
  after(() => {
    client.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('on every fix fixture (also CRLF) the edit gives the text `check --fix` writes', async () => {
    let changed = 0;
    for (const [name, text] of inputs) {
      const uri = `file:///fixall/${name}`;
      await client.open(uri, text);
      const actions = await fixAll(uri, ['source.fixAll.daemonscope']);
      const expected = byCli.get(name)!;
      if (expected === text) {
        assert.deepEqual(actions, [], `${name}: nothing to fix`);
        continue;
      }
      changed++;
      assert.deepEqual(actions.map((a) => [a.kind, a.diagnostics]), [['source.fixAll.daemonscope', undefined]], name);
      const edits = actions[0]!.edit!.changes![uri]!;
      const document = TextDocument.create(uri, 'yaml', 1, text);
      const spans = edits.map((e) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)] as const);
      for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1]![1] < spans[i]![0], `${name}: edits ${i - 1} and ${i} overlap or touch`);
      assert.equal(applyAction(uri, text, actions[0]!), expected, name);
    }
    // passes.yaml needs two passes of --fix; cluster.yaml has no preferred fix.
    assert.ok(changed >= 16, `only ${changed} files changed`);
  });

  test('asked for as source.fixAll (the "Fix All" command, codeActionsOnSave), the same action; asked for quick fixes, never', async () => {
    const uri = 'file:///fixall/passes.yaml';
    const passes = inputs.get('passes.yaml')!;
    const [action] = await fixAll(uri, ['source.fixAll']);
    assert.equal(action?.kind, 'source.fixAll.daemonscope');
    // The "Source Action..." menu asks for every source action.
    const [fromMenu] = await fixAll(uri, ['source']);
    assert.equal(fromMenu?.kind, 'source.fixAll.daemonscope');
    assert.deepEqual(await fixAll(uri, ['source.organizeImports']), []);
    assert.equal(applyAction(uri, passes, action!), byCli.get('passes.yaml'));
    const { diagnostics } = await client.diagnosticsAt(uri, 1);
    assert.ok(diagnostics.length > 0);
    const ask = (only?: string[]) =>
      client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wholeDocument(passes), context: { diagnostics, ...(only ? { only } : {}) } });
    for (const only of [undefined, ['quickfix'], ['']]) {
      const actions = await ask(only);
      assert.ok(actions.length > 0, JSON.stringify(only));
      assert.deepEqual([...new Set(actions.map((a) => a.kind))], ['quickfix'], JSON.stringify(only));
    }
    assert.deepEqual(await ask(['source.organizeImports']), []);
    // Both kinds asked for: the quick fixes, then Fix All.
    const both = await ask(['quickfix', 'source.fixAll.daemonscope']);
    assert.deepEqual([...new Set(both.map((a) => a.kind))], ['quickfix', 'source.fixAll.daemonscope']);
    assert.deepEqual(await fixAll('file:///fixall/nowhere.yaml', ['source.fixAll']), []);
  });

  test('a client with versioned edits gets the edit tied to the version it was computed on; a fixed text gets none', async () => {
    const versioned = LspClient.start();
    try {
      await versioned.initialize({ capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true } } } });
      const uri = 'file:///fixall/versioned.yaml';
      const passes = inputs.get('passes.yaml')!;
      await versioned.open(uri, 'kind: DaemonSet\n');
      await versioned.change(uri, passes, 2);
      const [action] = await versioned.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wholeDocument(passes), context: { diagnostics: [], only: ['source.fixAll.daemonscope'] } });
      const change = action?.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
      assert.deepEqual(change.textDocument, { uri, version: 2 });
      assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 2, passes), change.edits), byCli.get('passes.yaml'));
      await versioned.change(uri, byCli.get('passes.yaml')!, 3);
      assert.deepEqual(await versioned.request('textDocument/codeAction', { textDocument: { uri }, range: wholeDocument(passes), context: { diagnostics: [], only: ['source.fixAll'] } }), []);
      assert.equal(await versioned.shutdown(), 0);
    } finally {
      versioned.dispose();
    }
  });
});
