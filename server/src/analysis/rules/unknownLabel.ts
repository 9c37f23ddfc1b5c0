/**
 * A `nodeSelector` entry or a required node-affinity expression that names a label key or value
 * no node of the configured cluster has: the selector can never match there
 * (daemon_controller.go `predicates`, component-helpers nodeaffinity). Often a typo, so a warning
 * with a "did you mean" among the cluster's label keys or that key's values
 * (`disktype: sdd` → `ssd`), and a quick fix that applies it.
 */
import type { ClusterNode } from '../../engine';
import { DiagnosticCode } from '../codes';
import type { JsonObject } from '../model';
import type { PathSegment } from '../path';
import { editDistance, suggest } from '../suggest';
import type { Finding } from '../types';
import { clusterView } from './clusterRule';
import { findingAt, podSpecPath, record, recordAt } from './fields';
import type { Rule } from './rule';

/** Fix data: replace the key or the value at `path` with `suggestion`. */
export interface LabelFixData {
  path: PathSegment[];
  part: 'key' | 'value';
  suggestion: string;
}

/** One label the selector needs: a key, and the values any of which would do (none: key only). */
interface Wanted {
  key: string;
  keyPath: PathSegment[];
  values: { value: string; path: PathSegment[] }[];
  /** Where the key is written as a map key (nodeSelector) rather than a `key:` value (affinity). */
  keyIsMapKey: boolean;
}

function wantedLabels(value: JsonObject): Wanted[] {
  const podSpec = recordAt(value, podSpecPath);
  const wanted: Wanted[] = [];
  for (const [key, raw] of Object.entries(record(podSpec?.nodeSelector) ?? {})) {
    if (typeof raw !== 'string') continue;
    const path = [...podSpecPath, 'nodeSelector', key];
    wanted.push({ key, keyPath: path, values: [{ value: raw, path }], keyIsMapKey: true });
  }
  const termsPath = [...podSpecPath, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];
  const terms = recordAt(value, termsPath.slice(0, -1))?.nodeSelectorTerms;
  if (!Array.isArray(terms)) return wanted;
  terms.forEach((term: unknown, t) => {
    const expressions = record(term)?.matchExpressions;
    if (!Array.isArray(expressions)) return;
    expressions.forEach((raw: unknown, e) => {
      const expression = record(raw);
      if (!expression || typeof expression.key !== 'string') return;
      const path = [...termsPath, t, 'matchExpressions', e];
      const operator = expression.operator;
      // NotIn and DoesNotExist are satisfied by nodes without the label: nothing to check.
      if (operator !== 'In' && operator !== 'Exists' && operator !== 'Gt' && operator !== 'Lt') return;
      const values = operator === 'In' && Array.isArray(expression.values) ? expression.values : [];
      wanted.push({
        key: expression.key,
        keyPath: [...path, 'key'],
        values: values.flatMap((v: unknown, i) => (typeof v === 'string' ? [{ value: v, path: [...path, 'values', i] }] : [])),
        keyIsMapKey: false,
      });
    });
  });
  return wanted;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * `suggest`, with ties at the smallest edit distance broken by the longest common prefix
 * (`sdd` → `ssd`, not `hdd`), then alphabetically.
 */
export function suggestLabel(word: string, candidates: readonly string[]): string | undefined {
  const first = suggest(word, candidates);
  if (first === undefined || first.toLowerCase() === word.toLowerCase()) return first;
  const distance = editDistance(word.toLowerCase(), first.toLowerCase());
  const tied = candidates.filter((c) => c !== word && editDistance(word.toLowerCase(), c.toLowerCase()) === distance);
  return tied.sort((a, b) => commonPrefix(word, b) - commonPrefix(word, a) || (a < b ? -1 : a > b ? 1 : 0))[0];
}

function has(node: ClusterNode, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(node.labels, key);
}

export const unknownLabelRule: Rule = {
  name: 'unknownLabel',
  codes: [DiagnosticCode.PlacementUnknownLabel],
  check(model, context) {
    const view = clusterView(model, context);
    if (!view || view.nodeCount === 0) return [];
    const nodes = view.simulation.context.cluster.nodes;
    const findings: Finding[] = [];
    for (const wanted of wantedLabels(model.value)) {
      const holders = nodes.filter((node) => has(node, wanted.key));
      if (holders.length === 0) {
        const keys = [...new Set(nodes.flatMap((node) => Object.keys(node.labels)))];
        const suggestion = suggestLabel(wanted.key, keys);
        findings.push(
          findingAt(model, {
            code: DiagnosticCode.PlacementUnknownLabel,
            severity: 'warning',
            message: `No node of ${view.label} has a label \`${wanted.key}\`.${suggestion !== undefined ? ` Did you mean \`${suggestion}\`?` : ''}`,
            path: wanted.keyPath,
            prefer: wanted.keyIsMapKey ? 'key' : 'value',
            ...(suggestion !== undefined ? { data: { path: wanted.keyPath, part: wanted.keyIsMapKey ? 'key' : 'value', suggestion } satisfies LabelFixData, fixable: true } : {}),
          }),
        );
        continue;
      }
      if (wanted.values.length === 0) continue;
      const present = [...new Set(holders.map((node) => node.labels[wanted.key]!))].sort();
      // In: one matching value is enough; report only when none of them exists.
      if (wanted.values.some((v) => present.includes(v.value))) continue;
      for (const { value, path } of wanted.values) {
        const suggestion = suggestLabel(value, present);
        const shown = present.length <= 8 ? ` Its values there: ${present.join(', ')}.` : '';
        findings.push(
          findingAt(model, {
            code: DiagnosticCode.PlacementUnknownLabel,
            severity: 'warning',
            message: `No node of ${view.label} has \`${wanted.key}=${value}\`.${shown}${suggestion !== undefined ? ` Did you mean \`${suggestion}\`?` : ''}`,
            path,
            prefer: 'value',
            ...(suggestion !== undefined ? { data: { path, part: 'value', suggestion } satisfies LabelFixData, fixable: true } : {}),
          }),
        );
      }
    }
    return findings;
  },
};
