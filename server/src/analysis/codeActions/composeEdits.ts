/**
 * Composes two rounds of text edits into one: edits on the original text, then edits on the text
 * they produced, become edits on the original text alone. `check --fix` edits a file in passes;
 * the editor's "Fix All" needs the same change as one set of edits on the text it has.
 */
import { applyEdits, type TextEdit } from './yamlEdit';

/** A changed region of the intermediate text, and where it comes from. */
interface Region {
  start: number;
  end: number;
  /** The first round's edit that produced it, or undefined for an edit of the second round. */
  first?: TextEdit;
  second?: TextEdit;
}

/**
 * Edits on `before` (offsets into it) equal to applying `first` to `before`, then `second` to
 * `applyEdits(before, first)` (offsets into that text). `first` must be the output of this function
 * (sorted, disjoint, not touching); [] is fine. The result is sorted by offset, and no two of its
 * edits overlap or touch (edits that touch are merged), so an editor applies them in any order.
 * `snippet`s are dropped: the result carries plain text.
 */
export function composeEdits(first: readonly TextEdit[], second: readonly TextEdit[], intermediate: string): TextEdit[] {
  const regions: Region[] = [];
  let shift = 0;
  for (const edit of first) {
    const start = edit.span.start + shift;
    regions.push({ start, end: start + edit.newText.length, first: edit });
    shift += edit.newText.length - (edit.span.end - edit.span.start);
  }
  for (const edit of second) regions.push({ start: edit.span.start, end: edit.span.end, second: edit });
  // First-round regions before second-round ones at one offset: merging only looks at the end so far.
  regions.sort((a, b) => a.start - b.start || Number(a.first === undefined) - Number(b.first === undefined));

  const out: TextEdit[] = [];
  // How much longer the intermediate text is than the original before the group being built.
  let delta = 0;
  let index = 0;
  while (index < regions.length) {
    const group: Region[] = [regions[index]!];
    let end = regions[index]!.end;
    index++;
    // Regions that overlap or touch (an insertion at either end included) become one edit.
    while (index < regions.length && regions[index]!.start <= end) {
      end = Math.max(end, regions[index]!.end);
      group.push(regions[index]!);
      index++;
    }
    const start = group[0]!.start;
    let groupDelta = 0;
    for (const region of group) if (region.first) groupDelta += region.first.newText.length - (region.first.span.end - region.first.span.start);
    const inner = group.flatMap((region) => (region.second ? [{ span: { start: region.second.span.start - start, end: region.second.span.end - start }, newText: region.second.newText }] : []));
    out.push({ span: { start: start - delta, end: end - delta - groupDelta }, newText: applyEdits(intermediate.slice(start, end), inner) });
    delta += groupDelta;
  }
  return out;
}
