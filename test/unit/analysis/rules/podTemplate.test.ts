import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../helpers/analysis';
import { variant } from './variant';

// pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec
describe('pod template rules (ValidateDaemonSetSpec)', () => {
  test('restartPolicy other than Always: on the value; Always and absent are fine', () => {
    for (const policy of ['OnFailure', 'Never']) {
      const text = variant(['      containers:\n', `      restartPolicy: ${policy}\n      containers:\n`]);
      assert.deepEqual(check(text), [{ code: 'daemonset.restart-policy', severity: 'error', text: policy }]);
    }
    assert.deepEqual(check(variant(['      containers:\n', '      restartPolicy: Always\n      containers:\n'])), []);
    // Not in the enum at all: the schema says so, once.
    assert.deepEqual(check(variant(['      containers:\n', '      restartPolicy: Sometimes\n      containers:\n'])).map((f) => f.code), ['schema.enum']);
  });

  test('activeDeadlineSeconds: forbidden, on the key', () => {
    const text = variant(['      containers:\n', '      activeDeadlineSeconds: 600\n      containers:\n']);
    assert.deepEqual(check(text), [{ code: 'daemonset.active-deadline-seconds', severity: 'error', text: 'activeDeadlineSeconds' }]);
  });

  test('negative minReadySeconds or revisionHistoryLimit: on the value; zero is valid', () => {
    const text = variant(['  updateStrategy:\n', '  minReadySeconds: -5\n  revisionHistoryLimit: -1\n  updateStrategy:\n']);
    assert.deepEqual(check(text).map((f) => [f.code, f.text]), [
      ['daemonset.negative-value', '-5'],
      ['daemonset.negative-value', '-1'],
    ]);
    assert.deepEqual(check(variant(['  updateStrategy:\n', '  minReadySeconds: 0\n  revisionHistoryLimit: 0\n  updateStrategy:\n'])), []);
  });
});
