/**
 * DaemonSets inside a list document: `kubectl get daemonsets -o yaml` (and `-o json`) prints a
 * `kind: List` whose `items` are the DaemonSets, and kubectl applies each item on its own
 * (staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go, `FlattenListVisitor.Visit`). Each item
 * is analysed as a DaemonSet written on its own, with findings at their exact ranges in the list.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../../server/src/analysis/analyse';
import { applyEdits, quickFixes } from '../../../server/src/analysis/codeActions';
import { hoverAt } from '../../../server/src/analysis/hover';
import { IncrementalAnalyser } from '../../../server/src/analysis/incrementalAnalyser';
import { documentSymbols } from '../../../server/src/analysis/symbols';
import { defaultSettings } from '../../../server/src/protocol';
import { analyse, check, testValidator, validDaemonSet } from '../../helpers/analysis';
import { clusterContext } from '../../helpers/cluster';
import { offsetOf } from '../../helpers/text';

/** `text` (one object) as an item of a block sequence at column 0, as kubectl prints it. */
function asItem(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line, i) => (i === 0 ? `- ${line}` : line === '' ? '' : `  ${line}`))
    .join('\n')
    .concat('\n');
}

/** A `kind: List` as `kubectl get daemonsets -o yaml` prints it. */
function kubectlList(...objects: string[]): string {
  return `apiVersion: v1\nitems:\n${objects.map(asItem).join('')}kind: List\nmetadata:\n  resourceVersion: ""\n`;
}

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  bogus: [1, 2\n';
// Another name and other labels (no selector overlap with `validDaemonSet`).
const exporter = validDaemonSet.replaceAll('agent', 'exporter');

describe('DaemonSets in a kind: List', () => {
  test('valid items give no finding; each item is a DaemonSet of the analysis, spanning its item', () => {
    const text = kubectlList(validDaemonSet, exporter);
    const analysis = analyse(text);
    assert.deepEqual(analysis.findings, []);
    assert.deepEqual(
      analysis.daemonSets.map((model) => model.name),
      ['agent', 'exporter'],
    );
    const [first, second] = analysis.daemonSets;
    assert.equal(first!.span.start, offsetOf(text, 'apiVersion: apps/v1'));
    assert.equal(second!.span.start, offsetOf(text, 'apiVersion: apps/v1', 1));
    assert.ok(first!.span.end <= second!.span.start);
    assert.equal(text.slice(first!.anchor.start, first!.anchor.end), 'kind');
    assert.equal(first!.anchor.start, offsetOf(text, 'kind: DaemonSet'));
  });

  test('findings of each item at their exact ranges; items that are not DaemonSets stay silent', () => {
    const broken = exporter.replace('maxUnavailable: 1', 'maxUnavilable: 1').replace('spec:\n  selector:', 'spec:\n  replicas: 3\n  selector:');
    const text = kubectlList(validDaemonSet.replace('app: agent\n    spec:', 'app: agentx\n    spec:'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n', broken);
    assert.deepEqual(check(text), [
      { code: 'daemonset.selector-mismatch', severity: 'error', text: 'selector' },
      { code: 'daemonset.replicas', severity: 'error', text: 'replicas' },
      { code: 'schema.unknown-field', severity: 'error', text: 'maxUnavilable' },
    ]);
    const findings = analyse(text).findings;
    assert.equal(findings[0]!.span.start, offsetOf(text, 'selector'));
    assert.equal(findings[1]!.span.start, offsetOf(text, 'replicas'));
    assert.equal(findings[2]!.span.start, offsetOf(text, 'maxUnavilable'));
  });

  test('a DaemonSetList, a list written as JSON (kubectl -o json) and a list inside a list', () => {
    const typed = kubectlList(validDaemonSet.replace('maxUnavailable: 1', 'maxUnavailable: -1')).replace('kind: List', 'kind: DaemonSetList').replace('apiVersion: v1\n', 'apiVersion: apps/v1\n');
    assert.deepEqual(check(typed), [{ code: 'daemonset.rolling-update-value', severity: 'error', text: '-1' }]);
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'a' }, spec: { replicas: 1 } }] }, null, 4);
    assert.ok(check(json, { rules: { 'schema.required': 'off' } }).some((f) => f.code === 'daemonset.replicas' && f.text === '"replicas"'));
    const nested = kubectlList(kubectlList(exporter.replace('maxUnavailable: 1', 'maxUnavailable: -1')));
    assert.deepEqual(check(nested), [{ code: 'daemonset.rolling-update-value', severity: 'error', text: '-1' }]);
  });

  test('lists without DaemonSets, and items under a kind that is not a list, stay silent', () => {
    assert.deepEqual(check(kubectlList(configMap.replace('  bogus: [1, 2\n', '  a: b\n'))), []);
    const notAList = kubectlList(validDaemonSet.replace('maxUnavailable: 1', 'maxUnavailable: -1')).replace('kind: List', 'kind: Inventory');
    assert.deepEqual(check(notAList), []);
    // A DaemonSet document with a stray `items` key is judged as a DaemonSet, not as a list.
    assert.deepEqual(check(`${validDaemonSet}items:\n  - kind: DaemonSet\n`).map((f) => f.code), ['schema.unknown-field']);
  });

  test('a YAML error in the list is reported once, and the items are not decoded', () => {
    const text = kubectlList(validDaemonSet, configMap, exporter);
    const findings = check(text);
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => f.code === 'yaml.syntax'));
    const analysis = analyse(text);
    assert.equal(new Set(analysis.findings.map((f) => `${f.span.start}:${f.message}`)).size, analysis.findings.length);
    assert.deepEqual(analysis.daemonSets.map((model) => model.value), [undefined, undefined]);
  });

  test('a duplicate key inside the second item is reported on that key', () => {
    const text = kubectlList(validDaemonSet, exporter.replace('  namespace: monitoring\n', '  namespace: monitoring\n  namespace: other\n'));
    assert.deepEqual(check(text), [{ code: 'yaml.duplicate-key', severity: 'error', text: 'namespace' }]);
    assert.equal(analyse(text).findings[0]!.span.start, offsetOf(text, 'namespace', 2));
  });

  test('an alias in one item to an anchor in another is expanded (the list decodes as a whole)', () => {
    const text = kubectlList(validDaemonSet.replace('example/agent:1.0', '&image example/agent:1.0'), exporter.replace('example/exporter:1.0', '*image'));
    assert.deepEqual(check(text), []);
    assert.deepEqual(
      analyse(text).daemonSets.map((model) => ((model.value!.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image)),
      ['example/agent:1.0', 'example/agent:1.0'],
    );
  });

  test('duplicate names across items: the earlier item is replaced', () => {
    const text = kubectlList(validDaemonSet, validDaemonSet);
    assert.deepEqual(check(text), [{ code: 'daemonset.duplicate-name', severity: 'warning', text: 'agent' }]);
    assert.equal(analyse(text).findings[0]!.span.start, offsetOf(text, 'name: agent') + 'name: '.length);
  });

  test('a quick fix on an item edits that item only', () => {
    const text = kubectlList(validDaemonSet, exporter.replace('maxUnavailable: 1', 'maxUnavilable: 1'));
    const analysis = analyse(text);
    const finding = analysis.findings.find((f) => f.code === 'schema.unknown-field')!;
    const fix = quickFixes(finding, analysis.file!).find((f) => f.isPreferred)!;
    assert.equal(applyEdits(text, fix.edits), kubectlList(validDaemonSet, exporter));
    const replicas = kubectlList(validDaemonSet, exporter.replace('spec:\n  selector:', 'spec:\n  replicas: 3\n  selector:'));
    const withReplicas = analyse(replicas);
    const remove = quickFixes(withReplicas.findings.find((f) => f.code === 'daemonset.replicas')!, withReplicas.file!)[0]!;
    assert.equal(applyEdits(replicas, remove.edits), kubectlList(validDaemonSet, exporter));
  });

  test('outline, hover and cluster simulation see each item', () => {
    const text = kubectlList(validDaemonSet, exporter);
    const analysis = analyseText(text, { options: defaultSettings, validator: testValidator(), cluster: clusterContext() });
    assert.deepEqual(
      documentSymbols(analysis).map((symbol) => symbol.name),
      ['monitoring/agent', 'monitoring/exporter'],
    );
    const hover = hoverAt(analysis, offsetOf(text, 'maxUnavailable', 1));
    assert.ok(hover);
    assert.equal(text.slice(hover.span.start, hover.span.end), 'maxUnavailable');
    assert.ok(analysis.daemonSets.every((model) => analysis.simulations?.of(model) !== undefined));
  });

  test('the incremental analyser gives the same findings as a fresh analysis across edits of a list', () => {
    const analyser = new IncrementalAnalyser();
    const context = { options: defaultSettings, validator: testValidator() };
    const versions = [
      kubectlList(validDaemonSet, exporter),
      `# exported\n${kubectlList(validDaemonSet, exporter.replace('maxUnavailable: 1', 'maxUnavilable: 1'))}`,
      `---\n${validDaemonSet}---\n# exported\n${kubectlList(validDaemonSet, exporter.replace('maxUnavailable: 1', 'maxUnavilable: 1'))}`,
      kubectlList(exporter.replace('maxUnavailable: 1', 'maxUnavailable: 0')),
    ];
    for (const text of versions) {
      const incremental = analyser.analyse(text, context);
      const fresh = analyseText(text, context);
      assert.deepEqual(
        incremental.findings.map((f) => [f.code, f.span, f.message]),
        fresh.findings.map((f) => [f.code, f.span, f.message]),
      );
      assert.deepEqual(
        incremental.daemonSets.map((m) => [m.span, m.anchor, m.name, m.document.contents?.range]),
        fresh.daemonSets.map((m) => [m.span, m.anchor, m.name, m.document.contents?.range]),
      );
    }
  });
});
