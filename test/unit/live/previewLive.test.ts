import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCliInProcess } from '../../helpers/cliProcess';
import type { PreviewResult } from '../../../server/src/protocol';
import { silentServer, startFakeKubeApi, writeKubeconfig, writeTemp } from '../../helpers/fakeKubeApi';
import { dedent } from '../../helpers/text';

const cli = (args: string[]) => runCliInProcess(args);

const exporter = writeTemp(
  'exporter.yaml',
  dedent(`
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: exporter
      namespace: monitoring
    spec:
      selector:
        matchLabels: {app: exporter}
      template:
        metadata:
          labels: {app: exporter}
        spec:
          containers:
          - name: exporter
            image: prom/node-exporter:v1.8.0
            ports:
            - containerPort: 9100
              hostPort: 9100
            resources:
              requests: {cpu: 100m, memory: 64Mi}
  `),
);

const cluster = {
  nodes: [
    { metadata: { name: 'gpu-1' }, spec: { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] }, status: { allocatable: { cpu: '8', memory: '32Gi', pods: '110' } } },
    { metadata: { name: 'worker-1' }, spec: {}, status: { allocatable: { cpu: '4', memory: '16Gi', pods: '110' } } },
    { metadata: { name: 'worker-2' }, spec: {}, status: { allocatable: { cpu: '4', memory: '16Gi', pods: '110' } } },
  ],
  namespaces: [{ metadata: { name: 'monitoring' } }],
  pods: [{ metadata: { namespace: 'kube-system', name: 'old-exporter' }, spec: { nodeName: 'worker-1', containers: [{ name: 'e', ports: [{ containerPort: 9100, hostPort: 9100, protocol: 'TCP' }] }] }, status: { phase: 'Running' } }],
};

test('preview --context simulates on the live cluster; an exported snapshot gives the same preview offline', async () => {
  const api = await startFakeKubeApi(cluster);
  try {
    const kubeconfig = writeKubeconfig([{ name: 'prod-eu', server: api.url, token: 'good-token' }]);
    const live = await cli(['preview', exporter, '--kubeconfig', kubeconfig, '--context', 'prod-eu', '--format', 'json']);
    assert.equal(live.stderr, '');
    assert.equal(live.status, 0);
    const result = JSON.parse(live.stdout) as PreviewResult;
    assert.deepEqual(result.cluster, { source: 'context prod-eu', nodes: 3 });
    const placements = result.daemonsets[0]!.nodes.map((n) => [n.node, n.placement, n.reason]);
    assert.deepEqual(placements, [
      ['gpu-1', 'skipped', 'taint'],
      ['worker-1', 'pending', 'hostPort'],
      ['worker-2', 'runs', null],
    ]);

    const exported = await cli(['cluster', 'export', '--kubeconfig', kubeconfig, '--context', 'prod-eu']);
    assert.equal(exported.status, 0);
    const file = writeTemp('prod-eu.yaml', exported.stdout);
    const offline = await cli(['preview', exporter, '--cluster', file, '--format', 'json']);
    assert.equal(offline.stderr, '');
    const offlineResult = JSON.parse(offline.stdout) as PreviewResult;
    assert.deepEqual(offlineResult.daemonsets, result.daemonsets);
    assert.deepEqual(offlineResult.cluster, { source: file, nodes: 3 });
  } finally {
    await api.close();
  }
});

test('preview on a live cluster exits 2 with the message on a permission error', async () => {
  const api = await startFakeKubeApi({ ...cluster, tokens: { t: { user: 'viewer', resources: ['nodes'] } } });
  try {
    const { status, stdout, stderr } = await cli(['preview', exporter, '--kubeconfig', writeKubeconfig([{ name: 'prod-eu', server: api.url, token: 't' }])]);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^daemonscope preview: Cannot list namespaces: the context's user needs get\/list\/watch on namespaces/);
  } finally {
    await api.close();
  }
});

test('preview refuses --cluster together with --context', async () => {
  const { status, stderr } = await cli(['preview', exporter, '--cluster', 'nodes.yaml', '--context', 'prod']);
  assert.equal(status, 2);
  assert.match(stderr, /either --cluster\/--pods .* or --kubeconfig\/--context/);
});

test('--timeout on preview, check and diff: a server that never answers fails after that many seconds, exit 2; --timeout needs a live source', async () => {
  const silent = await silentServer();
  try {
    const kubeconfig = writeKubeconfig([{ name: 'hang', server: silent.url, token: 'good-token' }]);
    for (const args of [['preview', exporter], ['check', exporter], ['diff', exporter, exporter]]) {
      const { status, stderr } = await cli([...args, '--kubeconfig', kubeconfig, '--timeout', '1']);
      assert.equal(status, 2, args[0]);
      assert.match(stderr, /No answer from http:\/\/127\.0\.0\.1:\d+ within 1 s \(context "hang"\)/, args[0]);
    }
  } finally {
    await silent.close();
  }
  const bad = await cli(['preview', exporter, '--context', 'x', '--timeout', 'soon']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--timeout takes a number of seconds, not "soon"/);
  const noLive = await cli(['diff', exporter, exporter, '--timeout', '3']);
  assert.equal(noLive.status, 2);
  assert.match(noLive.stderr, /--timeout is for a live cluster/);
});
