/**
 * Label selectors as the API server reads them (apimachinery pkg/apis/meta/v1/helpers.go
 * `LabelSelectorAsSelector`, validation in pkg/apis/meta/v1/validation `ValidateLabelSelector`):
 * `matchLabels` entries are `key=value` requirements, `matchExpressions` use In, NotIn, Exists and
 * DoesNotExist, and all requirements are ANDed. A nil selector matches nothing; an empty one
 * matches everything. Pure: plain JSON in, plain results out.
 */
import type { PathSegment } from './path';

/** One requirement of a selector, with where it is written. */
export interface SelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
  /** Path of the `matchLabels` entry (`[..., 'matchLabels', key]`) or the `matchExpressions` item. */
  path: PathSegment[];
  /** True for a `matchLabels` entry. */
  fromMatchLabels: boolean;
}

/** A problem `ValidateLabelSelector` reports, with its path. */
export interface SelectorProblem {
  path: PathSegment[];
  message: string;
}

/** A selector read from JSON: its requirements, or why it cannot be used. */
export interface ParsedSelector {
  /** `absent`: no selector (matches nothing); `empty`: `{}` (matches everything). */
  kind: 'absent' | 'empty' | 'requirements';
  requirements: SelectorRequirement[];
  /** Invalid requirements (`LabelSelectorAsSelector` fails, so the API server skips the match check). */
  problems: SelectorProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// apimachinery pkg/util/validation/validation.go: qualifiedNameFmt, labelValueFmt, DNS1123SubdomainFmt.
const namePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a valid label key (`IsQualifiedName`), or undefined when it is. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (prefix === '' || prefix.length > 253 || !dnsSubdomain.test(prefix)) return `the prefix of label key "${key}" must be a DNS subdomain (lower case, such as example.com)`;
  }
  if (name === '' || name.length > 63 || !namePart.test(name)) {
    return `label key "${key}" must be at most 63 characters of letters, digits, "-", "_" and ".", starting and ending with a letter or digit`;
  }
  return undefined;
}

/** Why `value` is not a valid label value (`IsValidLabelValue`), or undefined when it is. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63 || !namePart.test(value)) {
    return `label value "${value}" must be at most 63 characters of letters, digits, "-", "_" and ".", starting and ending with a letter or digit`;
  }
  return undefined;
}

/** Reads `selector` (the JSON at `path`) into requirements. Never throws. */
export function parseSelector(selector: unknown, path: readonly PathSegment[]): ParsedSelector {
  if (!isRecord(selector)) return { kind: 'absent', requirements: [], problems: [] };
  const requirements: SelectorRequirement[] = [];
  const problems: SelectorProblem[] = [];
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  for (const [key, raw] of Object.entries(matchLabels)) {
    const value = raw === undefined || raw === null ? '' : String(raw);
    const entryPath = [...path, 'matchLabels', key];
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem) problems.push({ path: entryPath, message: problem });
    requirements.push({ key, operator: 'In', values: [value], path: entryPath, fromMatchLabels: true });
  }
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  expressions.forEach((item: unknown, index) => {
    const itemPath = [...path, 'matchExpressions', index];
    if (!isRecord(item)) return;
    const key = typeof item.key === 'string' ? item.key : '';
    const operator = item.operator;
    const values = Array.isArray(item.values) ? item.values.map((v) => String(v)) : [];
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) problems.push({ path: [...itemPath, 'key'], message: keyProblem });
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) problems.push({ path: [...itemPath, 'values'], message: `operator ${operator} needs at least one value` });
      for (const value of values) {
        const problem = labelValueProblem(value);
        if (problem) problems.push({ path: [...itemPath, 'values'], message: problem });
      }
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) problems.push({ path: [...itemPath, 'values'], message: `operator ${operator} takes no values` });
    } else {
      // An unknown operator is the schema's to report; the selector still cannot be used.
      problems.push({ path: [...itemPath, 'operator'], message: `operator ${JSON.stringify(operator)} is not In, NotIn, Exists or DoesNotExist` });
      return;
    }
    requirements.push({ key, operator, values, path: itemPath, fromMatchLabels: false });
  });
  const written = Object.keys(matchLabels).length + expressions.length;
  return { kind: written === 0 ? 'empty' : 'requirements', requirements, problems };
}

/** Whether one requirement holds for `labels` (apimachinery labels/selector.go `Requirement.Matches`). */
export function requirementMatches(requirement: SelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  switch (requirement.operator) {
    case 'In':
      return has && requirement.values.includes(labels[requirement.key]!);
    case 'NotIn':
      return !has || !requirement.values.includes(labels[requirement.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/**
 * The requirements `labels` fail (empty when the selector matches). An absent selector matches
 * nothing and an invalid one is not evaluated: both return undefined.
 */
export function failingRequirements(selector: ParsedSelector, labels: Readonly<Record<string, string>>): SelectorRequirement[] | undefined {
  if (selector.kind === 'absent' || selector.problems.length > 0) return undefined;
  return selector.requirements.filter((requirement) => !requirementMatches(requirement, labels));
}

/** Template labels as strings (`metadata.labels` of a pod template), `{}` when absent. */
export function labelsOf(metadata: unknown): Record<string, string> {
  const labels = isRecord(metadata) && isRecord(metadata.labels) ? metadata.labels : {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) out[key] = value === undefined || value === null ? '' : String(value);
  return out;
}

/** `key=value`, `key in (a, b)`, `key notin (a)`, `key`, `!key`: a requirement as kubectl prints it. */
export function formatRequirement(requirement: SelectorRequirement): string {
  switch (requirement.operator) {
    case 'In':
      return requirement.values.length === 1 ? `${requirement.key}=${requirement.values[0]}` : `${requirement.key} in (${requirement.values.join(', ')})`;
    case 'NotIn':
      return `${requirement.key} notin (${requirement.values.join(', ')})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}
