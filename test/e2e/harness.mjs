// Drives a real VS Code for the end-to-end suite: a fresh code-server 4.100.3 profile (optionally
// with the packaged .vsix installed), a scratch copy of test/fixtures/workspace, and Debian's
// chromium through playwright-core. Every wait polls what the user sees; nothing sleeps blindly to
// wait for a result. Only the processes started here are stopped (by process group).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
const codeServer = join(here, 'node_modules', '.bin', 'code-server');

/** Milliseconds to wait for what a user would see. The control run shortens it (nothing will come). */
export let patience = 30000;
export function setPatience(ms) {
  patience = ms;
}

const pause = (ms) => new Promise((done) => setTimeout(done, ms));

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function healthy(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await pause(100);
  }
  return false;
}

/** User settings for a quiet, deterministic workbench. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'editor.codeLens': true,
  'editor.minimap.enabled': false,
  // Typed text lands as typed: no auto-closed brackets or quotes.
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

/**
 * Starts VS Code on a scratch copy of the fixture workspace. `vsix` undefined = no extension
 * (control run). Returns a Workbench; call `stop()` in a finally.
 */
export async function startWorkbench({ vsix, workspace = join(repo, 'test', 'fixtures', 'workspace'), outDir, settings = {}, viewport = { width: 1400, height: 900 } }) {
  const root = mkdtempSync(join(tmpdir(), 'daemonscope-e2e-'));
  const ws = join(root, 'workspace');
  cpSync(workspace, ws, { recursive: true });
  mkdirSync(join(root, 'user', 'User'), { recursive: true });
  writeFileSync(join(root, 'user', 'User', 'settings.json'), JSON.stringify({ ...userSettings, ...settings }, null, 2));
  const env = { ...process.env, XDG_CONFIG_HOME: join(root, 'xdg-config'), XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CACHE_HOME: join(root, 'xdg-cache'), TMPDIR: mkdirP(join(root, 'tmp')) };
  const dirs = ['--user-data-dir', join(root, 'user'), '--extensions-dir', join(root, 'ext')];
  if (vsix !== undefined) {
    const install = spawnSync(codeServer, [...dirs, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120000 });
    if (install.status !== 0) throw new Error(`installing ${vsix} failed: ${install.stderr || install.stdout}`);
  }
  const port = await freePort();
  writeFileSync(join(root, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const log = join(outDir, 'code-server.log');
  mkdirSync(outDir, { recursive: true });
  const server = spawn(
    codeServer,
    ['--config', join(root, 'config.yaml'), ...dirs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ws],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logLines = [];
  server.stdout.on('data', (d) => logLines.push(String(d)));
  server.stderr.on('data', (d) => logLines.push(String(d)));
  const workbench = new Workbench({ root, ws, server, log, logLines, outDir });
  try {
    if (!(await healthy(port, 60000))) throw new Error('code-server did not come up within 60 s');
    workbench.context = await chromium.launchPersistentContext(join(root, 'browser'), {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      viewport,
      // "Copy Preview as JSON" writes the clipboard; the test reads it back.
      permissions: ['clipboard-read', 'clipboard-write'],
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      env: { ...process.env, HOME: join(root, 'home') },
    });
    workbench.page = workbench.context.pages()[0] ?? (await workbench.context.newPage());
    await workbench.page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
    await workbench.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
    await workbench.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60000 });
    return workbench;
  } catch (error) {
    await workbench.stop();
    throw error;
  }
}

/**
 * Starts test/e2e/fakeCluster.ts (a fake Kubernetes API on loopback) with the project's tsx;
 * resolves to { url, kubeconfig, stop }. It exits when its stdin closes.
 */
export async function startFakeCluster() {
  const child = spawn(join(repo, 'node_modules', '.bin', 'tsx'), [join(here, 'fakeCluster.ts')], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('the fake cluster did not start within 30 s')), 30000);
    child.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) {
        clearTimeout(timer);
        done(out.split('\n')[0]);
      }
    });
    child.once('exit', (code) => fail(new Error(`the fake cluster exited with ${code}`)));
  });
  const { url, kubeconfig } = JSON.parse(line);
  return { url, kubeconfig, stop: () => child.stdin.end() };
}

function mkdirP(path) {
  mkdirSync(path, { recursive: true });
  return path;
}

/** One running VS Code and the browser showing it. */
export class Workbench {
  constructor({ root, ws, server, log, logLines, outDir }) {
    Object.assign(this, { root, ws, server, log, logLines, outDir });
    this.context = undefined;
    this.page = undefined;
  }

  /** Polls `fn` until it returns a truthy value; throws `what` after `ms`. */
  async waitFor(what, fn, ms = patience) {
    const until = Date.now() + ms;
    let last;
    for (;;) {
      try {
        const value = await fn();
        if (value) return value;
        last = value;
      } catch (error) {
        last = error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
      if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last: ${typeof last === 'string' ? last : JSON.stringify(last)})` : ''}`);
      await pause(200);
    }
  }

  async screenshot(name) {
    const file = join(this.outDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page?.screenshot({ path: file }).catch(() => {});
    return file;
  }

  async escape(times = 1) {
    for (let i = 0; i < times; i++) await this.page.keyboard.press('Escape');
  }

  /** Opens a workspace-relative file from the Explorer (Quick Open if that fails); waits for its editor. */
  async openFile(rel) {
    const p = this.page;
    const parts = rel.split('/');
    await this.showExplorer();
    const rows = p.locator('.explorer-folders-view .monaco-list-row');
    try {
      for (let i = 0; i < parts.length; i++) {
        const row = rows.filter({ has: p.locator('.label-name', { hasText: new RegExp(`^${escapeRe(parts[i])}$`) }) }).first();
        await row.waitFor({ state: 'visible', timeout: 10000 });
        if (i < parts.length - 1) {
          if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
        } else {
          await row.dblclick();
        }
      }
    } catch {
      await this.escape();
      await p.keyboard.press('Control+p');
      await p.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 10000 });
      await p.keyboard.type(rel);
      await this.waitFor('a Quick Open match', async () => (await p.locator('.quick-input-widget .quick-input-list .monaco-list-row').count()) > 0, 10000);
      await p.keyboard.press('Enter');
    }
    await p.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: parts[parts.length - 1] }).first().waitFor({ state: 'visible', timeout: 15000 });
    await this.activeEditor().locator('.view-lines').first().waitFor({ state: 'visible', timeout: 15000 });
  }

  activeEditor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  async showExplorer() {
    const p = this.page;
    if (!(await p.locator('.explorer-folders-view').isVisible().catch(() => false))) await p.keyboard.press('Control+Shift+e');
    await p.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: 10000 });
  }

  /** Focuses the active editor's text. */
  async focusEditor() {
    await this.activeEditor().click({ position: { x: 300, y: 5 } }).catch(() => {});
    await this.activeEditor().locator('textarea, .native-edit-context').first().focus().catch(() => {});
  }

  /** Moves the cursor to 1-based line:column with Go to Line. */
  async goTo(line, column = 1) {
    const p = this.page;
    await this.focusEditor();
    await p.keyboard.press('Control+g');
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(`:${line}:${column}`);
    await p.keyboard.press('Enter');
    await this.waitFor(`the cursor at ${line}:${column}`, async () => (await p.locator('[id="status.editor.selection"]').innerText()).includes(`Ln ${line}, Col ${column}`), 10000);
  }

  /** The active editor's visible lines, in order (view-lines are absolutely positioned). */
  async editorLines() {
    const lines = this.activeEditor().locator('.view-lines .view-line');
    const rows = await lines.evaluateAll((els) => els.map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent.replace(/\u00a0/g, ' ') })));
    return rows.sort((a, b) => a.top - b.top).map((r) => r.text);
  }

  /** The rendered tokens of the visible editor line containing `fragment`: [{text, cls}]. */
  async tokensOfLine(fragment) {
    const lines = this.activeEditor().locator('.view-lines .view-line', { hasText: fragment });
    return lines.first().evaluate((line) => [...line.querySelectorAll('span > span')].map((s) => ({ text: s.textContent.replace(/\u00a0/g, ' '), cls: s.className })));
  }

  /** Runs a command from the palette by its exact title ("Daemonscope: Show Output"). */
  async runCommand(title) {
    const p = this.page;
    await this.escape();
    await p.keyboard.press('F1');
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(`>${title}`);
    const rows = p.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    const want = title.toLowerCase();
    const index = await this.waitFor(`"${title}" in the command palette`, async () => {
      const labels = await rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') || '').toLowerCase()));
      const i = labels.findIndex((l) => l === want || l.startsWith(`${want},`));
      return i >= 0 ? i + 1 : 0;
    }, Math.min(patience, 10000)).catch(async (error) => {
      await this.escape();
      throw error;
    });
    for (let i = 1; i < index; i++) await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
  }

  /** Waits for the Problems counter to count something, opens the panel, returns its rows' text. */
  async problems(predicate = (rows) => rows.length > 0, what = 'Problems rows') {
    const p = this.page;
    const counter = p.locator('[id="status.problems"]');
    await this.waitFor('a non-zero Problems count', async () => /[1-9]/.test((await counter.getAttribute('aria-label')) ?? ''));
    if (!(await p.locator('.markers-panel').isVisible().catch(() => false))) await counter.click();
    const rows = p.locator('.markers-panel .monaco-list-row');
    return this.waitFor(what, async () => {
      const texts = (await rows.evaluateAll(rowTexts)).map((r) => r.text).filter(Boolean);
      return predicate(texts) ? texts : undefined;
    });
  }

  /** Shows the Daemonscope view container; fails if the activity bar has no such entry. */
  async showContainer(label = 'Daemonscope') {
    const p = this.page;
    const item = p.locator('.part.activitybar .action-item').filter({ has: p.locator(`[aria-label^="${label}"]`) }).first();
    await this.waitFor(`the "${label}" activity-bar entry`, () => item.isVisible());
    const sidebar = p.locator('.part.sidebar');
    const title = sidebar.locator('.composite.title .title-label').first();
    const open = async () => (await sidebar.isVisible().catch(() => false)) && (await title.innerText().catch(() => '')).toLowerCase().includes(label.toLowerCase());
    // A click right after the editor changed is sometimes dropped by the workbench (seen once in
    // CI): click again if the side bar has not switched after a few seconds.
    for (let attempt = 1; ; attempt++) {
      if (!(await open())) await item.click();
      try {
        await this.waitFor(`the ${label} side bar`, open, attempt < 3 ? 4000 : 10000);
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  /** A side-bar pane by its title; expands it if collapsed. */
  async pane(title) {
    const p = this.page;
    const pane = p.locator('.part.sidebar .pane').filter({ has: p.locator('.pane-header', { hasText: new RegExp(`^\\s*${escapeRe(title)}`, 'i') }) }).first();
    await this.waitFor(`the ${title} pane`, () => pane.isVisible());
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane;
  }

  /** The rows of a side-bar tree: [{level, text, expanded}] (label and description joined by a space). */
  async treeRows(title) {
    const pane = await this.pane(title);
    return pane.locator('.pane-body .monaco-list-row').evaluateAll(rowTexts);
  }

  /** Waits until the rows of a tree satisfy `predicate`; returns them. */
  async waitForTree(title, predicate, what) {
    return this.waitFor(what ?? `rows in ${title}`, async () => {
      const rows = await this.treeRows(title);
      return predicate(rows) ? rows : undefined;
    });
  }

  /** Expands every collapsed row of a tree (one pass per level, up to `depth`). */
  async expandAll(title, depth = 3) {
    const pane = await this.pane(title);
    for (let i = 0; i < depth; i++) {
      const rows = pane.locator('.pane-body .monaco-list-row[aria-expanded="false"]');
      const n = await rows.count();
      if (n === 0) return;
      for (let j = n - 1; j >= 0; j--) await rows.nth(j).locator('.monaco-tl-twistie').click().catch(() => {});
    }
  }

  /** The innermost frame of the last visible webview (the panel's content). */
  webview() {
    return this.page.frameLocator('iframe.webview >> visible=true').last().frameLocator('iframe').first();
  }

  /** "Developer: Reload Window": the workbench saves its state, reloads with a new extension host and restores the editors. */
  async reload() {
    const reloaded = this.page.waitForEvent('load', { timeout: 60000 });
    await this.runCommand('Developer: Reload Window');
    await reloaded;
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
  }

  /** Saves the active editor. */
  async save() {
    await this.page.keyboard.press('Control+s');
  }

  /** Stops the browser and code-server (its process group), deletes the scratch profile. */
  async stop() {
    await this.context?.close().catch(() => {});
    writeFileSync(this.log, this.logLines.join(''));
    if (this.server.exitCode === null && this.server.pid !== undefined) {
      try {
        process.kill(-this.server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const until = Date.now() + 5000;
      while (this.server.exitCode === null && this.server.signalCode === null && Date.now() < until) await pause(100);
      try {
        process.kill(-this.server.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs in the page (serialised by playwright, so self-contained): per list row its text nodes
 * joined by single spaces (label and description are separate spans), level and expansion.
 */
function rowTexts(elements) {
  return elements.map((element) => {
    const parts = [];
    const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    while (walker.nextNode()) {
      const t = walker.currentNode.nodeValue.trim();
      if (t) parts.push(t);
    }
    return {
      level: Number(element.getAttribute('aria-level') || 1),
      text: parts.join(' ').replace(/\s+/g, ' ').trim(),
      expanded: element.getAttribute('aria-expanded'),
    };
  });
}
