/**
 * Quick fixes: a finding and its file in, minimal text edits out (pure). The server turns them
 * into LSP code actions; `daemonscope check --fix` applies the preferred ones. A fixer reads what
 * it needs from the finding's `data` (paths, never offsets, so a fix is computed against the
 * current text) and returns [] when it cannot build a safe edit.
 */
import { DiagnosticCode } from '../codes';
import { listItemAt, maxAliasCount, type JsonObject } from '../model';
import type { ParsedFile } from '../parse';
import { fixRemovedApiVersion } from './apiVersionFix';
import { addToleration, replaceLabel } from './clusterFixes';
import { removeActiveDeadlineSeconds, removeReplicas, setRestartPolicyAlways } from './fieldFixes';
import { addDnsPolicy, addRequests } from './practiceFixes';
import { fixBothSet, fixBothZero, fixIgnoredRollingUpdate } from './rollingUpdateFixes';
import { addMissingSelector, renameUnknownField, replaceEnumValue } from './schemaFixes';
import { fixEmptySelector, fixSelectorMismatch } from './selectorFixes';
import type { FixableFinding, Fixer, QuickFix } from './types';
import { detectStyle } from './yamlStyle';

export type { FixableFinding, QuickFix } from './types';
export { applyEdits, type TextEdit } from './yamlEdit';

const fixers: Partial<Record<DiagnosticCode, Fixer>> = {
  [DiagnosticCode.SchemaUnknownField]: renameUnknownField,
  [DiagnosticCode.SchemaEnum]: replaceEnumValue,
  [DiagnosticCode.SchemaRequired]: addMissingSelector,
  [DiagnosticCode.ApiVersionRemoved]: fixRemovedApiVersion,
  [DiagnosticCode.ReplicasInDaemonSet]: removeReplicas,
  [DiagnosticCode.SelectorMismatch]: fixSelectorMismatch,
  [DiagnosticCode.SelectorEmpty]: fixEmptySelector,
  [DiagnosticCode.RollingUpdateBothSet]: fixBothSet,
  [DiagnosticCode.RollingUpdateBothZero]: fixBothZero,
  [DiagnosticCode.RollingUpdateIgnored]: fixIgnoredRollingUpdate,
  [DiagnosticCode.RestartPolicy]: setRestartPolicyAlways,
  [DiagnosticCode.ActiveDeadlineSeconds]: removeActiveDeadlineSeconds,
  // A volume mount naming no volume, with a did-you-mean: the same `{path, suggestion}` data.
  [DiagnosticCode.PodTemplateInvalid]: replaceEnumValue,
  [DiagnosticCode.PlacementUntoleratedTaint]: addToleration,
  [DiagnosticCode.PlacementUnknownLabel]: replaceLabel,
  [DiagnosticCode.HostNetworkDns]: addDnsPolicy,
  [DiagnosticCode.RequestsMissing]: addRequests,
};

/** The codes that may have a quick fix. */
export const fixableCodes: ReadonlySet<string> = new Set(Object.keys(fixers));

/**
 * The quick fixes for `finding` in `file` (the preferred one first). [] when the code has no
 * fixer, the finding lies in no document, or that document has syntax errors. Never throws.
 */
export function quickFixes(finding: FixableFinding, file: ParsedFile): QuickFix[] {
  const fixer = fixers[finding.code];
  if (!fixer) return [];
  const parsed = file.documents.find((d) => d.span.start <= finding.span.start && finding.span.start <= d.span.end);
  if (!parsed || parsed.document.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return [];
  // A DaemonSet item of a `kind: List` is fixed as a document of its own (paths from its root).
  const item = listItemAt(parsed.document, finding.span.start);
  const document = item?.document ?? parsed.document;
  let value: JsonObject | undefined;
  try {
    let decoded = parsed.document.toJS({ maxAliasCount }) as unknown;
    for (const at of item?.route ?? []) decoded = (decoded as { items?: unknown[] } | null)?.items?.[at];
    if (decoded !== null && typeof decoded === 'object' && !Array.isArray(decoded)) value = decoded as JsonObject;
  } catch {
    return [];
  }
  const fixes = fixer({ finding, edit: { text: file.text, document, style: detectStyle(document, file.text) }, value });
  return fixes.filter((f) => f.edits.length > 0).sort((a, b) => Number(b.isPreferred) - Number(a.isPreferred));
}
