/** Helpers for quick-fix tests: the fixes of one finding, and the text after applying one. */
import assert from 'node:assert/strict';
import { applyEdits, quickFixes, type QuickFix } from '../../../../server/src/analysis/codeActions';
import { analyse } from '../../../helpers/analysis';

/** The fixes for the (only) finding with `code` in `text`. */
export function fixesFor(text: string, code: string): QuickFix[] {
  const analysis = analyse(text);
  const found = analysis.findings.filter((f) => f.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${analysis.findings.map((f) => f.code).join(', ')}`);
  assert.ok(analysis.file);
  return quickFixes(found[0]!, analysis.file);
}

/** `text` with the fix titled like `title` (or the preferred one) applied. */
export function applyFix(text: string, code: string, title?: RegExp): string {
  const fixes = fixesFor(text, code);
  const chosen = title ? fixes.find((f) => title.test(f.title)) : fixes.find((f) => f.isPreferred);
  assert.ok(chosen, `no fix ${title ?? '(preferred)'} among ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, chosen.edits);
}
