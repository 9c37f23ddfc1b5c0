/**
 * Fixes for production-practice findings: `dnsPolicy: ClusterFirstWithHostNet` beside
 * `hostNetwork: true` (kubernetes.io/docs/concepts/services-networking/dns-pod-service), and a
 * `resources.requests` block for a container without requests, with placeholder values the
 * editor offers as snippet tab stops (they are guesses to adjust, so the fix is never preferred).
 */
import { podSpecPath, record } from '../rules/fields';
import { insertValue, mergeInsertions, setValue, type TextEdit } from './yamlEdit';
import { dataOf, fix, pathOf, type Fixer } from './types';

/** Placeholder requests: small, so a guess never blocks scheduling, and obvious to revisit. */
const placeholders: Record<'cpu' | 'memory', string> = { cpu: '100m', memory: '128Mi' };

/** `text` as snippet syntax, with each placeholder value (first occurrence) turned into a tab stop. */
export function toSnippet(text: string, values: readonly string[]): string {
  let snippet = text.replace(/[\\$}]/g, (c) => `\\${c}`);
  values.forEach((value, index) => {
    snippet = snippet.replace(value, `\${${index + 1}:${value}}`);
  });
  return snippet;
}

export const addDnsPolicy: Fixer = ({ edit }) =>
  fix('Set `dnsPolicy: ClusterFirstWithHostNet`', setValue(edit, [...podSpecPath, 'dnsPolicy'], 'ClusterFirstWithHostNet', { after: ['hostNetwork'] }), true);

export const addRequests: Fixer = ({ finding, edit, value }) => {
  const data = dataOf(finding);
  const path = pathOf(data.path);
  const missing = Array.isArray(data.missing) ? data.missing.filter((m): m is 'cpu' | 'memory' => m === 'cpu' || m === 'memory') : [];
  if (!path || missing.length === 0) return [];
  const wanted = Object.fromEntries(missing.map((name) => [name, placeholders[name]]));
  // Into an existing `requests` (one insertion per resource), else a new `requests` block.
  let container: unknown = value;
  for (const segment of path) container = Array.isArray(container) ? container[segment as number] : record(container)?.[segment];
  const hasRequests = record(record(record(container)?.resources)?.requests) !== undefined;
  const edits: (TextEdit | undefined)[] = hasRequests
    ? missing.map((name) => insertValue(edit, [...path, 'resources', 'requests', name], placeholders[name]))
    : [insertValue(edit, [...path, 'resources', 'requests'], wanted)];
  if (edits.some((e) => e === undefined)) return [];
  const withSnippets = mergeInsertions(edits as TextEdit[]).map((e) => ({ ...e, snippet: toSnippet(e.newText, missing.map((name) => placeholders[name]).filter((v) => e.newText.includes(v))) }));
  return [{ title: `Add resource requests (${missing.map((name) => `${name} ${placeholders[name]}`).join(', ')}: placeholders to adjust)`, edits: withSnippets, isPreferred: false }];
};
