/**
 * Bench section "analysis": diagnostics (parse, model, schema validation, rules, conversion to
 * LSP diagnostics) for a 60-line DaemonSet, a generated 500-document (~33k-line) file beside the
 * bare `YAML.parseAllDocuments` + `LineCounter` parse of the same text, and an anchor/alias-heavy
 * file. Budgets: DESIGN.md "Budgets" and issue #4.
 *
 * It runs the TypeScript sources (tsx) with the `yaml` package as published, without a cluster:
 * Daemonscope's own code beside the parser it starts from. The shipped bundles parse with a
 * patched and flattened `yaml` (esbuild.mjs, scripts/yamlGenerators.mjs) and the server runs the
 * cluster-aware rules; section "peer" measures that server, against the same bare parse.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseText } from '../../server/src/analysis/analyse';
import { IncrementalAnalyser } from '../../server/src/analysis/incrementalAnalyser';
import { createSchemaValidator, type SchemaValidator } from '../../server/src/analysis/validator';
import { toDiagnostic } from '../../server/src/convert';
import { defaultSettings } from '../../server/src/protocol';
import { daemonSetText, manyDocuments } from '../../server/src/sampleManifests';
import type { BenchSection } from '../bench';

/** DaemonSets that share resources, tolerations, env and labels through anchors, aliases and `<<`. */
export function aliasHeavy(count = 200): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: shared-${i}
  labels: &labels
    app.kubernetes.io/name: shared-${i}
    tier: node
spec:
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels: *labels
    spec:
      tolerations: &tolerations
        - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
        - {operator: Exists, effect: NoExecute}
      containers:
        - &container
          name: main
          image: registry.example.com/shared:${i}
          env: &env
            - {name: A, value: "1"}
            - {name: B, value: "2"}
            - {name: C, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
          resources: &resources
            requests: &requests {cpu: 10m, memory: 16Mi}
            limits: *requests
        - <<: *container
          name: sidecar
          env: *env
          resources: *resources
        - <<: *container
          name: sidecar2
      initContainers:
        - <<: *container
          name: init
`);
  }
  return docs.join('---\n');
}

function diagnosticsOf(text: string, validator: SchemaValidator): number {
  const document = TextDocument.create('file:///bench.yaml', 'yaml', 1, text);
  const { findings } = analyseText(text, { options: defaultSettings, validator });
  return findings.map((finding) => toDiagnostic(document, finding)).length;
}

/** The bare parse of `text` by the `yaml` package as published: the yardstick of issue #9 (the peer section times it too). */
export function bareParse(text: string): number {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  return Array.isArray(docs) ? docs.length : 0;
}

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

export const section: BenchSection = {
  name: 'analysis',
  run(bench) {
    let validator: SchemaValidator = createSchemaValidator();
    bench.measure('schema validator compile (once, at server start)', () => (validator = createSchemaValidator()), { runs: 5, warmup: 0 });

    const small = daemonSetText(1, true);
    bench.measure('diagnostics: 60-line DaemonSet', () => diagnosticsOf(small, validator), {
      runs: 200,
      warmup: 50,
      target: '< 5 ms',
      extra: { lines: lineCount(small), findings: diagnosticsOf(small, validator) },
    });

    const large = manyDocuments();
    const extra = { documents: 500, lines: lineCount(large), bytes: large.length };
    bench.compare(
      { name: 'bare parse: 500-document file (parseAllDocuments + LineCounter)', fn: () => bareParse(large), extra },
      { name: 'diagnostics: 500-document file', fn: () => diagnosticsOf(large, validator), extra: { ...extra, findings: diagnosticsOf(large, validator) } },
      { runs: 7, warmup: 2, target: '<= 1.2x bare parse (issue #9: the server bundle, section peer)', ratioName: 'diagnostics / bare parse: 500-document file' },
    );
    const at = large.indexOf('agent-250');
    const edited = `${large.slice(0, at)}x${large.slice(at)}`;
    // One analyser over the versions, as the server keeps per open document; each run is an edit
    // (a character typed, then deleted again), so each re-parses one document.
    const analyser = new IncrementalAnalyser();
    const context = { options: defaultSettings, validator };
    analyser.analyse(large, context);
    let flip = false;
    bench.measure(
      'diagnostics after a one-character edit: 500-document file (incremental)',
      () => {
        flip = !flip;
        const text = flip ? edited : large;
        const document = TextDocument.create('file:///bench.yaml', 'yaml', 1, text);
        return analyser.analyse(text, context).findings.map((finding) => toDiagnostic(document, finding)).length;
      },
      { runs: 20, warmup: 4, target: '< 30 ms', extra: { ...extra, reparsedDocuments: 1 } },
    );

    const aliases = aliasHeavy();
    const aliasExtra = { documents: 200, lines: lineCount(aliases) };
    bench.compare(
      { name: 'bare parse: anchor/alias-heavy file', fn: () => bareParse(aliases), extra: aliasExtra },
      { name: 'diagnostics: anchor/alias-heavy file', fn: () => diagnosticsOf(aliases, validator), extra: { ...aliasExtra, findings: diagnosticsOf(aliases, validator) } },
      { runs: 7, warmup: 2, ratioName: 'diagnostics / bare parse: anchor/alias-heavy file' },
    );
  },
};
