import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, check, validDaemonSet } from '../../../helpers/analysis';
import { variant } from './variant';

// pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec
describe('selector (ValidateDaemonSetSpec)', () => {
  test('a selector that matches the template labels is fine, with or without expressions', () => {
    assert.deepEqual(check(validDaemonSet), []);
    const expressions = variant(['    matchLabels:\n      app: agent\n', '    matchExpressions:\n      - {key: app, operator: In, values: [agent, agent2]}\n      - {key: tier, operator: DoesNotExist}\n']);
    assert.deepEqual(check(expressions), []);
  });

  test('mismatch: on the selector key, naming the label that differs', () => {
    const text = variant(['        app: agent\n', '        app: agnet\n']);
    const findings = analyse(text).findings;
    assert.deepEqual(findings.map((f) => [f.code, f.severity, text.slice(f.span.start, f.span.end)]), [['daemonset.selector-mismatch', 'error', 'selector']]);
    assert.match(findings[0]!.message, /wants app=agent and the template has app=agnet/);
    assert.equal(findings[0]!.fixable, true);
    assert.deepEqual(findings[0]!.data, { entries: [{ key: 'app', selector: 'agent', template: 'agnet' }], labels: { app: 'agnet' } });
  });

  test('mismatch: a label the template does not have; missing template labels', () => {
    const extra = variant(['      app: agent\n  updateStrategy', '      app: agent\n      tier: node\n  updateStrategy']);
    const [finding] = analyse(extra).findings;
    assert.equal(finding!.code, 'daemonset.selector-mismatch');
    assert.match(finding!.message, /the template has no label tier/);
    const noLabels = variant(['    metadata:\n      labels:\n        app: agent\n', '']);
    assert.deepEqual(check(noLabels).map((f) => f.code), ['daemonset.selector-mismatch']);
  });

  test('mismatch through matchExpressions: reported, not fixable', () => {
    const text = variant(['    matchLabels:\n      app: agent\n', '    matchExpressions:\n      - {key: app, operator: NotIn, values: [agent]}\n']);
    const [finding] = analyse(text).findings;
    assert.equal(finding!.code, 'daemonset.selector-mismatch');
    assert.match(finding!.message, /wants app notin \(agent\)/);
    assert.equal(finding!.fixable, false);
  });

  test('empty selector: "empty selector is invalid for daemonset", fixable from the template labels', () => {
    const text = variant(['  selector:\n    matchLabels:\n      app: agent\n', '  selector: {}\n']);
    const findings = analyse(text).findings;
    assert.deepEqual(findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)]), [['daemonset.selector-empty', 'selector']]);
    assert.equal(findings[0]!.fixable, true);
    const matchLabelsEmpty = variant(['    matchLabels:\n      app: agent\n', '    matchLabels: {}\n']);
    assert.deepEqual(check(matchLabelsEmpty).map((f) => f.code), ['daemonset.selector-empty']);
  });

  test('missing selector is schema.required only (apps/v1), not a mismatch too', () => {
    const text = variant(['  selector:\n    matchLabels:\n      app: agent\n', '']);
    assert.deepEqual(check(text).map((f) => f.code), ['schema.required']);
  });

  test('invalid requirements (ValidateLabelSelector): no values for In, values for Exists, bad keys and values', () => {
    const text = variant([
      '    matchLabels:\n      app: agent\n',
      '    matchLabels:\n      app: agent\n    matchExpressions:\n      - {key: a, operator: In, values: []}\n      - {key: b, operator: Exists, values: [x]}\n      - {key: "-bad", operator: Exists}\n',
    ]);
    const findings = check(text).filter((f) => f.code === 'daemonset.selector-invalid');
    assert.deepEqual(findings.map((f) => f.text), ['[]', '[x]', '"-bad"']);
    // An invalid selector is not evaluated (LabelSelectorAsSelector fails), so no mismatch either.
    assert.deepEqual(check(text).map((f) => f.code), ['daemonset.selector-invalid', 'daemonset.selector-invalid', 'daemonset.selector-invalid']);
  });
});
