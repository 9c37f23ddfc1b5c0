import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lspClient';
import { validDaemonSet } from '../helpers/analysis';

/** The 0-based line and character of `offset` in `text` (UTF-16 units, as LSP counts). */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function items(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return result === null ? [] : Array.isArray(result) ? result : result.items;
}

const halfTyped = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  updateStrategy:
    ty
  template:
    spec:
      nodeSelector:
        ssd: x
      containers:
        - name: agent
          image: example/agent:1.0
`;

describe('completion, hover and symbols over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start();
  });
  after(() => client.dispose());

  test('initialize announces completion (":" and space trigger), hover and document symbols', async () => {
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.completionProvider?.triggerCharacters, [':', ' ']);
    assert.equal(result.capabilities.hoverProvider, true);
    assert.ok(result.capabilities.documentSymbolProvider);
  });

  test('completion of a half-typed key answers snippet text edits at the exact range', async () => {
    const uri = 'file:///work/half.yaml';
    await client.open(uri, halfTyped);
    await client.diagnosticsAt(uri, 1);
    const at = halfTyped.indexOf('    ty') + 6;
    const result = items(await client.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: positionAt(halfTyped, at) }));
    const type = result.find((item) => item.label === 'type');
    assert.ok(type, `labels: ${result.map((item) => item.label).join(', ')}`);
    assert.equal(type.insertTextFormat, 2);
    assert.deepEqual(type.textEdit, { range: { start: positionAt(halfTyped, at - 2), end: positionAt(halfTyped, at) }, newText: 'type: ${1|RollingUpdate,OnDelete|}' } satisfies TextEdit);
    assert.equal((type.documentation as MarkupContent).kind, 'markdown');
  });

  test('cluster values come from the embedded cluster: a nodeSelector value with its node count', async () => {
    const uri = 'file:///work/half.yaml';
    const at = halfTyped.indexOf('ssd: x') + 'ssd: '.length;
    const result = items(await client.request('textDocument/completion', { textDocument: { uri }, position: positionAt(halfTyped, at + 1), context: { triggerKind: 1 } }));
    assert.deepEqual(result.map((item) => [item.label, item.detail, item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined]), [['true', '1 node: worker-b-1', '"true"']]);
  });

  test('inside a flow map: values after a typed space, keys on request (not those in the map), edits inside the braces', async () => {
    const uri = 'file:///work/flow.yaml';
    const text = validDaemonSet.replace('      tolerations:\n', '      tolerations: [{key: nvidia.com/gpu, effect: }]\n      tolerationsBlock:\n');
    await client.open(uri, text);
    await client.diagnosticsAt(uri, 1);
    const at = text.indexOf('effect: }') + 'effect: '.length;
    const values = items(await client.request('textDocument/completion', { textDocument: { uri }, position: positionAt(text, at), context: { triggerKind: 2, triggerCharacter: ' ' } }));
    assert.deepEqual(values.map((item) => item.label).sort(), ['NoExecute', 'NoSchedule', 'PreferNoSchedule']);
    assert.deepEqual(values.find((item) => item.label === 'NoSchedule')?.textEdit, { range: { start: positionAt(text, at), end: positionAt(text, at) }, newText: 'NoSchedule' } satisfies TextEdit);
    // On the key `key` (its colon is there): other keys replace its name only.
    const keyAt = text.indexOf('{key') + 1;
    const keys = items(await client.request('textDocument/completion', { textDocument: { uri }, position: positionAt(text, keyAt), context: { triggerKind: 1 } }));
    assert.deepEqual(keys.find((item) => item.label === 'operator')?.textEdit, { range: { start: positionAt(text, keyAt), end: positionAt(text, keyAt + 3) }, newText: 'operator' } satisfies TextEdit);
    assert.ok(!keys.some((item) => item.label === 'effect'), 'effect is already in the map');
  });

  test('hover on kind summarises the simulation; on a key it documents it', async () => {
    const uri = 'file:///work/valid.yaml';
    await client.open(uri, validDaemonSet);
    const kind = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(validDaemonSet, validDaemonSet.indexOf('kind') + 1) });
    assert.match((kind?.contents as MarkupContent).value, /^\*\*DaemonSet monitoring\/agent\*\* — runs on 7 of 10 nodes \(the embedded cluster\)/);
    assert.deepEqual(kind?.range, { start: positionAt(validDaemonSet, validDaemonSet.indexOf('kind')), end: positionAt(validDaemonSet, validDaemonSet.indexOf('kind') + 4) });
    const image = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(validDaemonSet, validDaemonSet.indexOf('image')) });
    assert.match((image?.contents as MarkupContent).value, /\*\*image\*\* · `string`/);
  });

  test('document symbols: the DaemonSet with its container', async () => {
    const uri = 'file:///work/valid.yaml';
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => [s.name, s.kind, s.children?.map((c) => c.name)]), [['monitoring/agent', 5, ['agent']]]);
  });

  test('inside a DaemonSet item of a kind: List (kubectl get ds -o yaml): completion at the item\'s indentation, hover on its keys', async () => {
    const uri = 'file:///work/list.yaml';
    const asItem = (object: string): string => object.trimEnd().split('\n').map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`)).join('\n');
    const text = `apiVersion: v1\nitems:\n${asItem(validDaemonSet)}\n${asItem(halfTyped)}\nkind: List\nmetadata:\n  resourceVersion: ""\n`;
    await client.open(uri, text);
    await client.diagnosticsAt(uri, 1);
    const at = text.indexOf('      ty\n') + 8;
    const keys = items(await client.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, at), context: { triggerKind: 1 } }));
    assert.deepEqual(keys.find((item) => item.label === 'type')?.textEdit, { range: { start: positionAt(text, at - 2), end: positionAt(text, at) }, newText: 'type: ${1|RollingUpdate,OnDelete|}' } satisfies TextEdit);
    const rollingUpdate = keys.find((item) => item.label === 'rollingUpdate')?.textEdit;
    assert.ok(rollingUpdate && 'newText' in rollingUpdate);
    assert.match(rollingUpdate.newText, /^rollingUpdate:\n {2}maxUnavailable: /);
    const value = text.indexOf('ssd: x') + 'ssd: '.length;
    const values = items(await client.request('textDocument/completion', { textDocument: { uri }, position: positionAt(text, value + 1), context: { triggerKind: 1 } }));
    assert.deepEqual(values.map((item) => [item.label, item.detail]), [['true', '1 node: worker-b-1']]);
    const image = text.lastIndexOf('image:');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, image + 1) });
    assert.match((hover?.contents as MarkupContent).value, /\*\*image\*\* · `string`/);
    assert.deepEqual(hover?.range, { start: positionAt(text, image), end: positionAt(text, image + 'image'.length) });
    // The list's own keys stay silent.
    const own = items(await client.request('textDocument/completion', { textDocument: { uri }, position: positionAt(text, text.indexOf('  resourceVersion') + 4), context: { triggerKind: 1 } }));
    assert.deepEqual(own, []);
  });

  test('with schemaValidation off, schema keys are not proposed but cluster values are', async () => {
    client.settings = { schemaValidation: false };
    await client.changeConfiguration();
    const uri = 'file:///work/half.yaml';
    const keys = items(await client.request('textDocument/completion', { textDocument: { uri }, position: positionAt(halfTyped, halfTyped.indexOf('    ty') + 6) }));
    assert.deepEqual(keys, []);
    const values = items(await client.request('textDocument/completion', { textDocument: { uri }, position: positionAt(halfTyped, halfTyped.indexOf('ssd: x') + 5) }));
    assert.deepEqual(values.map((item) => item.label), ['true']);
    client.settings = {};
    await client.changeConfiguration();
  });

  test('an empty file gets the skeleton; garbage and unknown documents get empty answers, and the server keeps answering', async () => {
    const empty = 'file:///work/new.yaml';
    await client.open(empty, '');
    const skeleton = items(await client.request('textDocument/completion', { textDocument: { uri: empty }, position: { line: 0, character: 0 } }));
    assert.deepEqual(skeleton.map((item) => item.label), ['DaemonSet']);
    const garbage = 'file:///work/garbage.yaml';
    const text = 'kind: DaemonSet\n{[: -\n  - : "\n\t\t';
    await client.open(garbage, text);
    for (let offset = 0; offset <= text.length; offset += 3) {
      await client.request('textDocument/completion', { textDocument: { uri: garbage }, position: positionAt(text, offset) });
      await client.request('textDocument/hover', { textDocument: { uri: garbage }, position: positionAt(text, offset) });
    }
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 0, character: 0 } }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.yaml' } }), []);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///work/valid.yaml' }, position: positionAt(validDaemonSet, validDaemonSet.indexOf('image')) });
    assert.ok(hover);
    assert.equal(client.log.filter((line) => /failed/.test(line)).length, 0, client.log.join('\n'));
  });

  test('shutdown', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
