/** The shapes quick fixes share: what a fix gets and what it returns. */
import type { JsonObject } from '../model';
import type { Finding } from '../types';
import type { EditContext, TextEdit } from './yamlEdit';

/** What a fix needs of a finding (a diagnostic coming back from the editor has just these). */
export type FixableFinding = Pick<Finding, 'code' | 'span' | 'data'>;

/** One quick fix: a title, its edits (offsets into the file text) and whether it is the preferred one. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The one fix to apply without asking (editor "auto fix", `check --fix`); only when unambiguous. */
  isPreferred: boolean;
}

/** Everything a fixer may read. */
export interface FixInput {
  finding: FixableFinding;
  /** The document holding the finding, its file text and style. */
  edit: EditContext;
  /** The document as decoded JSON (null-valued fields removed), or undefined when it does not decode. */
  value: JsonObject | undefined;
}

/** Builds the fixes for one finding; [] when none applies. */
export type Fixer = (input: FixInput) => QuickFix[];

/** A fix from one edit, or none when the edit could not be built. */
export function fix(title: string, edit: TextEdit | undefined, isPreferred: boolean): QuickFix[] {
  return edit ? [{ title, edits: [edit], isPreferred }] : [];
}

/** The `data` of a finding as a record (or `{}`): data comes back from the editor as plain JSON. */
export function dataOf(finding: FixableFinding): Record<string, unknown> {
  const data = finding.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** A path from finding data (strings and numbers only), or undefined. */
export function pathOf(raw: unknown): (string | number)[] | undefined {
  if (!Array.isArray(raw) || !raw.every((s) => typeof s === 'string' || typeof s === 'number')) return undefined;
  return raw as (string | number)[];
}
