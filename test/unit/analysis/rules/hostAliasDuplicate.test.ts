import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../../helpers/analysis';
import { lineAt, offsetOf } from '../../../helpers/text';
import { fixesFor } from '../codeActions/fixes';
import { type Spotted, spotted, withPodSpec } from './variant';

const code = 'daemonset.host-alias-duplicate';


/** The findings of this rule in `text`. */
const findingsOf = (text: string): Spotted[] => spotted(text, code);


describe('duplicate hostAliases IPs (pkg/api/pod/warnings.go warningsForPodSpecAndMeta, "duplicate hostAliases")', () => {
  test('an IP listed twice: a warning on the later ip, naming the IP and the first line; not an error', () => {
    const text = withPodSpec(
      '      hostAliases:\n        - ip: 10.0.0.1\n          hostnames: [a.local]\n        - ip: 10.0.0.2\n          hostnames: [b.local]\n        - ip: 10.0.0.1\n          hostnames: [c.local]\n',
    );
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((f) => [f.text, f.start, f.severity]), [['10.0.0.1', offsetOf(text, '10.0.0.1', 1), 'warning']]);
    const firstLine = lineAt(text, offsetOf(text, '10.0.0.1'));
    assert.equal(firstLine, 36);
    assert.equal(findings[0]!.message, `Host alias IP \`10.0.0.1\` is listed again (first on line ${firstLine}): the API server warns about a duplicate ip, and /etc/hosts gets it twice. Move these hostnames to the first entry.`);
    assert.match(findings[0]!.message, /^[\x20-\x7e]*$/);
    assert.deepEqual(analyse(text).findings.filter((f) => f.severity === 'error'), []);
    assert.deepEqual(fixesFor(text, code), []);
  });

  test('three entries with one IP: the second and the third, each pointing at the first', () => {
    const text = withPodSpec('      hostAliases:\n        - ip: 127.0.0.1\n          hostnames: [a]\n        - ip: 127.0.0.1\n          hostnames: [b]\n        - ip: 127.0.0.1\n          hostnames: [c]\n');
    const firstLine = lineAt(text, offsetOf(text, '127.0.0.1'));
    assert.deepEqual(findingsOf(text).map((f) => [f.start, f.message.includes(`(first on line ${firstLine})`)]), [
      [offsetOf(text, '127.0.0.1', 1), true],
      [offsetOf(text, '127.0.0.1', 2), true],
    ]);
  });

  test('flow style: on the later ip', () => {
    const text = withPodSpec('      hostAliases: [{ip: "::1", hostnames: [a]}, {ip: "::1", hostnames: [b]}]\n');
    assert.deepEqual(findingsOf(text).map((f) => [f.text, f.start]), [['"::1"', offsetOf(text, '"::1"', 1)]]);
  });

  test('no finding for distinct IPs, one entry, or entries without a string ip (the schema\'s business)', () => {
    assert.deepEqual(findingsOf(withPodSpec('      hostAliases:\n        - ip: 10.0.0.1\n          hostnames: [a]\n        - ip: 10.0.0.10\n          hostnames: [a]\n')), []);
    assert.deepEqual(findingsOf(withPodSpec('      hostAliases:\n        - ip: 10.0.0.1\n          hostnames: [a]\n')), []);
    assert.deepEqual(findingsOf(withPodSpec('      hostAliases:\n        - hostnames: [a]\n        - hostnames: [b]\n        - ip: 5\n        - ip: 5\n')), []);
  });
});
