import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyse, validDaemonSet } from '../../helpers/analysis';

function assertWellFormed(text: string): void {
  const result = analyse(text);
  for (const finding of result.findings) {
    assert.ok(finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= text.length, JSON.stringify(finding));
    assert.ok(finding.message.length > 0);
  }
}

test('property: any text is analysed without throwing, with spans inside the text', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (junk) => assertWellFormed(`kind: DaemonSet\n${junk}`)), { numRuns: 300 });
});

test('property: a DaemonSet with random edits never throws', () => {
  const edit = fc.record({
    at: fc.nat({ max: validDaemonSet.length }),
    remove: fc.nat({ max: 12 }),
    insert: fc.constantFrom('', ' ', '\t', ':', '- ', '&a ', '*a', '<<: *a\n', '{', '[', '"', "'", '\n', '---\n', '{{', '#', '!!binary ', '? ', '|\n', 'null', '~'),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
      let text = validDaemonSet;
      for (const { at, remove, insert } of edits) {
        const where = Math.min(at, text.length);
        text = text.slice(0, where) + insert + text.slice(where + remove);
      }
      assertWellFormed(text);
    }),
    { numRuns: 300 },
  );
});
