import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, entry, head, labels } from './helpers';

// pkg/apis/apps/validation ValidateDaemonSetSpec: the selector must match the template's labels.
test('matchLabels proposes the pod template labels not written yet, first', () => {
  const { entries } = complete(`${head}spec:\n  selector:\n    matchLabels:\n      tier: node\n      |\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: agent\n        tier: node\n        flag: "true"\n`);
  assert.deepEqual(labels(entries), ['app.kubernetes.io/name: agent', 'flag: true']);
  assert.equal(entry(entries, 'flag: true').insertText, 'flag: "true"');
  assert.equal(entry(entries, 'flag: true').detail, 'a pod template label');
});

test('the template labels propose the selector\'s, in another document of the file too', () => {
  const { entries } = complete(`kind: ConfigMap\n---\n${head}spec:\n  selector:\n    matchLabels:\n      app: agent\n  template:\n    metadata:\n      labels:\n        ap|\n`);
  assert.equal(entry(entries, 'app: agent').insertText, 'app: agent');
  assert.equal(entries[0]!.label, 'app: agent');
});

test('other label maps get nothing mirrored', () => {
  assert.deepEqual(complete(`${head}metadata:\n  labels:\n    |\nspec:\n  selector:\n    matchLabels:\n      app: agent\n`).entries, []);
});
