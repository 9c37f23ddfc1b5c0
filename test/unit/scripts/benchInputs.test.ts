import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasHeavy } from '../../../scripts/bench/analysis';
import { daemonSetText, manyDocuments } from '../../../server/src/sampleManifests';
import { check, practiceOff } from '../../helpers/analysis';

const lines = (text: string) => text.split('\n').length - 1;

test('bench inputs are the sizes the budgets name: a 60-line DaemonSet, a ~33k-line 500-document file', () => {
  assert.equal(lines(daemonSetText(1)), 60);
  assert.equal(lines(daemonSetText(1, false, true)), 66);
  assert.equal(lines(manyDocuments()), 33_499);
});

test('bench inputs are valid DaemonSets (the typo variant aside), aliases included', () => {
  // Production-practice advice (priority class...) aside: the inputs are about parsing and the schema.
  assert.deepEqual(check(daemonSetText(3, false, true), { rules: practiceOff }), []);
  assert.deepEqual(check(daemonSetText(3, true), { rules: practiceOff }).map((f) => f.code), ['schema.unknown-field']);
  assert.deepEqual(check(aliasHeavy(2), { rules: practiceOff }), []);
});
