/**
 * The three output formats of `daemonscope check` (DESIGN.md "CLI"), all stable interfaces:
 * text (`path:line:col: severity code: message`), JSON, and SARIF 2.1.0.
 */
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { DiagnosticCode } from '../analysis/codes';
import { headingAnchor, ruleCatalog, type RuleInfo } from '../analysis/ruleCatalog';
import type { Severity } from '../analysis/types';
import { fingerprintKey, fingerprints } from './fingerprint';

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
  /** What the finding is about, without positions (`findingIdentity`), for SARIF fingerprints; not printed in JSON. */
  identity?: string;
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
  const printed = files.map((file) => ({
    path: file.path,
    findings: file.findings.map((f) => ({ line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, severity: f.severity, code: f.code, message: f.message, fixable: f.fixable })),
  }));
  return `${JSON.stringify({ files: printed, summary: summarise(files) })}\n`;
}

const sarifLevels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A SARIF artifact URI: relative paths stay relative (forward slashes, no leading `./`), absolute ones become file URLs. */
function artifactUri(path: string): string {
  if (path === '<stdin>') return 'stdin';
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path
    .split(/[\\/]/)
    .filter((segment, i, all) => !(segment === '.' && i < all.length - 1))
    .map(encodeURIComponent)
    .join('/');
}

const informationUri = 'https://github.com/daemonscope/daemonscope';
const rulesDocUri = `${informationUri}/blob/main/docs/rules.md`;

/** Markdown inline code and emphasis as plain text (SARIF `text` is shown as written). */
function plain(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1');
}

/** A rule's SARIF reportingDescriptor: GitHub code scanning shows its title, description and help. */
function reportingDescriptor(id: string): Record<string, unknown> {
  const info = (ruleCatalog as Record<string, RuleInfo | undefined>)[id];
  if (!info) return { id, shortDescription: { text: id }, fullDescription: { text: id }, help: { text: id }, helpUri: rulesDocUri };
  const helpUri = `${rulesDocUri}#${headingAnchor(info.section)}`;
  const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
  const fix = info.fix ? ` Quick fix: ${info.fix}.` : '';
  return {
    id,
    shortDescription: { text: info.title },
    fullDescription: { text: plain(sentence(info.description)), markdown: sentence(info.description) },
    helpUri,
    help: {
      text: `${plain(sentence(info.description))}${plain(fix)} See ${helpUri}`,
      markdown: `${sentence(info.description)}${fix}\n\n[${info.section}](${helpUri}) in the Daemonscope rules.`,
    },
    defaultConfiguration: { level: sarifLevels[info.severity] },
    properties: { tags: [...new Set(['kubernetes', 'daemonset', id.slice(0, id.indexOf('.'))])] },
  };
}

/**
 * A SARIF 2.1.0 log with one run, as GitHub code scanning takes it: every rule described
 * (title, description, help and its docs link, default level), regions 1-based with UTF-16
 * columns (`columnKind`), relative paths relative to the checked-out repository (`%SRCROOT%`,
 * where `daemonscope check` runs), and a `partialFingerprints` entry `daemonscope/v1` per result
 * that does not depend on lines (fingerprint.ts).
 */
export function formatSarif(files: readonly FileResult[], toolVersion: string): string {
  const ruleIds = [...new Set<string>([...Object.values(DiagnosticCode), ...files.flatMap((f) => f.findings.map((x) => x.code))])].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const location = (path: string): { uri: string; uriBaseId?: string } => {
    const uri = artifactUri(path);
    return path === '<stdin>' || isAbsolute(path) ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
  };
  const prints = fingerprints(files.flatMap((file) => file.findings.map((f) => ({ ruleId: f.code, uri: artifactUri(file.path), identity: f.identity, message: f.message }))));
  let resultIndex = 0;
  const results = files.flatMap((file, artifactIndex) =>
    file.findings.map((f) => ({
      ruleId: f.code,
      ruleIndex: ruleIndex.get(f.code),
      level: sarifLevels[f.severity],
      message: { text: f.message },
      // Stable across runs when lines move (see fingerprint.ts for what goes in).
      partialFingerprints: { [fingerprintKey]: prints[resultIndex++]! },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { ...location(file.path), index: artifactIndex },
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
            semanticVersion: toolVersion,
            informationUri,
            rules: ruleIds.map(reportingDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: files.map((file) => ({ location: location(file.path) })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
