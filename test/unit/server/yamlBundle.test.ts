/**
 * The server and CLI bundles parse YAML with the `yaml` package minus its per-token debug reads of
 * `process.env` (esbuild.mjs, plugin yaml-without-debug-flags; issue #9). That the bundled
 * parser still parses as the package does is what every protocol and CLI test relies on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../../helpers/paths';

for (const bundle of ['server.js', 'cli.js']) {
  test(`dist/${bundle}: yaml's parser and composer read no LOG_TOKENS / LOG_STREAM from process.env`, (t) => {
    const path = repoPath('dist', bundle);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (!text.includes('// node_modules/yaml/dist/parse/parser.js')) {
      t.skip(`dist/${bundle} is missing or minified (run npm run build first)`);
      return;
    }
    assert.equal(/env\.LOG_TOKENS|env\.LOG_STREAM/.test(text), false);
    // The rest of the parser is there, unchanged.
    assert.ok(text.includes('*next(source)'));
  });
}

