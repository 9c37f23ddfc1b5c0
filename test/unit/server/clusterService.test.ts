import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterService, type ClusterServiceDeps } from '../../../server/src/clusterService';
import { DiagnosticCode } from '../../../server/src/analysis/codes';
import type { ClusterSnapshot } from '../../../server/src/live/snapshot';
import { clusterFromSnapshot } from '../../../server/src/live/clusterFromSnapshot';
import { repoRoot } from '../../helpers/paths';

const settings = { clusterFile: '', podsFile: '', clusterContext: '', podStartSeconds: 10 };

const oneNode = (name: string) => `apiVersion: v1
kind: NodeList
items:
  - metadata: {name: ${name}}
    status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}
`;

function service(overrides: Partial<ClusterServiceDeps> = {}): ClusterService {
  return new ClusterService({ liveCluster: () => null, openText: () => undefined, onFileChange: () => undefined, ...overrides, pollIntervalMs: overrides.pollIntervalMs ?? 20 });
}

function withDir(run: (dir: string) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daemonscope-cluster-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('no clusterFile: the embedded default cluster, named as such', () => {
  const clusters = service();
  const resolved = clusters.resolve(settings, repoRoot);
  assert.ok(resolved.ok);
  assert.equal(resolved.source, 'embedded');
  assert.equal(resolved.context.label, 'the embedded cluster');
  assert.equal(resolved.context.cluster.nodes.length, 10);
  assert.equal(clusters.resolve(settings, repoRoot), resolved, 'cached until invalidated');
  clusters.invalidate();
  assert.notEqual(clusters.resolve(settings, repoRoot), resolved);
  clusters.dispose();
});

test('a relative clusterFile resolves against the folder and names the setting when missing', withDir((dir) => {
  const clusters = service();
  const missing = clusters.resolve({ ...settings, clusterFile: 'nodes.yaml' }, dir);
  assert.equal(missing.ok, false);
  assert.ok(!missing.ok);
  assert.equal(missing.code, DiagnosticCode.ClusterFileNotFound);
  assert.match(missing.message, /Cluster file nodes\.yaml not found \(setting daemonscope\.clusterFile\)/);

  writeFileSync(join(dir, 'nodes.yaml'), oneNode('n1'));
  clusters.invalidate();
  const found = clusters.resolve({ ...settings, clusterFile: 'nodes.yaml' }, dir);
  assert.ok(found.ok);
  assert.equal(found.source, 'nodes.yaml');
  assert.equal(found.context.label, 'cluster file nodes.yaml');
  assert.deepEqual(found.context.cluster.nodes.map((n) => n.name), ['n1']);
  clusters.dispose();
}));

test('a broken pods file is reported with its own setting', withDir((dir) => {
  writeFileSync(join(dir, 'nodes.yaml'), oneNode('n1'));
  writeFileSync(join(dir, 'pods.yaml'), 'kind: PodList\nitems: [\n');
  const clusters = service();
  const resolved = clusters.resolve({ ...settings, clusterFile: 'nodes.yaml', podsFile: 'pods.yaml' }, dir);
  assert.ok(!resolved.ok);
  assert.equal(resolved.code, DiagnosticCode.ClusterFileInvalid);
  assert.match(resolved.message, /pods\.yaml/);
  assert.match(resolved.message, /setting daemonscope\.podsFile/);
  clusters.dispose();
}));

test('an open editor document wins over the file on disk (unsaved edits count)', withDir((dir) => {
  writeFileSync(join(dir, 'nodes.yaml'), oneNode('on-disk'));
  const clusters = service({ openText: (path) => (path === join(dir, 'nodes.yaml') ? oneNode('in-editor') : undefined) });
  const resolved = clusters.resolve({ ...settings, clusterFile: 'nodes.yaml' }, dir);
  assert.ok(resolved.ok);
  assert.deepEqual(resolved.context.cluster.nodes.map((n) => n.name), ['in-editor']);
  assert.equal(clusters.uses(join(dir, 'nodes.yaml')), true);
  assert.equal(clusters.uses(join(dir, 'other.yaml')), false);
  clusters.dispose();
}));

test('a cluster file changed on disk invalidates the cache and calls onFileChange', { timeout: 20_000 }, withDir(async (dir) => {
  const path = join(dir, 'nodes.yaml');
  writeFileSync(path, oneNode('before'));
  let changed!: () => void;
  const change = new Promise<void>((resolve) => (changed = resolve));
  const clusters = service({ onFileChange: () => changed() });
  const first = clusters.resolve({ ...settings, clusterFile: path }, dir);
  assert.ok(first.ok);
  // A different size, so the poll sees a change even on file systems with coarse mtimes.
  writeFileSync(path, oneNode('after-the-change'));
  // The poll timer does not keep a process alive (the server's must not); this test's must.
  // The 20 s timeout is a hang guard only.
  const keepAlive = setInterval(() => undefined, 1000);
  await change.finally(() => clearInterval(keepAlive));
  const second = clusters.resolve({ ...settings, clusterFile: path }, dir);
  assert.ok(second.ok);
  assert.deepEqual(second.context.cluster.nodes.map((n) => n.name), ['after-the-change']);
  clusters.dispose();
}));

test('a followed live context with a snapshot is simulated instead of the files', () => {
  const snapshot = {
    context: 'prod-eu',
    server: 'https://127.0.0.1:6443',
    serverVersion: 'v1.35.0',
    fetchedAt: 0,
    nodes: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'live-1', labels: {} }, spec: {}, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } }],
    pods: [],
    namespaces: [],
    resourceVersions: { nodes: '1', pods: '1', namespaces: '1' },
  } as unknown as ClusterSnapshot;
  const clusters = service({ liveCluster: () => ({ context: snapshot.context, result: clusterFromSnapshot(snapshot) }) });
  const resolved = clusters.resolve({ ...settings, clusterContext: 'prod-eu' }, repoRoot);
  assert.ok(resolved.ok);
  assert.equal(resolved.source, 'context prod-eu');
  assert.deepEqual(resolved.context.cluster.nodes.map((n) => n.name), ['live-1']);
  // Without the setting, the same service falls back to the embedded cluster.
  const embedded = clusters.resolve(settings, repoRoot);
  assert.ok(embedded.ok);
  assert.equal(embedded.source, 'embedded');
  clusters.dispose();
});
