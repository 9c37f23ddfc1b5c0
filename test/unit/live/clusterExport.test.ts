import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { runCliInProcess } from '../../helpers/cliProcess';
import { closedPortUrl, startFakeKubeApi, writeKubeconfig } from '../../helpers/fakeKubeApi';

const cli = (args: string[]) => runCliInProcess(args);

test('cluster export prints a reduced List YAML: nodes, namespaces, then bound non-terminal pods', async () => {
  const api = await startFakeKubeApi({
    nodes: [{ metadata: { name: 'worker-1', labels: { zone: 'a' }, managedFields: [{ manager: 'kubelet' }] }, spec: { taints: [{ key: 'k', effect: 'NoSchedule', timeAdded: 'x' }] }, status: { allocatable: { cpu: '2' }, images: [{ names: ['big'] }] } }],
    runtimeClasses: [{ apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'kata', labels: { a: 'b' } }, handler: 'kata', overhead: { podFixed: { cpu: '250m', memory: '160Mi' } }, scheduling: { nodeSelector: { runtime: 'kata' } } }],
    namespaces: [{ metadata: { name: 'team', annotations: { 'scheduler.alpha.kubernetes.io/node-selector': 'zone=a', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } } }],
    pods: [
      { metadata: { namespace: 'team', name: 'web-1' }, spec: { nodeName: 'worker-1', containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: '1' } } }] }, status: { phase: 'Running' } },
      { metadata: { namespace: 'team', name: 'job-1' }, spec: { nodeName: 'worker-1', containers: [{ name: 'job' }] }, status: { phase: 'Succeeded' } },
    ],
  });
  try {
    const kubeconfig = writeKubeconfig([{ name: 'fake', server: api.url, token: 'good-token' }]);
    const { status, stdout, stderr } = await cli(['cluster', 'export', '--kubeconfig', kubeconfig, '--context', 'fake']);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const docs = parseAllDocuments(stdout);
    assert.ok(!Array.isArray(docs) || docs.length === 1);
    const list = (Array.isArray(docs) ? docs[0] : docs)!.toJSON() as { kind: string; items: { kind: string; metadata: { name: string } }[] };
    assert.equal(list.kind, 'List');
    assert.deepEqual(list.items.map((i) => `${i.kind}/${i.metadata.name}`), ['Node/worker-1', 'Namespace/team', 'RuntimeClass/kata', 'Pod/web-1']);
    assert.deepEqual(list.items[2], { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'kata' }, handler: 'kata', overhead: { podFixed: { cpu: '250m', memory: '160Mi' } }, scheduling: { nodeSelector: { runtime: 'kata' } } });
    assert.deepEqual(list.items[0], { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: { zone: 'a' } }, spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] }, status: { allocatable: { cpu: '2' } } });
    assert.deepEqual(list.items[1], { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', annotations: { 'scheduler.alpha.kubernetes.io/node-selector': 'zone=a' } } });
    assert.match(stdout, /^# daemonscope cluster export: context "fake", Kubernetes v1\.35\.0-fake: 1 nodes, 1 namespaces, 1 runtime classes, 1 bound non-terminal pods\./);
  } finally {
    await api.close();
  }
});

test('cluster export without access to RuntimeClasses still exports, with a note on stderr', async () => {
  const api = await startFakeKubeApi({ nodes: [{ metadata: { name: 'n1' } }], tokens: { t: { user: 'u', resources: ['nodes', 'namespaces', 'pods'] } } });
  try {
    const { status, stdout, stderr } = await cli(['cluster', 'export', '--kubeconfig', writeKubeconfig([{ name: 'fake', server: api.url, token: 't' }])]);
    assert.equal(status, 0);
    assert.match(stdout, /Node/);
    assert.match(stderr, /^daemonscope cluster export: note: RuntimeClasses were not read \(the user may not list runtimeclasses\)/);
  } finally {
    await api.close();
  }
});

test('cluster export of an empty cluster prints items: []', async () => {
  const api = await startFakeKubeApi({});
  try {
    const { status, stdout } = await cli(['cluster', 'export', `--kubeconfig=${writeKubeconfig([{ name: 'fake', server: api.url, token: 'good-token' }])}`]);
    assert.equal(status, 0);
    assert.match(stdout, /\nitems: \[\]\n$/);
  } finally {
    await api.close();
  }
});

test('cluster export exits 2 with the message on a permission error', async () => {
  const api = await startFakeKubeApi({ tokens: { t: { user: 'u', resources: ['nodes', 'namespaces'] } } });
  try {
    const { status, stdout, stderr } = await cli(['cluster', 'export', '--kubeconfig', writeKubeconfig([{ name: 'fake', server: api.url, token: 't' }])]);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^daemonscope cluster export: Cannot list pods: the context's user needs get\/list\/watch on pods in all namespaces/);
  } finally {
    await api.close();
  }
});

test('cluster export exits 2 when the server is unreachable or the context unknown', async () => {
  const kubeconfig = writeKubeconfig([{ name: 'fake', server: await closedPortUrl(), token: 'good-token' }]);
  const refused = await cli(['cluster', 'export', '--kubeconfig', kubeconfig]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /connection refused/);
  const unknown = await cli(['cluster', 'export', '--kubeconfig', kubeconfig, '--context', 'prod']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Context "prod" is not in kubeconfig/);
});

test('cluster contexts lists the current context first, marked', async () => {
  const kubeconfig = writeKubeconfig([{ name: 'b', server: 'http://127.0.0.1:1', token: 'tok-b-123' }, { name: 'a', server: 'http://127.0.0.1:1', token: 'tok-a-123' }], 'b');
  const { status, stdout } = await cli(['cluster', 'contexts', '--kubeconfig', kubeconfig]);
  assert.equal(status, 0);
  assert.deepEqual(stdout.trimEnd().split('\n'), ['* b\tb-cluster', '  a\ta-cluster']);
});

test('cluster with a bad subcommand or flag is a usage error (exit 2)', async () => {
  for (const args of [['cluster'], ['cluster', 'import'], ['cluster', 'export', '--cluster', 'x'], ['cluster', 'export', '--context'], ['cluster', 'export', '--timeout', 'soon']]) {
    const { status, stderr } = await cli(args);
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, /^daemonscope cluster: /);
  }
});
