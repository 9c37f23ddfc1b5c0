/**
 * The quick-fix property (issue #6): for every fixture with a fixable finding, every fix it
 * offers removes that finding, adds no error, and leaves every byte outside its edits unchanged;
 * no edit rewrites a whole unchanged line or reaches into another document. Run on the fix
 * fixtures, the samples, the real-world corpus and the workspace fixture, each also with CRLF
 * line ends and with doubled indentation, on the embedded cluster (so cluster fixes are included).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { analyseText, type FileAnalysis } from '../../../../server/src/analysis/analyse';
import { applyEdits, quickFixes, type TextEdit } from '../../../../server/src/analysis/codeActions';
import type { Finding } from '../../../../server/src/analysis/types';
import { defaultSettings } from '../../../../server/src/protocol';
import { testValidator } from '../../../helpers/analysis';
import { clusterContext } from '../../../helpers/cluster';
import { repoPath } from '../../../helpers/paths';

const analyse = (text: string): FileAnalysis => analyseText(text, { options: defaultSettings, validator: testValidator(), cluster: clusterContext() });

function yamlFiles(dir: string): string[] {
  return readdirSync(repoPath(dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
}

const fixtures = [...yamlFiles('test/fixtures/fixes'), ...yamlFiles('samples'), ...yamlFiles('test/fixtures/realworld'), ...yamlFiles('test/fixtures/workspace/manifests')];

/** The same YAML with every leading indentation doubled (still valid: nesting is relative). */
function doubleIndent(text: string): string {
  return text.replace(/^( +)/gm, (spaces) => spaces + spaces);
}

const variants: [string, (text: string) => string][] = [
  ['as written', (text) => text],
  ['CRLF', (text) => text.replace(/\r?\n/g, '\r\n')],
  ['double indent', doubleIndent],
];

/** A finding's identity across an edit: its code, message and the index of its document. */
function keyIn(analysis: FileAnalysis): (finding: Finding) => string {
  const documents = analysis.file?.documents ?? [];
  // By DaemonSet: the items of one `kind: List` share a document.
  const within = (finding: Finding) => (span: { start: number; end: number }) => span.start <= finding.span.start && finding.span.start <= span.end;
  return (finding) =>
    `${documents.findIndex((d) => within(finding)(d.span))}/${analysis.daemonSets.findIndex((m) => within(finding)(m.span))}\u0000${finding.code}\u0000${finding.message}`;
}

/** A line is rewritten whole when an edit's replaced text and new text share a complete line at either end. */
function rewritesUnchangedLine(text: string, edit: TextEdit): boolean {
  const old = text.slice(edit.span.start, edit.span.end);
  let prefix = 0;
  while (prefix < old.length && prefix < edit.newText.length && old[prefix] === edit.newText[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < edit.newText.length - prefix && old[old.length - 1 - suffix] === edit.newText[edit.newText.length - 1 - suffix]) suffix++;
  return old.slice(0, prefix).includes('\n') || old.slice(old.length - suffix).includes('\n');
}

let checkedFixes = 0;
const fixedCodes = new Set<string>();

describe('every quick fix on every fixture', () => {
  for (const file of fixtures) {
    for (const [variantName, transform] of variants) {
      test(`${file} (${variantName})`, () => {
        const text = transform(readFileSync(repoPath(file), 'utf8'));
        const before = analyse(text);
        if (!before.file) return;
        const key = keyIn(before);
        const errorsBefore = new Set(before.findings.filter((f) => f.severity === 'error').map(key));
        for (const finding of before.findings.filter((f) => f.fixable)) {
          const fixes = quickFixes(finding, before.file);
          assert.ok(fixes.length > 0, `${finding.code} is fixable but has no fix: ${finding.message}`);
          assert.ok(fixes.filter((f) => f.isPreferred).length <= 1, `${finding.code}: more than one preferred fix`);
          const document = before.file.documents.find((d) => d.span.start <= finding.span.start && finding.span.start <= d.span.end)!;
          for (const fix of fixes) {
            const what = `${finding.code} → ${fix.title}`;
            const sorted = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
            let rebuilt = '';
            let at = 0;
            for (const edit of sorted) {
              assert.ok(edit.span.start >= at, `${what}: overlapping edits`);
              assert.ok(edit.span.start >= document.span.start && edit.span.end <= document.span.end, `${what}: edit outside the finding's document`);
              assert.ok(!rewritesUnchangedLine(text, edit), `${what}: rewrites an unchanged line: ${JSON.stringify(text.slice(edit.span.start, edit.span.end))} → ${JSON.stringify(edit.newText)}`);
              rebuilt += text.slice(at, edit.span.start) + edit.newText;
              at = edit.span.end;
            }
            rebuilt += text.slice(at);
            const after = applyEdits(text, fix.edits);
            assert.equal(after, rebuilt, `${what}: bytes outside the edits changed`);
            const analysed = analyse(after);
            const keyAfter = keyIn(analysed);
            assert.ok(!analysed.findings.some((f) => keyAfter(f) === key(finding)), `${what}: the finding is still there\n${after}`);
            if (finding.code === 'placement.untolerated-taint') {
              // One finding per DaemonSet listing its taints: a per-taint fix drops that taint from it, the all-taints fix the finding.
              const where = key(finding).split('\u0000')[0];
              const left = analysed.findings.filter((f) => f.code === finding.code && keyAfter(f).split('\u0000')[0] === where);
              const one = /^Add a toleration for (.+)$/.exec(fix.title)?.[1];
              if (one === undefined) assert.deepEqual(left.map((f) => f.message), [], what);
              else assert.ok(!left.some((f) => f.message.includes(`taint ${one} `)), `${what}: still listed: ${left.map((f) => f.message).join(' | ')}`);
            }
            const newErrors = analysed.findings.filter((f) => f.severity === 'error' && !errorsBefore.has(keyAfter(f)));
            assert.deepEqual(newErrors.map((f) => `${f.code}: ${f.message}`), [], `${what}: new errors\n${after}`);
            checkedFixes++;
            fixedCodes.add(finding.code);
          }
        }
      });
    }
  }

  test('the fixtures exercise every code that has a quick fix', () => {
    const expected = [
      'schema.unknown-field',
      'schema.enum',
      'schema.required',
      'daemonset.api-version-removed',
      'daemonset.replicas',
      'daemonset.selector-mismatch',
      'daemonset.selector-empty',
      'daemonset.rolling-update-both-set',
      'daemonset.rolling-update-both-zero',
      'daemonset.rolling-update-ignored',
      'daemonset.restart-policy',
      'daemonset.active-deadline-seconds',
      'placement.untolerated-taint',
      'placement.unknown-label',
      'daemonset.host-network-dns',
      'daemonset.requests-missing',
    ];
    assert.deepEqual(expected.filter((code) => !fixedCodes.has(code)), []);
    assert.ok(checkedFixes > 100, `only ${checkedFixes} fixes checked`);
  });
});
