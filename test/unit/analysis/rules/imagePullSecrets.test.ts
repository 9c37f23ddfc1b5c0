import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../../helpers/analysis';
import { lineAt, offsetOf } from '../../../helpers/text';
import { type Spotted, spotted, withPodSpec } from './variant';

const duplicate = 'daemonset.image-pull-secret-duplicate';
const empty = 'daemonset.image-pull-secret-empty';


/** The findings of this rule in `text`. */
const findingsOf = (text: string): Spotted[] => spotted(text, duplicate, empty);


describe('imagePullSecrets (pkg/api/pod/warnings.go warningsForPodSpecAndMeta, "duplicate imagePullSecrets", "imagePullSecrets with empty name")', () => {
  test('a name listed twice: a warning on the later name, naming the Secret and the first line; not an error', () => {
    const text = withPodSpec('      imagePullSecrets:\n        - name: regcred\n        - name: mirror\n        - name: regcred\n');
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((f) => [f.code, f.text, f.start, f.severity]), [[duplicate, 'regcred', offsetOf(text, 'regcred', 1), 'warning']]);
    const firstLine = lineAt(text, offsetOf(text, 'regcred'));
    assert.equal(firstLine, 36);
    assert.equal(findings[0]!.message, `Image pull secret \`regcred\` is listed again (first on line ${firstLine}): the API server warns about a duplicate name. Remove this entry.`);
    assert.match(findings[0]!.message, /^[\x20-\x7e]*$/);
    assert.deepEqual(analyse(text).findings.filter((f) => f.severity === 'error'), []);
  });

  test('an entry without a name, with name: "" or with a null name: each an empty-name warning, never a duplicate', () => {
    const text = withPodSpec('      imagePullSecrets:\n        - name: ""\n        - {}\n        - name:\n        - name: ""\n');
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((f) => [f.code, f.text]), [
      [empty, '""'],
      [empty, '{}'],
      [empty, 'name:'],
      [empty, '""'],
    ]);
    assert.deepEqual(findings.map((f) => f.start), [offsetOf(text, '""'), offsetOf(text, '{}'), offsetOf(text, 'name:\n'), offsetOf(text, '""', 1)]);
    assert.match(findings[0]!.message, /has no name: the API server warns \(invalid empty name\)/);
  });

  test('flow style: on the later name', () => {
    const text = withPodSpec('      imagePullSecrets: [{name: ghcr}, {name: ghcr}]\n');
    assert.deepEqual(findingsOf(text).map((f) => [f.code, f.text, f.start]), [[duplicate, 'ghcr', offsetOf(text, 'ghcr', 1)]]);
  });

  test('no finding for distinct names, one entry, an empty list, or a name that is not a string', () => {
    assert.deepEqual(findingsOf(withPodSpec('      imagePullSecrets:\n        - name: a\n        - name: b\n')), []);
    assert.deepEqual(findingsOf(withPodSpec('      imagePullSecrets:\n        - name: a\n')), []);
    assert.deepEqual(findingsOf(withPodSpec('      imagePullSecrets: []\n')), []);
    assert.deepEqual(findingsOf(withPodSpec('      imagePullSecrets:\n        - name: 5\n        - name: 5\n')), []);
  });
});
