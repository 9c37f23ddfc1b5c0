import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { repoPath } from '../../helpers/paths';
import { analyse } from '../../helpers/analysis';

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
