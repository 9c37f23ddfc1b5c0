/**
 * Completion inside the DaemonSet items of a list document (`kubectl get daemonsets -o yaml`
 * prints a `kind: List`; kubectl applies each item on its own, cli-runtime resource/visitor.go
 * `FlattenListVisitor.Visit`): each item completes as the same DaemonSet written on its own.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt, type CompletionEntry } from '../../../../server/src/analysis/completion';
import { validDaemonSet } from '../../../helpers/analysis';
import { clusterContext } from '../../../helpers/cluster';
import { dedent } from '../../../helpers/text';
import { complete, entry, head, labels, replaced } from './helpers';

/** `text` (one object, `|` allowed) as an item of a block sequence with its dash at column `pad`. */
function asItem(text: string, pad = 0): string {
  const indent = ' '.repeat(pad);
  return text
    .trimEnd()
    .split('\n')
    .map((line, i) => (i === 0 ? `${indent}- ${line}` : line === '' ? '' : `${indent}  ${line}`))
    .join('\n')
    .concat('\n');
}

/** A `kind: List` as `kubectl get daemonsets -o yaml` prints it. */
function kubectlList(...objects: string[]): string {
  return `apiVersion: v1\nitems:\n${objects.map((object) => asItem(object)).join('')}kind: List\nmetadata:\n  resourceVersion: ""\n`;
}

/** What an entry amounts to in its document: label, inserted text, replaced text. */
function shape(text: string, entries: readonly CompletionEntry[]): [string, string, string][] {
  return entries.map((e) => [e.label, e.insertText, replaced(text, e)]);
}

/** Completes at `|` in `source` written on its own and as the second item of a kubectl list: both results. */
function both(source: string, options: { trigger?: string } = {}): { alone: [string, string, string][]; inList: [string, string, string][] } {
  const object = dedent(source);
  const alone = complete(object, options);
  const list = complete(kubectlList(validDaemonSet.replaceAll('agent', 'exporter'), object), options);
  return { alone: shape(alone.text, alone.entries), inList: shape(list.text, list.entries) };
}

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';

describe('completion inside DaemonSet items of a kind: List', () => {
  test('keys and values complete as in the DaemonSet written on its own', () => {
    const cases = [
      `${head}spec:\n  updateStrategy:\n    ty|\n`,
      `${head}spec:\n  updateStrategy:\n    type: |\n`,
      `${head}spec:\n  template:\n    spec:\n      tolerations:\n      - |\n`,
      `${head}spec:\n  template:\n    spec:\n      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        operator: Exists\n        effect: No|\n`,
      `${head}spec:\n  template:\n    spec:\n      nodeSelector:\n        kubernetes.io/os: |\n`,
      `${head}spec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: a:1\n        imagePullPolicy: |\n`,
      `${head}spec:\n  template:\n    spec:\n      nodeSelector: {kubernetes.io/os: |}\n`,
      `${head}metadata:\n  name: a\n|\n`,
      `${head}spec:\n  template:\n    spec:\n      volumes:\n      - name: a\n      |\n`,
    ];
    for (const source of cases) {
      const { alone, inList } = both(source);
      assert.ok(alone.length > 0, source);
      assert.deepEqual(inList, alone, source);
    }
  });

  test('a typed space proposes the same values, and still no keys', () => {
    const values = both(`${head}spec:\n  updateStrategy:\n    type: |\n`, { trigger: ' ' });
    assert.deepEqual(values.inList, values.alone);
    assert.deepEqual(labels(complete(kubectlList(`${head}spec:\n  |\n`), { trigger: ' ' }).entries), []);
  });

  test("the item's first key (`- ap|`) proposes the DaemonSet's root keys, not those already written", () => {
    const { text, entries } = complete(kubectlList('ap|\nkind: DaemonSet\nspec: {}\n'));
    assert.deepEqual(labels(entries).sort(), ['apiVersion', 'metadata']);
    assert.equal(replaced(text, entry(entries, 'apiVersion')), 'ap');
    // Children of a key typed on the dash line go under it (2 past the key's column).
    assert.equal(entry(entries, 'metadata').insertText, 'metadata:\n    $0');
  });

  test('structure is inserted with the item\'s own sequence indentation', () => {
    const kubectlStyle = complete(kubectlList(`${head}spec:\n  template:\n    spec:\n      volumes:\n      - name: a\n      |\n`));
    assert.match(entry(kubectlStyle.entries, 'containers').insertText, /^containers:\n- name: /);
    const indented = complete(kubectlList(`${head}spec:\n  template:\n    spec:\n      volumes:\n        - name: a\n      |\n`));
    assert.match(entry(indented.entries, 'containers').insertText, /^containers:\n {2}- name: /);
    // An item without a sequence of its own follows the list's (`items:\n- `).
    const none = complete(kubectlList(`${head}spec:\n  template:\n    spec:\n      |\n`));
    assert.match(entry(none.entries, 'containers').insertText, /^containers:\n- name: /);
  });

  test('lists in lists, a DaemonSetList, quoted kinds and a dash on its own line', () => {
    const source = `${head}spec:\n  updateStrategy:\n    ty|\n`;
    const expected = labels(complete(source).entries);
    const nested = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: DaemonSetList\n  items:\n${asItem(source, 2)}`;
    assert.deepEqual(labels(complete(nested).entries), expected);
    const deeper = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: List\n    items:\n${asItem(`${configMap}`, 6)}${asItem(source, 6)}`;
    assert.deepEqual(labels(complete(deeper).entries), expected);
    const typed = `apiVersion: apps/v1\nkind: "DaemonSetList"\nitems:\n${asItem(source.replace('kind: DaemonSet', "kind: 'DaemonSet'"))}`;
    assert.deepEqual(labels(complete(typed).entries), expected);
    const lonelyDash = `apiVersion: v1\nkind: List\nitems:\n-\n${dedent(source).split('\n').map((line) => (line === '' ? '' : `  ${line}`)).join('\n')}`;
    assert.deepEqual(labels(complete(lonelyDash).entries), expected);
  });

  test("selector and template labels come from the cursor's own item", () => {
    const own = `${head}spec:\n  selector:\n    matchLabels:\n      |\n  template:\n    metadata:\n      labels:\n        app: mine\n`;
    const other = `${head}spec:\n  template:\n    metadata:\n      labels:\n        app: theirs\n`;
    const { entries } = complete(kubectlList(other, own, other));
    assert.deepEqual(labels(entries.filter((e) => e.kind === 'label')), ['app: mine']);
  });

  test("nothing in items that are not DaemonSets, on the list's own keys, in custom resources or outside a list", () => {
    const silent = [
      kubectlList(`${configMap}data:\n  |\n`),
      kubectlList(validDaemonSet).replace('metadata:\n  resourceVersion: ""', 'metadata:\n  |'),
      kubectlList(`apiVersion: apps.kruise.io/v1alpha1\nkind: DaemonSet\nspec:\n  |\n`),
      // Not a list: `items` of a ConfigMap.
      `apiVersion: v1\nkind: ConfigMap\nitems:\n${asItem(`${head}spec:\n  |\n`)}`,
      // An item being started: no kind yet.
      kubectlList('|'),
    ];
    for (const source of silent) assert.deepEqual(labels(complete(source).entries), [], source);
  });

  test('never throws anywhere in odd lists', () => {
    const odd = [
      kubectlList(validDaemonSet, configMap),
      'kind: List\nitems:\n- - kind: DaemonSet\n  - x\n',
      'kind: List\nitems: [{kind: DaemonSet, spec: {}}]\n',
      'kind: List\nitems:\n-\n-\n  kind: DaemonSet\n  spec:\n   x\n',
      'kind: List\nitems:\n- kind: DaemonSet\n  spec: |\n    a:\n',
    ];
    for (const text of odd) for (let offset = 0; offset <= text.length; offset++) completeAt(text, offset, { schemaKeys: true, cluster: clusterContext() });
  });
});
