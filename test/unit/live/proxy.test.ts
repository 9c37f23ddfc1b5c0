import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readKubeconfig, selectContext } from '../../../server/src/live/kubeconfig';
import { fetchSnapshot } from '../../../server/src/live/snapshot';
import { connect } from '../../../server/src/live/transport';
import { startConnectProxy, type ConnectProxy } from '../../helpers/connectProxy';
import { closedPortUrl, startFakeKubeApi, writeKubeconfig, type FakeKubeApi } from '../../helpers/fakeKubeApi';

const policy = { workspaceTrusted: true, contextChosenByUser: true };
const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: {}, status: { allocatable: { cpu: '4' } } };

// The server name does not resolve: only a proxy (which tunnels to the fake API) can reach it, so
// a snapshot proves the request went through the proxy. Nothing leaves loopback.
async function snapshotThrough(kubeconfig: string, env: Record<string, string>): Promise<{ ok: boolean; message: string; nodes: string[] }> {
  const loaded = await readKubeconfig({ path: kubeconfig });
  assert.ok(loaded.ok);
  const selected = selectContext(loaded.value, 'ctx', policy);
  assert.ok(selected.ok);
  const connection = await connect(selected.value, { env, timeoutSeconds: 5 });
  if (!connection.ok) return { ok: false, message: connection.error.message, nodes: [] };
  const snapshot = await fetchSnapshot(connection.value);
  return snapshot.ok ? { ok: true, message: '', nodes: snapshot.value.nodes.map((n) => n.metadata.name) } : { ok: false, message: snapshot.error.message, nodes: [] };
}

async function withProxy(run: (api: FakeKubeApi, proxy: ConnectProxy, server: string) => Promise<void>, auth?: { user: string; password: string }): Promise<void> {
  const api = await startFakeKubeApi({ nodes: [node] });
  const port = Number(new URL(api.url).port);
  const proxy = await startConnectProxy({ targetPort: port, ...(auth ? { requireAuth: auth } : {}) });
  try {
    await run(api, proxy, `http://kube-api.invalid:${port}`);
  } finally {
    await proxy.close();
    await api.close();
  }
}

test("the cluster's proxy-url in the kubeconfig is used (the library's agent, CONNECT through it)", async () => {
  await withProxy(async (_api, proxy, server) => {
    const result = await snapshotThrough(writeKubeconfig([{ name: 'ctx', server, token: 'good-token', proxyUrl: proxy.url }]), {});
    assert.deepEqual(result, { ok: true, message: '', nodes: ['n1'] });
    assert.ok(proxy.connects.every((c) => c === new URL(server).host) && proxy.connects.length > 0);
  });
});

test('without proxy-url, HTTP_PROXY/HTTPS_PROXY are used as kubectl uses them (client-go http.ProxyFromEnvironment), and NO_PROXY turns them off', async () => {
  await withProxy(async (_api, proxy, server) => {
    const kubeconfig = writeKubeconfig([{ name: 'ctx', server, token: 'good-token' }]);
    assert.deepEqual(await snapshotThrough(kubeconfig, { HTTP_PROXY: proxy.url }), { ok: true, message: '', nodes: ['n1'] });
    assert.ok(proxy.connects.length > 0);
    // NO_PROXY: a direct connection (checked without sending: kube-api.invalid would need DNS).
    const loaded = await readKubeconfig({ path: kubeconfig });
    assert.ok(loaded.ok);
    const selected = selectContext(loaded.value, 'ctx', policy);
    assert.ok(selected.ok);
    assert.ok((await connect(selected.value, { env: { HTTP_PROXY: proxy.url, NO_PROXY: '.invalid' } })).ok);
    assert.equal(loaded.value.config.getCurrentCluster()?.proxyUrl, undefined);
    assert.ok((await connect(selected.value, { env: { HTTP_PROXY: proxy.url } })).ok);
    assert.equal(loaded.value.config.getCurrentCluster()?.proxyUrl, proxy.url);
  });
});

test("a kubeconfig proxy-url wins over HTTP_PROXY (client-go's rest.Config.Proxy)", async () => {
  await withProxy(async (_api, proxy, server) => {
    const closed = await closedPortUrl();
    const result = await snapshotThrough(writeKubeconfig([{ name: 'ctx', server, token: 'good-token', proxyUrl: proxy.url }]), { HTTP_PROXY: closed });
    assert.equal(result.ok, true, result.message);
  });
});

test('proxy errors name the proxy and where it came from, never its password: refused, and 407 without credentials', async () => {
  await withProxy(
    async (_api, proxy, server) => {
      const closed = await closedPortUrl();
      const refused = await snapshotThrough(writeKubeconfig([{ name: 'ctx', server, token: 'good-token' }]), { HTTP_PROXY: closed });
      assert.equal(refused.ok, false);
      assert.match(refused.message, new RegExp(`through the proxy ${closed.replace(/[.]/g, '\\.')} \\(HTTP_PROXY\\): connection refused by the proxy\\. Check the proxy, or add this server to NO_PROXY\\.`));
      const noAuth = await snapshotThrough(writeKubeconfig([{ name: 'ctx', server, token: 'good-token', proxyUrl: proxy.url }]), {});
      assert.match(noAuth.message, /through the proxy http:\/\/127\.0\.0\.1:\d+ \(proxy-url in the kubeconfig\): the proxy wants credentials \(407\)/);
      const withAuth = proxy.url.replace('http://', 'http://me:s3cret-pass@');
      assert.equal((await snapshotThrough(writeKubeconfig([{ name: 'ctx', server, token: 'good-token', proxyUrl: withAuth }]), {})).ok, true, 'credentials in the proxy URL');
      const wrong = await snapshotThrough(writeKubeconfig([{ name: 'ctx', server, token: 'good-token' }]), { HTTP_PROXY: proxy.url.replace('http://', 'http://me:wrong-password@') });
      assert.match(wrong.message, /407/);
      assert.doesNotMatch(wrong.message, /wrong-password/);
    },
    { user: 'me', password: 's3cret-pass' },
  );
});
