/**
 * `activeDeadlineSeconds` in a DaemonSet's pod template: pkg/apis/apps/validation/validation.go
 * `ValidateDaemonSetSpec` rejects it ("activeDeadlineSeconds in DaemonSet is not Supported") —
 * a daemon pod is meant to run as long as its node does.
 */
import { DiagnosticCode } from '../codes';
import { findingAt, podSpecPath, recordAt } from './fields';
import type { Rule } from './rule';

export const activeDeadlineSecondsRule: Rule = {
  name: 'activeDeadlineSeconds',
  codes: [DiagnosticCode.ActiveDeadlineSeconds],
  check(model) {
    const podSpec = recordAt(model.value, podSpecPath);
    if (podSpec?.activeDeadlineSeconds === undefined) return [];
    return [
      findingAt(model, {
        code: DiagnosticCode.ActiveDeadlineSeconds,
        severity: 'error',
        message: '`activeDeadlineSeconds` is not supported in a DaemonSet: the API server rejects it. A daemon pod runs as long as its node; remove the field.',
        path: [...podSpecPath, 'activeDeadlineSeconds'],
        fixable: true,
      }),
    ];
  },
};
