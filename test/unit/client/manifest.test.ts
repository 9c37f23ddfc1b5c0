/**
 * package.json's `contributes` against the code: every setting of protocol.ts declared once with
 * the same default and a description; every command the client registers declared, and back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { defaultSettings } from '../../../server/src/protocol';
import { repoPath } from '../../helpers/paths';

interface Manifest {
  activationEvents: string[];
  extensionKind: string[];
  capabilities: { virtualWorkspaces: { supported: boolean }; untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    configuration: { properties: Record<string, { default: unknown; markdownDescription?: string; type: string }> };
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string }[]>;
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
  };
}

const manifest = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;

test('every setting in protocol.ts is declared in package.json with the same default and a description', () => {
  for (const [key, value] of Object.entries(defaultSettings)) {
    const declared = properties[`daemonscope.${key}`];
    assert.ok(declared, `daemonscope.${key} declared`);
    assert.deepEqual(declared.default, value, `daemonscope.${key} default`);
    assert.ok((declared.markdownDescription ?? '').length > 20, `daemonscope.${key} has a markdownDescription`);
  }
});

test('package.json declares no daemonscope setting that protocol.ts does not know, except trace.server', () => {
  const known = new Set([...Object.keys(defaultSettings).map((k) => `daemonscope.${k}`), 'daemonscope.trace.server']);
  assert.deepEqual(Object.keys(properties).filter((k) => !known.has(k)), []);
  assert.equal(properties['daemonscope.trace.server']?.default, 'off');
});

test('every command the client registers is declared, and every declared command is registered', () => {
  // commands.ts is the table; other modules register their own with registerCommand('daemonscope.…').
  // Read the ids from the sources (importing them would need `vscode`).
  const source = readFileSync(repoPath('client', 'src', 'commands.ts'), 'utf8');
  const table = source.slice(source.indexOf('export const commands'));
  const registered = [...table.matchAll(/^\s+'(daemonscope\.[A-Za-z]+)':/gm)].map((m) => m[1]!);
  for (const file of readdirSync(repoPath('client', 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(repoPath('client', 'src', file), 'utf8');
    registered.push(...[...text.matchAll(/registerCommand\('(daemonscope\.[A-Za-z]+)'/g)].map((m) => m[1]!));
  }
  registered.sort();
  const declared = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(registered, declared);
  for (const c of manifest.contributes.commands) assert.equal(c.category, 'Daemonscope', `${c.command} is under "Daemonscope:"`);
});

test('menus and welcome content only name declared commands and views', () => {
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
    for (const entry of entries) assert.ok(commands.has(entry.command), `${menu}: ${entry.command}`);
  }
  const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));
  assert.deepEqual([...views].sort(), ['daemonscope.placementTree', 'daemonscope.rolloutTree']);
  for (const w of manifest.contributes.viewsWelcome) {
    assert.ok(views.has(w.view), w.view);
    for (const [, id] of w.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(id!) || id!.startsWith('workbench.'), id);
  }
});

/** Evaluates a `when` clause of context keys joined by `!`, `&&` and `||` (all the welcome content uses). */
function holds(when: string | undefined, keys: Record<string, boolean>): boolean {
  if (when === undefined) return true;
  return when.split('||').some((all) => all.split('&&').every((term) => {
    const t = term.trim();
    return t.startsWith('!') ? !keys[t.slice(1)] : keys[t] === true;
  }));
}

test('the Placement welcome names the cluster in use exactly once: embedded, a cluster file, or a live context (which wins)', () => {
  const placement = manifest.contributes.viewsWelcome.filter((w) => w.view === 'daemonscope.placementTree');
  for (const file of [false, true]) {
    for (const live of [false, true]) {
      const shown = placement.filter((w) => holds(w.when, { 'daemonscope.clusterFileSet': file, 'daemonscope.liveContext': live })).map((w) => w.contents);
      const cluster = shown.filter((c) => c.includes('Cluster:'));
      assert.equal(cluster.length, 1, `file ${file}, live ${live}: ${JSON.stringify(shown)}`);
      assert.match(cluster[0]!, live ? /live/ : file ? /daemonscope\.clusterFile/ : /embedded/);
      assert.equal(shown.filter((c) => c.startsWith('Open a YAML file')).length, 1, 'one invitation to open a file');
    }
  }
});

test('lazy activation, workspace extension, limited in untrusted workspaces with the cluster settings restricted', () => {
  // A YAML file, or a preview panel VS Code restores after a reload (its serializer must be registered).
  assert.deepEqual(manifest.activationEvents, ['onLanguage:yaml', 'onWebviewPanel:daemonscope.preview']);
  assert.deepEqual(manifest.extensionKind, ['workspace']);
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.sort(), ['daemonscope.clusterContext', 'daemonscope.clusterFile', 'daemonscope.podsFile']);
});

test('.vscodeignore is an allow-list that ships the bundles, grammar, media and icon', () => {
  const lines = readFileSync(repoPath('.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  assert.equal(lines[0], '**');
  for (const needed of ['!dist/client.js', '!dist/languageClient.js', '!dist/server.js', '!syntaxes/*.tmLanguage.json', '!client/media/**', '!README.md', '!CHANGELOG.md', '!LICENSE']) {
    assert.ok(lines.includes(needed), needed);
  }
});
