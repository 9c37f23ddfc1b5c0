/**
 * Removes the common leading indentation of a template literal and its first and last empty line,
 * so YAML can be written inline and indented with the test code.
 */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n') + '\n';
}

/**
 * Takes dedented text with one `|` marking the cursor and returns the text without it and the
 * cursor's 0-based UTF-16 offset. Throws (a test bug) if there is not exactly one `|`.
 */
export function withCursor(text: string): { text: string; offset: number } {
  const source = dedent(text);
  const offset = source.indexOf('|');
  if (offset < 0 || source.indexOf('|', offset + 1) >= 0) throw new Error('withCursor: mark exactly one |');
  return { text: source.slice(0, offset) + source.slice(offset + 1), offset };
}

/** The 0-based offset of the n-th (0-based) occurrence of `needle` in `text`; throws if absent. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`offsetOf: ${JSON.stringify(needle)} #${occurrence} not found`);
  }
  return at;
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
