/**
 * `daemonscope diff --kubeconfig/--context` (issue #10): the rollout impact of an edit measured on
 * a live cluster (a fake API on loopback), read-only, with the same exit statuses as preview.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCliInProcess } from '../../helpers/cliProcess';
import type { DiffResult } from '../../../server/src/protocol';
import { startFakeKubeApi, writeKubeconfig, writeTemp } from '../../helpers/fakeKubeApi';

const cli = (args: string[]) => runCliInProcess(args);

const agent = (image: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: monitoring}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: "example/agent:${image}", resources: {requests: {cpu: 100m}}}]
`;

const cluster = {
  nodes: ['a', 'b', 'c'].map((n) => ({ metadata: { name: `worker-${n}` }, spec: {}, status: { allocatable: { cpu: '4', memory: '16Gi', pods: '110' } } })),
  namespaces: [{ metadata: { name: 'monitoring' } }],
  pods: [],
};

test('diff --context: the rollout is planned on the live nodes (3 workers, one per wave)', async () => {
  const api = await startFakeKubeApi(cluster);
  try {
    const kubeconfig = writeKubeconfig([{ name: 'prod-eu', server: api.url, token: 'good-token' }]);
    const run = await cli(['diff', writeTemp('old.yaml', agent('1.0')), writeTemp('new.yaml', agent('1.1')), '--kubeconfig', kubeconfig, '--context', 'prod-eu', '--format', 'json']);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    const result = JSON.parse(run.stdout) as DiffResult;
    assert.deepEqual(result.cluster, { source: 'context prod-eu', nodes: 3 });
    assert.deepEqual([result.daemonsets[0]!.rollout, result.daemonsets[0]!.pods, result.daemonsets[0]!.waves], [true, 3, 3]);
  } finally {
    await api.close();
  }
});

test('diff on a live cluster exits 2 with the message on a permission error', async () => {
  const api = await startFakeKubeApi({ ...cluster, tokens: { t: { user: 'viewer', resources: ['nodes'] } } });
  try {
    const kubeconfig = writeKubeconfig([{ name: 'prod-eu', server: api.url, token: 't' }]);
    const run = await cli(['diff', writeTemp('old.yaml', agent('1.0')), writeTemp('new.yaml', agent('1.1')), '--kubeconfig', kubeconfig]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^daemonscope diff: Cannot list namespaces: the context's user needs get\/list\/watch on namespaces/);
  } finally {
    await api.close();
  }
});
