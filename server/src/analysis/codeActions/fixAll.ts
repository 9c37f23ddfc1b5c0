/**
 * Applies the preferred quick fix of every finding of a file, as `daemonscope check --fix` does:
 * in passes (a fix may make room for another), each pass taking the fixes whose edits do not
 * touch an edit already taken, until no preferred fix is left, the text stops changing, or
 * `maxPasses` is reached. Pure: the caller passes the analysis to run on each text.
 */
import type { FileAnalysis } from '../analyse';
import type { Finding } from '../types';
import { quickFixes } from './index';
import { applyEdits, type TextEdit } from './yamlEdit';

/** The result of fixing one file. */
export interface FixAllResult {
  text: string;
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

/** Fixes `text` with the preferred fixes of the findings `analyse` reports. Never throws for bad input. */
export function applyPreferredFixes(text: string, analyse: (text: string) => FileAnalysis, maxPasses = 10): FixAllResult {
  let current = text;
  let analysis = analyse(current);
  const fixed: FixAllResult['fixed'] = [];
  for (let pass = 0; pass < maxPasses && analysis.file; pass++) {
    const taken: TextEdit[] = [];
    const titles: { code: string; title: string }[] = [];
    for (const finding of analysis.findings as Finding[]) {
      if (!finding.fixable) continue;
      const preferred = quickFixes(finding, analysis.file).find((fix) => fix.isPreferred);
      if (!preferred || preferred.edits.some((edit) => taken.some((other) => touches(edit, other)))) continue;
      taken.push(...preferred.edits);
      titles.push({ code: finding.code, title: preferred.title });
    }
    if (taken.length === 0) break;
    const next = applyEdits(current, taken);
    if (next === current) break;
    current = next;
    fixed.push(...titles);
    analysis = analyse(current);
  }
  return { text: current, fixed, analysis };
}
