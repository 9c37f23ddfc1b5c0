/** Test cases built from `validDaemonSet` by string replacement. */
import assert from 'node:assert/strict';
import { analyse, practiceOff, validDaemonSet } from '../../../helpers/analysis';

/** `validDaemonSet` with each `[from, to]` replaced in turn (each must change it). */
export function variant(...replacements: [string, string][]): string {
  let text = validDaemonSet;
  for (const [from, to] of replacements) {
    assert.ok(text.includes(from), `no ${JSON.stringify(from)} in the DaemonSet`);
    text = text.replace(from, to);
  }
  return text;
}

/** Only the findings of one code prefix. */
export function only<T extends { code: string }>(findings: readonly T[], ...codes: string[]): T[] {
  return findings.filter((finding) => codes.some((code) => finding.code === code || finding.code.startsWith(`${code}.`)));
}

/** `validDaemonSet` with `lines` (block lines at the pod spec's indentation) before `priorityClassName`. */
export function withPodSpec(lines: string): string {
  return variant(['      priorityClassName:', `${lines}      priorityClassName:`]);
}

/** A finding as the rule tests read it: its code, the text under its span, its offset, severity and message. */
export interface Spotted {
  code: string;
  text: string;
  start: number;
  severity: string;
  message: string;
}

/** The findings of `codes` in `text`, analysed with the production-practice rules off. */
export function spotted(text: string, ...codes: string[]): Spotted[] {
  return only(analyse(text, { rules: practiceOff }).findings, ...codes).map((f) => ({ code: f.code, text: text.slice(f.span.start, f.span.end), start: f.span.start, severity: f.severity, message: f.message }));
}
