import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { credentialPlugin, listContexts, readKubeconfig, selectContext } from '../../../server/src/live/kubeconfig';
import { listLiveContexts } from '../../../server/src/live/liveSource';
import { writeKubeconfig, writeTemp } from '../../helpers/fakeKubeApi';

const trusted = { workspaceTrusted: true, contextChosenByUser: true };

test('listContexts puts the current context first, then the others by name', async () => {
  const path = writeKubeconfig(
    [
      { name: 'zeta', server: 'http://127.0.0.1:1', token: 'tok-zeta-123' },
      { name: 'alpha', server: 'http://127.0.0.1:1', token: 'tok-alpha-123' },
      { name: 'prod-eu', server: 'http://127.0.0.1:1', token: 'tok-prod-123' },
    ],
    'prod-eu',
  );
  const contexts = await listLiveContexts(path);
  assert.ok(contexts.ok);
  assert.deepEqual(
    contexts.value.map((c) => [c.name, c.current]),
    [['prod-eu', true], ['alpha', false], ['zeta', false]],
  );
  assert.equal(contexts.value[0]?.cluster, 'prod-eu-cluster');
});

test('an unknown context is an error that lists the known ones', async () => {
  const loaded = await readKubeconfig({ path: writeKubeconfig([{ name: 'dev', server: 'http://127.0.0.1:1', token: 'tok-dev-123' }]) });
  assert.ok(loaded.ok);
  const selected = selectContext(loaded.value, 'prod', trusted);
  assert.ok(!selected.ok);
  assert.equal(selected.error.code, 'context');
  assert.match(selected.error.message, /"prod".*contexts: dev/);
});

test('a missing kubeconfig file is a kubeconfig error naming it', async () => {
  const loaded = await readKubeconfig({ path: '/nonexistent/daemonscope/kubeconfig' });
  assert.ok(!loaded.ok);
  assert.equal(loaded.error.code, 'kubeconfig');
  assert.match(loaded.error.message, /\/nonexistent\/daemonscope\/kubeconfig was not found/);
});

test('a kubeconfig with bad YAML gives line and column but never quotes the file (it may hold a token)', async () => {
  const secret = 'sha256~SuperSecretTokenValue0123456789';
  const path = writeTemp('kubeconfig', `apiVersion: v1\nusers:\n- name: u\n  user:\n    token: ${secret}\n   bad: [\n`);
  const loaded = await readKubeconfig({ path });
  assert.ok(!loaded.ok);
  assert.equal(loaded.error.code, 'kubeconfig');
  assert.match(loaded.error.message, /not valid YAML at line \d+, column \d+/);
  assert.ok(!loaded.error.message.includes('SuperSecret'), loaded.error.message);
});

test('a kubeconfig that is not a mapping, or misses required fields, is a kubeconfig error', async () => {
  for (const text of ['', '- a\n- b\n', 'clusters:\n- name: c\n  cluster: {}\n']) {
    const loaded = await readKubeconfig({ path: writeTemp('kubeconfig', text) });
    if (loaded.ok) {
      // An empty mapping loads with no contexts; choosing one must then fail cleanly.
      const selected = selectContext(loaded.value, undefined, trusted);
      assert.ok(!selected.ok);
      assert.equal(selected.error.code, 'context');
    } else {
      assert.equal(loaded.error.code, 'kubeconfig', loaded.error.message);
    }
  }
});

test('a credential plugin is refused unless the workspace is trusted and the context was chosen', async () => {
  const marker = join(dirname(writeTemp('x', '')), 'plugin-ran');
  const script = writeTemp('plugin.js', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`);
  const path = writeKubeconfig([{ name: 'eks', server: 'http://127.0.0.1:1', exec: { command: process.execPath, args: [script] } }]);
  const loaded = await readKubeconfig({ path });
  assert.ok(loaded.ok);
  for (const policy of [
    { workspaceTrusted: false, contextChosenByUser: true },
    { workspaceTrusted: true, contextChosenByUser: false },
    { workspaceTrusted: false, contextChosenByUser: false },
  ]) {
    const selected = selectContext(loaded.value, 'eks', policy);
    assert.ok(!selected.ok);
    assert.equal(selected.error.code, 'credentialPlugin');
    assert.match(selected.error.message, /credential plugin/);
  }
  assert.ok(selectContext(loaded.value, 'eks', trusted).ok);
  assert.equal(existsSync(marker), false, 'selecting a context never runs its plugin');
});

test('credentialPlugin recognises exec users and gcp/azure providers with cmd-path, not plain tokens', () => {
  assert.match(credentialPlugin({ name: 'u', exec: { command: '/usr/local/bin/aws' } }) ?? '', /"aws"/);
  assert.match(credentialPlugin({ name: 'u', authProvider: { name: 'gcp', config: { 'cmd-path': '/opt/gcloud' } } }) ?? '', /gcp command "gcloud"/);
  assert.equal(credentialPlugin({ name: 'u', token: 'abc' }), null);
  assert.equal(credentialPlugin({ name: 'u', authProvider: { name: 'oidc', config: { 'id-token': 'x' } } }), null);
});

test('listContexts of a kubeconfig without contexts is empty', async () => {
  const loaded = await readKubeconfig({ path: writeTemp('kubeconfig', 'apiVersion: v1\nkind: Config\n') });
  assert.ok(loaded.ok);
  assert.deepEqual(listContexts(loaded.value), []);
});
