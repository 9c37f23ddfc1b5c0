import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseText } from '../../../server/src/analysis/analyse';
import { AnalysisCache } from '../../../server/src/documents';
import { defaultSettings } from '../../../server/src/protocol';
import type { Finding } from '../../../server/src/analysis/types';
import { testValidator, validDaemonSet } from '../../helpers/analysis';

// Large enough that analysing it takes several slices of the event loop.
const big = Array.from({ length: 300 }, (_, i) => validDaemonSet.replace('name: agent', `name: agent-${i}`)).join('---\n');

test('one analysis per version: a second get answers the same object', async () => {
  const cache = new AnalysisCache(testValidator());
  const document = TextDocument.create('file:///a.yaml', 'yaml', 1, validDaemonSet);
  const first = await cache.get(document, defaultSettings);
  assert.equal(await cache.get(document, defaultSettings), first);
  const settings = { ...defaultSettings };
  assert.notEqual(await cache.get(document, settings), first);
});

test('an edit while a large file is analysed: the older run gives way and both callers get the newer version', async () => {
  const cache = new AnalysisCache(testValidator());
  const document = TextDocument.create('file:///big.yaml', 'yaml', 1, big);
  const older = cache.get(document, defaultSettings);
  // The edit arrives while the first run waits for its next slice.
  await new Promise((resolve) => setImmediate(resolve));
  const at = big.indexOf('agent-150');
  TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: 'x' }], 2);
  const newer = cache.get(document, defaultSettings);
  const [a, b] = await Promise.all([older, newer]);
  assert.equal(a, b);
  assert.deepEqual(a.findings, analyseText(document.getText(), { options: defaultSettings, validator: testValidator() }).findings);
  assert.ok(a.daemonSets.some((model) => model.name === 'xagent-150'));
});

test('a document closed while it is analysed resolves to an empty analysis', async () => {
  const cache = new AnalysisCache(testValidator());
  const document = TextDocument.create('file:///closed.yaml', 'yaml', 1, big);
  const pending = cache.get(document, defaultSettings);
  await new Promise((resolve) => setImmediate(resolve));
  cache.drop(document.uri);
  const result = await pending;
  assert.deepEqual(result.findings, []);
  assert.deepEqual(result.daemonSets, []);
});

test('a large file: the findings of its first documents are heard before the complete analysis, and are part of it', async () => {
  const cache = new AnalysisCache(testValidator());
  // Every document has a finding (a misspelt key), so the first documents have some.
  const text = big.replaceAll('maxUnavailable', 'maxUnavilable');
  const document = TextDocument.create('file:///partial.yaml', 'yaml', 1, text);
  const heard: Finding[][] = [];
  const analysis = await cache.get(document, defaultSettings, undefined, (findings) => heard.push(findings));
  assert.equal(heard.length, 1);
  const [partial] = heard;
  assert.ok(partial!.length > 0 && partial!.length < analysis.findings.length, `${partial!.length} of ${analysis.findings.length}`);
  const final = new Set(analysis.findings.map((finding) => JSON.stringify(finding)));
  for (const finding of partial!) assert.ok(final.has(JSON.stringify(finding)), JSON.stringify(finding));
  // They are the first documents' findings (rules comparing DaemonSets come with the complete analysis).
  const checkedUpTo = Math.max(...partial!.map((finding) => finding.span.end));
  assert.ok(checkedUpTo < text.length / 2);
  const expected = analysis.findings.filter((f) => f.span.end <= checkedUpTo && !['daemonset.selector-overlap', 'daemonset.duplicate-name'].includes(f.code));
  assert.deepEqual(partial, expected);
});
