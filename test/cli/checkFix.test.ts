import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliProcess } from '../helpers/cliProcess';
import { validDaemonSet } from '../helpers/analysis';
import { repoPath } from '../helpers/paths';

const scratch = mkdtempSync(join(tmpdir(), 'daemonscope-fix-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A DaemonSet with three preferred fixes (replicas, a misspelt field, a lone maxSurge) and one without (latest). */
const broken = validDaemonSet
  .replace('  selector:\n', '  replicas: 2\n  selector:\n')
  .replace('      maxUnavailable: 1\n', '      maxSurge: 1\n')
  .replace('          ports:\n', '          imagePullPolicy: Allways\n          ports:\n')
  .replace('image: example/agent:1.0', 'image: example/agent:latest');

const fixed = validDaemonSet
  .replace('      maxUnavailable: 1\n', '      maxUnavailable: 0\n      maxSurge: 1\n')
  .replace('          ports:\n', '          imagePullPolicy: Always\n          ports:\n')
  .replace('image: example/agent:1.0', 'image: example/agent:latest');

function copy(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('check --fix', () => {
  test('--dry-run prints the diff, writes nothing, and exits as a check of the fixed text', async () => {
    const path = copy('dry.yaml', broken);
    const run = await runCliProcess(['check', '--fix', '--dry-run', '--cluster', 'test/fixtures/workspace/cluster/nodes.yaml', path]);
    assert.equal(readFileSync(path, 'utf8'), broken, 'untouched');
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, new RegExp(`^--- ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n\\+\\+\\+ `));
    const lines = run.stdout.split('\n');
    assert.ok(lines.includes('-  replicas: 2'));
    assert.ok(lines.includes('+      maxUnavailable: 0'));
    assert.ok(run.stdout.includes('\n-          imagePullPolicy: Allways\n+          imagePullPolicy: Always\n'), run.stdout);
    assert.match(run.stderr, /would fix 3 findings in 1 file \(dry run, nothing written\)/);
  });

  test('--fix writes the preferred fixes in place (every other byte unchanged) and reports what is left', async () => {
    const path = copy('fix.yaml', broken);
    const run = await runCliProcess(['check', '--fix', '--cluster', 'test/fixtures/workspace/cluster/nodes.yaml', path]);
    assert.equal(readFileSync(path, 'utf8'), fixed);
    assert.equal(run.status, 0);
    // The workspace cluster's GPU node is tainted: information (its fix, a toleration, is never preferred).
    assert.deepEqual(run.stdout.trim().split('\n').map((line) => line.split(': ')[1]), ['info placement.untolerated-taint', 'warning daemonset.image-latest']);
    assert.match(run.stderr, /fixed 3 findings in 1 file/);
    const again = await runCliProcess(['check', '--fix', '--cluster', 'test/fixtures/workspace/cluster/nodes.yaml', path]);
    assert.match(again.stderr, /fixed 0 findings in 0 files/);
    assert.equal(readFileSync(path, 'utf8'), fixed);
  });

  test('the exit status is that of the fixed files: 1 when an error has no preferred fix', async () => {
    const path = copy('mismatch.yaml', broken.replace('        app: agent\n', '        app: agnet\n'));
    const run = await runCliProcess(['check', '--fix', '--format', 'json', '--cluster', 'test/fixtures/workspace/cluster/nodes.yaml', path]);
    assert.equal(run.status, 1);
    const json = JSON.parse(run.stdout) as { files: { findings: { code: string; fixable: boolean }[] }[] };
    assert.deepEqual(json.files[0]!.findings.map((f) => [f.code, f.fixable]), [
      ['daemonset.selector-mismatch', true],
      ['placement.untolerated-taint', true],
      ['daemonset.image-latest', false],
    ]);
  });

  test('stdin: --fix needs --dry-run; usage errors exit 2', async () => {
    const run = await runCliProcess(['check', '--fix', '--dry-run', '-'], { stdin: broken });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^--- a\/<stdin>/);
    for (const args of [['check', '--fix', '-'], ['check', '--dry-run', 'x.yaml'], ['check', '--fix', '--dry-run', '--format', 'json', 'x.yaml'], ['check', '--cluster', 'a.yaml', '--context', 'c', 'x.yaml']]) {
      const usage = await runCliProcess(args, { stdin: broken });
      assert.equal(usage.status, 2, args.join(' '));
      assert.match(usage.stderr, /daemonscope check: /);
    }
  });

  test('the mistakes sample: --fix --dry-run fixes what is unambiguous and keeps the rest', async () => {
    const path = copy('mistakes.yaml', readFileSync(repoPath('samples/mistakes.yaml'), 'utf8'));
    const run = await runCliProcess(['check', '--fix', '--dry-run', path]);
    assert.equal(run.status, 1, 'the selector mismatch stays (two fixes, neither preferred)');
    assert.match(run.stderr, /would fix 6 findings/);
    for (const line of ['-  replicas: 3', '+      maxUnavailable: 0', '+      dnsPolicy: ClusterFirstWithHostNet', '+        kubernetes.io/os: linux', '+          imagePullPolicy: Always', '+          resources:']) {
      assert.ok(run.stdout.split('\n').includes(line), `${line}\n${run.stdout}`);
    }
  });
});

describe('check on a cluster', () => {
  const tainted = validDaemonSet.replace('      tolerations:\n        - key: node-role.kubernetes.io/control-plane\n          operator: Exists\n          effect: NoSchedule\n', '');

  test('without --cluster the embedded cluster is used, and messages say so', async () => {
    const run = await runCliProcess(['check', '-'], { stdin: tainted });
    // One finding for the DaemonSet, listing each untolerated taint of the embedded cluster with its nodes.
    const taints = run.stdout.split('\n').filter((line) => line.includes('placement.untolerated-taint'));
    assert.equal(taints.length, 1, run.stdout);
    assert.match(
      taints[0]!,
      /info placement\.untolerated-taint: Skipped on 3 nodes of the embedded cluster: taint node-role\.kubernetes\.io\/control-plane:NoSchedule \(cp-1\), taint nvidia\.com\/gpu=present:NoSchedule \(gpu-1\), taint os=windows:NoSchedule \(win-1\) are not tolerated\./,
    );
    assert.equal(run.status, 0);
  });

  test('--cluster FILE (and --pods) is simulated on and named', async () => {
    const run = await runCliProcess(['check', '--cluster', 'test/fixtures/workspace/cluster/nodes.yaml', '-'], { stdin: tainted });
    assert.match(run.stdout, /of cluster file test\/fixtures\/workspace\/cluster\/nodes\.yaml/);
    const pods = await runCliProcess(['check', '--cluster', 'clusters/embedded-nodes.yaml', '--pods', 'clusters/embedded-pods.yaml', '-'], { stdin: validDaemonSet });
    assert.match(pods.stdout, /warning placement\.pending: Pending on worker-c-1 of cluster file clusters\/embedded-nodes\.yaml \(podCount\)/);
  });

  test('a bad cluster file: exit 2 naming the file; the other checks still run', async () => {
    const bad = copy('bad-nodes.yaml', 'kind: NodeList\nitems: [\n');
    const run = await runCliProcess(['check', '--cluster', bad, '-'], { stdin: broken });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /bad-nodes\.yaml/);
    assert.match(run.stderr, /cluster-aware checks skipped/);
    assert.match(run.stdout, /error daemonset\.replicas/);
    assert.doesNotMatch(run.stdout, /placement\./);
  });
});
