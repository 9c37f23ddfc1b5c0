import type { DiagnosticCode } from './codes';

/** A range in a document as 0-based UTF-16 offsets, end exclusive (as `yaml`'s node `range`). */
export interface Span {
  start: number;
  end: number;
}

/** Finding severities. `info` is LSP's Information; the CLI prints these words as they are. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One problem found in a document, in offsets. `data` carries what a code action needs. */
export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
  /** Plain JSON for code actions and the CLI's --fix; never functions or class instances. */
  data?: unknown;
  /** True when a quick fix exists for this finding (CLI JSON `fixable`). */
  fixable?: boolean;
}
