// Build-time rewrite of yaml's lexer and parser (esbuild.mjs, plugin yaml-patched; issue #9):
// their generator methods become plain methods that push their tokens onto `this.emitted`.
//
// yaml's Lexer and Parser are chains of generators: every token passes through `yield*` at three
// or four levels (lex → parseNext → parseLineStart → pushSpaces; parse → next → step → blockMap),
// and each level is a generator object made and resumed per token. Flattened, only the entry
// points (`Lexer.lex`, `Parser.parse`) stay generators, and they hand on the tokens of each step
// in order: the same tokens, in the same order, still one step at a time (a consumer that stops
// early stops the work). Analysing the 500-document file allocates 166 MB instead of 467 MB
// (sampled), and its documents parse in about 0.6x the time.
//
// The rewrite is mechanical and checked, so that a yaml upgrade that changes what it relies on
// fails the build instead of changing the parse: each entry point's text must be the one below;
// every other generator method becomes plain (`*name(` → `name(`); `yield* this.m(...)` may only
// call a generator method of the same file and becomes `this.m(...)` (its return value, the next
// state or a count, is the plain call's); a `yield value;` must be a statement of its own and
// becomes `this.emitted.push(value);`; any other `yield` is an error. test/unit/server/
// yamlGenerators.test.ts compares the rewritten lexer, parser and composed documents with the
// published ones on every yaml-test-suite case and random input.

// Each entry point as published (`head` + `from`) and as rewritten (`head` + `to`): only its loop
// changes, to hand on each step's tokens from `this.emitted`.
const entryPoints = {
  lexer: {
    head: `    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
`,
    from: `        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }`,
    to: `        this.emitted = [];
        while (next && (incomplete || this.hasChars(1))) {
            next = this.parseNext(next);
            if (this.emitted.length > 0) {
                const step = this.emitted;
                this.emitted = [];
                yield* step;
            }
        }
    }`,
  },
  parser: {
    head: `    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
`,
    from: `        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }`,
    to: `        this.emitted = [];
        for (const lexeme of this.lexer.lex(source, incomplete)) {
            this.next(lexeme);
            if (this.emitted.length > 0) {
                const step = this.emitted;
                this.emitted = [];
                yield* step;
            }
        }
        if (!incomplete) {
            this.end();
            const step = this.emitted;
            this.emitted = [];
            yield* step;
        }
    }`,
  },
};

const isComment = (line) => /^\s*(\*|\/\/|\/\*)/.test(line);

/** Whether `text` has as many closing as opening brackets of each kind (a yielded expression). */
function balanced(text) {
  const count = (ch) => text.split(ch).length - 1;
  return count('{') === count('}') && count('(') === count(')') && count('[') === count(']');
}

/**
 * `source` (yaml/dist/parse/lexer.js or parser.js, as `file` says) with its generators flattened
 * as the module comment describes. Throws, naming what it met, when the source is not as expected.
 */
export function flattenGenerators(source, file) {
  const entry = entryPoints[file];
  if (!entry) throw new Error(`flattenGenerators: unknown file ${file}`);
  const parts = source.split(entry.head + entry.from);
  if (parts.length !== 2) throw new Error(`yaml/dist/parse/${file}.js: its entry point is no longer the one esbuild.mjs flattens around (scripts/yamlGenerators.mjs)`);
  // Generator methods a delegation may call: all but the entry point, which stays a generator.
  const methods = new Set([...source.matchAll(/^ {4}\*(\w+)\(/gm)].map((match) => match[1]));
  methods.delete(/^ {4}\*(\w+)\(/.exec(entry.head)[1]);
  const flat = parts.map((part) => {
    for (const line of part.split('\n')) {
      if (isComment(line) || !/\byield\b/.test(line)) continue;
      const rest = line.replace(/yield\* this\.(\w+)\(/g, (whole, name) => {
        if (!methods.has(name)) throw new Error(`yaml/dist/parse/${file}.js: \`${line.trim()}\` delegates to ${name}, not a generator method of the file`);
        return '';
      });
      if (/\byield\b/.test(rest) && !/^\s*yield [^*]/.test(rest)) throw new Error(`yaml/dist/parse/${file}.js: \`${line.trim()}\` uses yield in a way flattenGenerators does not rewrite`);
    }
    let out = part.replace(/^( {4})\*(\w+)\(/gm, '$1$2(');
    out = out.replace(/yield\* this\.(\w+)\(/g, 'this.$1(');
    out = out.replace(/^(\s*)yield ([^;]*);/gm, (whole, indent, value) => {
      if (!balanced(value)) throw new Error(`yaml/dist/parse/${file}.js: \`yield ${value.trim()}\` is not one statement`);
      return `${indent}this.emitted.push(${value});`;
    });
    const left = out.split('\n').find((line) => !isComment(line) && /\byield\b|^\s*\*\w+\(/.test(line));
    if (left !== undefined) throw new Error(`yaml/dist/parse/${file}.js: \`${left.trim()}\` is left a generator`);
    return out;
  });
  return flat.join(entry.head + entry.to);
}
