/**
 * Activation stays light: dist/client.js (loaded when a YAML file opens) must not contain the
 * language-client or protocol libraries; they live in dist/languageClient.js, loaded after
 * activation returns. Reads the bundles `npm test` has just built (esbuild names each input in a
 * comment in unminified output).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../../helpers/paths';

const heavy = ['node_modules/vscode-languageclient/', 'node_modules/vscode-jsonrpc/', 'node_modules/vscode-languageserver-protocol/'];

test('dist/client.js holds none of vscode-languageclient, vscode-jsonrpc or the protocol library', (t) => {
  const path = repoPath('dist', 'client.js');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (!text.includes('// client/src/extension.ts')) {
    t.skip('dist/client.js is missing or minified (run npm run build first)');
    return;
  }
  for (const lib of heavy) assert.equal(text.includes(`// ${lib}`), false, `${lib} is not in dist/client.js`);
  assert.ok(text.includes('// client/src/messageTypes.ts'), 'the method-name stand-ins are used instead');
});

test('dist/languageClient.js carries the language client', (t) => {
  const path = repoPath('dist', 'languageClient.js');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (!text.includes('// client/src/languageClient.ts')) {
    t.skip('dist/languageClient.js is missing or minified (run npm run build first)');
    return;
  }
  assert.ok(text.includes('// node_modules/vscode-languageclient/'));
});
