/**
 * `daemonscope preview` through the built CLI (DESIGN.md "CLI"): formats, exit statuses, and
 * messages that name the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliProcess } from './cliProcess';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'daemonscope-preview-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('text: a header with counts, a node table, waves and an estimate, within 100 columns and without colour off a TTY', async () => {
  const run = await runCliProcess(['preview', 'samples/fluentd-elasticsearch.yaml']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Cluster: the embedded default cluster \(10 nodes\)$/m);
  assert.match(run.stdout, /^fluentd-elasticsearch \(kube-system\): runs on 7 of 10 nodes, 1 pending, 2 skipped$/m);
  assert.match(run.stdout, /^ {2}worker-c-1 +pending +podCount +all 11 pod slots are taken/m);
  assert.match(run.stdout, /^ {4}wave 1 {2}arm-1, worker-c-1 \(pending\)$/m);
  assert.match(run.stdout, /Estimated: 1 min 45 s/);
  // Fleet overhead (issue #10): 100m and 200Mi on each of the 7 nodes that run it.
  assert.match(run.stdout, /^ {2}Overhead: reserves 700m CPU and 1\.4 GiB across 7 nodes — 1\.9% of their CPU, 0\.9% of their memory$/m);
  for (const line of run.stdout.split('\n')) assert.ok(line.length <= 100, `too wide: ${line}`);
  assert.ok(!run.stdout.includes('\u001b['), 'no ANSI escapes');
});

test('json: exactly the contract shape; DaemonSets by namespace then name; every node, sorted', async () => {
  const dir = tempDir({
    'two.yaml': [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ignored}\n',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: b-agent, namespace: ops}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x}]\n',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: z-agent}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x}]\n',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: a-agent, namespace: ops}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x}]\n',
    ].join('---\n'),
  });
  const run = await runCliProcess(['preview', 'two.yaml', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { cluster: unknown; daemonsets: { name: string; namespace: string; nodes: { node: string }[]; rollout: Record<string, unknown> }[] };
  assert.deepEqual(Object.keys(result), ['cluster', 'daemonsets']);
  assert.deepEqual(result.cluster, { source: 'embedded', nodes: 10 });
  assert.deepEqual(result.daemonsets.map((d) => `${d.namespace}/${d.name}`), ['default/z-agent', 'ops/a-agent', 'ops/b-agent']);
  const ds = result.daemonsets[0]!;
  // `overhead` (issue #10) is an extra field after the contract's four.
  assert.deepEqual(Object.keys(ds), ['name', 'namespace', 'nodes', 'rollout', 'overhead']);
  assert.deepEqual(Object.keys(ds.nodes[0]!), ['node', 'placement', 'reason', 'detail']);
  assert.deepEqual(Object.keys(ds.rollout), ['strategy', 'maxUnavailable', 'maxSurge', 'waves', 'stall', 'estimatedSeconds']);
  const names = ds.nodes.map((n) => n.node);
  assert.deepEqual(names, [...names].sort());
  assert.equal(names.length, 10);
});

test('a kind: List (kubectl get daemonsets -o yaml) is previewed item by item, as kubectl applies it', async () => {
  const dir = tempDir({
    'list.yaml':
      'apiVersion: v1\nkind: List\nitems:\n' +
      '- apiVersion: apps/v1\n  kind: DaemonSet\n  metadata: {name: b}\n  spec:\n    template:\n      spec:\n        containers: [{name: a, image: x}]\n' +
      '- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n' +
      '- apiVersion: apps/v1\n  kind: DaemonSet\n  metadata: {name: a}\n  spec:\n    template:\n      spec:\n        containers: [{name: a, image: x}]\n',
  });
  const run = await runCliProcess(['preview', 'list.yaml', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { daemonsets: { name: string; nodes: unknown[] }[] };
  assert.deepEqual(result.daemonsets.map((d) => [d.name, d.nodes.length]), [['a', 10], ['b', 10]]);
});

test('--cluster and --pods: the source is the path as given; --pod-start-seconds changes the estimate', async () => {
  const dir = tempDir({
    'nodes.yaml': 'kind: NodeList\nitems:\n  - metadata: {name: n1}\n  - metadata: {name: n2}\n',
    'pods.yaml': 'kind: PodList\nitems: []\n',
    'ds.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: a}\nspec:\n  minReadySeconds: 5\n  template:\n    spec:\n      containers: [{name: a, image: x}]\n',
  });
  const run = await runCliProcess(['preview', 'ds.yaml', '--cluster', 'nodes.yaml', '--pods=pods.yaml', '--pod-start-seconds', '25', '--format=json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { cluster: unknown; daemonsets: { rollout: { estimatedSeconds: number; waves: string[][] } }[] };
  assert.deepEqual(result.cluster, { source: 'nodes.yaml', nodes: 2 });
  assert.deepEqual(result.daemonsets[0]!.rollout.waves, [['n1'], ['n2']]);
  assert.equal(result.daemonsets[0]!.rollout.estimatedSeconds, 60);
});

test('stdin: FILE - reads the manifest from standard input', async () => {
  const run = await runCliProcess(['preview', '-', '--format', 'json'], { stdin: 'kind: DaemonSet\nmetadata: {name: from-stdin}\n' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal((JSON.parse(run.stdout) as { daemonsets: { name: string }[] }).daemonsets[0]!.name, 'from-stdin');
});

test('a manifest without a DaemonSet: say so, exit 0 (JSON: an empty list)', async () => {
  const dir = tempDir({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' });
  const text = await runCliProcess(['preview', 'cm.yaml'], { cwd: dir });
  assert.equal(text.status, 0);
  assert.match(text.stdout, /cm\.yaml: no DaemonSet found/);
  const json = await runCliProcess(['preview', 'cm.yaml', '--format', 'json'], { cwd: dir });
  assert.equal(json.status, 0);
  assert.deepEqual((JSON.parse(json.stdout) as { daemonsets: unknown[] }).daemonsets, []);
});

test('a stall and zero nodes are results: exit 0', async () => {
  const run = await runCliProcess(['preview', 'samples/mistakes.yaml']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /log-agent \(logging\): runs on 0 of 10 nodes, 0 pending, 10 skipped/);
});

const bad: [string, string[], Record<string, string>, RegExp][] = [
  ['missing cluster file', ['preview', 'ds.yaml', '--cluster', 'nope.yaml'], {}, /nope\.yaml: cluster file not found/],
  ['bad YAML in the cluster file', ['preview', 'ds.yaml', '--cluster', 'nodes.yaml'], { 'nodes.yaml': 'kind: NodeList\nitems: [\n' }, /nodes\.yaml:\d+:\d+: /],
  ['wrong kind in the cluster file', ['preview', 'ds.yaml', '--cluster', 'nodes.yaml'], { 'nodes.yaml': 'kind: Deployment\nmetadata: {name: d}\n' }, /nodes\.yaml: the document has kind Deployment/],
  ['a node without a name', ['preview', 'ds.yaml', '--cluster', 'nodes.yaml'], { 'nodes.yaml': 'kind: NodeList\nitems:\n  - metadata: {name: a}\n  - metadata: {}\n' }, /nodes\.yaml: item 2 \(kind Node\) has no metadata\.name/],
  ['a bad pods file', ['preview', 'ds.yaml', '--pods', 'pods.yaml'], { 'pods.yaml': 'kind: PodList\nitems:\n  - metadata: {name: p}\n    spec: {nodeName: a, containers: [{name: c, resources: {requests: {cpu: lots}}}]}\n' }, /pods\.yaml: item 1 \(Pod p\): spec\.containers\[0\]\.resources\.requests\.cpu/],
  ['missing manifest', ['preview', 'none.yaml'], {}, /none\.yaml: manifest file not found/],
  ['a YAML error in the manifest', ['preview', 'broken.yaml'], { 'broken.yaml': 'kind: DaemonSet\nspec: [\n' }, /broken\.yaml:\d+:\d+: /],
  ['no FILE', ['preview'], {}, /missing FILE/],
  ['two FILEs', ['preview', 'a.yaml', 'b.yaml'], {}, /one FILE/],
  ['unknown option', ['preview', 'ds.yaml', '--colour'], {}, /unknown option --colour/],
  ['bad --format', ['preview', 'ds.yaml', '--format', 'sarif'], {}, /--format must be text or json/],
  ['bad --pod-start-seconds', ['preview', 'ds.yaml', '--pod-start-seconds', 'ten'], {}, /--pod-start-seconds must be a whole number/],
  ['flag without value', ['preview', 'ds.yaml', '--cluster'], {}, /--cluster needs a value/],
];

for (const [name, args, files, message] of bad) {
  test(`exit 2 with a message naming the problem: ${name}`, async () => {
    const dir = tempDir({ 'ds.yaml': 'kind: DaemonSet\nmetadata: {name: a}\n', ...files });
    const run = await runCliProcess(args, { cwd: dir });
    assert.equal(run.status, 2, run.stdout);
    assert.match(run.stderr, /^daemonscope preview: /);
    assert.match(run.stderr, message);
    assert.equal(run.stdout, '');
  });
}

test('the manifest is read as kubectl reads YAML (1.1): a `<<` merge key feeds the nodeSelector', async () => {
  const manifest = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: cache, namespace: storage}
spec:
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec:
      nodeSelector:
        <<: {ssd: "true"}
      containers: [{name: cache, image: "cache:1.0"}]
`;
  const run = await runCliProcess(['preview', '-', '--format', 'json'], { stdin: manifest });
  assert.equal(run.status, 0, run.stderr);
  const nodes = JSON.parse(run.stdout).daemonsets[0].nodes as { node: string; placement: string; reason: string | null }[];
  // The embedded cluster has one ssd=true worker; read as YAML 1.2, `<<` would be a label no node has.
  const selected = nodes.filter((n) => !(n.placement === 'skipped' && n.reason === 'nodeSelector'));
  assert.equal(selected.length, 1, JSON.stringify(nodes));
});
