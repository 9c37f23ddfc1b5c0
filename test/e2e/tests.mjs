// The end-to-end tests, in the order they run in one VS Code. Each waits on what a user sees.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from './harness.mjs';

/** @type {{ name: string, run: (w: import('./harness.mjs').Workbench, metrics: Record<string, unknown>) => Promise<void> }[]} */
export const tests = [
  {
    name: 'opening a YAML file activates the extension: the Daemonscope views appear',
    async run(w) {
      await w.openFile('manifests/node-agent.yaml');
      await w.showContainer('Daemonscope');
      await w.pane('Placement');
      await w.pane('Rollout');
    },
  },
  {
    name: 'Daemonscope: Show Output shows the channel with the activation time',
    async run(w, metrics) {
      await w.runCommand('Daemonscope: Show Output');
      const text = await w.waitFor('"Daemonscope activated in" in the Output panel', async () => {
        const lines = await w.page.locator('.part.panel .monaco-editor .view-lines .view-line').allTextContents();
        return lines.join('\n').replace(/\u00a0/g, ' ').match(/Daemonscope activated in ([\d.]+) ms/);
      });
      metrics.activateCallMs = Number(text[1]);
      const server = await w.waitFor('"language server started" in the Output panel', async () => {
        const lines = await w.page.locator('.part.panel .monaco-editor .view-lines .view-line').allTextContents();
        return lines.join('\n').replace(/\u00a0/g, ' ').match(/language server started in ([\d.]+) ms/);
      });
      metrics.serverStartAfterActivationMs = Number(server[1]);
      await w.page.keyboard.press('Control+j'); // close the panel again
    },
  },
  {
    name: "VS Code's Running Extensions lists Daemonscope with its activation time",
    async run(w, metrics) {
      await w.runCommand('Developer: Show Running Extensions');
      const row = w.page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Daemonscope' }).first();
      const text = await w.waitFor('the Daemonscope row with an activation time', async () => (await row.innerText({ timeout: 1000 })).match(/Activation: (\d+)\s*ms/));
      // VS Code's own figure: loading dist/client.js plus the activate() call.
      metrics.vscodeActivationMs = Number(text[1]);
      await w.page.keyboard.press('Control+w');
    },
  },
  {
    name: 'the injection grammar colours a disable directive and a quantity differently from plain YAML',
    async run(w) {
      await w.openFile('manifests/highlighting.yaml');
      const tokenClass = async (fragment, text) =>
        w.waitFor(`the token "${text}" on the line "${fragment}"`, async () => (await w.tokensOfLine(fragment)).find((t) => t.text.includes(text))?.cls);
      const hash = await tokenClass('daemonscope-disable-next-line', '#');
      const directive = await tokenClass('daemonscope-disable-next-line', 'daemonscope-disable-next-line');
      assert.notEqual(directive, hash, 'the directive keyword is coloured unlike the rest of the comment');
      const quantity = await tokenClass('cpu: 500m', '500m');
      const notQuantity = await tokenClass('cpu: 500mx', '500mx');
      assert.notEqual(quantity, notQuantity, '500m is coloured as a quantity, 500mx as a plain string');
    },
  },
];

// ---------------------------------------------------------------------------------------------
// What the language server and the engine produce, as the user sees it.

const fixture = (rel) => readFileSync(join(repo, 'test', 'fixtures', 'workspace', rel), 'utf8');
const has = (rows, text) => rows.some((r) => r.text === text || r.text.startsWith(`${text} `));

tests.push(
  {
    name: 'the Problems panel lists our diagnostics on the right lines',
    async run(w) {
      await w.openFile('manifests/log-agent.yaml');
      const rows = await w.problems((texts) => texts.some((t) => t.includes('daemonset.replicas')) && texts.some((t) => t.includes('maxUnavilable')), 'the replicas and maxUnavilable rows');
      const replicas = rows.find((t) => t.includes('daemonset.replicas'));
      assert.match(replicas, /daemonscope/);
      assert.match(replicas, /\[Ln 8, Col 3\]/);
      const typo = rows.find((t) => t.includes('maxUnavilable'));
      assert.match(typo, /Did you mean `maxUnavailable`\?/);
      assert.match(typo, /\[Ln 15, Col 7\]/);
      await w.page.keyboard.press('Control+j');
    },
  },
  {
    name: 'a quick fix from the editor removes its diagnostic',
    async run(w) {
      await w.openFile('manifests/log-agent.yaml');
      const ours = (texts) => texts.filter((t) => t.includes(' daemonscope ')).length;
      const before = ours(await w.problems((texts) => texts.some((t) => t.includes('maxUnavilable')), 'the maxUnavilable row'));
      await w.goTo(15, 7);
      await w.page.keyboard.press('Control+.');
      const action = w.page.locator('.action-widget .monaco-list-row', { hasText: 'Rename `maxUnavilable` to `maxUnavailable`' }).first();
      await w.waitFor('the rename quick fix, focused', async () => (await action.isVisible()) && /\bfocused\b/.test((await action.getAttribute('class')) ?? ''));
      await w.page.keyboard.press('Enter');
      await w.waitFor('line 15 fixed', async () => (await w.editorLines()).some((l) => l.trim() === 'maxUnavailable: 1'));
      // Exactly that row goes; the others (replicas and whatever else the rules say) stay.
      await w.problems((texts) => !texts.some((t) => t.includes('maxUnavilable')) && ours(texts) === before - 1, `${before - 1} of our rows, none about maxUnavilable`);
      await w.page.keyboard.press('Control+j');
    },
  },
  {
    name: 'the Placement view lists each node with its reason, on the configured cluster',
    async run(w) {
      await w.openFile('manifests/node-agent.yaml');
      await w.showContainer('Daemonscope');
      const rows = await w.waitForTree('Placement', (r) => has(r, 'node-agent 2/4 nodes') && has(r, 'cp-1 taint') && has(r, 'worker-2'), 'node-agent with cp-1 skipped for its taint');
      for (const text of ['Runs 2', 'worker-1', 'worker-2', 'Skipped 2', 'cp-1 taint', 'gpu-1 taint']) assert.ok(has(rows, text), `row "${text}" in ${JSON.stringify(rows.map((r) => r.text))}`);
      const header = await (await w.pane('Placement')).locator('.pane-header').innerText();
      assert.match(header.replace(/\s+/g, ' '), /nodes\.yaml · 4 nodes/);
    },
  },
  {
    name: 'the Rollout view lists the strategy, the waves and the duration',
    async run(w) {
      await w.showContainer('Daemonscope');
      const rows = await w.waitForTree('Rollout', (r) => has(r, 'Wave 2 1 node: worker-2'), 'two waves');
      assert.ok(has(rows, 'node-agent RollingUpdate, maxUnavailable 1'), JSON.stringify(rows.map((r) => r.text)));
      assert.ok(has(rows, 'Wave 1 1 node: worker-1'));
      assert.ok(rows.some((r) => /^Estimated duration ~\d+ s$/.test(r.text)), 'an estimated duration');
    },
  },
  {
    name: 'clicking a DaemonSet row reveals it in the editor, from another YAML file',
    async run(w) {
      await w.openFile('manifests/node-agent.yaml');
      await w.showContainer('Daemonscope');
      await w.waitForTree('Placement', (r) => has(r, 'node-agent 2/4 nodes'), 'node-agent in the Placement view');
      // A YAML file without a DaemonSet leaves node-agent in view.
      await w.openFile('manifests/highlighting.yaml');
      await w.showContainer('Daemonscope');
      const pane = await w.pane('Placement');
      await pane.locator('.monaco-list-row', { hasText: 'node-agent' }).first().click();
      await w.waitFor('node-agent.yaml active', () => w.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'node-agent.yaml' }).first().isVisible());
      const lines = fixture('manifests/node-agent.yaml').split('\n');
      const apiVersion = lines.findIndex((l) => l.startsWith('apiVersion:')) + 1;
      await w.waitFor(`the cursor on line ${apiVersion}`, async () => (await w.page.locator('[id="status.editor.selection"]').innerText()).includes(`Ln ${apiVersion}, Col 1`));
    },
  },
  {
    name: 'a CodeLens above the DaemonSet and the status item summarise its placement',
    async run(w) {
      await w.openFile('manifests/node-agent.yaml');
      const lens = await w.waitFor('the CodeLens', async () => (await w.activeEditor().locator('.codelens-decoration').allInnerTexts()).find((t) => t.includes('runs on')));
      assert.match(lens, /runs on 2\/4 nodes · rollout 2 waves, ~\d+ s/);
      const status = w.page.locator('.statusbar-item', { hasText: '2/4 nodes' }).first();
      await w.waitFor('the status item "2/4 nodes"', () => status.isVisible());
    },
  },
  {
    name: 'the preview panel shows node tiles by zone and steps through the rollout waves',
    async run(w) {
      await w.openFile('manifests/node-agent.yaml');
      await w.runCommand('Daemonscope: Show Placement Preview');
      const view = w.webview();
      await w.waitFor('four node tiles', async () => (await view.locator('li.tile').count()) === 4);
      const tiles = await view.locator('li.tile').evaluateAll((els) => els.map((e) => `${e.querySelector('.node').textContent}:${e.className}`));
      assert.ok(tiles.includes('cp-1:tile skipped'), JSON.stringify(tiles));
      assert.ok(tiles.includes('worker-1:tile runs'), JSON.stringify(tiles));
      const groups = await view.locator('.group h3').allInnerTexts();
      assert.deepEqual(groups.map((g) => g.split(/\s/)[0]), ['zone-a', 'zone-b']);
      assert.match(await view.locator('.cluster').innerText(), /nodes\.yaml · 4 nodes/);
      // Keyboard: a tile takes focus, the arrow keys move along the tiles.
      await view.locator('li.tile').first().focus();
      await w.page.keyboard.press('ArrowRight');
      await w.waitFor('the second tile focused', async () => (await view.locator('li.tile:focus .node').allInnerTexts()).includes('worker-1'));
      // One step of the rollout: wave 1 is being replaced, its node's tile says so.
      await view.locator('button', { hasText: 'Next' }).first().click();
      await w.waitFor('wave 1 current', async () => (await view.locator('li.wave.current h4').allInnerTexts()).includes('Wave 1'));
      await w.waitFor('worker-1 being replaced', async () => (await view.locator('li.tile.replacing .node').allInnerTexts()).includes('worker-1'));
    },
  },
  {
    name: 'after a window reload the preview panel comes back on the document it showed',
    async run(w) {
      await w.openFile('manifests/node-agent.yaml');
      await w.runCommand('Daemonscope: Show Placement Preview');
      await w.waitFor('four node tiles', async () => (await w.webview().locator('li.tile').count()) === 4);
      // A YAML file without a DaemonSet in the editor: the panel keeps node-agent, and must after the reload too.
      await w.openFile('manifests/highlighting.yaml');
      await w.reload();
      const tab = w.page.locator('.tabs-container .tab', { hasText: 'Placement: node-agent.yaml' }).first();
      await w.waitFor('the restored "Placement: node-agent.yaml" tab', () => tab.isVisible());
      await tab.click();
      const view = w.webview();
      await w.waitFor('four node tiles in the restored panel', async () => (await view.locator('li.tile').count()) === 4);
      assert.equal(await view.locator('h1').innerText(), 'node-agent.yaml');
      await w.runCommand('View: Close All Editor Groups');
    },
  },
  {
    name: 'Copy Preview as JSON puts the CLI JSON contract of the file on the clipboard',
    async run(w) {
      await w.openFile('manifests/node-agent.yaml');
      await w.page.evaluate(() => navigator.clipboard.writeText(''));
      await w.runCommand('Daemonscope: Copy Preview as JSON');
      await w.waitFor('the "copied" notification', async () => (await w.page.locator('.notifications-toasts .notification-toast').allInnerTexts()).some((t) => t.includes('copied the preview of 1 DaemonSet as JSON')));
      const json = JSON.parse(await w.waitFor('JSON on the clipboard', () => w.page.evaluate(() => navigator.clipboard.readText())));
      assert.deepEqual(Object.keys(json), ['cluster', 'daemonsets']);
      assert.equal(json.cluster.nodes, 4);
      assert.equal(json.daemonsets[0].name, 'node-agent');
      assert.deepEqual(json.daemonsets[0].nodes.map((n) => `${n.node}:${n.placement}`), ['cp-1:skipped', 'gpu-1:skipped', 'worker-1:runs', 'worker-2:runs']);
      assert.equal(json.daemonsets[0].range, undefined, 'editor-only fields are left out');
    },
  },
  {
    name: 'tainting a node in the cluster file moves it to Skipped in the Placement view',
    async run(w) {
      await w.runCommand('View: Close All Editor Groups');
      await w.openFile('manifests/node-agent.yaml');
      await w.showContainer('Daemonscope');
      await w.waitForTree('Placement', (r) => has(r, 'node-agent 2/4 nodes'), 'node-agent on 2 of 4 nodes');
      await w.openFile('cluster/nodes.yaml');
      const lines = fixture('cluster/nodes.yaml').split('\n');
      const line = lines.findIndex((l) => l.includes('taints: [] # the end-to-end test')) + 1;
      await w.goTo(line, lines[line - 1].indexOf('[]') + 1);
      await w.page.keyboard.press('Shift+End');
      await w.page.keyboard.type('[{key: dedicated, value: db, effect: NoSchedule}]');
      await w.save();
      await w.showContainer('Daemonscope');
      const rows = await w.waitForTree('Placement', (r) => has(r, 'node-agent 1/4 nodes') && has(r, 'worker-2 taint'), 'worker-2 skipped for its new taint');
      assert.ok(has(rows, 'Skipped 3'), JSON.stringify(rows.map((r) => r.text)));
      // Back in the manifest, its CodeLens has followed too.
      await w.openFile('manifests/node-agent.yaml');
      await w.waitFor('the CodeLens on 1/4 nodes', async () => (await w.activeEditor().locator('.codelens-decoration').allInnerTexts()).some((t) => t.includes('runs on 1/4 nodes')));
    },
  },
  {
    name: "a skipped node's Quick Fix… adds the toleration it lacks, and the node moves to Runs",
    async run(w) {
      await w.openFile('manifests/node-agent.yaml');
      await w.showContainer('Daemonscope');
      await w.waitForTree('Placement', (r) => has(r, 'gpu-1 taint'), 'gpu-1 skipped for its taint');
      const pane = await w.pane('Placement');
      const row = pane.locator('.monaco-list-row', { hasText: 'gpu-1' }).first();
      await row.hover();
      const action = row.locator('.action-label[aria-label^="Quick Fix"]').first();
      await w.waitFor('the inline Quick Fix… action on gpu-1', () => action.isVisible());
      await action.click();
      await w.waitFor('the toleration in the manifest', async () => (await w.editorLines()).some((l) => l.includes('nvidia.com/gpu')));
      const rows = await w.waitForTree('Placement', (r) => !has(r, 'gpu-1 taint') && r.some((row) => row.text === 'gpu-1'), 'gpu-1 running');
      assert.ok(has(rows, 'cp-1 taint'), 'cp-1 keeps its own taint');
    },
  },
  {
    // Changes the user settings (daemonscope.clusterContext); undone at the end.
    name: 'Use Cluster Context… follows a live cluster: the views name it with the age of its snapshot, which moves',
    async run(w) {
      await w.openFile('manifests/node-agent.yaml');
      await w.showContainer('Daemonscope');
      await w.runCommand('Daemonscope: Use Cluster Context…');
      const p = w.page;
      const row = p.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'e2e-live' }).first();
      await w.waitFor('the e2e-live context in the picker', () => row.isVisible());
      await row.click();
      const title = async (view) => (await (await w.pane(view)).locator('.pane-header').innerText()).replace(/\s+/g, ' ');
      const first = await w.waitFor('"context e2e-live · 5 nodes · …" in the Placement title', async () => (await title('Placement')).match(/context e2e-live · 5 nodes · (just now|(\d+) s ago)/));
      await w.waitForTree('Placement', (r) => r.some((x) => /^node-agent \d+\/5 nodes/.test(x.text)), 'node-agent on the 5 live nodes');
      // The age moves on its own (nothing is edited or re-listed meanwhile).
      const before = first[2] === undefined ? 0 : Number(first[2]);
      await w.waitFor('a later age in the Placement title', async () => {
        const m = (await title('Placement')).match(/context e2e-live · 5 nodes · (\d+) s ago/);
        return m !== null && Number(m[1]) > before;
      });
      assert.match(await title('Rollout'), /context e2e-live · 5 nodes · (just now|\d+ s ago)/);
      await w.waitFor('the live status item', () => p.locator('.statusbar-item', { hasText: 'context e2e-live · 5 nodes' }).first().isVisible());
      // Back to the file source: stop following the context.
      await w.runCommand('Daemonscope: Use Cluster Context…');
      const stop = p.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Stop using a live cluster' }).first();
      await w.waitFor('"Stop using a live cluster" in the picker', () => stop.isVisible());
      await stop.click();
      await w.waitFor('the cluster file back in the Placement title', async () => /nodes\.yaml · 4 nodes/.test(await title('Placement')));
    },
  },
  {
    // Last: it changes the workspace settings.
    name: 'Use Embedded Cluster switches the views to the embedded ten-node cluster',
    async run(w) {
      await w.openFile('manifests/node-agent.yaml');
      await w.showContainer('Daemonscope');
      await w.runCommand('Daemonscope: Use Embedded Cluster');
      await w.waitFor('"embedded · 10 nodes" in the Placement title', async () => (await (await w.pane('Placement')).locator('.pane-header').innerText()).replace(/\s+/g, ' ').includes('embedded · 10 nodes'));
      await w.waitForTree('Placement', (r) => r.some((row) => /^node-agent \d+\/10 nodes/.test(row.text)), 'node-agent on the 10 embedded nodes');
    },
  },
  {
    // Issue #10: the workspace becomes a git repository (the test runs git, not the extension, which
    // reads the committed text through VS Code's git extension), then an image bump shows its impact.
    name: 'an edit since the last commit shows its rollout impact in a CodeLens and in the preview panel',
    async run(w) {
      const manifest = fixture('manifests/node-agent.yaml').replace('name: node-agent\n  namespace', 'name: impact-agent\n  namespace');
      writeFileSync(join(w.ws, 'manifests', 'impact-agent.yaml'), manifest);
      const git = (...args) => execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: w.ws, stdio: 'ignore' });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'base');
      // Turn git on as a user does, in the user settings (the suite starts with it off).
      const settings = readFileSync(join(w.root, 'user', 'User', 'settings.json'), 'utf8').split('\n');
      const at = settings.findIndex((l) => l.includes('"git.enabled": false'));
      await w.runCommand('Preferences: Open User Settings (JSON)');
      await w.page.locator('.editor-group-container.active .tab.active', { hasText: 'settings.json' }).first().waitFor({ state: 'visible', timeout: 15000 });
      await w.goTo(at + 1, settings[at].indexOf('false') + 1);
      await w.page.keyboard.press('Shift+End');
      await w.page.keyboard.type('true,');
      await w.save();
      await w.openFile('manifests/impact-agent.yaml');
      const lenses = async () => (await w.activeEditor().locator('.codelens-decoration').allInnerTexts()).join(' | ');
      await w.waitFor('the placement CodeLens with the fleet overhead', async () => /runs on .* · reserves \S+ CPU/.test(await lenses()));
      const lines = manifest.split('\n');
      const line = lines.findIndex((l) => l.includes('image: example/node-agent:2.0.1')) + 1;
      await w.goTo(line, lines[line - 1].indexOf('2.0.1') + 1);
      await w.page.keyboard.press('Shift+End');
      await w.page.keyboard.type('2.0.2');
      // On the embedded cluster (the previous test) a pending node stalls it: "rolls 1 of 7 pods in 1 wave, then stalls …".
      await w.waitFor('the impact CodeLens', async () => /rolls \d+ (of \d+ )?pods? in \d+ waves?/.test(await lenses()));
      await w.runCommand('Daemonscope: Show Placement Preview');
      const view = w.webview();
      await w.waitFor('the impact line in the panel', async () => (await view.locator('p.impact').allInnerTexts()).some((t) => /^Since the last commit: pod template changed \(image 2\.0\.1 → 2\.0\.2\): rolls/.test(t)));
      assert.match((await view.locator('p.overhead').allInnerTexts())[0] ?? '', /^Reserves \S+ CPU and \S+ MiB across \d+ nodes/);
    },
  },
);
