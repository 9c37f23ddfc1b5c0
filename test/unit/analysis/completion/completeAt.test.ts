import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { completeAt } from '../../../../server/src/analysis/completion';
import { analyse } from '../../../helpers/analysis';
import { complete, entry, head, labels, replaced } from './helpers';

/** Expands an LSP snippet's placeholders to their defaults (`${1:x}` → x, `${1|a,b|}` → a, `$1` → ''). */
function expand(snippet: string): string {
  const defaults = new Map<string, string>();
  let text = snippet.replace(/\$\{(\d+):([^}]*)\}/g, (_m, n: string, value: string) => (defaults.set(n, value), value));
  text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, _n, values: string) => values.split(',')[0]!);
  return text.replace(/\$\{(\d+)\}/g, (_m, n: string) => defaults.get(n) ?? '').replace(/\$\d+/g, '');
}

describe('completeAt', () => {
  test('an empty file offers a DaemonSet skeleton that is a valid DaemonSet once expanded', () => {
    const { text, entries } = complete('|');
    assert.deepEqual(labels(entries), ['DaemonSet']);
    const skeleton = entries[0]!;
    assert.equal(skeleton.snippet, true);
    assert.equal(replaced(text, skeleton), '');
    const expanded = expand(skeleton.insertText);
    assert.deepEqual(analyse(expanded).findings.map((f) => f.code), []);
    const value = parseAllDocuments(expanded)[0]!.toJS() as { spec: { selector: { matchLabels: object }; template: { metadata: { labels: object } } } };
    assert.deepEqual(value.spec.selector.matchLabels, value.spec.template.metadata.labels);
  });

  test('an empty document after another, or a word being typed in it, also gets the skeleton', () => {
    const { text, entries } = complete(`${head}metadata: {name: a}\n---\ndae|\n`);
    assert.deepEqual(labels(entries), ['DaemonSet']);
    assert.equal(replaced(text, entries[0]!), 'dae');
  });

  test('documents that are not DaemonSets stay silent', () => {
    assert.deepEqual(complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  |\n').entries, []);
    assert.deepEqual(complete('apiVersion: apps.kruise.io/v1alpha1\nkind: DaemonSet\nspec:\n  |\n').entries, []);
    assert.deepEqual(complete('replicaCount: 1\n|\n').entries, []);
  });

  test('a DaemonSet in a multi-document file is completed on its own', () => {
    const { entries } = complete(`apiVersion: v1\nkind: ConfigMap\n---\n${head}spec:\n  updateStrategy:\n    ty|\n---\napiVersion: v1\nkind: Service\n`);
    assert.ok(labels(entries).includes('type'));
  });

  test('a typed `:` or space proposes values and list items, never keys', () => {
    const text = `${head}spec:\n  updateStrategy:\n    type:\n    \n`;
    const colon = text.indexOf('type:') + 'type:'.length;
    assert.deepEqual(labels(completeAt(text, colon, { schemaKeys: true, trigger: ':' })), ['RollingUpdate', 'OnDelete']);
    const indent = text.lastIndexOf('    \n') + 4;
    assert.deepEqual(completeAt(text, indent, { schemaKeys: true, trigger: ' ' }), []);
    assert.ok(completeAt(text, indent, { schemaKeys: true }).length > 0);
    assert.deepEqual(completeAt('', 0, { schemaKeys: true, trigger: ' ' }), []);
  });

  test('a key without its colon at the end of the file still resolves', () => {
    const { entries } = complete(`${head}spec:\n  template:\n    spec:\n      containers:\n        - name: a\n          imagePull|`);
    assert.equal(entry(entries, 'imagePullPolicy').insertText, 'imagePullPolicy: ${1|Always,Never,IfNotPresent|}');
  });

  test('never throws on odd input', () => {
    const odd = ['', '\n', '---', '- a\n- b', 'kind: DaemonSet\n  - : :\n\t\tx', 'kind: DaemonSet\n"a\n', 'kind: DaemonSet\r\nspec:\r\n  \r\n', `kind: DaemonSet\n${'  '.repeat(300)}x`];
    for (const text of odd) for (let offset = 0; offset <= text.length; offset++) completeAt(text, offset, { schemaKeys: true });
  });
});
