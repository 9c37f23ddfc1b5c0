// The end-to-end tests, in the order they run in one VS Code. Each waits on what a user sees.
import assert from 'node:assert/strict';

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
      const text = await w.waitFor('the Daemonscope row with an activation time', async () => (await row.innerText()).match(/Activation: (\d+)\s*ms/));
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
