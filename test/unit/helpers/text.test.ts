import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dedent, offsetOf, withCursor } from '../../helpers/text';

test('dedent strips the common indentation and the framing blank lines', () => {
  assert.equal(dedent('\n    a:\n      b: 1\n  '), 'a:\n  b: 1\n');
});

test('withCursor returns the text without | and the cursor offset', () => {
  const { text, offset } = withCursor('\n  spec:\n    ty|\n');
  assert.equal(text, 'spec:\n  ty\n');
  assert.equal(offset, 'spec:\n  ty'.length);
  assert.throws(() => withCursor('a|b|'));
});

test('offsetOf finds the n-th occurrence', () => {
  assert.equal(offsetOf('a b a', 'a', 1), 4);
  assert.throws(() => offsetOf('abc', 'z'));
});
