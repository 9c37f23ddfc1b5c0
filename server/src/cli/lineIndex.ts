/** 1-based line and column (UTF-16 code units) of offsets in a text, as the CLI prints them. */

/** A line/column lookup over `text`; columns count UTF-16 code units, as LSP and SARIF do. */
export interface LineIndex {
  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number };
}

/** Builds the line-start table of `text` once; each lookup is a binary search. */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return {
    position(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= offset) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: offset - starts[low] + 1 };
    },
  };
}
