import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchLiveSnapshot, type LiveSourceOptions } from '../../../server/src/live/liveSource';
import { closedPortUrl, silentServer, startFakeKubeApi, writeKubeconfig, writeTemp, type FakeKubeApi } from '../../helpers/fakeKubeApi';

const policy = { workspaceTrusted: true, contextChosenByUser: true };

const node = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: {}, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } }, ...extra });
const pod = (ns: string, name: string, nodeName: string | undefined, phase = 'Running'): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: ns, name }, spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }] }, status: { phase } });

async function withApi<T>(options: Parameters<typeof startFakeKubeApi>[0], run: (api: FakeKubeApi, kubeconfig: (token?: string) => string) => Promise<T>): Promise<T> {
  const api = await startFakeKubeApi(options);
  try {
    return await run(api, (token = 'good-token') => writeKubeconfig([{ name: 'fake', server: api.url, token }]));
  } finally {
    await api.close();
  }
}

function options(kubeconfig: string, extra: Partial<LiveSourceOptions> = {}): LiveSourceOptions {
  return { kubeconfig, context: 'fake', policy, ...extra };
}

test('a snapshot lists nodes, namespaces and bound non-terminal pods page by page (limit/continue), sorted', async () => {
  const nodes = ['n3', 'n1', 'n2', 'n5', 'n4'].map((n) => node(n));
  const pods = [pod('b', 'p1', 'n1'), pod('a', 'p2', 'n2'), pod('a', 'p3', undefined, 'Pending'), pod('a', 'done', 'n1', 'Succeeded'), pod('a', 'p4', 'n3', 'Pending')];
  const namespaces = ['a', 'b', 'kube-system'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
  await withApi({ nodes, pods, namespaces }, async (api, kubeconfig) => {
    const snapshot = await fetchLiveSnapshot({ ...options(kubeconfig()), pageSize: 2 });
    assert.ok(snapshot.ok, snapshot.ok ? '' : snapshot.error.message);
    assert.deepEqual(snapshot.value.nodes.map((n) => n.metadata.name), ['n1', 'n2', 'n3', 'n4', 'n5']);
    assert.deepEqual(snapshot.value.namespaces.map((n) => n.metadata.name), ['a', 'b', 'kube-system']);
    // p3 is unbound, `done` Succeeded: neither holds a node. p4 is bound and Pending: it does.
    assert.deepEqual(snapshot.value.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`), ['a/p2', 'a/p4', 'b/p1']);
    assert.equal(snapshot.value.serverVersion, 'v1.35.0-fake');
    assert.equal(snapshot.value.context, 'fake');
    const nodePages = api.requests.filter((r) => r.path === '/api/v1/nodes');
    assert.equal(nodePages.length, 3, 'five nodes in pages of two');
    assert.ok(nodePages.every((r) => r.query.get('limit') === '2'));
    assert.equal(nodePages[0]?.query.get('continue'), null);
    assert.ok(nodePages[1]?.query.get('continue'));
    const podPages = api.requests.filter((r) => r.path === '/api/v1/pods');
    assert.ok(podPages.every((r) => r.query.get('fieldSelector') === 'status.phase!=Succeeded,status.phase!=Failed'));
    assert.ok(/^\d+$/.test(snapshot.value.resourceVersions.pods));
  });
});

test('gzip-encoded lists are read like plain ones', async () => {
  await withApi({ nodes: [node('n1')], gzip: true }, async (_api, kubeconfig) => {
    const snapshot = await fetchLiveSnapshot(options(kubeconfig()));
    assert.ok(snapshot.ok, snapshot.ok ? '' : snapshot.error.message);
    assert.equal(snapshot.value.nodes.length, 1);
  });
});

test('403 names the verb and the resource the user needs', async () => {
  const tokens = { 'nodes-only': { user: 'viewer', resources: ['nodes' as const] } };
  await withApi({ nodes: [node('n1')], tokens }, async (_api, kubeconfig) => {
    const snapshot = await fetchLiveSnapshot(options(kubeconfig('nodes-only')));
    assert.ok(!snapshot.ok);
    assert.equal(snapshot.error.code, 'forbidden');
    assert.match(snapshot.error.message, /^Cannot list namespaces: the context's user needs get\/list\/watch on namespaces/);
    assert.match(snapshot.error.message, /User "viewer"/);
  });
  await withApi({ nodes: [node('n1')], tokens: { none: { user: 'nobody', resources: [] } } }, async (_api, kubeconfig) => {
    const snapshot = await fetchLiveSnapshot(options(kubeconfig('none')));
    assert.ok(!snapshot.ok);
    assert.match(snapshot.error.message, /^Cannot list nodes: the context's user needs get\/list\/watch on nodes/);
  });
});

test('401 says the credentials were rejected', async () => {
  await withApi({}, async (_api, kubeconfig) => {
    const snapshot = await fetchLiveSnapshot(options(kubeconfig('expired-token-0123')));
    assert.ok(!snapshot.ok);
    assert.equal(snapshot.error.code, 'unauthorized');
    assert.match(snapshot.error.message, /401/);
    assert.match(snapshot.error.message, /credentials/);
  });
});

test('a closed port fails at once as unreachable, naming the server', async () => {
  const url = await closedPortUrl();
  const snapshot = await fetchLiveSnapshot(options(writeKubeconfig([{ name: 'fake', server: url, token: 'good-token' }])));
  assert.ok(!snapshot.ok);
  assert.equal(snapshot.error.code, 'unreachable');
  assert.match(snapshot.error.message, /connection refused/);
  assert.ok(snapshot.error.message.includes(url));
});

test('a server that never answers fails after the timeout instead of hanging', async () => {
  const blackHole = await silentServer();
  try {
    const snapshot = await fetchLiveSnapshot(options(writeKubeconfig([{ name: 'fake', server: blackHole.url, token: 'good-token' }]), { timeoutSeconds: 0.2 }));
    assert.ok(!snapshot.ok);
    assert.equal(snapshot.error.code, 'unreachable');
    assert.match(snapshot.error.message, /No answer from .* within/);
  } finally {
    await blackHole.close();
  }
});

test('plain http without insecure-skip-tls-verify is refused by the library, with a message saying why', async () => {
  const snapshot = await fetchLiveSnapshot(options(writeKubeconfig([{ name: 'fake', server: 'http://127.0.0.1:1', token: 'good-token', insecure: false }])));
  assert.ok(!snapshot.ok);
  assert.equal(snapshot.error.code, 'kubeconfig');
  assert.match(snapshot.error.message, /insecure-skip-tls-verify/);
});

test('an expired continue token (410) restarts the listing', async () => {
  const nodes = Array.from({ length: 6 }, (_, i) => node(`n${i}`));
  await withApi({ nodes }, async (api, kubeconfig) => {
    let compacted = false;
    const snapshot = await fetchLiveSnapshot({
      ...options(kubeconfig()),
      pageSize: 2,
      onProgress: (collection, kept) => {
        if (collection === 'nodes' && kept === 2 && !compacted) {
          compacted = true;
          api.compact();
        }
      },
    });
    assert.ok(snapshot.ok, snapshot.ok ? '' : snapshot.error.message);
    assert.equal(snapshot.value.nodes.length, 6);
    assert.ok(api.requests.filter((r) => r.path === '/api/v1/nodes' && !r.query.get('continue')).length >= 2, 'listed again from the start');
  });
});

test('tokens, keys and certificates never appear in error messages', async () => {
  const token = 'sk-live-TOKEN-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
  const key = Buffer.from('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oKJhQkJ2\n-----END EC PRIVATE KEY-----\n').toString('base64');
  const messages: string[] = [];
  const url = await closedPortUrl();
  const collect = async (kubeconfig: string, extra: Partial<LiveSourceOptions> = {}): Promise<void> => {
    const snapshot = await fetchLiveSnapshot(options(kubeconfig, extra));
    assert.ok(!snapshot.ok);
    messages.push(snapshot.error.message);
  };
  await collect(writeKubeconfig([{ name: 'fake', server: url, token, clientKeyData: key }]));
  await withApi({ tokens: { other: { user: 'x', resources: [] } } }, async (api) => {
    await collect(writeKubeconfig([{ name: 'fake', server: api.url, token, clientKeyData: key }]));
    await collect(writeKubeconfig([{ name: 'fake', server: api.url, token: 'other' }]));
  });
  await collect(writeKubeconfig([{ name: 'fake', server: url, token }]), { context: 'missing' });
  await collect(writeTemp('kubeconfig', `users:\n- name: u\n  user:\n    token: ${token}\n  - broken\n`));
  assert.equal(messages.length, 5);
  for (const message of messages) {
    assert.ok(!message.includes(token), message);
    assert.ok(!message.includes(key.slice(0, 40)), message);
    assert.ok(!/BEGIN EC PRIVATE KEY/.test(message), message);
  }
});

test('a permitted credential plugin runs and its token is used (trusted workspace, chosen context)', async () => {
  const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: 'plugin-token-123' } });
  const plugin = writeTemp('plugin.js', `process.stdout.write(${JSON.stringify(credential)});`);
  await withApi({ nodes: [node('n1')], tokens: { 'plugin-token-123': { user: 'sso', resources: '*' } } }, async (api) => {
    const kubeconfig = writeKubeconfig([{ name: 'fake', server: api.url, exec: { command: process.execPath, args: [plugin] } }]);
    const refused = await fetchLiveSnapshot({ kubeconfig, policy: { workspaceTrusted: true, contextChosenByUser: false } });
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'credentialPlugin');
    assert.equal(api.requests.length, 0, 'nothing was sent without the plugin');
    const snapshot = await fetchLiveSnapshot({ kubeconfig, context: 'fake', policy });
    assert.ok(snapshot.ok, snapshot.ok ? '' : snapshot.error.message);
    assert.equal(snapshot.value.nodes.length, 1);
    assert.ok(api.requests.every((r) => r.token === 'plugin-token-123'));
  });
});
