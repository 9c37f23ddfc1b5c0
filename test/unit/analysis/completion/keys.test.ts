import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, entry, head, labels, replaced, sorted } from './helpers';

describe('key completion from the schema', () => {
  test('`    ty|` under updateStrategy proposes type and rollingUpdate, type with its enum as a choice', () => {
    const { text, entries } = complete(`${head}spec:\n  updateStrategy:\n    ty|\n`);
    assert.deepEqual(labels(entries).sort(), ['rollingUpdate', 'type']);
    const type = entry(entries, 'type');
    assert.equal(type.insertText, 'type: ${1|RollingUpdate,OnDelete|}');
    assert.equal(type.snippet, true);
    assert.equal(replaced(text, type), 'ty');
    assert.equal(type.detail, 'string');
    assert.match(type.documentation ?? '', /Type of daemon set update/);
    assert.match(type.documentation ?? '', /default `RollingUpdate`/);
  });

  test('required keys sort first, with their type and "required"', () => {
    const { entries } = complete(`${head}spec:\n  |\n`);
    assert.deepEqual(sorted(entries).slice(0, 2), ['selector', 'template']);
    assert.equal(entry(entries, 'template').detail, 'PodTemplateSpec · required');
    assert.equal(entry(entries, 'minReadySeconds').detail, 'integer');
  });

  test('keys already written are left out; read-only metadata and status are never proposed', () => {
    const { entries } = complete(`${head}metadata:\n  name: a\n  |\nspec: {}\n`);
    const names = labels(entries);
    assert.ok(names.includes('namespace') && names.includes('labels'));
    for (const hidden of ['name', 'uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields']) assert.ok(!names.includes(hidden), hidden);
    const root = labels(complete(`${head}|\n`).entries);
    assert.deepEqual(root.sort(), ['metadata', 'spec']);
  });

  test('a list key inserts a list item snippet (tolerations: key, operator, effect)', () => {
    const { entries } = complete(`${head}spec:\n  template:\n    spec:\n      tol|\n`);
    assert.equal(
      entry(entries, 'tolerations').insertText,
      'tolerations:\n  - key: $1\n    operator: ${2|Exists,Equal|}\n    effect: ${3|NoSchedule,PreferNoSchedule,NoExecute|}',
    );
    assert.equal(entry(entries, 'tolerations').detail, '[]Toleration');
  });

  test('list snippets follow the document\'s sequence style (compact `key:\\n- item`)', () => {
    const { entries } = complete(`${head}spec:\n  template:\n    spec:\n      volumes:\n      - name: a\n      tol|\n`);
    assert.match(entry(entries, 'tolerations').insertText, /^tolerations:\n- key: \$1\n {2}operator:/);
  });

  test('an object key inserts its structure: curated bodies, or an indented line that asks again', () => {
    const { entries } = complete(`${head}spec:\n  |\n`);
    assert.equal(entry(entries, 'updateStrategy').insertText, 'updateStrategy:\n  type: ${1|RollingUpdate,OnDelete|}\n  rollingUpdate:\n    maxUnavailable: ${2:1}');
    assert.equal(entry(entries, 'template').insertText, 'template:\n  $0');
    assert.equal(entry(entries, 'template').retrigger, true);
  });

  test('inside a list item the snippet lines are indented to the item\'s key column', () => {
    const { entries } = complete(`${head}spec:\n  template:\n    spec:\n      containers:\n        - res|\n`);
    // The line's indentation is 8 (the dash); the item's keys are at 10, so continuation lines get 2 more.
    assert.equal(entry(entries, 'resources').insertText, 'resources:\n    requests:\n      cpu: ${1:50m}\n      memory: ${2:64Mi}\n    limits:\n      memory: ${3:128Mi}');
  });

  test('a key whose colon is already written inserts its name only', () => {
    const { text, entries } = complete(`${head}spec:\n  updateStrategy:\n    ty|pe: OnDelete\n`);
    const type = entry(entries, 'type');
    assert.equal(type.insertText, 'type');
    assert.equal(type.snippet, false);
    assert.equal(replaced(text, type), 'type');
  });

  test('scalar keys with proposals ask again after insertion; booleans offer a choice', () => {
    const { entries } = complete(`${head}spec:\n  template:\n    spec:\n      |\n`);
    assert.equal(entry(entries, 'priorityClassName').insertText, 'priorityClassName: $0');
    assert.equal(entry(entries, 'priorityClassName').retrigger, true);
    assert.equal(entry(entries, 'hostNetwork').insertText, 'hostNetwork: ${1|true,false|}');
    assert.equal(entry(entries, 'serviceAccount').deprecated, true);
    assert.ok(sorted(entries).indexOf('serviceAccount') > sorted(entries).indexOf('volumes'), 'deprecated keys sort last');
  });

  test('an empty list item of objects proposes the whole item first, then its keys', () => {
    const { entries } = complete(`${head}spec:\n  template:\n    spec:\n      tolerations:\n        - |\n`);
    const whole = entries[0]!;
    assert.equal(whole.label, 'Toleration (key, operator, effect)');
    assert.equal(whole.insertText, 'key: $1\n  operator: ${2|Exists,Equal|}\n  effect: ${3|NoSchedule,PreferNoSchedule,NoExecute|}');
    assert.ok(labels(entries).includes('tolerationSeconds'));
  });

  test('with schemaValidation off there are no schema keys, but cluster keys stay', () => {
    assert.deepEqual(complete(`${head}spec:\n  |\n`, { schemaKeys: false }).entries, []);
    const selector = complete(`${head}spec:\n  template:\n    spec:\n      nodeSelector:\n        |\n`, { schemaKeys: false });
    assert.ok(labels(selector.entries).includes('ssd=true'));
  });

  test('keys of unknown places (a typo in the path) give nothing', () => {
    assert.deepEqual(complete(`${head}spec:\n  tempalte:\n    |\n`).entries, []);
  });
});
