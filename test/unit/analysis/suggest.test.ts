import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, suggest } from '../../../server/src/analysis/suggest';

test('editDistance counts a transposition as one edit', () => {
  assert.equal(editDistance('maxUnavilable', 'maxUnavailable'), 1);
  assert.equal(editDistance('ab', 'ba'), 1);
  assert.equal(editDistance('', 'abc'), 3);
});

test('suggest prefers a case-insensitive match, then the closest candidate', () => {
  assert.equal(suggest('Rollingupdate', ['RollingUpdate', 'OnDelete']), 'RollingUpdate');
  assert.equal(suggest('maxUnavilable', ['maxSurge', 'maxUnavailable']), 'maxUnavailable');
  assert.equal(suggest('imagePullPolcy', ['image', 'imagePullPolicy', 'imagePullSecrets']), 'imagePullPolicy');
});

test('suggest gives nothing when no candidate is close', () => {
  assert.equal(suggest('replicas', ['maxSurge', 'maxUnavailable']), undefined);
  assert.equal(suggest('x', ['y', 'z']), 'y');
  assert.equal(suggest('zzzzzz', ['RollingUpdate']), undefined);
});
