/**
 * Applies the preferred quick fix of every finding of a file, as `daemonscope check --fix` and
 * the editor's "Fix All" (`source.fixAll.daemonscope`) do: in passes (a fix may make room for another), each pass taking the fixes whose edits do not
 * touch an edit already taken, until no preferred fix is left, the text stops changing, or
 * `maxPasses` is reached. Pure: the caller passes the analysis to run on each text.
 */
import type { FileAnalysis } from '../analyse';
import type { Finding } from '../types';
import { quickFixes } from './index';
import { composeEdits } from './composeEdits';
import { applyEdits, type TextEdit } from './yamlEdit';

/** The result of fixing one file. */
export interface FixAllResult {
  text: string;
  /** Edits on the input text that give `text` (sorted, none overlapping or touching); [] when nothing was fixed. */
  edits: TextEdit[];
  /** The findings whose preferred fix was applied, in order. */
  fixed: { code: string; title: string }[];
  /** The analysis of the final text. */
  analysis: FileAnalysis;
}

/** Whether two edits touch: overlapping ranges, or insertions at one point (their order would be ambiguous). */
function touches(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === b.span.start) return true;
  return Math.max(a.span.start, b.span.start) < Math.min(a.span.end, b.span.end) || inside(a, b) || inside(b, a);
}

function inside(point: TextEdit, range: TextEdit): boolean {
  return point.span.start === point.span.end && range.span.start < point.span.start && point.span.start < range.span.end;
}

/** The preferred fixes one pass applies: their edits (on the analysed text) and what they fix. */
export interface FixSelection {
  edits: TextEdit[];
  /** The findings whose preferred fix was selected, in order. */
  fixed: { code: string; title: string }[];
}

/**
 * The preferred fixes of `analysis`'s findings that one pass applies: in finding order, each
 * finding's preferred quick fix unless one of its edits touches an edit already selected (that
 * finding waits for the next pass, on the text this one produces). Empty when the file was not parsed.
 */
export function selectPreferredFixes(analysis: FileAnalysis): FixSelection {
  const selection: FixSelection = { edits: [], fixed: [] };
  if (!analysis.file) return selection;
  for (const finding of analysis.findings as Finding[]) {
    if (!finding.fixable) continue;
    const preferred = quickFixes(finding, analysis.file).find((fix) => fix.isPreferred);
    if (!preferred || preferred.edits.some((edit) => selection.edits.some((other) => touches(edit, other)))) continue;
    selection.edits.push(...preferred.edits);
    selection.fixed.push({ code: finding.code, title: preferred.title });
  }
  return selection;
}

/** Options of `applyPreferredFixes`. */
export interface FixAllOptions {
  /** The most passes to run (default 10). */
  maxPasses?: number;
  /** The analysis of `text` when the caller has it (the editor's current one); else `analyse(text)`. */
  analysis?: FileAnalysis;
}

/**
 * Fixes `text` with the preferred fixes of the findings `analyse` reports; `edits` is the whole
 * change as edits on `text` (sorted, none overlapping or touching). Never throws for bad input.
 */
export function applyPreferredFixes(text: string, analyse: (text: string) => FileAnalysis, options: FixAllOptions = {}): FixAllResult {
  const maxPasses = options.maxPasses ?? 10;
  let current = text;
  let analysis = options.analysis ?? analyse(current);
  let edits: TextEdit[] = [];
  const fixed: FixAllResult['fixed'] = [];
  for (let pass = 0; pass < maxPasses && analysis.file; pass++) {
    const selection = selectPreferredFixes(analysis);
    if (selection.edits.length === 0) break;
    const next = applyEdits(current, selection.edits);
    if (next === current) break;
    edits = composeEdits(edits, selection.edits, current);
    current = next;
    fixed.push(...selection.fixed);
    analysis = analyse(current);
  }
  return { text: current, edits, fixed, analysis };
}
