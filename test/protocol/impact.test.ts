/**
 * `daemonscope/impact` over stdio (issue #10): the open document against the committed text the
 * client sends, computed by the engine code behind `daemonscope diff`, with each DaemonSet's range.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LspClient } from '../helpers/lspClient';
import { repoPath } from '../helpers/paths';
import type { EditorImpactResult } from '../../server/src/protocol';

const sample = readFileSync(repoPath('samples/fluentd-elasticsearch.yaml'), 'utf8');
const bumped = sample.replace('fluentd:v5.0.1', 'fluentd:v5.0.2');

describe('daemonscope/impact over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start();
    await client.initialize();
  });
  after(() => client.dispose());

  test('an image bump rolls the nodes that run it, as `daemonscope diff` says; the range is the DaemonSet\'s', async () => {
    const uri = 'file:///w/fluentd.yaml';
    await client.open(uri, bumped);
    const result = await client.request<EditorImpactResult>('daemonscope/impact', { uri, baseText: sample });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.cluster, { source: 'embedded', nodes: 10 });
    const [ds] = result.daemonsets;
    assert.deepEqual(
      { name: ds!.name, status: ds!.status, rollout: ds!.rollout, changes: ds!.changes, pods: ds!.pods, waves: ds!.waves, estimatedSeconds: ds!.estimatedSeconds },
      { name: 'fluentd-elasticsearch', status: 'changed', rollout: true, changes: ['spec.template.spec.containers[0].image'], pods: 8, waves: 7, estimatedSeconds: 105 },
    );
    assert.equal(ds!.effect, 'rolls 8 pods in 7 waves, ~2 min');
    assert.equal(ds!.range?.start.line, 3);
  });

  test('only the strategy changed: no rollout; the committed file\'s other DaemonSet is removed (no range)', async () => {
    const uri = 'file:///w/strategy.yaml';
    await client.open(uri, sample.replace('maxUnavailable: 25%', 'maxUnavailable: 1'));
    const base = `${sample}---\n${sample.replace('name: fluentd-elasticsearch\n  namespace', 'name: old-agent\n  namespace')}`;
    const result = await client.request<EditorImpactResult>('daemonscope/impact', { uri, baseText: base });
    assert.deepEqual(result.daemonsets.map((d) => [d.name, d.status, d.effect, d.range === null]), [
      ['fluentd-elasticsearch', 'changed', 'no rollout: only updateStrategy changed', false],
      ['old-agent', 'removed', 'removed: deletes its pods on 8 nodes', true],
    ]);
  });

  test('garbage: broken committed text or document explain themselves; an unknown document is null; the server keeps answering', async () => {
    const uri = 'file:///w/fluentd.yaml';
    const broken = await client.request<EditorImpactResult>('daemonscope/impact', { uri, baseText: 'kind: DaemonSet\nmetadata: {name: [\n' });
    assert.equal(broken.daemonsets.length, 0);
    assert.match(broken.problems[0]!, /committed version .* does not parse/);
    const notYaml = await client.request<EditorImpactResult>('daemonscope/impact', { uri, baseText: '\u0000\u0001 not yaml: [' });
    assert.ok(Array.isArray(notYaml.daemonsets));
    const editedBadly = 'file:///w/typing.yaml';
    await client.open(editedBadly, `${bumped}\n  extra: [`);
    assert.match((await client.request<EditorImpactResult>('daemonscope/impact', { uri: editedBadly, baseText: sample })).problems[0]!, /Fix the YAML errors first/);
    assert.equal(await client.request('daemonscope/impact', { uri: 'file:///nowhere.yaml', baseText: '' }), null);
    assert.equal(await client.request('daemonscope/impact', { uri }), null);
    const again = await client.request<EditorImpactResult>('daemonscope/impact', { uri, baseText: '' });
    assert.deepEqual(again.daemonsets.map((d) => d.status), ['added']);
  });
});
