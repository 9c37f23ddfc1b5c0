import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { repoPath } from '../../helpers/paths';
import { analyse, testValidator } from '../../helpers/analysis';
import { clusterContext } from '../../helpers/cluster';
import { analyseText } from '../../../server/src/analysis/analyse';
import { defaultSettings } from '../../../server/src/protocol';

const corpus = repoPath('test/fixtures/realworld');
const files = readdirSync(corpus).filter((name) => /\.ya?ml$/.test(name)).sort();

test('the real-world corpus is there', () => {
  assert.ok(files.length >= 20, `only ${files.length} files`);
});

for (const name of files) {
  test(`real-world ${name}: no error-severity finding (realworld/SOURCES.md)`, () => {
    const text = readFileSync(`${corpus}/${name}`, 'utf8');
    const result = analyse(text);
    assert.ok(result.daemonSets.length >= 1, 'has a DaemonSet');
    const errors = result.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.code}: ${f.message}`), []);
  });
}

// A diagnostics notification carries every finding of the file on each version: one character
// outside Latin-1 (an em dash) in a message makes its whole JSON a two-byte string, slower to
// encode and, in the editor, to decode and parse (1.4 ms more per publish of the 500-document
// bench file). Messages are plain ASCII; hovers and the preview may use any character.
test('real-world corpus on the embedded cluster: every finding message is ASCII', () => {
  let messages = 0;
  for (const name of files) {
    const text = readFileSync(`${corpus}/${name}`, 'utf8');
    const result = analyseText(text, { options: defaultSettings, validator: testValidator(), cluster: clusterContext() });
    for (const finding of result.findings) {
      messages++;
      assert.match(finding.message, /^[\x20-\x7e]*$/, `${name} ${finding.code}: ${finding.message}`);
    }
  }
  assert.ok(messages > 50, `only ${messages} findings`);
});

test('the templated corpus file gets exactly one information finding', () => {
  const text = readFileSync(repoPath('test/fixtures/realworld/templated/amazon-vpc-cni-k8s-chart-daemonset.yaml'), 'utf8');
  const result = analyse(text);
  assert.equal(result.skipped, 'templated');
  assert.deepEqual(result.findings.map((f) => [f.code, f.severity]), [['file.templated', 'info']]);
});

test('samples: mistakes.yaml gives findings, the others none', () => {
  const samples = readdirSync(repoPath('samples')).filter((name) => name.endsWith('.yaml')).sort();
  assert.ok(samples.includes('mistakes.yaml'));
  for (const name of samples) {
    const findings = analyse(readFileSync(repoPath('samples', name), 'utf8')).findings;
    if (name === 'mistakes.yaml') assert.deepEqual(findings.map((f) => f.code), [
        'daemonset.replicas',
        'daemonset.selector-mismatch',
        'daemonset.rolling-update-both-set',
        'rollout.surge-host-port',
        'daemonset.priority-class-missing',
        'daemonset.host-network-dns',
        'daemonset.memory-limit-missing',
        'daemonset.requests-missing',
        'daemonset.image-latest',
        'schema.enum',
        'schema.unknown-field',
      ]);
    else assert.deepEqual(findings, [], name);
  }
});
