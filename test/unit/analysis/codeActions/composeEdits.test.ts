import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { composeEdits } from '../../../../server/src/analysis/codeActions/composeEdits';
import { applyEdits, type TextEdit } from '../../../../server/src/analysis/codeActions/yamlEdit';

/** Random edits on a text of `length` characters: disjoint (insertions may share a point with others). */
function editsOn(length: number): fc.Arbitrary<TextEdit[]> {
  return fc
    .array(fc.tuple(fc.nat(length), fc.nat(4), fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' '), maxLength: 4 })), { maxLength: 5 })
    .map((raw) => {
      const sorted = raw.map(([start, size, newText]) => ({ start, end: Math.min(length, start + size), newText })).sort((a, b) => a.start - b.start);
      const edits: TextEdit[] = [];
      let reached = 0;
      for (const { start, end, newText } of sorted) {
        if (start < reached) continue;
        edits.push({ span: { start, end }, newText });
        reached = Math.max(reached, end);
      }
      return edits;
    });
}

function assertSortedApart(edits: readonly TextEdit[]): void {
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1]!.span.end < edits[i]!.span.start, `edits ${i - 1} and ${i} overlap or touch: ${JSON.stringify(edits)}`);
}

describe('composeEdits', () => {
  test('a second round next to, inside and over the first becomes one set of edits on the original', () => {
    const original = 'spec:\n  a: 1\n  b: 2\n  c: 3\n';
    const first: TextEdit[] = composeEdits([], [{ span: { start: 8, end: 9 }, newText: 'x' }, { span: { start: 20, end: 27 }, newText: '' }], original);
    const intermediate = applyEdits(original, first);
    assert.equal(intermediate, 'spec:\n  x: 1\n  b: 2\n');
    // Over the first edit's text, and an insertion where the deleted line was.
    const second: TextEdit[] = [{ span: { start: 8, end: 12 }, newText: 'y: 9' }, { span: { start: 20, end: 20 }, newText: '  d: 4\n' }];
    const composed = composeEdits(first, second, intermediate);
    assert.deepEqual(composed, [
      { span: { start: 8, end: 12 }, newText: 'y: 9' },
      { span: { start: 20, end: 27 }, newText: '  d: 4\n' },
    ]);
    assert.equal(applyEdits(original, composed), applyEdits(intermediate, second));
  });

  test('edits that touch within one round are merged (an editor could order them either way)', () => {
    const composed = composeEdits([], [{ span: { start: 2, end: 2 }, newText: 'X' }, { span: { start: 2, end: 4 }, newText: 'Y' }], 'abcdef');
    assert.deepEqual(composed, [{ span: { start: 2, end: 4 }, newText: 'XY' }]);
    assert.deepEqual(composeEdits([], [], 'abc'), []);
  });

  test('property: composing rounds gives the text applying them in turn gives; edits sorted, apart', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', '\n', ' '), maxLength: 20 }).chain((text) => fc.tuple(fc.constant(text), editsOn(text.length))),
        fc.array(fc.nat(), { maxLength: 3 }),
        ([text, round], seeds) => {
          let edits = composeEdits([], round, text);
          let current = applyEdits(text, round);
          assert.equal(applyEdits(text, edits), current);
          assertSortedApart(edits);
          for (const seed of seeds) {
            const next = fc.sample(editsOn(current.length), { numRuns: 1, seed })[0]!;
            edits = composeEdits(edits, next, current);
            current = applyEdits(current, next);
            assert.equal(applyEdits(text, edits), current);
            assertSortedApart(edits);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
