/**
 * The fixes `check --fix` and the editor's Fix All apply (fixAll.ts): which preferred fixes one
 * pass selects, the passes, and the whole change as edits on the input text.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { analyseText, type FileAnalysis } from '../../../../server/src/analysis/analyse';
import { quickFixes } from '../../../../server/src/analysis/codeActions';
import { applyPreferredFixes, selectPreferredFixes } from '../../../../server/src/analysis/codeActions/fixAll';
import { applyEdits } from '../../../../server/src/analysis/codeActions/yamlEdit';
import { DiagnosticCode } from '../../../../server/src/analysis/codes';
import { defaultSettings } from '../../../../server/src/protocol';
import { testValidator, validDaemonSet } from '../../../helpers/analysis';
import { clusterContext } from '../../../helpers/cluster';
import { repoPath } from '../../../helpers/paths';

const analyse = (text: string): FileAnalysis => analyseText(text, { options: defaultSettings, validator: testValidator(), cluster: clusterContext() });
const passes = readFileSync(repoPath('test/fixtures/fixes/passes.yaml'), 'utf8');

describe('selectPreferredFixes', () => {
  test('the preferred fix of each fixable finding, in order; none that touches one already selected', () => {
    const analysis = analyse(passes);
    const fixable = analysis.findings.filter((f) => f.fixable).map((f) => f.code);
    // Fixable without a preferred fix: a toleration per untolerated taint of the embedded cluster, or all of them.
    assert.ok(fixable.includes(DiagnosticCode.PlacementUntoleratedTaint));
    const selection = selectPreferredFixes(analysis);
    // dnsPolicy goes in where activeDeadlineSeconds would come out: that one waits for a pass of its own.
    assert.deepEqual(selection.fixed.map((f) => f.code), ['daemonset.replicas', 'daemonset.host-network-dns', 'daemonset.restart-policy', 'schema.enum']);
    assert.equal(selection.edits.length, 4);
    assert.equal(applyEdits(passes, selection.edits).includes('activeDeadlineSeconds: 30'), true);
  });

  test('nothing for a file that was not parsed, or one without a preferred fix', () => {
    assert.deepEqual(selectPreferredFixes({ file: undefined, daemonSets: [], findings: [] }), { edits: [], fixed: [] });
    // The embedded cluster's tainted nodes: fixable, by a toleration per taint or one for all, but never preferred.
    const tainted = analyse(validDaemonSet);
    const taint = tainted.findings.filter((f) => f.code === DiagnosticCode.PlacementUntoleratedTaint);
    assert.equal(taint.length, 1);
    assert.deepEqual(quickFixes(taint[0]!, tainted.file!).map((f) => [f.title, f.isPreferred]), [
      ['Add a toleration for nvidia.com/gpu=present:NoSchedule', false],
      ['Add a toleration for os=windows:NoSchedule', false],
      ['Add tolerations for all 2 taints', false],
    ]);
    assert.deepEqual(selectPreferredFixes(tainted), { edits: [], fixed: [] });
  });
});

describe('applyPreferredFixes', () => {
  test('a second pass fixes what the first had to leave, and `edits` on the input give the same text', () => {
    const result = applyPreferredFixes(passes, analyse);
    assert.deepEqual(result.fixed.map((f) => f.code).slice(4), ['daemonset.active-deadline-seconds']);
    assert.ok(!result.text.includes('activeDeadlineSeconds:') && result.text.includes('      dnsPolicy: ClusterFirstWithHostNet\n      restartPolicy: Always\n'));
    assert.ok(!result.analysis.findings.some((f) => f.code === 'daemonset.active-deadline-seconds' || f.code === 'daemonset.host-network-dns'));
    // The dnsPolicy line replaces the activeDeadlineSeconds line: one edit, not two touching.
    assert.deepEqual(
      result.edits.map((edit) => [passes.slice(edit.span.start, edit.span.end), edit.newText]),
      [
        ['  replicas: 2\n', ''],
        ['      activeDeadlineSeconds: 30\n', '      dnsPolicy: ClusterFirstWithHostNet\n'],
        ['Never', 'Always'],
        ['Allways', 'Always'],
      ],
    );
    assert.equal(applyEdits(passes, result.edits), result.text);
    assert.equal(applyPreferredFixes(passes, analyse, { maxPasses: 1 }).fixed.length, 4);
  });

  test('starts from the analysis it is given (the editor has it) and analyses only the fixed texts', () => {
    const analysed: string[] = [];
    const counting = (text: string): FileAnalysis => {
      analysed.push(text);
      return analyse(text);
    };
    const result = applyPreferredFixes(passes, counting, { analysis: analyse(passes) });
    assert.equal(analysed.length, 2);
    assert.ok(!analysed.includes(passes));
    assert.equal(analysed[1], result.text);
  });

  test('on every fix fixture and sample (also CRLF): `edits` give `text`, sorted, none overlapping or touching; nothing left to fix', () => {
    const dirs = ['test/fixtures/fixes', 'samples'];
    let fixed = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(repoPath(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
        for (const text of [readFileSync(repoPath(`${dir}/${name}`), 'utf8'), readFileSync(repoPath(`${dir}/${name}`), 'utf8').replace(/\r?\n/g, '\r\n')]) {
          const result = applyPreferredFixes(text, analyse);
          assert.equal(applyEdits(text, result.edits), result.text, name);
          for (let i = 1; i < result.edits.length; i++) assert.ok(result.edits[i - 1]!.span.end < result.edits[i]!.span.start, `${name}: edits ${i - 1} and ${i}`);
          assert.equal(result.edits.length === 0, result.text === text, name);
          assert.deepEqual(selectPreferredFixes(result.analysis).fixed, [], `${name}: a preferred fix is left`);
          fixed += result.fixed.length;
        }
      }
    }
    assert.ok(fixed > 40, `only ${fixed} fixes applied`);
  });
});
