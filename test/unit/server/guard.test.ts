import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuard } from '../../../server/src/guard';

test('guard returns the result, or logs and returns the fallback on a throw or a rejection', async () => {
  const log: string[] = [];
  const guard = createGuard((message) => log.push(message));
  assert.equal(guard('ok', 0, (x: number) => x + 1)(1), 2);
  assert.equal(guard('sync', 'empty', () => { throw new Error('boom'); })(), 'empty');
  assert.equal(await guard('async', null, async () => { throw new Error('later'); })(), null);
  assert.equal(log.length, 2);
  assert.match(log[0], /sync failed: Error: boom/);
  assert.match(log[1], /async failed: Error: later/);
});
