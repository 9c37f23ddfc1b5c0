import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../helpers/analysis';
import { variant } from './variant';

// pkg/apis/apps/validation ValidateDaemonSet → ValidateObjectMeta (NameIsDNSSubdomain), ValidateLabels
test('an invalid name or namespace: an error on the value', () => {
  assert.deepEqual(check(variant(['name: agent\n', 'name: Agent_1\n'])), [{ code: 'daemonset.name-invalid', severity: 'error', text: 'Agent_1' }]);
  assert.deepEqual(check(variant(['namespace: monitoring', 'namespace: team.monitoring'])), [{ code: 'daemonset.name-invalid', severity: 'error', text: 'team.monitoring' }]);
  assert.deepEqual(check(variant(['name: agent\n', 'name: agent.example-1\n'])), []);
});

test('invalid label keys or values on the DaemonSet or its template: an error on the key or value', () => {
  const text = variant(['  namespace: monitoring\n', '  namespace: monitoring\n  labels:\n    "bad key": x\n'], ['        app: agent\n', '        app: agent\n        version: "1.0 beta"\n']);
  assert.deepEqual(check(text).map((f) => [f.code, f.text]), [
    ['daemonset.label-invalid', '"bad key"'],
    ['daemonset.label-invalid', '"1.0 beta"'],
  ]);
});
