/**
 * Default node selectors of a namespace, which admission merges into every pod created there:
 * `scheduler.alpha.kubernetes.io/node-selector` (upstream PodNodeSelector admission plugin,
 * plugin/pkg/admission/podnodeselector/admission.go `getNodeSelectorMap`, `Admit`) and
 * `openshift.io/node-selector` (OpenShift projects). Both are `key=value` lists joined by commas
 * (apimachinery labels `ConvertSelectorToLabelsMap`); an empty value means no restriction.
 */
import { labelValueProblem, qualifiedNameProblem } from './nodeAffinity';
import type { NamespaceInfo } from './types';

export const namespaceSelectorAnnotations = ['scheduler.alpha.kubernetes.io/node-selector', 'openshift.io/node-selector'] as const;

/** A namespace's merged default node selector and where each entry comes from. */
export interface NamespaceSelector {
  namespace: string;
  entries: [string, string][];
  /** The annotations that contributed, as `annotation: value`, for messages. */
  sources: string[];
  /** Set when the annotations cannot be used: every pod in the namespace is rejected. */
  invalid: string | null;
}

/** `ConvertSelectorToLabelsMap`: parses `a=b,c=d`; returns the map or why it is invalid. */
export function parseSelectorAnnotation(text: string): { ok: true; labels: Map<string, string> } | { ok: false; reason: string } {
  const labels = new Map<string, string>();
  if (text.length === 0) return { ok: true, labels };
  for (const part of text.split(',')) {
    const pieces = part.split('=');
    if (pieces.length !== 2) return { ok: false, reason: `"${part}" is not key=value` };
    const key = pieces[0]!.trim();
    const value = pieces[1]!.trim();
    const problem = qualifiedNameProblem(key) ?? labelValueProblem(value);
    if (problem) return { ok: false, reason: `"${part}": ${problem}` };
    labels.set(key, value);
  }
  return { ok: true, labels };
}

/**
 * The default node selector of a namespace, or null when it has none (no Namespace object in
 * the cluster, no annotation, or only empty ones). Conflicting annotations make it `invalid`.
 */
export function namespaceSelector(namespace: NamespaceInfo | undefined): NamespaceSelector | null {
  if (!namespace) return null;
  const merged = new Map<string, string>();
  const sources: string[] = [];
  for (const annotation of namespaceSelectorAnnotations) {
    const text = namespace.annotations[annotation];
    if (text === undefined) continue;
    sources.push(`${annotation}: "${text}"`);
    const parsed = parseSelectorAnnotation(text);
    if (!parsed.ok) return { namespace: namespace.name, entries: [], sources, invalid: `${annotation} ${parsed.reason}` };
    for (const [key, value] of parsed.labels) {
      if (merged.has(key) && merged.get(key) !== value) {
        return { namespace: namespace.name, entries: [], sources, invalid: `the node selector annotations conflict on ${key}` };
      }
      merged.set(key, value);
    }
  }
  if (merged.size === 0) return null;
  return { namespace: namespace.name, entries: [...merged], sources, invalid: null };
}

/** The first key where the pod's own nodeSelector conflicts with the namespace's (`labels.Conflicts`), or null. */
export function selectorConflict(namespace: NamespaceSelector, podSelector: readonly (readonly [string, string])[]): string | null {
  for (const [key, value] of podSelector) {
    const other = namespace.entries.find(([k]) => k === key);
    if (other && other[1] !== value) return key;
  }
  return null;
}
