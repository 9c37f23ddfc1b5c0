import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, validDaemonSet } from '../../../helpers/analysis';

test('two DaemonSets with one name and namespace in a file: a warning on the earlier name (kubectl apply keeps the last)', () => {
  const text = `${validDaemonSet}---\n${validDaemonSet}`;
  const findings = analyse(text).findings;
  assert.deepEqual(findings.map((f) => [f.code, f.severity, text.slice(f.span.start, f.span.end), f.span.start < validDaemonSet.length]), [['daemonset.duplicate-name', 'warning', 'agent', true]]);
  assert.match(findings[0]!.message, /monitoring\/agent comes later in this file \(line 38\)/);
});

test('same name in another namespace, or a missing namespace against default, or one DaemonSet: no warning', () => {
  const other = validDaemonSet.replace('namespace: monitoring', 'namespace: logging');
  assert.deepEqual(analyse(`${validDaemonSet}---\n${other}`).findings, []);
  const noNamespace = validDaemonSet.replace('  namespace: monitoring\n', '');
  const defaulted = validDaemonSet.replace('namespace: monitoring', 'namespace: default');
  assert.deepEqual(analyse(`${noNamespace}---\n${defaulted}`).findings.map((f) => f.code), ['daemonset.duplicate-name']);
  assert.deepEqual(analyse(validDaemonSet).findings, []);
});
