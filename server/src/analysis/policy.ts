/**
 * The one place where user policy changes findings: per-rule severities (`daemonscope.rules`,
 * `.daemonscope.json`) and `# daemonscope-disable-next-line [code ...]` comments.
 */
import type { RuleSeverity } from '../protocol';
import type { Finding, Severity } from './types';

const severityOf: Record<Exclude<RuleSeverity, 'off'>, Severity> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'hint',
};

const disableComment = /#[ \t]*daemonscope-disable-next-line\b([^\n\r]*)/g;

/**
 * For each line that follows a disable comment (0-based), the codes it silences; an empty set
 * silences every code. Codes are separated by spaces or commas; ` -- why` ends the list.
 */
export function disabledLines(text: string, lineOf: (offset: number) => number): Map<number, Set<string>> {
  const lines = new Map<number, Set<string>>();
  if (!text.includes('daemonscope-disable-next-line')) return lines;
  for (const match of text.matchAll(disableComment)) {
    const list = match[1].split(/\s--\s|^--\s/)[0];
    const codes = new Set(list.split(/[\s,]+/).filter((code) => code !== ''));
    lines.set(lineOf(match.index ?? 0) + 1, codes);
  }
  return lines;
}

/**
 * Applies severities and disable comments, then sorts by position (start, end, code).
 * `lineOf` maps an offset to its 0-based line.
 */
export function applyPolicy(
  findings: readonly Finding[],
  text: string,
  lineOf: (offset: number) => number,
  rules: Readonly<Record<string, RuleSeverity>>,
): Finding[] {
  const disabled = disabledLines(text, lineOf);
  const out: Finding[] = [];
  for (const finding of findings) {
    const override = rules[finding.code];
    if (override === 'off') continue;
    if (disabled.size > 0) {
      const codes = disabled.get(lineOf(finding.span.start));
      if (codes && (codes.size === 0 || codes.has(finding.code))) continue;
    }
    out.push(override !== undefined && override in severityOf ? { ...finding, severity: severityOf[override] } : finding);
  }
  return out.sort(compareFindings);
}

/** Orders findings by position, then code, then message. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
}
