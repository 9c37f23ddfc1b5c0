/**
 * `spec.selector` against the pod template's labels, as the API server checks them
 * (pkg/apis/apps/validation/validation.go `ValidateDaemonSetSpec`): the selector must be valid
 * (`ValidateLabelSelector`), must not be empty ("empty selector is invalid for daemonset"), and
 * must match `spec.template.metadata.labels` ("`selector` does not match template `labels`").
 * A missing selector is `schema.required` (apps/v1 requires it). The selector is immutable once
 * created (pkg/registry/apps/daemonset/strategy.go `ValidateUpdate`), hence the message's advice.
 */
import { DiagnosticCode } from '../codes';
import { failingRequirements, formatRequirement, labelsOf, parseSelector, type SelectorRequirement } from '../labelSelector';
import type { PathSegment } from '../path';
import type { Finding } from '../types';
import { findingAt, record, recordAt } from './fields';
import type { Rule } from './rule';

export const selectorPath: PathSegment[] = ['spec', 'selector'];
export const templateLabelsPath: PathSegment[] = ['spec', 'template', 'metadata', 'labels'];

/** Fix data of `daemonset.selector-mismatch` and `daemonset.selector-empty`. */
export interface SelectorFixData {
  /** `matchLabels` entries that fail: the selector's value and the template's (null when it has no such label). */
  entries: { key: string; selector: string; template: string | null }[];
  /** The template's labels (for an empty selector: what `matchLabels` should say). */
  labels: Record<string, string>;
}

function describeFailure(requirement: SelectorRequirement, labels: Record<string, string>): string {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const template = has ? `the template has ${requirement.key}=${labels[requirement.key]}` : `the template has no label ${requirement.key}`;
  return `the selector wants ${formatRequirement(requirement)} and ${template}`;
}

function stringValues(map: Record<string, unknown> | undefined): boolean {
  return map === undefined || Object.values(map).every((value) => typeof value === 'string' || value === undefined);
}

export const selectorRule: Rule = {
  name: 'selector',
  codes: [DiagnosticCode.SelectorEmpty, DiagnosticCode.SelectorInvalid, DiagnosticCode.SelectorMismatch],
  check(model) {
    const spec = record(model.value.spec);
    const raw = record(spec?.selector);
    const template = record(spec?.template);
    // Without a template (schema.required) or with labels that are not strings (schema.type, and
    // the API server fails to decode), there is nothing sound to compare.
    if (!raw || !template || !stringValues(record(raw.matchLabels)) || !stringValues(recordAt(template, ['metadata', 'labels']))) return [];
    const labels = labelsOf(template.metadata);
    const selector = parseSelector(raw, selectorPath);
    const findings: Finding[] = [];
    if (selector.kind === 'empty') {
      const hasLabels = Object.keys(labels).length > 0;
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.SelectorEmpty,
          severity: 'error',
          message: `An empty \`spec.selector\` is invalid for a DaemonSet: the API server rejects it. Select the template's labels with \`matchLabels\`${hasLabels ? ` (${Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}.`,
          path: selectorPath,
          data: { entries: [], labels } satisfies SelectorFixData,
          fixable: hasLabels,
        }),
      );
      return findings;
    }
    for (const problem of selector.problems) {
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.SelectorInvalid,
          severity: 'error',
          message: `Invalid \`spec.selector\`: ${problem.message}. The API server rejects the DaemonSet.`,
          path: problem.path,
          prefer: 'value',
        }),
      );
    }
    const failing = failingRequirements(selector, labels);
    if (failing && failing.length > 0) {
      const entries = failing
        .filter((r) => r.fromMatchLabels)
        .map((r) => ({ key: r.key, selector: r.values[0]!, template: Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key]! : null }));
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.SelectorMismatch,
          severity: 'error',
          message: `\`spec.selector\` does not match the template's labels, so the API server rejects the DaemonSet: ${failing.map((r) => describeFailure(r, labels)).join('; ')}. The selector cannot be changed after creation, so usually the labels should change.`,
          path: selectorPath,
          data: { entries, labels } satisfies SelectorFixData,
          fixable: entries.length === failing.length,
        }),
      );
    }
    return findings;
  },
};
