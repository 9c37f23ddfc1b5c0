/**
 * Analysis of one file: parse every YAML document, build a model for each DaemonSet, run the
 * rules, apply user policy. Pure: text and settings in, findings (in offsets) out; never throws
 * for bad input.
 *
 * Each DaemonSet is analysed on its own, from its document alone, so the incremental analyser
 * (incrementalAnalyser.ts) caches findings per document text and re-analyses only what changed.
 */
import type { ClusterContext, Simulations } from './clusterContext';
import { DiagnosticCode } from './codes';
import { IncrementalAnalyser } from './incrementalAnalyser';
import type { DaemonSetModel, JsonObject } from './model';
import type { ParsedFile } from './parse';
import type { AnalysisOptions, Rule, RuleContext } from './rules';
import type { Finding } from './types';
import type { SchemaValidator } from './validator';
import { yamlFindings } from './yamlFindings';

/** Everything an analysis needs besides the text. */
export interface AnalysisContext {
  options: AnalysisOptions;
  /** From `createSchemaValidator()`, compiled once by the caller. */
  validator: SchemaValidator;
  /** The rules to run; all of them by default (tests pass fewer). */
  rules?: readonly Rule[];
  /** The cluster to simulate on; absent when none could be loaded (cluster-aware rules stay silent). */
  cluster?: ClusterContext;
  /** Why no cluster could be loaded (a broken cluster file): reported once on each DaemonSet. */
  clusterProblem?: { code: DiagnosticCode; message: string };
}

/** The result of analysing one file. */
export interface FileAnalysis {
  /** Undefined when the file was not parsed (too large, or nesting too deep to parse). */
  file: ParsedFile | undefined;
  /** Every DaemonSet document, in document order. */
  daemonSets: DaemonSetModel[];
  /** After severities and disable comments, sorted by position. */
  findings: Finding[];
  /** Why the file was not analysed in depth, if it was not. */
  skipped?: 'too-large' | 'templated' | 'unparsable';
  /** Simulations of `daemonSets` on the context's cluster (shared by rules, hover, preview); absent without a cluster. */
  simulations?: Simulations;
}

/**
 * Analyses `text` (a whole file) from scratch. The language server keeps an `IncrementalAnalyser`
 * per open document instead, which gives the same result and reuses unchanged documents.
 */
export function analyseText(text: string, context: AnalysisContext): FileAnalysis {
  return new IncrementalAnalyser().analyse(text, context);
}

/** The findings of one DaemonSet document: its YAML errors, then (if it parsed) every rule's. */
export function analyseDaemonSet(model: DaemonSetModel, context: RuleContext, rules: readonly Rule[]): Finding[] {
  const findings = yamlFindings(model.document, context.file.text);
  if (model.problem) {
    findings.push({ code: DiagnosticCode.YamlSyntax, severity: 'error', message: model.problem.message, span: model.problem.span });
  }
  const value = model.value;
  if (value === undefined) return findings;
  const withValue = model as DaemonSetModel & { value: JsonObject };
  for (const rule of rules) findings.push(...rule.check(withValue, context));
  return findings;
}
