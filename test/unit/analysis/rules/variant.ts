/** Test cases built from `validDaemonSet` by string replacement. */
import assert from 'node:assert/strict';
import { validDaemonSet } from '../../../helpers/analysis';

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
