/**
 * The three output formats of `daemonscope check` (DESIGN.md "CLI"), all stable interfaces:
 * text (`path:line:col: severity code: message`), JSON, and SARIF 2.1.0.
 */
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { DiagnosticCode } from '../analysis/codes';
import type { Severity } from '../analysis/types';

/** One finding with 1-based positions; `endColumn` is exclusive (the column after the last character). */
export interface PositionedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  fixable: boolean;
}

/** The findings of one checked file, by position. */
export interface FileResult {
  /** As given on the command line (`<stdin>` for `-`). */
  path: string;
  findings: PositionedFinding[];
}

export type Summary = Record<Severity, number>;

/** Counts findings per severity. */
export function summarise(files: readonly FileResult[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) for (const finding of file.findings) summary[finding.severity]++;
  return summary;
}

/** One line per finding: `path:line:col: severity code: message`. Empty when there are none. */
export function formatText(files: readonly FileResult[]): string {
  let out = '';
  for (const file of files) {
    for (const f of file.findings) out += `${file.path}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message.replace(/\s*\n\s*/g, ' ')}\n`;
  }
  return out;
}

/** `{"files": [{"path", "findings": [...]}], "summary": {"error", "warning", "info", "hint"}}`, one line. */
export function formatJson(files: readonly FileResult[]): string {
  return `${JSON.stringify({ files, summary: summarise(files) })}\n`;
}

const sarifLevels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A SARIF artifact URI: relative paths stay relative (forward slashes), absolute ones become file URLs. */
function artifactUri(path: string): string {
  if (path === '<stdin>') return 'stdin';
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** A SARIF 2.1.0 log with one run; regions are 1-based with UTF-16 columns (`columnKind`). */
export function formatSarif(files: readonly FileResult[], toolVersion: string): string {
  const ruleIds = [...new Set<string>([...Object.values(DiagnosticCode), ...files.flatMap((f) => f.findings.map((x) => x.code))])].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const results = files.flatMap((file, artifactIndex) =>
    file.findings.map((f) => ({
      ruleId: f.code,
      ruleIndex: ruleIndex.get(f.code),
      level: sarifLevels[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(file.path), index: artifactIndex },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'daemonscope',
            version: toolVersion,
            informationUri: 'https://github.com/daemonscope/daemonscope',
            rules: ruleIds.map((id) => ({ id })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: files.map((file) => ({ location: { uri: artifactUri(file.path) } })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
