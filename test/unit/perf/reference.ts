/**
 * The reference for the incremental analyser's tests: the whole-file analysis as it was before
 * documents were parsed one by one (one `parseAllDocuments` over the whole text, every rule on
 * every DaemonSet), and a comparison of two analyses down to every node's range.
 */
import assert from 'node:assert/strict';
import { isCollection, isNode, isPair, LineCounter, type Document } from 'yaml';
import { analyseDaemonSet, analyseText, type AnalysisContext, type FileAnalysis } from '../../../server/src/analysis/analyse';
import { Simulations } from '../../../server/src/analysis/clusterContext';
import { documentStarts } from '../../../server/src/analysis/chunks';
import { daemonSetModels } from '../../../server/src/analysis/model';
import { parseYamlFile } from '../../../server/src/analysis/parse';
import { applyPolicy } from '../../../server/src/analysis/policy';
import { allRules } from '../../../server/src/analysis/rules';
import { findTemplateSyntax } from '../../../server/src/analysis/templates';

/** The whole-file analysis of `text`: one parse of the whole stream. */
export function analyseWhole(text: string, context: AnalysisContext): FileAnalysis {
  const fast = analyseText(text, context);
  // Not parsed at all (no DaemonSet mention, too large): nothing incremental to compare.
  if (fast.skipped === 'too-large' || (fast.file === undefined && fast.skipped === undefined)) return fast;
  let file;
  try {
    file = parseYamlFile(text);
  } catch {
    return { file: undefined, daemonSets: [], findings: [], skipped: 'unparsable' };
  }
  // Skipped as a template: the one finding is the same function's on either parse.
  // yaml's own LineCounter misses line breaks inside some broken documents; count them all, as
  // the incremental analyser does (line numbers appear in messages and disable comments).
  const trueLines = new LineCounter();
  for (const start of lineStarts(text)) trueLines.addNewLine(start);
  file = { ...file, lineCounter: trueLines };
  if (findTemplateSyntax(file) !== undefined) return { file: undefined, daemonSets: [], findings: fast.skipped === 'templated' ? fast.findings : [], skipped: 'templated' };
  const daemonSets = file.documents.flatMap((parsed) => daemonSetModels(parsed, text));
  const simulations = context.cluster ? new Simulations(context.cluster) : undefined;
  const ruleContext = { file, daemonSets, options: context.options, validator: context.validator, ...(simulations ? { simulations } : {}) };
  const findings = daemonSets.flatMap((model) => analyseDaemonSet(model, ruleContext, context.rules ?? allRules));
  if (context.clusterProblem) for (const model of daemonSets) findings.push({ ...context.clusterProblem, severity: 'warning', span: model.anchor });
  // yaml's own LineCounter misses line breaks inside some broken flow collections; count them all.
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return { file, daemonSets, findings: applyPolicy(findings, text, lineOf, context.options.rules) };
}

/** True when a document of the whole-stream parse runs over a `---` line (yaml's recovery from an unterminated quote). */
function swallowsMarker(whole: FileAnalysis, text: string): boolean {
  const starts = documentStarts(text);
  return (whole.file?.documents ?? []).some((d) => starts.some((s) => d.span.start < s && s < d.span.end));
}

/**
 * True when the whole-stream parse recovers from an unterminated quote: how far that quote runs
 * depends on whether a `"` comes anywhere later in the file, even in another document.
 */
function unterminatedQuote(whole: FileAnalysis): boolean {
  return (whole.file?.documents ?? []).some((d) => d.document.errors.some((e) => /quote/i.test(e.message)));
}
/**
 * The one known difference between parsing document by document and parsing the whole stream:
 * yaml's recovery from an unterminated quote (which may run over `---` lines).
 */
export function knownDeviation(whole: FileAnalysis, text: string): boolean {
  return swallowsMarker(whole, text) || unterminatedQuote(whole);
}

/** The offset of every line's start: 0 and each offset after a `\n`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Every node of a document as `type@start,valueEnd,end`, in tree order. */
function nodeRanges(document: Document.Parsed): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    } else if (isNode(node)) {
      out.push(`${node.constructor.name}@${String(node.range)}`);
      if (isCollection(node)) for (const item of node.items) walk(item);
    }
  };
  walk(document.contents);
  return out;
}

function documentSummary(document: Document.Parsed) {
  return {
    range: [...document.range],
    errors: document.errors.map((e) => `${e.code}@${String(e.pos)}:${e.message}`),
    warnings: document.warnings.map((e) => `${e.code}@${String(e.pos)}:${e.message}`),
    nodes: nodeRanges(document),
  };
}

/** Asserts two analyses of `text` agree: findings, DaemonSet models, and every document's ranges and errors. */
export function assertSameAnalysis(actual: FileAnalysis, expected: FileAnalysis, text: string): void {
  const label = `for ${JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}...` : text)}`;
  assert.equal(actual.skipped, expected.skipped, `skipped ${label}`);
  assert.deepEqual(actual.findings, expected.findings, `findings ${label}`);
  const model = (m: FileAnalysis['daemonSets'][number]) => ({ ...m, document: undefined });
  assert.deepEqual(actual.daemonSets.map(model), expected.daemonSets.map(model), `models ${label}`);
  if (expected.file && actual.file) {
    assert.deepEqual(
      actual.file.documents.map((d) => ({ index: d.index, span: d.span, ...documentSummary(d.document) })),
      expected.file.documents.map((d) => ({ index: d.index, span: d.span, ...documentSummary(d.document) })),
      `documents ${label}`,
    );
    assert.deepEqual(actual.file.lineCounter.lineStarts, lineStarts(text), `line starts ${label}`);
  }
}
