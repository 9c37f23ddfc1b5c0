import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EditorPreviewResult, ListContextsResult, LiveStatus } from '../../server/src/protocol';
import { validDaemonSet } from '../helpers/analysis';
import { startFakeKubeApi, writeKubeconfig, type FakeKubeApi } from '../helpers/fakeKubeApi';
import { LspClient } from '../helpers/lspClient';

const token = 'sk-protocol-TOKEN-0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const uri = 'file:///work/agent.yaml';
const node = (name: string): Record<string, unknown> => ({ metadata: { name }, spec: {}, status: { allocatable: { cpu: '2' } } });

describe('live cluster over the language server protocol', () => {
  let api: FakeKubeApi;
  let client: LspClient;
  const statuses: LiveStatus[] = [];
  let wake: (() => void) | undefined;
  const nextStatus = async (accept: (s: LiveStatus) => boolean): Promise<LiveStatus> => {
    for (;;) {
      const index = statuses.findIndex(accept);
      if (index >= 0) return statuses.splice(0, index + 1).pop()!;
      await new Promise<void>((done) => (wake = done));
    }
  };

  before(async () => {
    api = await startFakeKubeApi({ nodes: [node('n1')], tokens: { [token]: { user: 'viewer', resources: '*' } } });
    // The server inherits the environment; KUBECONFIG is how the library finds the kubeconfig.
    process.env.KUBECONFIG = writeKubeconfig(
      [
        { name: 'staging', server: api.url, token },
        { name: 'prod-eu', server: api.url, token },
      ],
      'staging',
    );
    client = LspClient.start();
    client.connection.onNotification('daemonscope/liveStatus', (status: LiveStatus) => {
      statuses.push(status);
      wake?.();
    });
    await client.initialize();
  });
  after(async () => {
    client.dispose();
    await api.close();
  });

  test('daemonscope/listContexts lists the kubeconfig contexts, current first', async () => {
    const result = await client.request<ListContextsResult>('daemonscope/listContexts', {});
    assert.equal(result.error, null);
    assert.deepEqual(result.contexts.map((c) => [c.name, c.current]), [['staging', true], ['prod-eu', false]]);
  });

  test('setting daemonscope.clusterContext connects: live status with the node count', async () => {
    client.settings = { clusterContext: 'prod-eu' };
    await client.changeConfiguration();
    const status = await nextStatus((s) => s.state === 'live');
    assert.equal(status.context, 'prod-eu');
    assert.equal(status.nodes, 1);
  });

  test('daemonscope/preview simulates on the live cluster', async () => {
    await client.open(uri, validDaemonSet);
    const preview = await client.request<EditorPreviewResult>('daemonscope/preview', { uri });
    assert.deepEqual(preview.cluster, { source: 'context prod-eu', nodes: 1 });
    assert.deepEqual(preview.daemonsets[0]?.nodes.map((n) => n.node), ['n1']);
  });

  test('a node joining is pushed as a new status and re-simulates; refresh answers the current one', async () => {
    while (api.openWatches() < 3) await new Promise((done) => setTimeout(done, 10));
    api.put('nodes', node('n2'));
    assert.equal((await nextStatus((s) => s.nodes === 2)).state, 'live');
    for (;;) {
      await client.notification<{ uri: string }>('daemonscope/previewChanged', (p) => p.uri === uri);
      const preview = await client.request<EditorPreviewResult>('daemonscope/preview', { uri });
      if (preview.cluster.nodes === 2) break;
    }
    const refreshed = await client.request<LiveStatus>('daemonscope/refreshCluster', {});
    assert.equal(refreshed.state, 'live');
    assert.equal(refreshed.nodes, 2);
  });

  test('an unknown context is an error status; clearing the setting turns the source off', async () => {
    client.settings = { clusterContext: 'nope' };
    await client.changeConfiguration();
    const error = await nextStatus((s) => s.state === 'error');
    assert.match(error.message ?? '', /Context "nope" is not in/);
    client.settings = {};
    await client.changeConfiguration();
    assert.equal((await nextStatus((s) => s.state === 'off')).context, '');
  });

  test('the token never reaches a status, a message or the server log', async () => {
    assert.ok(!JSON.stringify(statuses).includes(token));
    assert.ok(!client.log.join('\n').includes(token));
    assert.equal(await client.shutdown(), 0);
  });
});
