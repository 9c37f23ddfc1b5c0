/**
 * The preview panel's state round trip: what client/media/preview.js saves with vscode.setState is
 * what the panel serializer reads back after a window reload (previewState.ts). The webview script
 * runs here against a minimal DOM stand-in, so a change to what it saves fails this test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { readPreviewState } from '../../../../client/src/views/previewState';
import { repoPath } from '../../../helpers/paths';

/** Just enough DOM for preview.js to render a message and save its state. */
class FakeElement {
  readonly children: unknown[] = [];
  readonly dataset: Record<string, string> = {};
  setAttribute(): void {}
  addEventListener(): void {}
  append(...nodes: unknown[]): void {
    this.children.push(...nodes);
  }
  replaceChildren(): void {
    this.children.length = 0;
  }
  querySelector(): null {
    return null;
  }
}

/** Runs preview.js with `saved` as the state VS Code hands it; returns a way to post messages and the states it saved. */
function startWebview(saved: unknown): { post: (data: unknown) => void; states: unknown[]; sent: unknown[] } {
  const states: unknown[] = [];
  const sent: unknown[] = [];
  let onMessage: ((event: { data: unknown }) => void) | undefined;
  const root = new FakeElement();
  const sandbox = {
    acquireVsCodeApi: () => ({ getState: () => saved, setState: (s: unknown) => states.push(JSON.parse(JSON.stringify(s))), postMessage: (m: unknown) => sent.push(JSON.parse(JSON.stringify(m))) }),
    document: { getElementById: () => root, createElement: () => new FakeElement(), querySelector: () => null, activeElement: null },
    window: {
      addEventListener: (type: string, fn: (event: { data: unknown }) => void) => type === 'message' && (onMessage = fn),
      matchMedia: () => ({ matches: false }),
      setInterval,
    },
    HTMLElement: FakeElement,
    CSS: { escape: (s: string) => s },
  };
  runInNewContext(readFileSync(repoPath('client', 'media', 'preview.js'), 'utf8'), sandbox);
  return { post: (data) => onMessage?.({ data }), states, sent };
}

test('the webview saves the document it shows, and the serializer reads it back after a reload', () => {
  const uri = 'file:///work/manifests/node-agent.yaml';
  const first = startWebview(undefined);
  assert.deepEqual(first.sent, [{ type: 'ready' }]);
  first.post({ type: 'update', model: null, message: 'loading', uri, focus: { key: 'default/node-agent', token: 2 } });
  const saved = first.states.at(-1);
  assert.deepEqual(readPreviewState(saved), { uri, appliedFocus: 2 });
  // After the reload the webview starts from that state; it saves whichever document it shows next.
  const second = startWebview(saved);
  second.post({ type: 'update', model: null, message: '', uri, focus: { key: 'default/node-agent', token: 3 } });
  assert.deepEqual(readPreviewState(second.states.at(-1)), { uri, appliedFocus: 3 });
  second.post({ type: 'update', model: null, message: '', uri: 'untitled:Untitled-1', focus: null });
  assert.equal(readPreviewState(second.states.at(-1)).uri, 'untitled:Untitled-1');
  // Nothing shown (a non-YAML editor took over): nothing to bring back.
  second.post({ type: 'update', model: null, message: 'Open a YAML file', uri: null, focus: null });
  assert.equal(readPreviewState(second.states.at(-1)).uri, undefined);
});

test('a state the webview did not write restores nothing, without throwing', () => {
  for (const state of [undefined, null, 42, 'file:///x.yaml', [], {}, { uri: 7 }, { uri: 'no scheme' }, { appliedFocus: -1 }, { appliedFocus: 1.5 }]) {
    assert.deepEqual(readPreviewState(state), { uri: undefined, appliedFocus: 0 }, JSON.stringify(state));
  }
  // An older panel saved only its rollout steps.
  assert.deepEqual(readPreviewState({ steps: { 'default/a': 2 }, appliedFocus: 4 }), { uri: undefined, appliedFocus: 4 });
});
