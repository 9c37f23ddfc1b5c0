import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyseText, type AnalysisContext } from '../../../server/src/analysis/analyse';
import { IncrementalAnalyser } from '../../../server/src/analysis/incrementalAnalyser';
import { buildModel } from '../../../server/src/analysis/model';
import { parseYamlFile } from '../../../server/src/analysis/parse';
import { modelFields } from '../../../server/src/analysis/shift';
import { defaultSettings } from '../../../server/src/protocol';
import { testValidator, validDaemonSet } from '../../helpers/analysis';
import { repoPath } from '../../helpers/paths';
import { analyseWhole, assertSameAnalysis, knownDeviation } from './reference';

const context = (): AnalysisContext => ({ options: defaultSettings, validator: testValidator() });

function daemonSet(i: number): string {
  return validDaemonSet.replace('name: agent', `name: agent-${i}`);
}

const fileOf = (count: number): string => Array.from({ length: count }, (_, i) => daemonSet(i)).join('---\n');

test('a one-character edit re-parses and re-checks one document and reuses the others, moved', () => {
  const analyser = new IncrementalAnalyser();
  const text = fileOf(20);
  analyser.analyse(text, context());
  assert.deepEqual(analyser.lastRun, { parsed: 20, reused: 0, checked: 20 });
  const at = text.indexOf('agent-10');
  const edited = `${text.slice(0, at)}x${text.slice(at)}`;
  const result = analyser.analyse(edited, context());
  assert.deepEqual(analyser.lastRun, { parsed: 1, reused: 19, checked: 1 });
  assertSameAnalysis(result, analyseWhole(edited, context()), edited);
  assert.equal(result.daemonSets[15]!.name, 'agent-15');
});

test('the same text twice parses nothing; new settings re-check every document without re-parsing', () => {
  const analyser = new IncrementalAnalyser();
  const text = fileOf(5);
  analyser.analyse(text, context());
  analyser.analyse(text, context());
  assert.deepEqual(analyser.lastRun, { parsed: 0, reused: 5, checked: 0 });
  const options = { ...defaultSettings, rules: { 'daemonset.duplicate-name': 'off' as const } };
  const result = analyser.analyse(text, { options, validator: testValidator() });
  assert.deepEqual(analyser.lastRun, { parsed: 0, reused: 5, checked: 5 });
  assertSameAnalysis(result, analyseWhole(text, { options, validator: testValidator() }), text);
});

test('identical documents each get their own entry; a rule that reads other DaemonSets re-runs on every version', () => {
  const analyser = new IncrementalAnalyser();
  const same = `${validDaemonSet}---\n${validDaemonSet}---\n${validDaemonSet}`;
  let result = analyser.analyse(same, context());
  assertSameAnalysis(result, analyseWhole(same, context()), same);
  assert.equal(result.findings.filter((f) => f.code === 'daemonset.duplicate-name').length, 2);
  // Renaming the last one: the first two documents are reused, but they are no longer replaced by it.
  const renamed = `${validDaemonSet}---\n${validDaemonSet}---\n${validDaemonSet.replace('name: agent', 'name: other')}`;
  result = analyser.analyse(renamed, context());
  assert.equal(analyser.lastRun.reused, 2);
  assertSameAnalysis(result, analyseWhole(renamed, context()), renamed);
  assert.equal(result.findings.filter((f) => f.code === 'daemonset.duplicate-name').length, 1);
});

/** Seed texts: samples, real-world manifests, and generated multi-document files. */
function seeds(): string[] {
  const files = [
    ...readdirSync(repoPath('samples')).map((f) => repoPath('samples', f)),
    ...readdirSync(repoPath('test/fixtures/realworld')).filter((f) => /\.ya?ml$/.test(f)).map((f) => repoPath('test/fixtures/realworld', f)),
  ];
  return [...files.map((path) => readFileSync(path, 'utf8')), fileOf(6)];
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.constantFrom('', 'x', ' ', '\n', ':', '- ', '---\n', '\n---\n', '---', '"', "'", '{', '[', '&a ', '*a', '<<: *a\n', '#', '...\n', '%YAML 1.1\n', 'kind: DaemonSet\n', '  name: dup\n', '\t', '|\n  ', '{{ x }}'),
});

test('property: any sequence of edits analysed incrementally equals analysing each version afresh, and one parse of the whole stream', () => {
  const texts = seeds();
  fc.assert(
    fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
      const analyser = new IncrementalAnalyser();
      let text = texts[which]!;
      analyser.analyse(text, context());
      for (const { at, remove, insert } of edits) {
        const where = Math.floor(at * text.length);
        text = text.slice(0, where) + insert + text.slice(where + remove);
        const incremental = analyser.analyse(text, context());
        assertSameAnalysis(incremental, analyseText(text, context()), text);
        // And the same as one parse of the whole stream (but where yaml recovers from an unterminated quote).
        const whole = analyseWhole(text, context());
        if (!knownDeviation(whole, text)) assertSameAnalysis(incremental, whole, text);
      }
    }),
    { numRuns: Number(process.env.PROPERTY_RUNS ?? 150), seed: Number(process.env.PROPERTY_SEED ?? 9) },
  );
});

test('documents moved to other places (reordered, pasted elsewhere) are found by their text and reused', () => {
  const analyser = new IncrementalAnalyser();
  const docs = Array.from({ length: 8 }, (_, i) => daemonSet(i));
  analyser.analyse(docs.join('---\n'), context());
  // The middle six moved: neither their index from the start nor from the end holds the same text,
  // only the pool finds them (the first and last chunks stay: the first has no `---`, the last is parsed as last).
  const reordered = [docs[0], docs[5], docs[6], docs[1], docs[2], docs[3], docs[4], docs[7]].join('---\n');
  const result = analyser.analyse(reordered, context());
  assert.deepEqual(analyser.lastRun, { parsed: 0, reused: 8, checked: 0 });
  assertSameAnalysis(result, analyseWhole(reordered, context()), reordered);
  assert.equal(analyser.cachedChunks, 8);
  // Two identical documents moved: each takes an entry of its own.
  const twice = [docs[0], docs[1], docs[2], docs[2], docs[7]].join('---\n');
  analyser.analyse(twice, context());
  const moved = [docs[0], docs[2], docs[2], docs[1], docs[7]].join('---\n');
  const again = analyser.analyse(moved, context());
  assert.deepEqual(analyser.lastRun, { parsed: 0, reused: 5, checked: 0 });
  assertSameAnalysis(again, analyseWhole(moved, context()), moved);
});

test('a run abandoned part-way keeps, for the next one, the entries of the previous version it did not reach', () => {
  const analyser = new IncrementalAnalyser();
  const docs = Array.from({ length: 10 }, (_, i) => daemonSet(i));
  analyser.analyse(docs.join('---\n'), context());
  // A version with the documents reversed, abandoned after its first three documents.
  const steps = analyser.steps([...docs].reverse().join('---\n'), context());
  for (let n = 0; n < 3; n++) steps.next();
  // The original order again: the three it took and the seven it left are all reused.
  const original = docs.join('---\n');
  const result = analyser.analyse(original, context());
  assert.deepEqual(analyser.lastRun, { parsed: 0, reused: 10, checked: 0 });
  assertSameAnalysis(result, analyseWhole(original, context()), original);
});

test('an abandoned run leaves its work for the next one, and the cache never outgrows the file', () => {
  const analyser = new IncrementalAnalyser();
  const original = fileOf(30);
  let text = original;
  analyser.analyse(text, context());
  for (let i = 0; i < 200; i++) {
    // Insert a character somewhere, then remove it again.
    const at = Math.floor((original.length * ((i >> 1) * 37 % 100)) / 100);
    text = i % 2 === 0 ? `${original.slice(0, at)}y${original.slice(at)}` : original;
    const steps = analyser.steps(text, context());
    // Abandon most runs part-way (a newer version arrived), finish every tenth.
    if (i % 10 === 9) for (let next = steps.next(); !next.done; next = steps.next());
    else for (let n = 0; n < 5; n++) steps.next();
    assert.ok(analyser.cachedChunks <= 2 * 30 + 1, `${analyser.cachedChunks} entries`);
  }
  const result = analyser.analyse(text, context());
  assert.equal(analyser.cachedChunks, 30);
  assertSameAnalysis(result, analyseText(text, context()), text);
});

test('shiftModel knows every field of DaemonSetModel (a new field holding offsets must be moved too)', () => {
  const file = parseYamlFile(validDaemonSet);
  const model = buildModel(file.documents[0]!, validDaemonSet);
  model.problem = { message: 'x', span: { start: 0, end: 1 } };
  assert.deepEqual(Object.keys(model).sort(), Object.keys(modelFields).sort());
});
