import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCliInProcess } from '../../helpers/cliProcess';
import { startFakeKubeApi, writeKubeconfig, writeTemp } from '../../helpers/fakeKubeApi';
import { dedent } from '../../helpers/text';

const cli = (args: string[]) => runCliInProcess(args);

// Asks for more memory than any node has: a cluster-aware finding on every cluster.
const greedy = writeTemp(
  'greedy.yaml',
  dedent(`
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: greedy
      namespace: monitoring
    spec:
      selector:
        matchLabels: {app: greedy}
      template:
        metadata:
          labels: {app: greedy}
        spec:
          containers:
          - name: agent
            image: example.com/agent:1.0.0
            resources:
              requests: {cpu: 100m, memory: 64Gi}
              limits: {memory: 64Gi}
  `),
);

const cluster = {
  nodes: [
    { metadata: { name: 'worker-1' }, spec: {}, status: { allocatable: { cpu: '4', memory: '16Gi', pods: '110' } } },
    { metadata: { name: 'worker-2' }, spec: {}, status: { allocatable: { cpu: '4', memory: '16Gi', pods: '110' } } },
  ],
  namespaces: [{ metadata: { name: 'monitoring' } }],
};

test('check --context checks against the live cluster, as check --cluster does against its export', async () => {
  const api = await startFakeKubeApi(cluster);
  try {
    const kubeconfig = writeKubeconfig([{ name: 'prod-eu', server: api.url, token: 'good-token' }]);
    const live = await cli(['check', greedy, '--kubeconfig', kubeconfig, '--context', 'prod-eu', '--format', 'json']);
    assert.equal(live.stderr, '');
    const exported = await cli(['cluster', 'export', '--kubeconfig', kubeconfig, '--context', 'prod-eu']);
    const offline = await cli(['check', greedy, '--cluster', writeTemp('prod-eu.yaml', exported.stdout), '--format', 'json']);
    assert.equal(offline.stderr, '');
    assert.equal(live.status, offline.status);
    const findings = (out: string) => (JSON.parse(out) as { files: { findings: { code: string; message: string }[] }[] }).files[0]!.findings;
    assert.deepEqual(findings(live.stdout).map((f) => f.code), findings(offline.stdout).map((f) => f.code));
    assert.equal(live.status, 0, 'warnings only');
    const noNodes = findings(live.stdout).find((f) => f.code === 'placement.no-nodes');
    assert.match(noNodes?.message ?? '', /Runs on 0 of 2 nodes of context prod-eu/);
  } finally {
    await api.close();
  }
});

test('check on a live cluster exits 2 with the message on a permission or connection error', async () => {
  const api = await startFakeKubeApi({ ...cluster, tokens: { t: { user: 'viewer', resources: ['nodes', 'namespaces'] } } });
  try {
    const denied = await cli(['check', greedy, '--kubeconfig', writeKubeconfig([{ name: 'prod-eu', server: api.url, token: 't' }])]);
    assert.equal(denied.status, 2);
    assert.match(denied.stderr, /Cannot list pods: the context's user needs get\/list\/watch on pods in all namespaces/);
  } finally {
    await api.close();
  }
  const gone = await cli(['check', greedy, '--kubeconfig', writeKubeconfig([{ name: 'prod-eu', server: 'http://127.0.0.1:1', token: 'good-token' }])]);
  assert.equal(gone.status, 2);
  assert.match(gone.stderr, /connection refused/);
});
