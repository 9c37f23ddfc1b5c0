/**
 * `daemonscope diff OLD NEW` through the built CLI (issue #10): per DaemonSet matched by
 * namespace/name, whether the edit rolls pods (only a pod template change does: update.go `Match`),
 * how many, in how many waves and how long; added and removed DaemonSets; exit 0, or 2 on bad input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiffResult } from '../../server/src/protocol';
import { runCliProcess } from './cliProcess';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'daemonscope-diff-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const fluentd = (image: string, extra = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
spec:
  selector:
    matchLabels: {app: fluentd}
  updateStrategy:
    rollingUpdate:
      maxUnavailable: 2${extra}
  template:
    metadata:
      labels: {app: fluentd}
    spec:
      containers:
        - name: fluentd
          image: fluent/fluentd:${image}
`;

const nodes = `apiVersion: v1
kind: NodeList
items:
${Array.from({ length: 8 }, (_, i) => `  - metadata: {name: node-${i + 1}}\n    status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}`).join('\n')}
`;

test('text: "fluentd: pod template changed (image 5.0.1 → 5.0.2): rolls 8 pods in 4 waves, ~2 min" and the changed field', async () => {
  const dir = tempDir({ 'old.yaml': fluentd('5.0.1'), 'new.yaml': fluentd('5.0.2'), 'nodes.yaml': nodes });
  const run = await runCliProcess(['diff', 'old.yaml', 'new.yaml', '--cluster', 'nodes.yaml', '--pod-start-seconds', '30'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Cluster: nodes\.yaml \(8 nodes\)$/m);
  assert.match(run.stdout, /^fluentd: pod template changed \(image 5\.0\.1 → 5\.0\.2\): rolls 8 pods in 4 waves, ~2 min$/m);
  assert.match(run.stdout, /^ {4}spec\.template\.spec\.containers\[0\]\.image$/m);
  assert.ok(!run.stdout.includes('\u001b['), 'no colour off a TTY');
});

test('json: {"daemonsets": [...]} with the contract fields first; a strategy-only edit does not roll', async () => {
  const dir = tempDir({ 'old.yaml': fluentd('5.0.1'), 'new.yaml': fluentd('5.0.1', '\n  minReadySeconds: 10').replace('maxUnavailable: 2', 'maxUnavailable: 25%') });
  const run = await runCliProcess(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as DiffResult;
  assert.deepEqual(result.cluster, { source: 'embedded', nodes: 10 });
  const [ds] = result.daemonsets;
  assert.deepEqual(Object.keys(ds!).slice(0, 8), ['name', 'namespace', 'status', 'rollout', 'changes', 'pods', 'waves', 'estimatedSeconds']);
  assert.deepEqual(
    { name: ds!.name, namespace: ds!.namespace, status: ds!.status, rollout: ds!.rollout, changes: ds!.changes, pods: ds!.pods, waves: ds!.waves, estimatedSeconds: ds!.estimatedSeconds },
    { name: 'fluentd', namespace: 'default', status: 'changed', rollout: false, changes: ['spec.updateStrategy.rollingUpdate.maxUnavailable', 'spec.minReadySeconds'], pods: 0, waves: 0, estimatedSeconds: 0 },
  );
  assert.equal(ds!.effect, 'no rollout: only updateStrategy and minReadySeconds changed');
});

test('added and removed DaemonSets are reported as such; other kinds are ignored; a kubectl-printed copy is unchanged', async () => {
  const printed = fluentd('5.0.1')
    .replace('  name: fluentd\n', '  name: fluentd\n  resourceVersion: "42"\n  generation: 3\n')
    .replace('          image: fluent/fluentd:5.0.1\n', '          image: fluent/fluentd:5.0.1\n          imagePullPolicy: IfNotPresent\n          terminationMessagePath: /dev/termination-log\n          terminationMessagePolicy: File\n      dnsPolicy: ClusterFirst\n      restartPolicy: Always\n      schedulerName: default-scheduler\n      securityContext: {}\n      terminationGracePeriodSeconds: 30\n')
    .replace('maxUnavailable: 2', 'maxUnavailable: 2\n      maxSurge: 0\n    type: RollingUpdate\n  revisionHistoryLimit: 10');
  const exporter = fluentd('1.0').replace(/fluentd/g, 'exporter');
  const dir = tempDir({
    'old.yaml': `${printed}---\n${exporter}status:\n  numberReady: 10\n`,
    'new.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n---\n${fluentd('5.0.1')}---\n${exporter.replace('name: exporter', 'name: exporter-v2')}`,
  });
  const run = await runCliProcess(['diff', 'old.yaml', 'new.yaml', '--format=json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as DiffResult;
  assert.deepEqual(result.daemonsets.map((d) => [d.name, d.status, d.rollout, d.pods]), [
    // On the embedded cluster, without tolerations: 7 of the 10 nodes (3 tainted).
    ['exporter', 'removed', false, 7],
    ['exporter-v2', 'added', false, 7],
    ['fluentd', 'unchanged', false, 0],
  ]);
  const text = await runCliProcess(['diff', 'old.yaml', 'new.yaml'], { cwd: dir });
  assert.match(text.stdout, /^exporter: removed: deletes its pods on 7 nodes$/m);
  assert.match(text.stdout, /^exporter-v2: new DaemonSet: creates pods on 7 nodes$/m);
  assert.match(text.stdout, /^fluentd: unchanged$/m);
});

test('OLD from stdin (-), as in `git show HEAD:ds.yaml | daemonscope diff - ds.yaml`', async () => {
  const dir = tempDir({ 'new.yaml': fluentd('5.0.2') });
  const run = await runCliProcess(['diff', '-', 'new.yaml', '--format', 'json'], { cwd: dir, stdin: fluentd('5.0.1') });
  assert.equal(run.status, 0, run.stderr);
  assert.equal((JSON.parse(run.stdout) as DiffResult).daemonsets[0]!.rollout, true);
});

test('exit 2 with a message naming the problem: usage, a missing file, a YAML error (file:line:col), a bad cluster file', async () => {
  const dir = tempDir({ 'ok.yaml': fluentd('1'), 'broken.yaml': 'kind: DaemonSet\nmetadata: {name: [}\n', 'nodes.yaml': 'kind: ConfigMap\n' });
  const cases: [string[], RegExp][] = [
    [['diff', 'ok.yaml'], /diff takes two files, OLD and NEW \(1 given\)/],
    [['diff', 'ok.yaml', 'ok.yaml', '--format', 'sarif'], /--format must be text or json/],
    [['diff', 'ok.yaml', 'ok.yaml', '--bogus'], /unknown option --bogus/],
    [['diff', 'ok.yaml', 'missing.yaml'], /missing\.yaml: manifest file not found/],
    [['diff', 'ok.yaml', 'broken.yaml'], /^daemonscope diff: broken\.yaml:2:\d+: /m],
    [['diff', 'ok.yaml', 'ok.yaml', '--cluster', 'nodes.yaml'], /nodes\.yaml: the document has kind ConfigMap/],
    [['diff', 'ok.yaml', 'ok.yaml', '--cluster', 'nodes.yaml', '--context', 'prod'], /not both/],
  ];
  for (const [args, message] of cases) {
    const run = await runCliProcess(args, { cwd: dir });
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}`);
    assert.match(run.stderr, message);
    assert.equal(run.stdout, '');
  }
});
