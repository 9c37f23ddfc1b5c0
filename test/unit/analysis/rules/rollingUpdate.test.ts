import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, check } from '../../../helpers/analysis';
import { variant } from './variant';

const surgeAlone = variant(['      maxUnavailable: 1\n', '      maxSurge: 1\n']);

// pkg/apis/apps/validation/validation.go ValidateRollingUpdateDaemonSet, defaults.go SetDefaults_DaemonSet
describe('rollingUpdate (ValidateRollingUpdateDaemonSet)', () => {
  test('maxSurge: 1 alone is rejected (maxUnavailable defaults to 1): on maxSurge, saying to add maxUnavailable: 0', () => {
    const findings = analyse(surgeAlone).findings;
    assert.deepEqual(findings.map((f) => [f.code, f.severity, surgeAlone.slice(f.span.start, f.span.end)]), [['daemonset.rolling-update-both-set', 'error', 'maxSurge']]);
    assert.match(findings[0]!.message, /defaults to 1/);
    assert.match(findings[0]!.message, /`maxUnavailable: 0`/);
    assert.deepEqual(findings[0]!.data, { written: { maxUnavailable: false, maxSurge: true } });
  });

  test('surge with maxUnavailable: 0 (or "0%") is the valid way to surge', () => {
    assert.deepEqual(check(variant(['      maxUnavailable: 1\n', '      maxUnavailable: 0\n      maxSurge: 1\n'])), []);
    assert.deepEqual(check(variant(['      maxUnavailable: 1\n', '      maxUnavailable: "0%"\n      maxSurge: "10%"\n'])), []);
  });

  test('both written non-zero: "may not be set when maxUnavailable is non-zero"', () => {
    const text = variant(['      maxUnavailable: 1\n', '      maxUnavailable: 2\n      maxSurge: 25%\n']);
    const findings = analyse(text).findings;
    assert.deepEqual(findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)]), [['daemonset.rolling-update-both-set', 'maxSurge']]);
    assert.match(findings[0]!.message, /may not be set when `maxUnavailable` is non-zero/);
  });

  test('both zero: on maxUnavailable', () => {
    for (const zero of ['0', '"0%"']) {
      const text = variant(['      maxUnavailable: 1\n', `      maxUnavailable: ${zero}\n`]);
      assert.deepEqual(check(text).map((f) => [f.code, f.text]), [['daemonset.rolling-update-both-zero', 'maxUnavailable']]);
    }
    const explicit = variant(['      maxUnavailable: 1\n', '      maxUnavailable: 0\n      maxSurge: 0\n']);
    assert.deepEqual(check(explicit).map((f) => f.code), ['daemonset.rolling-update-both-zero']);
  });

  test('bad values: negative, over 100%, a string that is not a percentage (on the value)', () => {
    const cases: [string, string][] = [
      ['-1', '-1'],
      ['"150%"', '"150%"'],
      ['"2"', '"2"'],
      ['"-5%"', '"-5%"'],
    ];
    for (const [value, text] of cases) {
      const doc = variant(['      maxUnavailable: 1\n', `      maxUnavailable: ${value}\n`]);
      const findings = check(doc).filter((f) => f.code === 'daemonset.rolling-update-value');
      assert.deepEqual(findings.map((f) => f.text), [text], value);
    }
    const quoted = analyse(variant(['      maxUnavailable: 1\n', '      maxUnavailable: "2"\n'])).findings;
    assert.match(quoted[0]!.message, /Write 2 without quotes/);
  });

  test('OnDelete with rollingUpdate: a warning on rollingUpdate (ignored); OnDelete alone is fine', () => {
    const text = variant(['    type: RollingUpdate\n', '    type: OnDelete\n']);
    assert.deepEqual(check(text), [{ code: 'daemonset.rolling-update-ignored', severity: 'warning', text: 'rollingUpdate' }]);
    const alone = variant(['    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n', '    type: OnDelete\n']);
    assert.deepEqual(check(alone), []);
    // OnDelete checks nothing else: even both-zero values are accepted.
    const zeros = variant(['    type: RollingUpdate\n', '    type: OnDelete\n'], ['maxUnavailable: 1', 'maxUnavailable: 0']);
    assert.deepEqual(check(zeros).map((f) => f.code), ['daemonset.rolling-update-ignored']);
  });

  test('no updateStrategy, or an empty rollingUpdate: the defaults are valid', () => {
    assert.deepEqual(check(variant(['  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n', ''])), []);
    assert.deepEqual(check(variant(['    rollingUpdate:\n      maxUnavailable: 1\n', '    rollingUpdate: {}\n'])), []);
  });
});
