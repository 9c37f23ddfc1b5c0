/**
 * Moves what an analysis computed for one document by `delta` offsets, for when text before it
 * changed and the document itself did not: its parsed nodes, errors and warnings, its model and
 * its findings. Everything else stays as computed. In place for the parsed document (it is owned
 * by the incremental analyser), new objects for spans.
 */
import { isCollection, isNode, isPair, type Document } from 'yaml';
import type { DaemonSetModel } from './model';
import type { Finding, Span } from './types';

type Range = [number, number, number];

function shiftRange(range: Range | null | undefined, delta: number): Range | null | undefined {
  return range ? [range[0] + delta, range[1] + delta, range[2] + delta] : range;
}

function shiftNode(node: unknown, delta: number): void {
  if (isPair(node)) {
    shiftNode(node.key, delta);
    shiftNode(node.value, delta);
    return;
  }
  if (!isNode(node)) return;
  // New arrays: a range array shared by two nodes must not move twice.
  node.range = shiftRange(node.range, delta);
  if (isCollection(node)) for (const item of node.items) shiftNode(item, delta);
}

/** Moves every node range, the document range and every error and warning position of `document`. */
export function shiftDocument(document: Document.Parsed, delta: number): void {
  if (delta === 0) return;
  shiftNode(document.contents, delta);
  document.range = shiftRange(document.range, delta) as Range;
  for (const problem of [...document.errors, ...document.warnings]) {
    problem.pos = [problem.pos[0] + delta, problem.pos[1] + delta];
  }
}

/** A span moved by `delta`. */
export function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function isSpan(value: object): value is Span {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number';
}

/**
 * A copy of plain JSON `value` in which every `{ start, end }` object (a span: the only shape
 * finding data uses for offsets) is moved by `delta`. Other values are shared, not copied.
 */
export function shiftSpansIn(value: unknown, delta: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => shiftSpansIn(item, delta));
  if (isSpan(value)) return shiftSpan(value, delta);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = shiftSpansIn(item, delta);
  return out;
}

/** True when plain JSON `value` holds a `{ start, end }` object somewhere. */
export function hasSpans(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasSpans);
  return isSpan(value) || Object.values(value).some(hasSpans);
}

/**
 * A finding moved by `delta`, spans in its `data` included (pass `dataSpans: false` when the
 * caller knows its data has none, to skip the walk).
 */
export function shiftFinding(finding: Finding, delta: number, dataSpans = true): Finding {
  if (delta === 0) return finding;
  const moved: Finding = { ...finding, span: shiftSpan(finding.span, delta) };
  if (dataSpans && finding.data !== undefined) moved.data = shiftSpansIn(finding.data, delta);
  return moved;
}

/**
 * The fields of `DaemonSetModel` and what `shiftModel` does with each; a field holding offsets
 * that is added to the model must be added here (a unit test compares this list with a model).
 */
export const modelFields: Readonly<Record<keyof DaemonSetModel, 'offsets' | 'document' | 'unmoved'>> = {
  index: 'unmoved',
  document: 'document',
  span: 'offsets',
  anchor: 'offsets',
  apiVersion: 'unmoved',
  value: 'unmoved',
  problem: 'offsets',
  name: 'unmoved',
  namespace: 'unmoved',
};

/** Moves a model's spans by `delta`, in place (its document is moved with `shiftDocument`). */
export function shiftModel(model: DaemonSetModel, delta: number): void {
  if (delta === 0) return;
  model.span = shiftSpan(model.span, delta);
  model.anchor = shiftSpan(model.anchor, delta);
  if (model.problem) model.problem = { ...model.problem, span: shiftSpan(model.problem.span, delta) };
}
