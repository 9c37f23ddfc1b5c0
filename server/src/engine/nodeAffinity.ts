/**
 * `nodeSelector` and required node affinity, as the DaemonSet controller matches them
 * (component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go `GetRequiredNodeAffinity`,
 * `RequiredNodeAffinity.Match`, `NewLazyErrorNodeSelector`, `nodeSelectorRequirementsAsSelector`,
 * `nodeSelectorRequirementsAsFieldSelector`; label semantics from apimachinery labels/selector.go
 * `Requirement.Matches`). Terms are ORed, expressions in a term ANDed; an empty term or a term
 * with a parse error matches nothing.
 */
import { asArray, asRecord, asString } from './podSpec';
import type { ClusterNode, ObjectPath } from './types';

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

/** One parsed `matchExpressions` or `matchFields` requirement. */
export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
  /** For Gt/Lt: the bound. */
  bound?: bigint;
  field: boolean;
  path: ObjectPath;
}

/** One `nodeSelectorTerms` entry. `errors` non-empty means the term matches nothing. */
export interface Term {
  index: number;
  requirements: Requirement[];
  errors: { path: ObjectPath; message: string }[];
}

/** The required node affinity, or null when the pod has none. `terms` excludes empty terms. */
export interface RequiredAffinity {
  terms: Term[];
  /** Number of terms as written, empty ones included. */
  written: number;
}

const int64Pattern = /^[+-]?[0-9]+$/;
const maxInt64 = (1n << 63n) - 1n;

/** strconv.ParseInt(s, 10, 64), or null. */
export function parseInt64(text: string): bigint | null {
  if (!int64Pattern.test(text)) return null;
  const value = BigInt(text);
  return value > maxInt64 || value < -maxInt64 - 1n ? null : value;
}

const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const namePattern = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dnsSubdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** apimachinery validation `IsQualifiedName`: `[prefix/]name`. Returns a reason or null. */
export function qualifiedNameProblem(key: string): string | null {
  const parts = key.split('/');
  if (parts.length > 2) return 'a qualified name has at most one "/"';
  const name = parts[parts.length - 1]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix.length === 0 || prefix.length > 253 || !dnsSubdomainPattern.test(prefix)) return `prefix "${prefix}" must be a DNS subdomain`;
  }
  if (name.length === 0 || name.length > 63 || !namePattern.test(name)) return `name part "${name}" must be 1-63 alphanumeric characters, '-', '_' or '.'`;
  return null;
}

/** apimachinery validation `IsValidLabelValue`. Returns a reason or null. */
export function labelValueProblem(value: string): string | null {
  return value.length <= 63 && labelValuePattern.test(value) ? null : `"${value}" is not a valid label value`;
}

function parseRequirement(raw: unknown, field: boolean, path: ObjectPath, errors: Term['errors']): Requirement | null {
  const expr = asRecord(raw);
  if (!expr) {
    errors.push({ path, message: 'a requirement must be a map with key, operator and values' });
    return null;
  }
  const key = asString(expr.key);
  const operator = asString(expr.operator);
  const values = asArray(expr.values).map((v) => (typeof v === 'string' ? v : String(v)));
  const fail = (message: string, at: ObjectPath = path): null => {
    errors.push({ path: at, message });
    return null;
  };
  if (field) {
    // nodeSelectorRequirementsAsFieldSelector: In/NotIn with exactly one value.
    if (operator !== 'In' && operator !== 'NotIn') return fail(`matchFields supports only In and NotIn, not "${operator}"`, [...path, 'operator']);
    if (values.length !== 1) return fail(`matchFields ${operator} needs exactly one value`, [...path, 'values']);
    return { key, operator, values, field, path };
  }
  const keyProblem = qualifiedNameProblem(key);
  if (keyProblem) return fail(`key "${key}": ${keyProblem}`, [...path, 'key']);
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) return fail(`${operator} needs at least one value`, [...path, 'values']);
      for (const v of values) {
        const problem = labelValueProblem(v);
        if (problem) return fail(problem, [...path, 'values']);
      }
      return { key, operator, values, field, path };
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0) return fail(`${operator} takes no values`, [...path, 'values']);
      return { key, operator, values, field, path };
    case 'Gt':
    case 'Lt': {
      const bound = values.length === 1 ? parseInt64(values[0]!) : null;
      if (bound === null) return fail(`${operator} needs exactly one integer value`, [...path, 'values']);
      return { key, operator, values, bound, field, path };
    }
    default:
      return fail(`unknown operator "${operator}"; use In, NotIn, Exists, DoesNotExist, Gt or Lt`, [...path, 'operator']);
  }
}

/** Parses `requiredDuringSchedulingIgnoredDuringExecution` (at `path`); null when absent. */
export function readRequiredAffinity(value: unknown, path: ObjectPath): RequiredAffinity | null {
  const selector = asRecord(value);
  if (!selector) return null;
  const written = asArray(selector.nodeSelectorTerms);
  const terms: Term[] = [];
  written.forEach((raw, index) => {
    const term = asRecord(raw) ?? {};
    const expressions = asArray(term.matchExpressions);
    const fields = asArray(term.matchFields);
    if (expressions.length === 0 && fields.length === 0) return; // "nil or empty term selects no objects"
    const termPath = [...path, 'nodeSelectorTerms', index];
    const parsed: Term = { index, requirements: [], errors: [] };
    expressions.forEach((e, i) => {
      const r = parseRequirement(e, false, [...termPath, 'matchExpressions', i], parsed.errors);
      if (r) parsed.requirements.push(r);
    });
    fields.forEach((e, i) => {
      const r = parseRequirement(e, true, [...termPath, 'matchFields', i], parsed.errors);
      if (r) parsed.requirements.push(r);
    });
    terms.push(parsed);
  });
  return { terms, written: written.length };
}

/** Whether one requirement holds on a node (`Requirement.Matches`; fields: only `metadata.name` is set). */
export function requirementMatches(r: Requirement, node: ClusterNode): boolean {
  if (r.field) {
    const actual = r.key === 'metadata.name' ? node.name : '';
    return r.operator === 'In' ? actual === r.values[0] : actual !== r.values[0];
  }
  const has = Object.prototype.hasOwnProperty.call(node.labels, r.key);
  const value = has ? node.labels[r.key]! : '';
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(value);
    case 'NotIn':
      return !has || !r.values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has) return false;
      const actualNumber = parseInt64(value);
      if (actualNumber === null) return false;
      return r.operator === 'Gt' ? actualNumber > r.bound! : actualNumber < r.bound!;
    }
  }
}

/** The first requirement of a term that fails on the node, or null when the term matches. */
export function failingRequirement(term: Term, node: ClusterNode): Requirement | null {
  for (const r of term.requirements) if (!requirementMatches(r, node)) return r;
  return null;
}

/** Whether the required affinity admits the node (terms ORed; terms with errors never match). */
export function affinityMatches(affinity: RequiredAffinity, node: ClusterNode): boolean {
  for (const term of affinity.terms) {
    if (term.errors.length === 0 && failingRequirement(term, node) === null) return true;
  }
  return false;
}

/** The first nodeSelector entry the node's labels do not satisfy (`labels.SelectorFromSet`: key=value), or null. */
export function failingSelectorEntry(selector: readonly (readonly [string, string])[], node: ClusterNode): readonly [string, string] | null {
  for (const entry of selector) {
    const actual = node.labels[entry[0]];
    if (actual !== entry[1] || !Object.prototype.hasOwnProperty.call(node.labels, entry[0])) return entry;
  }
  return null;
}

/** A person-readable form of a requirement: `kubernetes.io/arch In [arm64]`. */
export function formatRequirement(r: Requirement): string {
  if (r.operator === 'Exists' || r.operator === 'DoesNotExist') return `${r.key} ${r.operator}`;
  if (r.operator === 'Gt' || r.operator === 'Lt') return `${r.key} ${r.operator} ${r.values[0]}`;
  return `${r.key} ${r.operator} [${r.values.join(', ')}]`;
}
