/**
 * `spec.minReadySeconds` and `spec.revisionHistoryLimit` must not be negative
 * (pkg/apis/apps/validation/validation.go `ValidateDaemonSetSpec`, `ValidateNonnegativeField`;
 * zero is valid for both).
 */
import { DiagnosticCode } from '../codes';
import type { Finding } from '../types';
import { findingAt, record } from './fields';
import type { Rule } from './rule';

const fields = ['minReadySeconds', 'revisionHistoryLimit'] as const;

export const negativeValuesRule: Rule = {
  name: 'negativeValues',
  codes: [DiagnosticCode.NegativeValue],
  check(model) {
    const spec = record(model.value.spec);
    const findings: Finding[] = [];
    for (const field of fields) {
      const value = spec?.[field];
      if (typeof value !== 'number' || value >= 0) continue;
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.NegativeValue,
          severity: 'error',
          message: `\`spec.${field}\` must not be negative (${value}): the API server rejects the DaemonSet. Use 0 or more.`,
          path: ['spec', field],
          prefer: 'value',
        }),
      );
    }
    return findings;
  },
};
