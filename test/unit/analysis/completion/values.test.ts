import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, entry, head, labels, replaced, sorted } from './helpers';

const podSpec = `${head}spec:\n  template:\n    spec:\n`;

describe('value completion from the schema', () => {
  test('updateStrategy.type: its two values with what each means, replacing what is typed', () => {
    const { text, entries } = complete(`${head}spec:\n  updateStrategy:\n    type: On|\n`);
    assert.deepEqual(labels(entries), ['RollingUpdate', 'OnDelete']);
    assert.match(entry(entries, 'OnDelete').documentation ?? '', /only when someone deletes them/);
    assert.equal(replaced(text, entry(entries, 'OnDelete')), 'On');
  });

  test('right after `key:` values are inserted with a space', () => {
    const { entries } = complete(`${head}spec:\n  updateStrategy:\n    type:|\n`);
    assert.equal(entry(entries, 'OnDelete').insertText, ' OnDelete');
  });

  // The enum table: scripts/schemaEnums.json (values checked against the OpenAPI descriptions).
  for (const [path, key, expected] of [
    ['      containers:\n        - name: a\n          ', 'imagePullPolicy', ['Always', 'Never', 'IfNotPresent']],
    ['      ', 'dnsPolicy', ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']],
    ['      tolerations:\n        - ', 'operator', ['Exists', 'Equal', 'Lt', 'Gt']],
  ] as const) {
    test(`${key}: the allowed values`, () => {
      assert.deepEqual(labels(complete(`${podSpec}${path}${key}: |\n`, { cluster: undefined }).entries), expected);
    });
  }

  test('restartPolicy: only Always, the one value a DaemonSet allows (apps validation ValidateDaemonSetSpec)', () => {
    const { entries } = complete(`${podSpec}      restartPolicy: |\n`);
    assert.deepEqual(labels(entries), ['Always']);
    assert.match(entries[0]!.documentation ?? '', /only value a DaemonSet allows/);
  });

  test('toleration operators behind an alpha gate sort last', () => {
    const { entries } = complete(`${podSpec}      tolerations:\n        - operator: |\n`);
    assert.deepEqual(sorted(entries), ['Exists', 'Equal', 'Lt', 'Gt']);
  });

  test('booleans offer true and false; priorityClassName the two built-in classes', () => {
    assert.deepEqual(labels(complete(`${podSpec}      hostNetwork: |\n`).entries), ['true', 'false']);
    const priority = complete(`${podSpec}      priorityClassName: sys|\n`).entries;
    assert.deepEqual(labels(priority), ['system-node-critical', 'system-cluster-critical']);
    assert.match(priority[0]!.documentation ?? '', /every node/);
  });

  test('apiVersion and kind of a DaemonSet', () => {
    assert.deepEqual(labels(complete(`apiVersion: |\nkind: DaemonSet\n`).entries), ['apps/v1']);
  });

  test('free-text values (image, name) have no proposals', () => {
    assert.deepEqual(complete(`${podSpec}      containers:\n        - name: a\n          image: |\n`).entries, []);
  });

  test('toleration effect without a cluster: the three effects', () => {
    assert.deepEqual(labels(complete(`${podSpec}      tolerations:\n        - key: x\n          effect: |\n`, { cluster: undefined }).entries), ['NoSchedule', 'PreferNoSchedule', 'NoExecute']);
  });
});
