import { describe, test } from 'node:test';
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

// apimachinery ValidateObjectMeta: "name or generateName is required"; apiserver registry/rest
// BeforeCreate makes a name from generateName before validating, so generateName alone is valid.
describe('a missing name', () => {
  test('no name: an error on the metadata key; on kind when there is no metadata', () => {
    assert.deepEqual(check(variant(['  name: agent\n', ''])), [{ code: 'daemonset.name-invalid', severity: 'error', text: 'metadata' }]);
    const noMetadata = variant(['metadata:\n  name: agent\n  namespace: monitoring\n', '']);
    assert.deepEqual(check(noMetadata), [{ code: 'daemonset.name-invalid', severity: 'error', text: 'kind' }]);
    assert.deepEqual(check(variant(['metadata:\n  name: agent\n  namespace: monitoring\n', 'metadata: {}\n'])), [{ code: 'daemonset.name-invalid', severity: 'error', text: 'metadata' }]);
  });

  test('an empty or null name: an error on the name', () => {
    assert.deepEqual(check(variant(['name: agent\n', 'name: ""\n'])), [{ code: 'daemonset.name-invalid', severity: 'error', text: '""' }]);
    assert.deepEqual(check(variant(['name: agent\n', 'name:\n'])), [{ code: 'daemonset.name-invalid', severity: 'error', text: 'name' }]);
    assert.deepEqual(check(variant(['name: agent\n', 'name: ~\n'])), [{ code: 'daemonset.name-invalid', severity: 'error', text: '~' }]);
  });

  test('generateName instead of a name is valid; an invalid generateName is an error', () => {
    assert.deepEqual(check(variant(['name: agent\n', 'generateName: agent-\n'])), []);
    assert.deepEqual(check(variant(['name: agent\n', 'generateName: Agent_\n'])), [{ code: 'daemonset.name-invalid', severity: 'error', text: 'Agent_' }]);
    // Validated even beside a name.
    assert.deepEqual(check(variant(['name: agent\n', 'name: agent\n  generateName: -agent\n'])), [{ code: 'daemonset.name-invalid', severity: 'error', text: '-agent' }]);
  });

  test('a missing name in a DaemonSet with a syntax error is not reported (the document is not decoded)', () => {
    assert.ok(check(variant(['  name: agent\n', ''], ['maxUnavailable: 1', 'maxUnavailable: [1'])).every((f) => f.code === 'yaml.syntax'));
  });
});
