import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, validDaemonSet } from '../../helpers/analysis';

const twoMistakes = validDaemonSet.replace('  selector:\n', '  replicas: 3\n  selector:\n').replace('maxUnavailable: 1', 'maxUnavilable: 1');

test('daemonscope-disable-next-line silences the named code on the next line only', () => {
  const text = twoMistakes.replace('  replicas: 3\n', '  # daemonscope-disable-next-line daemonset.replicas\n  replicas: 3\n');
  assert.deepEqual(check(text).map((f) => f.code), ['schema.unknown-field']);
});

test('a disable comment for another code silences nothing', () => {
  const text = twoMistakes.replace('  replicas: 3\n', '  # daemonscope-disable-next-line schema.type\n  replicas: 3\n');
  assert.deepEqual(check(text).map((f) => f.code), ['daemonset.replicas', 'schema.unknown-field']);
});

test('a disable comment without codes silences every finding on the next line; codes may be listed', () => {
  const bare = twoMistakes.replace('      maxUnavilable', '      # daemonscope-disable-next-line\n      maxUnavilable');
  assert.deepEqual(check(bare).map((f) => f.code), ['daemonset.replicas']);
  const listed = twoMistakes.replace('      maxUnavilable', '      # daemonscope-disable-next-line schema.type, schema.unknown-field -- tutorial typo\n      maxUnavilable');
  assert.deepEqual(check(listed).map((f) => f.code), ['daemonset.replicas']);
});

test('per-rule severities: off drops, information and warning remap', () => {
  assert.deepEqual(check(twoMistakes, { rules: { 'daemonset.replicas': 'off' } }).map((f) => f.code), ['schema.unknown-field']);
  assert.deepEqual(
    check(twoMistakes, { rules: { 'daemonset.replicas': 'information', 'schema.unknown-field': 'warning' } }).map((f) => f.severity),
    ['info', 'warning'],
  );
});
