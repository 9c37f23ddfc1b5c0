import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient';
import { repoPath } from '../helpers/paths';
import type { EditorPreviewResult } from '../../server/src/protocol';
import { describeOverhead, describeOverheadShort } from '../../server/src/engine';

const sample = readFileSync(repoPath('samples/fluentd-elasticsearch.yaml'), 'utf8');

const twoNodes = (taintSecond: boolean) => `apiVersion: v1
kind: NodeList
items:
  - metadata: {name: node-a}
    status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
  - metadata: {name: node-b}
${taintSecond ? '    spec: {taints: [{key: dedicated, value: db, effect: NoSchedule}]}\n' : ''}    status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
`;

describe('daemonscope/preview over stdio', () => {
  let client: LspClient;
  let dir: string;
  let folderUri: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'daemonscope-preview-'));
    folderUri = pathToFileURL(dir).href;
    client = LspClient.start();
    await client.initialize({ workspaceFolders: [{ uri: folderUri, name: 'w' }] });
  });
  after(() => {
    client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a DaemonSet on the embedded cluster: the preview contract plus its range and the nodes', async () => {
    const uri = `${folderUri}/fluentd.yaml`;
    await client.open(uri, sample);
    await client.notification<{ uri: string }>('daemonscope/previewChanged', (p) => p.uri === uri);
    const preview = await client.request<EditorPreviewResult>('daemonscope/preview', { uri });
    assert.deepEqual(preview.cluster, { source: 'embedded', nodes: 10 });
    assert.deepEqual(preview.problems, []);
    assert.equal(preview.daemonsets.length, 1);
    const [ds] = preview.daemonsets;
    assert.equal(ds!.name, 'fluentd-elasticsearch');
    assert.equal(ds!.namespace, 'kube-system');
    assert.equal(ds!.nodes.length, 10);
    // pkg/controller/daemon NodeShouldRunDaemonPod: the GPU node's taint is not tolerated.
    assert.deepEqual(ds!.nodes.find((n) => n.node === 'gpu-1'), { node: 'gpu-1', placement: 'skipped', reason: 'taint', detail: ds!.nodes.find((n) => n.node === 'gpu-1')!.detail });
    assert.match(ds!.nodes.find((n) => n.node === 'gpu-1')!.detail, /nvidia\.com\/gpu/);
    assert.equal(ds!.rollout.strategy, 'RollingUpdate');
    assert.deepEqual(ds!.written, { maxUnavailable: '25%' });
    // The document starts after the three comment lines.
    assert.equal(ds!.range.start.line, 3);
    assert.equal(preview.clusterNodes?.length, 10);
    // The views get the overhead worded by the engine, never re-derived (7 nodes run it; pending pods reserve nothing).
    assert.ok(ds!.overhead);
    assert.deepEqual(ds!.overheadText, { sentence: describeOverhead(ds!.overhead!), short: describeOverheadShort(ds!.overhead!) });
    assert.match(ds!.overheadText!.sentence, /^reserves .* across 7 nodes/);
  });

  test('a kind: List (kubectl get daemonsets -o yaml): diagnostics inside the items, a preview, a symbol and a lens range per DaemonSet', async () => {
    const uri = `${folderUri}/exported.yaml`;
    const item = (name: string, extra = ''): string =>
      `- apiVersion: apps/v1\n  kind: DaemonSet\n  metadata:\n    name: ${name}\n  spec:\n${extra}    selector:\n      matchLabels: {app: ${name}}\n    template:\n      metadata:\n        labels: {app: ${name}}\n      spec:\n        containers: [{name: c, image: "x:1"}]\n`;
    const text = `apiVersion: v1\nitems:\n${item('alpha')}${item('beta', '    replicas: 2\n')}kind: List\nmetadata:\n  resourceVersion: ""\n`;
    const diagnostics = client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'daemonset.replicas'));
    await client.open(uri, text);
    const replicas = (await diagnostics).diagnostics.find((d) => d.code === 'daemonset.replicas')!;
    const line = text.split('\n').findIndex((l) => l.includes('replicas'));
    assert.deepEqual(replicas.range, { start: { line, character: 4 }, end: { line, character: 12 } });
    await client.notification<{ uri: string }>('daemonscope/previewChanged', (p) => p.uri === uri);
    const preview = await client.request<EditorPreviewResult>('daemonscope/preview', { uri });
    assert.deepEqual(preview.daemonsets.map((d) => [d.name, d.range.start.line]), [['alpha', 2], ['beta', 14]]);
    const symbols = await client.request<{ name: string; range: { start: { line: number } } }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => [s.name, s.range.start.line]), [['alpha', 2], ['beta', 14]]);
  });

  test('an unknown document answers null and the server keeps serving', async () => {
    assert.equal(await client.request('daemonscope/preview', { uri: 'file:///nowhere.yaml' }), null);
    assert.equal(await client.request('daemonscope/preview', { nope: 1 }), null);
    const preview = await client.request<EditorPreviewResult>('daemonscope/preview', { uri: `${folderUri}/fluentd.yaml` });
    assert.equal(preview.daemonsets.length, 1);
  });

  test('a missing cluster file gives one diagnostic naming it, and an empty preview saying why', async () => {
    client.settings = { clusterFile: 'nodes.yaml' };
    await client.changeConfiguration();
    const uri = `${folderUri}/fluentd.yaml`;
    const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cluster.file-not-found'));
    const missing = published.diagnostics.filter((d) => d.code === 'cluster.file-not-found');
    assert.equal(missing.length, 1);
    assert.match(String(missing[0]!.message), /Cluster file nodes\.yaml not found \(setting daemonscope\.clusterFile\)/);
    const preview = await client.request<EditorPreviewResult>('daemonscope/preview', { uri });
    assert.deepEqual(preview.daemonsets, []);
    assert.match(preview.problems[0]!, /nodes\.yaml not found/);
  });

  test('the cluster file, relative to the workspace folder, and its unsaved edits re-simulate', async () => {
    const uri = `${folderUri}/fluentd.yaml`;
    writeFileSync(join(dir, 'nodes.yaml'), twoNodes(false));
    // The file appears on disk: the poll notices, diagnostics and preview are refreshed.
    await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'cluster.file-not-found'));
    let preview = await client.request<EditorPreviewResult>('daemonscope/preview', { uri });
    assert.deepEqual(preview.cluster, { source: 'nodes.yaml', nodes: 2 });
    assert.deepEqual(preview.daemonsets[0]!.nodes.map((n) => [n.node, n.placement]), [['node-a', 'runs'], ['node-b', 'runs']]);

    // Open the cluster file and taint a node without saving: the DaemonSet re-simulates.
    const nodesUri = pathToFileURL(join(dir, 'nodes.yaml')).href;
    await client.open(nodesUri, twoNodes(false));
    await client.change(nodesUri, twoNodes(true), 2);
    await client.notification<{ uri: string }>('daemonscope/previewChanged', (p) => p.uri === uri);
    preview = await client.request<EditorPreviewResult>('daemonscope/preview', { uri });
    assert.deepEqual(preview.daemonsets[0]!.nodes.map((n) => [n.node, n.placement, n.reason]), [['node-a', 'runs', null], ['node-b', 'skipped', 'taint']]);
  });

  test('shutdown and exit cleanly', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
