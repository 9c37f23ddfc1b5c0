/**
 * Splits a YAML stream into the texts of its documents without parsing it, so that an edit
 * re-parses only the document it touched. A `---` at the start of a line, followed by a space, a
 * tab, a line break or the end, always starts a new document: `yaml`'s lexer ends whatever it was
 * reading there (block and quoted scalars, flow collections; `Lexer.continueScalar`,
 * `parseFlowCollection`), as YAML 1.2 forbids that marker inside any node (c-forbidden). So
 * parsing each chunk on its own gives the documents of parsing the whole stream, shifted by the
 * chunk's offset; `test/unit/perf/chunks.test.ts` checks that on the YAML test suite and on
 * random edits.
 *
 * Two things do cross a `---`, so streams that use them are not split (one chunk, parsed whole):
 * directives (`%YAML`, `%TAG` at the start of a line) and the document end marker `...`, after
 * which comments and errors in the stream belong to the next document.
 */
import type { Span } from './types';

/** One document's text: `text` is `source.slice(span.start, span.end)`. */
export interface Chunk {
  span: Span;
  text: string;
}

// Only blank and comment lines (and a byte order mark): what may precede the first `---`
// without being a document of its own (yaml makes it a comment of the next document).
const preludeOnly = /^\uFEFF?(?:[ \t\r]*(?:#[^\n]*)?(?:\n|$))*$/;

function isEmpty(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** True when a line is a directive or a document end marker (see the module comment). */
function crossesDocuments(text: string): boolean {
  if (text.startsWith('%') || text.includes('\n%')) return true;
  if (text.startsWith('...') && isEmpty(text[3])) return true;
  for (let at = text.indexOf('\n...'); at >= 0; at = text.indexOf('\n...', at + 4)) if (isEmpty(text[at + 4])) return true;
  return false;
}

/**
 * The offsets of every line that starts with a document start marker `---`, in order.
 * Offsets are 0-based UTF-16.
 */
export function documentStarts(text: string): number[] {
  const starts: number[] = [];
  if (text.startsWith('---') && isEmpty(text[3])) starts.push(0);
  for (let at = text.indexOf('\n---'); at >= 0; at = text.indexOf('\n---', at + 4)) {
    if (isEmpty(text[at + 4])) starts.push(at + 1);
  }
  return starts;
}

/**
 * The chunks of `text`, one per document, in order and covering the whole text; a single chunk
 * when the stream cannot be split safely (directives or `...`) or has no `---`.
 */
export function splitDocuments(text: string): Chunk[] {
  if (crossesDocuments(text)) return [{ span: { start: 0, end: text.length }, text }];
  const starts = documentStarts(text);
  // Comments before the first `---` belong to that document.
  if (starts.length > 0 && starts[0] > 0 && preludeOnly.test(text.slice(0, starts[0]))) starts[0] = 0;
  if (starts[0] !== 0) starts.unshift(0);
  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    chunks.push({ span: { start, end }, text: text.slice(start, end) });
  }
  return chunks;
}
