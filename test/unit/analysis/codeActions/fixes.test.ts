import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check, practiceOff, validDaemonSet } from '../../../helpers/analysis';
import { dedent } from '../../../helpers/text';
import { variant } from '../rules/variant';
import { applyFix, fixesFor } from './fixes';

describe('schema fixes', () => {
  test('unknown field with a did-you-mean: rename the key only', () => {
    const text = variant(['maxUnavailable: 1', 'maxUnavilable: 1']);
    assert.equal(applyFix(text, 'schema.unknown-field'), validDaemonSet);
    assert.deepEqual(fixesFor(text, 'schema.unknown-field').map((f) => [f.title, f.isPreferred]), [['Rename `maxUnavilable` to `maxUnavailable`', true]]);
  });

  test('bad enum value with a did-you-mean: replace the value, keeping quotes', () => {
    assert.equal(applyFix(variant(['type: RollingUpdate', 'type: Rollingupdate']), 'schema.enum'), validDaemonSet);
    assert.equal(applyFix(variant(['type: RollingUpdate', 'type: "rollingupdate"']), 'schema.enum'), variant(['type: RollingUpdate', 'type: "RollingUpdate"']));
  });

  test('missing spec.selector: added from the template labels, before template', () => {
    const text = variant(['  selector:\n    matchLabels:\n      app: agent\n', '']);
    assert.equal(applyFix(text, 'schema.required'), validDaemonSet);
  });
});

describe('DaemonSet rule fixes', () => {
  test('replicas: the whole line goes, comments around it stay', () => {
    const text = variant(['  selector:\n', '  # not for DaemonSets\n  replicas: 3 # three\n  selector:\n']);
    assert.equal(applyFix(text, 'daemonset.replicas'), variant(['  selector:\n', '  # not for DaemonSets\n  selector:\n']));
  });

  test('maxSurge alone: the preferred fix adds maxUnavailable: 0 above it; removing maxSurge is the other', () => {
    const text = variant(['      maxUnavailable: 1\n', '      maxSurge: 1\n']);
    assert.deepEqual(fixesFor(text, 'daemonset.rolling-update-both-set').map((f) => [f.title, f.isPreferred]), [
      ['Add `maxUnavailable: 0` to keep the surge', true],
      ['Remove `maxSurge` (replace pods one at a time)', false],
    ]);
    assert.equal(applyFix(text, 'daemonset.rolling-update-both-set'), variant(['      maxUnavailable: 1\n', '      maxUnavailable: 0\n      maxSurge: 1\n']));
    const removed = applyFix(text, 'daemonset.rolling-update-both-set', /Remove/);
    assert.equal(removed, variant(['    rollingUpdate:\n      maxUnavailable: 1\n', '    rollingUpdate:\n']));
    assert.deepEqual(check(removed), []);
  });

  test('both written non-zero: set maxUnavailable to 0 or remove maxSurge, neither preferred', () => {
    const text = variant(['      maxUnavailable: 1\n', '      maxUnavailable: 2\n      maxSurge: 1\n']);
    const fixes = fixesFor(text, 'daemonset.rolling-update-both-set');
    assert.deepEqual(fixes.map((f) => f.isPreferred), [false, false]);
    assert.equal(applyFix(text, 'daemonset.rolling-update-both-set', /Set/), variant(['      maxUnavailable: 1\n', '      maxUnavailable: 0\n      maxSurge: 1\n']));
  });

  test('both zero: set maxUnavailable: 1', () => {
    assert.equal(applyFix(variant(['maxUnavailable: 1', 'maxUnavailable: 0']), 'daemonset.rolling-update-both-zero'), validDaemonSet);
    const flow = variant(['    rollingUpdate:\n      maxUnavailable: 1\n', '    rollingUpdate: {maxUnavailable: "0%", maxSurge: 0}\n']);
    assert.equal(applyFix(flow, 'daemonset.rolling-update-both-zero'), variant(['    rollingUpdate:\n      maxUnavailable: 1\n', '    rollingUpdate: {maxUnavailable: 1, maxSurge: 0}\n']));
  });

  test('selector mismatch: two fixes, labels or selector; a missing label is added', () => {
    const text = variant(['        app: agent\n', '        app: agnet\n']);
    const fixes = fixesFor(text, 'daemonset.selector-mismatch');
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [
      ['Change the template labels to match `spec.selector`', false],
      ['Change `spec.selector` to match the template labels', false],
    ]);
    assert.equal(applyFix(text, 'daemonset.selector-mismatch', /template labels to match/), validDaemonSet);
    assert.equal(applyFix(text, 'daemonset.selector-mismatch', /selector` to match/), variant(['      app: agent\n', '      app: agnet\n'], ['        app: agent\n', '        app: agnet\n']));
    const missing = variant(['      app: agent\n  updateStrategy', '      app: agent\n      tier: node\n      zone: a\n  updateStrategy']);
    assert.deepEqual(fixesFor(missing, 'daemonset.selector-mismatch').map((f) => f.title), ['Change the template labels to match `spec.selector`']);
    const fixed = applyFix(missing, 'daemonset.selector-mismatch', /template labels/);
    assert.equal(fixed, missing.replace('        app: agent\n', '        app: agent\n        tier: node\n        zone: a\n'));
    assert.deepEqual(check(fixed), []);
  });

  test('empty selector: matchLabels from the template labels (flow {} stays flow)', () => {
    const text = variant(['  selector:\n    matchLabels:\n      app: agent\n', '  selector: {}\n']);
    assert.equal(applyFix(text, 'daemonset.selector-empty'), variant(['  selector:\n    matchLabels:\n      app: agent\n', '  selector: {matchLabels: {app: agent}}\n']));
    const nullLabels = variant(['    matchLabels:\n      app: agent\n', '    matchLabels:\n']);
    assert.equal(applyFix(nullLabels, 'daemonset.selector-empty'), validDaemonSet);
  });

  test('restartPolicy and activeDeadlineSeconds', () => {
    const policy = variant(['      containers:\n', '      restartPolicy: OnFailure\n      containers:\n']);
    assert.equal(applyFix(policy, 'daemonset.restart-policy'), variant(['      containers:\n', '      restartPolicy: Always\n      containers:\n']));
    const deadline = variant(['      containers:\n', '      activeDeadlineSeconds: 30\n      containers:\n']);
    assert.equal(applyFix(deadline, 'daemonset.active-deadline-seconds'), validDaemonSet);
  });

  test('rollingUpdate with OnDelete: remove it, or switch the type', () => {
    const text = variant(['type: RollingUpdate', 'type: OnDelete']);
    assert.equal(applyFix(text, 'daemonset.rolling-update-ignored', /type/), validDaemonSet);
    assert.equal(applyFix(text, 'daemonset.rolling-update-ignored', /Remove/), variant(['    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n', '    type: OnDelete\n']));
  });

  test('removed apiVersion: apps/v1, plus spec.selector from the labels when missing', () => {
    const old = dedent(`
      apiVersion: extensions/v1beta1
      kind: DaemonSet
      metadata:
        name: old
      spec:
        template:
          metadata:
            labels:
              app: old
          spec:
            containers:
            - name: c
              image: c:1
    `);
    const fixed = applyFix(old, 'daemonset.api-version-removed');
    assert.equal(fixed, old.replace('extensions/v1beta1', 'apps/v1').replace('spec:\n  template:', 'spec:\n  selector:\n    matchLabels:\n      app: old\n  template:'));
    assert.deepEqual(check(fixed, { rules: practiceOff }), []);
  });
});

describe('style is kept', () => {
  test('four-space indentation, unindented sequences and CRLF line ends', () => {
    const text = dedent(`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
          name: ds
      spec:
          selector:
              matchLabels:
                  app: web
          template:
              metadata:
                  labels:
                      app: db
              spec:
                  containers:
                  - name: c
                    image: c:1
    `).replace(/\n/g, '\r\n');
    const fixed = applyFix(text, 'daemonset.selector-mismatch', /template labels/);
    assert.equal(fixed, text.replace('app: db', 'app: web'));
    const extra = text.replace('            app: web\r\n', '            app: web\r\n            tier: t\r\n');
    const added = applyFix(extra, 'daemonset.selector-mismatch', /template labels/);
    assert.equal(added, extra.replace('                app: db\r\n', '                app: web\r\n                tier: t\r\n'));
  });
});
