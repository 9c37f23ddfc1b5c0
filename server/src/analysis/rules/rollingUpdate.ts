/**
 * `spec.updateStrategy` as the API server validates it (pkg/apis/apps/validation/validation.go
 * `ValidateDaemonSetUpdateStrategy`, `ValidateRollingUpdateDaemonSet`, `ValidatePositiveIntOrPercent`,
 * `IsNotMoreThan100Percent`), after defaulting (pkg/apis/apps/v1/defaults.go `SetDefaults_DaemonSet`:
 * type RollingUpdate, `maxUnavailable: 1`, `maxSurge: 0`):
 * - each value is a non-negative integer or a percent string `^[0-9]+%$` of at most 100%;
 * - exactly one of them is non-zero. So `maxSurge: 1` written alone is rejected: maxUnavailable
 *   defaults to 1. The fix is `maxUnavailable: 0`.
 * With `type: OnDelete` nothing else is checked and `rollingUpdate` is ignored: a warning.
 */
import { DiagnosticCode } from '../codes';
import type { PathSegment } from '../path';
import type { Finding } from '../types';
import { findingAt, record, recordAt } from './fields';
import type { Rule } from './rule';

export const strategyPath: PathSegment[] = ['spec', 'updateStrategy'];
export const rollingUpdatePath: PathSegment[] = [...strategyPath, 'rollingUpdate'];

type Field = 'maxUnavailable' | 'maxSurge';

/** Fix data of the both-zero and both-set findings. */
export interface RollingUpdateFixData {
  /** Which of the two fields are written in the manifest. */
  written: Record<Field, boolean>;
}

/** One int-or-percent field as the validation reads it. */
interface ReadValue {
  written: boolean;
  /** False for a type the schema reports (not an integer or a string): nothing more is checked. */
  typed: boolean;
  /** `getIntOrPercentValue`: the percent number, the integer, or Atoi of another string (0 if not a number). */
  value: number;
  problem?: string;
}

const percent = /^[0-9]+%$/;

function readField(rollingUpdate: Record<string, unknown>, field: Field, fallback: number): ReadValue {
  const raw = rollingUpdate[field];
  if (raw === undefined) return { written: false, typed: true, value: fallback };
  if (typeof raw === 'number') {
    // A non-integer is the schema's to report (int-or-string).
    if (!Number.isInteger(raw)) return { written: true, typed: false, value: raw };
    if (raw < 0) return { written: true, typed: true, value: raw, problem: `\`${field}: ${raw}\` must not be negative` };
    return { written: true, typed: true, value: raw };
  }
  if (typeof raw === 'string') {
    if (percent.test(raw)) {
      const value = Number(raw.slice(0, -1));
      if (value > 100) return { written: true, typed: true, value, problem: `\`${field}: "${raw}"\` must not be greater than 100%` };
      return { written: true, typed: true, value };
    }
    const digits = /^[+-]?[0-9]+$/.test(raw) ? Number(raw) : 0;
    const hint = /^[0-9]+$/.test(raw) ? ` Write ${raw} without quotes for a number of nodes, or "${raw}%" for a percentage.` : ' Use a whole number of nodes or a percentage such as "10%".';
    return { written: true, typed: true, value: digits, problem: `\`${field}: "${raw}"\` is a string but not a percentage, which the API server rejects.${hint}` };
  }
  return { written: true, typed: false, value: 0 };
}

export const rollingUpdateRule: Rule = {
  name: 'rollingUpdate',
  codes: [DiagnosticCode.RollingUpdateValue, DiagnosticCode.RollingUpdateBothZero, DiagnosticCode.RollingUpdateBothSet, DiagnosticCode.RollingUpdateIgnored],
  check(model) {
    const strategy = recordAt(model.value, strategyPath) ?? {};
    const type = strategy.type ?? 'RollingUpdate';
    const written = record(strategy.rollingUpdate);
    if (type === 'OnDelete') {
      if (!written) return [];
      return [
        findingAt(model, {
          code: DiagnosticCode.RollingUpdateIgnored,
          severity: 'warning',
          message:
            '`rollingUpdate` is ignored with `type: OnDelete`: pods are replaced only when someone deletes them. Remove `rollingUpdate`, or set `type: RollingUpdate` to use it.',
          path: rollingUpdatePath,
          fixable: true,
        }),
      ];
    }
    // Another type is the schema's to report (schema.enum); nothing else is checked then.
    if (type !== 'RollingUpdate') return [];
    const rollingUpdate = written ?? {};
    const unavailable = readField(rollingUpdate, 'maxUnavailable', 1);
    const surge = readField(rollingUpdate, 'maxSurge', 0);
    const findings: Finding[] = [];
    for (const [field, read] of [['maxUnavailable', unavailable], ['maxSurge', surge]] as const) {
      if (read.problem) {
        findings.push(
          findingAt(model, {
            code: DiagnosticCode.RollingUpdateValue,
            severity: 'error',
            message: read.problem.endsWith('.') ? read.problem : `${read.problem}: the API server rejects it.`,
            path: [...rollingUpdatePath, field],
            prefer: 'value',
          }),
        );
      }
    }
    if (!unavailable.typed || !surge.typed) return findings;
    const data: RollingUpdateFixData = { written: { maxUnavailable: unavailable.written, maxSurge: surge.written } };
    if (unavailable.value !== 0 && surge.value !== 0) {
      const message = unavailable.written
        ? '`maxSurge` may not be set when `maxUnavailable` is non-zero: the API server rejects the DaemonSet (exactly one of them must be non-zero). Set `maxUnavailable: 0` to surge, or remove `maxSurge`.'
        : '`maxSurge` needs `maxUnavailable: 0`: maxUnavailable defaults to 1, and the API server rejects a DaemonSet where both are non-zero. Add `maxUnavailable: 0` to surge, or remove `maxSurge`.';
      findings.push(findingAt(model, { code: DiagnosticCode.RollingUpdateBothSet, severity: 'error', message, path: [...rollingUpdatePath, 'maxSurge'], data, fixable: true }));
    } else if (unavailable.value === 0 && surge.value === 0) {
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.RollingUpdateBothZero,
          severity: 'error',
          message:
            '`maxUnavailable` cannot be 0 when `maxSurge` is 0: the API server rejects the DaemonSet (a rollout could never replace a pod). Set `maxUnavailable: 1`, or `maxSurge: 1` to surge.',
          path: [...rollingUpdatePath, unavailable.written ? 'maxUnavailable' : 'maxSurge'],
          data,
          fixable: true,
        }),
      );
    }
    return findings;
  },
};
