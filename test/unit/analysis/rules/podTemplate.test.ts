import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, check } from '../../../helpers/analysis';
import { offsetOf } from '../../../helpers/text';
import { applyFix, fixesFor } from '../codeActions/fixes';
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

// pkg/apis/core/validation/validation.go: ValidatePodTemplateSpec (ephemeral containers),
// validateContainers / validateInitContainers (unique names), ValidateVolumes, ValidateVolumeMounts.
describe('generic pod template validation (ValidatePodTemplateSpec)', () => {
  const withVolume = variant(
    ['              memory: 128Mi\n', '              memory: 128Mi\n          volumeMounts:\n            - name: varlog\n              mountPath: /var/log\n'],
    ['      priorityClassName:', '      volumes:\n        - name: varlog\n          hostPath: {path: /var/log}\n      priorityClassName:'],
  );

  test('a mount of a defined volume is fine', () => {
    assert.deepEqual(check(withVolume), []);
  });

  test('a volume mount naming no volume: on the name, with a did-you-mean and a quick fix', () => {
    const text = withVolume.replace('            - name: varlog', '            - name: varlgo');
    assert.deepEqual(check(text), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: 'varlgo' }]);
    assert.match(analyse(text).findings[0]!.message, /Did you mean `varlog`\?/);
    assert.equal(applyFix(text, 'daemonset.pod-template-invalid'), withVolume);
    // No volumes at all: said so, and no fix.
    const noVolumes = withVolume.replace('      volumes:\n        - name: varlog\n          hostPath: {path: /var/log}\n', '');
    assert.match(analyse(noVolumes).findings[0]!.message, /The pod has no `volumes`/);
    assert.deepEqual(fixesFor(noVolumes, 'daemonset.pod-template-invalid'), []);
  });

  test('a mount path used twice in one container: on the second path', () => {
    const text = withVolume.replace('              mountPath: /var/log\n', '              mountPath: /var/log\n            - name: varlog\n              mountPath: /var/log\n');
    assert.deepEqual(check(text), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: '/var/log' }]);
    assert.equal(analyse(text).findings[0]!.span.start, offsetOf(text, '/var/log\n', 1));
  });

  test('two containers (an init container included) or two volumes with one name: on the later name', () => {
    const containers = variant(['      containers:\n', '      initContainers:\n        - name: agent\n          image: busybox:1.36\n      containers:\n']);
    assert.deepEqual(check(containers), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: 'agent' }]);
    assert.equal(analyse(containers).findings[0]!.span.start, offsetOf(containers, 'name: agent', 2) + 'name: '.length);
    const volumes = withVolume.replace('          hostPath: {path: /var/log}\n', '          hostPath: {path: /var/log}\n        - name: varlog\n          emptyDir: {}\n');
    assert.deepEqual(check(volumes), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: 'varlog' }]);
    assert.equal(analyse(volumes).findings[0]!.span.start, offsetOf(volumes, 'varlog', 2));
  });

  test('ephemeralContainers in the template: on the key', () => {
    const text = variant(['      containers:\n', '      ephemeralContainers:\n        - name: debug\n          image: busybox:1.36\n      containers:\n']);
    assert.deepEqual(check(text), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: 'ephemeralContainers' }]);
    assert.deepEqual(check(variant(['      containers:\n', '      ephemeralContainers: []\n      containers:\n'])), []);
  });
});
