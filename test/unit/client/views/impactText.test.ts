/**
 * The rollout impact of an edit in the editor (issue #10): which DaemonSets get a CodeLens and
 * with what words, and the preview panel's line, from a `daemonscope/impact` answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { impactLenses, impactLine } from '../../../../client/src/views/impactText';
import { buildPreviewModel } from '../../../../client/src/views/previewModel';
import type { EditorDaemonSetImpact, EditorImpactResult } from '../../../../server/src/protocol';
import { loadPreview } from './fixtures';

function impact(name: string, status: EditorDaemonSetImpact['status'], effect: string, line: number | null, extra: Partial<EditorDaemonSetImpact> = {}): EditorDaemonSetImpact {
  return {
    name, namespace: 'logging', status, rollout: false, changes: [], pods: 0, waves: 0, estimatedSeconds: 0, nodesAdded: 0, nodesRemoved: 0,
    strategy: 'RollingUpdate', stall: null, effect, summary: effect,
    range: line === null ? null : { start: { line, character: 0 }, end: { line: line + 20, character: 0 } },
    ...extra,
  };
}

const result: EditorImpactResult = {
  uri: 'file:///w/logging.yaml', version: 4, cluster: { source: 'embedded', nodes: 10 }, problems: [],
  daemonsets: [
    impact('fluentd', 'changed', 'rolls 8 pods in 4 waves, ~2 min', 0, {
      rollout: true, pods: 8, waves: 4, estimatedSeconds: 120, changes: ['spec.template.spec.containers[0].image'],
      summary: 'pod template changed (image 5.0.1 → 5.0.2): rolls 8 pods in 4 waves, ~2 min',
    }),
    impact('node-exporter', 'changed', 'no rollout: only updateStrategy changed', 42, { changes: ['spec.updateStrategy.rollingUpdate.maxUnavailable'] }),
    impact('quiet', 'unchanged', 'unchanged', 80),
    impact('old-agent', 'removed', 'removed: deletes its pods on 7 nodes', null),
  ],
};

test('a lens above each changed DaemonSet with the effect; unchanged ones stay quiet; a removed one on the first line', () => {
  const lenses = impactLenses(result);
  assert.deepEqual(lenses.map((l) => [l.line, l.title]), [
    [0, '$(git-commit) rolls 8 pods in 4 waves, ~2 min'],
    [42, '$(git-commit) no rollout: only updateStrategy changed'],
    [0, '$(git-commit) logging/old-agent removed: deletes its pods on 7 nodes'],
  ]);
  assert.match(lenses[0]!.tooltip, /^Compared with the last commit: pod template changed \(image 5\.0\.1 → 5\.0\.2\): rolls 8 pods in 4 waves, ~2 min\.\n\nChanged:\n {2}spec\.template\.spec\.containers\[0\]\.image$/);
  assert.equal(lenses[0]!.key, 'logging/fluentd');
  assert.deepEqual(impactLenses(null), [], 'not in git: nothing');
});

test('the panel: a line for a changed DaemonSet, marked when it rolls; none when unchanged, removed or unknown', () => {
  assert.deepEqual(impactLine(result, 'logging/fluentd'), { text: 'Since the last commit: pod template changed (image 5.0.1 → 5.0.2): rolls 8 pods in 4 waves, ~2 min', rollout: true });
  assert.deepEqual(impactLine(result, 'logging/node-exporter'), { text: 'Since the last commit: no rollout: only updateStrategy changed', rollout: false });
  assert.equal(impactLine(result, 'logging/quiet'), null);
  assert.equal(impactLine(result, 'logging/old-agent'), null);
  assert.equal(impactLine(null, 'logging/fluentd'), null);
});

test('the preview model carries the overhead sentence and the impact line of each DaemonSet', () => {
  const preview = loadPreview('two-daemonsets');
  preview.daemonsets[0]!.overhead = { cpu: '700', memory: '1468006400', nodes: 7, allocatable: { cpu: '37370', memory: '160559865856' } };
  preview.daemonsets[0]!.overheadText = { sentence: 'reserves 700m CPU and 1.4 GiB across 7 nodes — 1.9% of their CPU, 0.9% of their memory', short: 'reserves 700m CPU, 1.4 GiB (1.9% of CPU)' };
  const model = buildPreviewModel(preview, 'logging.yaml', result);
  const [fluentd, exporter] = model.daemonsets;
  assert.equal(fluentd!.overhead, 'Reserves 700m CPU and 1.4 GiB across 7 nodes — 1.9% of their CPU, 0.9% of their memory');
  assert.equal(fluentd!.impact?.rollout, true);
  assert.equal(exporter!.overhead, '', 'a preview without overhead text (an older server) shows none');
  assert.equal(buildPreviewModel(preview, 'logging.yaml').daemonsets[0]!.impact, null);
});
