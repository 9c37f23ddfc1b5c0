/**
 * The TextMate injection grammar (syntaxes/daemonscope.injection.tmLanguage.json), tokenized with
 * vscode-textmate + vscode-oniguruma as VS Code does. It runs against a small YAML stand-in grammar
 * (test/fixtures/syntaxes) always, and against VS Code's own YAML grammar when test/e2e has
 * installed code-server (test/e2e/run.sh runs this file again after its install).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { repoPath } from '../../helpers/paths';

const injectionScope = 'daemonscope.injection.yaml';
const injectionPath = repoPath('syntaxes', 'daemonscope.injection.tmLanguage.json');
const vscodeGrammars = process.env.DAEMONSCOPE_YAML_GRAMMARS ?? repoPath('test', 'e2e', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'yaml', 'syntaxes');
const vscodeFiles: Record<string, string> = {
  'source.yaml': 'yaml.tmLanguage.json',
  'source.yaml.1.0': 'yaml-1.0.tmLanguage.json',
  'source.yaml.1.1': 'yaml-1.1.tmLanguage.json',
  'source.yaml.1.2': 'yaml-1.2.tmLanguage.json',
  'source.yaml.1.3': 'yaml-1.3.tmLanguage.json',
  'source.yaml.embedded': 'yaml-embedded.tmLanguage.json',
};

/** A token: its text and its scopes (outermost first). */
interface Token {
  line: number;
  text: string;
  scopes: string[];
}

let wasm: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  wasm ??= oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  return wasm;
}

/** Tokenizes `text` with the host grammar `host` ('stand-in' or 'vscode'), with or without our injection. */
async function tokenize(text: string, host: 'stand-in' | 'vscode', inject = true): Promise<Token[]> {
  await loadOniguruma();
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      let path: string | undefined;
      if (scopeName === injectionScope) path = injectionPath;
      else if (host === 'stand-in' && scopeName === 'source.yaml') path = repoPath('test', 'fixtures', 'syntaxes', 'yaml-host.tmLanguage.json');
      else if (host === 'vscode' && vscodeFiles[scopeName]) path = join(vscodeGrammars, vscodeFiles[scopeName]);
      return path === undefined ? null : vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
    getInjections: (scopeName: string) => (inject && scopeName === 'source.yaml' ? [injectionScope] : undefined),
  });
  const grammar = await registry.loadGrammar('source.yaml');
  assert.ok(grammar, 'source.yaml grammar loads');
  const tokens: Token[] = [];
  let stack = vsctm.INITIAL;
  text.split('\n').forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, stack);
    for (const t of result.tokens) tokens.push({ line, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = result.ruleStack;
  });
  return tokens;
}

const sample = readFileSync(repoPath('test', 'fixtures', 'syntaxes', 'sample.yaml'), 'utf8');
const sampleLines = sample.split('\n');

/** The innermost scope of the token with exactly `text` on the first line containing `lineHas`. */
function scopeOf(tokens: Token[], lineHas: string, text: string): string[] {
  const line = sampleLines.findIndex((l) => l.includes(lineHas));
  assert.ok(line >= 0, `fixture line with ${JSON.stringify(lineHas)}`);
  const token = tokens.find((t) => t.line === line && t.text === text);
  assert.ok(token, `token ${JSON.stringify(text)} on line ${line + 1}: ${JSON.stringify(tokens.filter((t) => t.line === line).map((t) => t.text))}`);
  return token.scopes;
}

const has = (scopes: string[], scope: string) => scopes.some((s) => s.split(' ').includes(scope));
const ours = (scopes: string[]) => scopes.some((s) => s.includes('daemonscope'));

/** Expectations shared by both host grammars: [line fragment, token text, scope or null for "none of ours"]. */
const expectations: [string, string, string | null][] = [
  ['# daemonscope-disable-next-line daemonset.image-latest', 'daemonscope-disable-next-line', 'keyword.control.directive.daemonscope'],
  ['# daemonscope-disable-next-line daemonset.image-latest', 'daemonset.image-latest', 'variable.other.constant.diagnostic-code.daemonscope'],
  ['daemonset.no-requests, schema.enum', 'daemonset.no-requests', 'variable.other.constant.diagnostic-code.daemonscope'],
  ['daemonset.no-requests, schema.enum', 'schema.enum', 'variable.other.constant.diagnostic-code.daemonscope'],
  ['cpu: 500m', '500m', 'constant.numeric.quantity.daemonscope'],
  ['memory: "1Gi"', '1Gi', 'constant.numeric.quantity.daemonscope'],
  ['nvidia.com/gpu: 1', '1', 'constant.numeric.quantity.daemonscope'],
  ['hugepages-2Mi: 10Mi', '10Mi', 'constant.numeric.quantity.daemonscope'],
  ['memory: 0.5', '0.5', 'constant.numeric.quantity.daemonscope'],
  ['overhead: {cpu: 250m', '250m', 'constant.numeric.quantity.daemonscope'],
  ['overhead: {cpu: 250m', '1e3', 'constant.numeric.quantity.daemonscope'],
  ['effect: NoSchedule', 'NoSchedule', 'constant.language.taint-effect.daemonscope'],
  ['{key: dedicated, effect: NoExecute}', 'NoExecute', 'constant.language.taint-effect.daemonscope'],
  ["effect: 'PreferNoSchedule'", 'PreferNoSchedule', 'constant.language.taint-effect.daemonscope'],
  // Not ours: not a quantity, not under a resource or effect key, inside a block scalar, a plain comment.
  ['cpu: 500mx', '500mx', null],
  ['value: NoSchedule', 'NoSchedule', null],
  ["x: 'NoExecute'", 'NoExecute', null],
  ['image: example/agent:1.2.3', 'example/agent:1.2.3', null],
];

for (const host of ['stand-in', 'vscode'] as const) {
  test(`injection scopes on the ${host} YAML grammar: directives, quantities, taint effects`, async (t) => {
    if (host === 'vscode' && !existsSync(join(vscodeGrammars, 'yaml-1.2.tmLanguage.json'))) {
      t.skip(`VS Code's YAML grammar is not installed here (${vscodeGrammars}); test/e2e/run.sh installs it`);
      return;
    }
    const tokens = await tokenize(sample, host);
    for (const [lineHas, text, scope] of expectations) {
      const scopes = scopeOf(tokens, lineHas, text);
      if (scope === null) assert.equal(ours(scopes), false, `${text} on "${lineHas}" has none of our scopes: ${scopes.join(' | ')}`);
      else assert.ok(has(scopes, scope), `${text} on "${lineHas}" has ${scope}: ${scopes.join(' | ')}`);
    }
    // A directive stays a comment, so themes and comment toggling treat it as one.
    assert.ok(has(scopeOf(tokens, 'daemonset.image-latest', 'daemonset.image-latest'), 'comment.line.number-sign.yaml'));
    // Inside a block scalar a directive-looking line is string content.
    const blockLine = sampleLines.findIndex((l) => l.includes('yaml.syntax'));
    assert.equal(tokens.filter((tk) => tk.line === blockLine).some((tk) => ours(tk.scopes)), false, 'nothing of ours in a block scalar');
    // "daemonscope-disable-next-line" later in an ordinary comment is not a directive.
    const prose = sampleLines.findIndex((l) => l.includes('daemonscope is great'));
    assert.equal(tokens.filter((tk) => tk.line === prose).some((tk) => ours(tk.scopes)), false, 'an ordinary comment stays plain');
  });
}

test("the injection leaves every token of VS Code's YAML grammar that is not ours as it was", async (t) => {
  if (!existsSync(join(vscodeGrammars, 'yaml-1.2.tmLanguage.json'))) {
    t.skip(`VS Code's YAML grammar is not installed here (${vscodeGrammars}); test/e2e/run.sh installs it`);
    return;
  }
  const plain = await tokenize(sample, 'vscode', false);
  const injected = await tokenize(sample, 'vscode', true);
  // Key tokens (and so the mapping structure the grammar tracks across lines) are identical.
  const keys = (tokens: Token[]) => tokens.filter((tk) => has(tk.scopes, 'entity.name.tag.yaml')).map((tk) => `${tk.line}:${tk.text}:${tk.scopes.join(' ')}`);
  assert.deepEqual(keys(injected), keys(plain));
  // Every line has the same text split, apart from the tokens we scoped.
  for (let line = 0; line < sampleLines.length; line++) {
    const a = plain.filter((tk) => tk.line === line && !ours(tk.scopes)).map((tk) => tk.text).join('');
    const b = injected.filter((tk) => tk.line === line && !ours(tk.scopes)).map((tk) => tk.text).join('');
    if (!injected.some((tk) => tk.line === line && ours(tk.scopes))) assert.equal(b, a, `line ${line + 1} unchanged`);
  }
});

test('package.json contributes the injection into source.yaml with the grammar file it ships', () => {
  const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] } };
  const entry = pkg.contributes.grammars.find((g) => g.scopeName === injectionScope);
  assert.ok(entry, 'grammar contributed');
  assert.deepEqual(entry.injectTo, ['source.yaml']);
  const grammar = JSON.parse(readFileSync(repoPath(entry.path), 'utf8')) as { scopeName: string; injectionSelector: string };
  assert.equal(grammar.scopeName, injectionScope);
  assert.match(grammar.injectionSelector, /source\.yaml/);
});
