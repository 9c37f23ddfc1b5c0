// ESLint flat config. The import boundary of STYLE.md: analysis/ and engine/ are pure
// (no editor or LSP imports), and engine/ does not reach back into analysis/ or the server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const editorModules = ['vscode', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/e2e/**', 'server/generated/**', '.bench/**', '.test-build/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['server/src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: editorModules.filter((m) => !m.includes('*')).map((name) => ({ name, message: 'analysis/ is pure: no editor or LSP imports (STYLE.md).' })),
        patterns: [
          { group: ['vscode-languageclient/*', 'vscode-languageserver/*'], message: 'analysis/ is pure (STYLE.md).' },
          { group: ['**/server', '**/server.ts', '**/main', '**/documents', '**/convert', '**/cli', '**/cli/*'], message: 'Dependencies point one way: server -> analysis -> engine.' },
          { group: ['node:fs', 'fs', 'node:child_process', 'child_process', 'node:net', 'net', 'node:http', 'http', 'node:https', 'https'], message: 'analysis/ does no I/O: the server passes contents in.' },
        ],
      }],
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: editorModules.filter((m) => !m.includes('*')).map((name) => ({ name, message: 'engine/ is pure: no editor or LSP imports (STYLE.md).' })),
        patterns: [
          { group: ['vscode-languageclient/*', 'vscode-languageserver/*'], message: 'engine/ is pure (STYLE.md).' },
          { group: ['**/analysis', '**/analysis/*', '**/server', '**/main', '**/documents', '**/convert', '**/cli', '**/cli/*'], message: 'engine/ knows nothing of YAML positions, analysis or LSP.' },
          { group: ['node:fs', 'fs', 'node:child_process', 'child_process', 'node:net', 'net', 'node:http', 'http', 'node:https', 'https'], message: 'engine/ does no I/O: callers pass contents in.' },
        ],
      }],
    },
  },
  {
    // The webview script runs in the webview's browser context, not in Node.
    files: ['client/media/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', CSS: 'readonly', HTMLElement: 'readonly', Node: 'readonly', clearInterval: 'readonly', acquireVsCodeApi: 'readonly' },
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/src/*', '!**/server/src/protocol'], message: 'The client imports only server/src/protocol.ts (STYLE.md).' },
        ],
      }],
    },
  },
);
