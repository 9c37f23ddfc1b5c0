import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols, type DocumentSymbolEntry } from '../../../server/src/analysis/symbols';
import { analyse, validDaemonSet } from '../../helpers/analysis';

function shape(text: string, entry: DocumentSymbolEntry): unknown {
  return { name: entry.name, detail: entry.detail, kind: entry.kind, selects: text.slice(entry.selection.start, entry.selection.end), children: entry.children.map((child) => shape(text, child)) };
}

const second = validDaemonSet
  .replace('  name: agent\n  namespace: monitoring\n', '  name: exporter\n')
  .replace('      containers:', '      initContainers:\n        - name: setup\n          image: busybox:1.36\n      containers:')
  .replace('          resources:', '        - name: sidecar\n          image: example/sidecar:2\n          resources:');

test('each DaemonSet (namespace/name) with its init containers and containers, in a multi-document file', () => {
  const text = `# fleet\n---\n${validDaemonSet}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n${second}`;
  const symbols = documentSymbols(analyse(text));
  assert.deepEqual(symbols.map((s) => shape(text, s)), [
    { name: 'monitoring/agent', detail: 'DaemonSet', kind: 'daemonSet', selects: 'agent', children: [{ name: 'agent', detail: 'example/agent:1.0', kind: 'container', selects: 'agent', children: [] }] },
    {
      name: 'exporter',
      detail: 'DaemonSet',
      kind: 'daemonSet',
      selects: 'exporter',
      children: [
        { name: 'setup', detail: 'init container · busybox:1.36', kind: 'initContainer', selects: 'setup', children: [] },
        { name: 'agent', detail: 'example/agent:1.0', kind: 'container', selects: 'agent', children: [] },
        { name: 'sidecar', detail: 'example/sidecar:2', kind: 'container', selects: 'sidecar', children: [] },
      ],
    },
  ]);
  // The range covers the document without its `---` and trailing blank lines, and contains the selection and children.
  const [first, last] = symbols;
  assert.ok(text.slice(first!.span.start, first!.span.end).startsWith('apiVersion: apps/v1'));
  assert.ok(text.slice(last!.span.start, last!.span.end).endsWith('priorityClassName: system-node-critical'));
  for (const symbol of symbols) for (const child of symbol.children) assert.ok(symbol.span.start <= child.span.start && child.span.end <= symbol.span.end);
});

test('a DaemonSet with a syntax error or no name still has a symbol', () => {
  const text = validDaemonSet.replace('  name: agent\n', '').replace('    type: RollingUpdate', '    type: [RollingUpdate');
  const [symbol] = documentSymbols(analyse(text));
  assert.equal(symbol?.name, 'monitoring/(unnamed)');
  assert.equal(text.slice(symbol!.selection.start, symbol!.selection.end), 'kind');
  assert.deepEqual(symbol?.children.map((c) => c.name), ['agent']);
});

test('files that were not parsed, and files without DaemonSets, have no symbols', () => {
  assert.deepEqual(documentSymbols(analyse('apiVersion: v1\nkind: ConfigMap\n')), []);
  assert.deepEqual(documentSymbols(analyse(validDaemonSet, { maxFileSize: 10 })), []);
});
