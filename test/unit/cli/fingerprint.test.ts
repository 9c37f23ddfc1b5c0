import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticCode } from '../../../server/src/analysis/codes';
import type { Finding } from '../../../server/src/analysis/types';
import { findingIdentity, fingerprints, withoutLineNumbers } from '../../../server/src/cli/fingerprint';
import { analyse, validDaemonSet } from '../../helpers/analysis';

describe('SARIF fingerprints (daemonscope/v1)', () => {
  test('line references are dropped from messages', () => {
    assert.equal(withoutLineNumbers('Another DaemonSet monitoring/agent comes later in this file (line 42): rename'), 'Another DaemonSet monitoring/agent comes later in this file (line): rename');
    assert.equal(withoutLineNumbers('overlaps a (line 3), b (line 17) and lines 4 and 9'), 'overlaps a (line), b (line) and lines');
    assert.equal(withoutLineNumbers('port 9100 on 3 nodes'), 'port 9100 on 3 nodes');
  });

  test('identity: the DaemonSet and the YAML path, list items by name; no positions', () => {
    const text = validDaemonSet.replace('maxUnavailable: 1', 'maxUnavilable: 1').replace('          ports:\n', '          env:\n            - name: "A=B"\n          ports:\n');
    const analysis = analyse(text);
    const identities = analysis.findings.map((f) => [f.code, JSON.parse(findingIdentity(analysis, f))]);
    assert.deepEqual(identities, [
      ['schema.unknown-field', ['monitoring/agent', 'spec.updateStrategy.rollingUpdate.maxUnavilable']],
      ['daemonset.pod-template-invalid', ['monitoring/agent', 'spec.template.spec.containers[name=agent].env[name=A=B].name']],
    ]);
    // Outside every DaemonSet: the message.
    const outside = analyse(`kind: ConfigMap\nmetadata: {name: x}\n---\n${validDaemonSet}`);
    const finding: Finding = { code: DiagnosticCode.YamlSyntax, severity: 'error', message: 'Bad indentation at line 1', span: { start: 0, end: 4 } };
    assert.deepEqual(JSON.parse(findingIdentity(outside, finding)), ['', 'message: Bad indentation at line']);
  });

  test('distinct within a run: a shared identity is told apart by message, then by order', () => {
    const input = (identity: string, message: string) => ({ ruleId: 'r', uri: 'a.yaml', identity, message });
    const prints = fingerprints([input('x', 'm'), input('x', 'n'), input('y', 'm'), input('y', 'm'), input('z', 'm')]);
    assert.equal(new Set(prints).size, 5);
    // A lone result does not depend on its message; a shared one keeps its value when others are added after it.
    assert.equal(fingerprints([input('z', 'other')])[0], prints[4]);
    assert.deepEqual(fingerprints([input('y', 'm'), input('y', 'm')]), prints.slice(2, 4));
    // Rule and file count.
    assert.notEqual(fingerprints([{ ...input('z', 'm'), ruleId: 's' }])[0], prints[4]);
    assert.notEqual(fingerprints([{ ...input('z', 'm'), uri: 'b.yaml' }])[0], prints[4]);
  });
});
