/**
 * Analysis of one file: parse every YAML document, build a model for each DaemonSet, run the
 * rules, apply user policy. Pure: text and settings in, findings (in offsets) out; never throws
 * for bad input.
 *
 * Each DaemonSet is analysed on its own (`analyseDaemonSet`), from its document alone, so a later
 * change can cache findings per document text and re-analyse only the document that changed.
 */
import { Simulations, type ClusterContext } from './clusterContext';
import { DiagnosticCode } from './codes';
import { buildModel, isDaemonSetDocument, type DaemonSetModel, type JsonObject } from './model';
import { parseYamlFile, type ParsedFile } from './parse';
import { applyPolicy } from './policy';
import { allRules, type AnalysisOptions, type Rule, type RuleContext } from './rules';
import { findTemplateSyntax } from './templates';
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

// Block, flow and JSON style: `kind: DaemonSet`, `{kind: DaemonSet}`, `"kind": "DaemonSet"`.
const daemonSetMention = /\bkind["']?[ \t]*:[ \t]*["']?DaemonSet\b/;

/** Analyses `text` (a whole file). */
export function analyseText(text: string, context: AnalysisContext): FileAnalysis {
  const { options } = context;
  const mention = daemonSetMention.exec(text);
  if (mention === null) return { file: undefined, daemonSets: [], findings: [] };
  const mentionSpan = { start: mention.index, end: mention.index + 'kind'.length };
  if (exceeds(text, options.maxFileSize)) {
    const megabytes = (options.maxFileSize / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
    return skipped(text, options, 'too-large', {
      code: DiagnosticCode.FileTooLarge,
      severity: 'info',
      message: `This file is larger than ${megabytes} MB (setting daemonscope.maxFileSize), so Daemonscope does not analyse it.`,
      span: mentionSpan,
    });
  }
  let file: ParsedFile;
  try {
    file = parseYamlFile(text);
  } catch (error) {
    // The YAML parser recurses; pathological nesting can exhaust the stack.
    return skipped(text, options, 'unparsable', {
      code: DiagnosticCode.YamlSyntax,
      severity: 'error',
      message: `This file cannot be parsed: ${error instanceof Error ? error.message : String(error)}`,
      span: mentionSpan,
    });
  }
  const template = findTemplateSyntax(file);
  if (template !== undefined) {
    return skipped(text, options, 'templated', {
      code: DiagnosticCode.TemplatedFile,
      severity: 'info',
      message:
        'This file contains template syntax ({{ }}), so Daemonscope does not analyse it. Check the rendered manifests instead, e.g. `helm template . | daemonscope check -`.',
      span: template,
    });
  }
  const daemonSets = file.documents.filter((parsed) => isDaemonSetDocument(parsed, text)).map((parsed) => buildModel(parsed, text));
  const simulations = context.cluster ? new Simulations(context.cluster) : undefined;
  const ruleContext: RuleContext = { file, daemonSets, options, validator: context.validator, ...(simulations ? { simulations } : {}) };
  const findings = daemonSets.flatMap((model) => analyseDaemonSet(model, ruleContext, context.rules ?? allRules));
  const { clusterProblem } = context;
  if (clusterProblem) for (const model of daemonSets) findings.push({ ...clusterProblem, severity: 'warning', span: model.anchor });
  const lineOf = (offset: number): number => file.lineCounter.linePos(offset).line - 1;
  return { file, daemonSets, findings: applyPolicy(findings, text, lineOf, options.rules), ...(simulations ? { simulations } : {}) };
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

function skipped(text: string, options: AnalysisOptions, reason: FileAnalysis['skipped'], finding: Finding): FileAnalysis {
  const lineOf = (offset: number): number => countLines(text, offset);
  return { file: undefined, daemonSets: [], findings: applyPolicy([finding], text, lineOf, options.rules), skipped: reason };
}

/** The 0-based line of `offset` (for files that were not parsed, so have no LineCounter). */
function countLines(text: string, offset: number): number {
  let line = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** True when `text` in UTF-8 is longer than `limit` bytes. */
function exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}
