/** YAML syntax errors, duplicate keys and warnings of one document, as findings. */
import { isScalar, visit, type Document } from 'yaml';
import { DiagnosticCode } from './codes';
import type { Finding, Span } from './types';

function clamp(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

/** The errors (and warnings) `yaml` recorded on `document`, at their offsets in `text`. */
export function yamlFindings(document: Document.Parsed, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const error of document.errors) {
    const span = clamp({ start: error.pos[0], end: error.pos[1] }, text.length);
    if (error.code === 'DUPLICATE_KEY') {
      const keySpan = keyAt(document, span.start) ?? span;
      const key = text.slice(keySpan.start, keySpan.end);
      findings.push({
        code: DiagnosticCode.YamlDuplicateKey,
        severity: 'error',
        message: `Duplicate key \`${key.length <= 80 ? key : `${key.slice(0, 77)}...`}\`: a key may appear only once in a mapping.`,
        span: keySpan,
      });
    } else {
      findings.push({ code: DiagnosticCode.YamlSyntax, severity: 'error', message: sentence(error.message), span, data: { yamlCode: error.code } });
    }
  }
  for (const warning of document.warnings) {
    const span = clamp({ start: warning.pos[0], end: warning.pos[1] }, text.length);
    findings.push({ code: DiagnosticCode.YamlSyntax, severity: 'warning', message: sentence(warning.message), span, data: { yamlCode: warning.code } });
  }
  return findings;
}

/** The span of the mapping key that starts at `offset` (yaml reports duplicates by their first character). */
function keyAt(document: Document.Parsed, offset: number): Span | undefined {
  let found: Span | undefined;
  visit(document, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.range && pair.key.range[0] === offset) {
        found = { start: pair.key.range[0], end: pair.key.range[1] };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** yaml's message as one sentence: without the "at line..." suffix pretty errors would add. */
function sentence(message: string): string {
  const text = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
