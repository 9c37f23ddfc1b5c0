import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPath, pathFromPointer, valueAt } from '../../../server/src/analysis/path';

test('formatPath prints dotted paths with indexes and quoted odd keys', () => {
  assert.equal(formatPath(['spec', 'template', 'spec', 'containers', 0, 'name']), 'spec.template.spec.containers[0].name');
  assert.equal(formatPath(['metadata', 'labels', 'app.kubernetes.io/name']), 'metadata.labels["app.kubernetes.io/name"]');
  assert.equal(formatPath([]), 'DaemonSet');
});

test('pathFromPointer tells array indexes from numeric map keys', () => {
  const value = { spec: { containers: [{ name: 'a' }] }, metadata: { labels: { '0': 'x', 'a/b': 'y' } } };
  assert.deepEqual(pathFromPointer('/spec/containers/0/name', value), ['spec', 'containers', 0, 'name']);
  assert.deepEqual(pathFromPointer('/metadata/labels/0', value), ['metadata', 'labels', '0']);
  assert.deepEqual(pathFromPointer('/metadata/labels/a~1b', value), ['metadata', 'labels', 'a/b']);
  assert.deepEqual(pathFromPointer('', value), []);
  assert.equal(valueAt(value, ['spec', 'containers', 0, 'name']), 'a');
  assert.equal(valueAt(value, ['spec', 'nothing', 'here']), undefined);
});
