/**
 * Multi-document YAML parsing with positions. Uses `parseAllDocuments` (which never throws) and a
 * `LineCounter`, with the YAML 1.1 rules Kubernetes applies: kubectl converts YAML to JSON with
 * sigs.k8s.io/yaml, which is built on go-yaml v2 (YAML 1.1), so `yes`/`on` are booleans, `0755` is
 * octal and `<<` merge keys work. go-yaml v2 keeps timestamp-like and sexagesimal plain scalars
 * (`2024-01-01`, `12:30`) as strings when decoding into an untyped value, so those tags are dropped.
 */
import { Composer, LineCounter, Parser, parseAllDocuments, type Document, type ParseOptions, type DocumentOptions, type ScalarTag, type SchemaOptions } from 'yaml';
import type { Span } from './types';

/** One YAML document of a file. */
export interface ParsedDocument {
  /** 0-based position of the document in its file. */
  index: number;
  document: Document.Parsed;
  /** The document's range in the file text: offsets, end exclusive. */
  span: Span;
}

/** A parsed file: its text, line index and documents. */
export interface ParsedFile {
  text: string;
  /** Line starts of `text`; `linePos(offset)` gives 1-based line and column (UTF-16 units). */
  lineCounter: LineCounter;
  documents: ParsedDocument[];
}

type Tags = Exclude<SchemaOptions['customTags'], ((tags: never) => unknown) | null | undefined>;

/**
 * The first character of a plain scalar that only the string tag accepts: a letter that none
 * of YAML 1.1's other scalar tags (as yaml implements them: schema/yaml-1.1) can start with.
 * Null is empty, `~` or `null`; booleans start with y, n, t, f or o (`yes`, `no`, `true`,
 * `false`, `on`, `off`, either case); numbers with a sign, a digit or `.`, and floats also
 * with e (`e5`: the mantissa is optional in yaml's pattern); the merge key is `<<`.
 */
export const surelyString = /^[a-dg-mp-suv-xzA-DG-MP-SUV-XZ]/;

/**
 * YAML 1.1's scalar tags without the timestamps (module comment), led by the string tag tested
 * with `surelyString`: yaml resolves a plain scalar with the first tag whose pattern matches it,
 * so most words of a manifest (`app`, `kube-system`, `IfNotPresent`) are strings after one test
 * instead of one per numeric and boolean pattern (a tenth of the parse). What resolves to what
 * is unchanged: a scalar the new test takes is one no other pattern matches, which would have
 * fallen back to the same string tag (parse.test.ts compares both on every input).
 */
export function yaml11Tags(tags: Tags, stringsFirst = true): Tags {
  // yaml asks once per document, with the same tags each time: the list is made once (2 ms of a
  // 500-document file) and each document gets its own copy (yaml may add to it).
  if (stringsFirst && lastTags && lastTags.from.length === tags.length && lastTags.from.every((tag, i) => tag === tags[i])) return lastTags.to.slice();
  const made = makeYaml11Tags(tags, stringsFirst);
  if (stringsFirst) lastTags = { from: tags.slice(), to: made.slice() };
  return made;
}

let lastTags: { from: Tags; to: Tags } | undefined;

function makeYaml11Tags(tags: Tags, stringsFirst: boolean): Tags {
  const kept = tags.filter((tag) => {
    if (typeof tag !== 'object') return true;
    return tag.tag !== 'tag:yaml.org,2002:timestamp' && !('format' in tag && tag.format === 'TIME');
  });
  const string = kept.find((tag): tag is ScalarTag => typeof tag === 'object' && tag.tag === 'tag:yaml.org,2002:str' && !('collection' in tag && tag.collection));
  if (!stringsFirst || !string) return kept;
  // Without `identify`: printing a string picks its tag as before (one with a pattern wins there).
  const { identify: _printing, ...resolving } = string;
  return [{ ...resolving, test: surelyString }, ...kept];
}

/** The options every Daemonscope parse uses (see the module comment). */
export const yamlParseOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  prettyErrors: false,
  // Problems become findings; nothing is written to the process's stderr.
  logLevel: 'silent',
  uniqueKeys: true,
  customTags: (tags) => yaml11Tags(tags),
};

/** Parses every document of `text`. Never throws: syntax errors stay on each document's `errors`. */
export function parseYamlFile(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...yamlParseOptions, lineCounter });
  // An empty stream (no documents at all) is returned as a non-array value.
  const list = Array.isArray(parsed) ? parsed : [];
  const documents = list.map((document, index) => ({
    index,
    document,
    span: { start: document.range[0], end: document.range[2] },
  }));
  return { text, lineCounter, documents };
}

/**
 * Parses one chunk of a file (chunks.ts) that starts at offset `base`: its documents, with every
 * position counted from the start of the file. A chunk that another chunk follows, and that has a syntax
 * error or ends with blank or comment lines, is parsed again with the `---` it is followed by, so that error recovery at its end sees what it
 * sees in the whole stream (a broken document ends where it would), and the document that marker
 * opens is dropped. Throws only where the parser does (stack exhaustion on pathological nesting).
 */
export function parseChunk(text: string, base: number, last: boolean): Document.Parsed[] {
  let list = parseDocuments(text, base);
  if (!last && (!endsWithContent(text) || list.some((document) => document.errors.length > 0))) {
    const followed = parseDocuments(`${text}---\n`, base);
    const opened = followed[followed.length - 1];
    // An unterminated quoted scalar runs over `---` in yaml's error recovery (not in kubectl,
    // which splits at `---` lines first): then the chunk parsed on its own is kept.
    if (opened && opened.range[0] === base + text.length) list = followed.slice(0, -1);
  }
  return list;
}

/**
 * True when the last line of `text` holds content (not blank, not only a comment): then the
 * document ends on that line whether a `---` or the end of the text follows, and the chunk
 * parses alone as in the whole stream. Trailing blank and comment lines are where ranges differ.
 */
function endsWithContent(text: string): boolean {
  const lastLine = text.slice(text.lastIndexOf('\n', text.length - 2) + 1);
  return /^[ \t]*[^\s#]/.test(lastLine);
}

/**
 * The documents of `text` as `parseAllDocuments` gives them (without a LineCounter), every
 * position counted from `base`: yaml's parser numbers its tokens from its `offset`, which the
 * composer turns into node ranges and error positions, so starting it at `base` saves a walk
 * over every node afterwards (and a new range array per node).
 */
function parseDocuments(text: string, base: number): Document.Parsed[] {
  const parser = new Parser();
  parser.offset = base;
  return Array.from(new Composer(yamlParseOptions).compose(parser.parse(text)));
}
