import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, formatPreviewText, useColor, wrap } from '../../../server/src/cli/previewText';
import { previewDaemonSets } from '../../../server/src/engine';
import { cluster, daemonSet, node } from '../engine/fixtures';

test('colour only on a TTY, and never with NO_COLOR set (https://no-color.org)', () => {
  assert.equal(useColor({ isTTY: true }, {}), true);
  assert.equal(useColor({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(useColor({ isTTY: true }, { NO_COLOR: '' }), true);
  assert.equal(useColor({ isTTY: false }, {}), false);
  assert.equal(useColor({}, {}), false);
});

test('text output: ANSI colours when asked, none otherwise; long details wrap under the detail column', () => {
  const c = cluster([node('a-very-long-node-name-for-wrapping', { taints: [{ key: 'example.com/a-long-taint-key-that-needs-room', value: 'some-long-value', effect: 'NoSchedule' }] }), node('b')]);
  const { result, simulations } = previewDaemonSets([daemonSet()], c);
  const plain = formatPreviewText(result, simulations, { color: false, width: 100, podStartSeconds: 10 });
  const coloured = formatPreviewText(result, simulations, { color: true, width: 100, podStartSeconds: 10 });
  assert.ok(!plain.includes('\u001b['));
  assert.ok(coloured.includes('\u001b[32mruns'));
  for (const line of plain.split('\n')) assert.ok(line.length <= 100, line);
  assert.match(plain, /is not\s+tolerated/);
});

test('many waves are shortened to the first ten and the last', () => {
  const nodes = Array.from({ length: 30 }, (_, i) => node(`n${String(i).padStart(2, '0')}`));
  const { result, simulations } = previewDaemonSets([daemonSet()], cluster(nodes));
  const text = formatPreviewText(result, simulations, { color: false, width: 100, podStartSeconds: 10 });
  assert.match(text, /wave 10 {2}n09/);
  assert.match(text, /… 19 more waves …/);
  assert.match(text, /wave 30 {2}n29/);
  assert.match(text, /Estimated: 5 min \(30 waves × \(10 s pod start\)\)/);
});

test('durations and wrapping helpers', () => {
  assert.equal(formatDuration(45), '45 s');
  assert.equal(formatDuration(105), '1 min 45 s');
  assert.equal(formatDuration(7500), '2 h 5 min');
  assert.deepEqual(wrap('aa bb cc', 5), ['aa bb', 'cc']);
});

test('every node pending: one wave that replaces pending pods, an estimate of 0 s that says why (not "0 waves")', () => {
  const full = { cpu: '100m', memory: '1Gi', pods: '110' };
  const c = cluster([node('a', { allocatable: full }), node('b', { allocatable: full })]);
  const ds = daemonSet({ containers: [{ name: 'app', image: 'x:1', resources: { requests: { cpu: '1' } } }] });
  const { result, simulations } = previewDaemonSets([ds], c);
  assert.equal(result.daemonsets[0]!.rollout.estimatedSeconds, 0);
  const text = formatPreviewText(result, simulations, { color: false, width: 100, podStartSeconds: 10 });
  assert.match(text, /wave 1 {2}a \(pending\), b \(pending\)/);
  assert.match(text, /Estimated: 0 s \(only pending pods are replaced, and their new pods cannot start either\)/);
  assert.doesNotMatch(text, /0 waves/);
});
