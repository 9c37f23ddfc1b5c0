/**
 * A DaemonSet's pods must have `restartPolicy: Always` (the default): pkg/apis/apps/validation/
 * validation.go `ValidateDaemonSetSpec` rejects anything else as NotSupported. `OnFailure` and
 * `Never` pass the schema (they are valid for bare pods and Jobs), so they get this rule.
 */
import { DiagnosticCode } from '../codes';
import { findingAt, podSpecPath, recordAt } from './fields';
import type { Rule } from './rule';

export const restartPolicyRule: Rule = {
  name: 'restartPolicy',
  codes: [DiagnosticCode.RestartPolicy],
  check(model) {
    const policy = recordAt(model.value, podSpecPath)?.restartPolicy;
    // Values outside the enum are the schema's to report (schema.enum).
    if (policy !== 'OnFailure' && policy !== 'Never') return [];
    return [
      findingAt(model, {
        code: DiagnosticCode.RestartPolicy,
        severity: 'error',
        message: `A DaemonSet's pods must use \`restartPolicy: Always\` (the default), not ${policy}: the API server rejects the DaemonSet. A daemon runs for the node's lifetime; for run-to-completion work use a Job.`,
        path: [...podSpecPath, 'restartPolicy'],
        prefer: 'value',
        fixable: true,
      }),
    ];
  },
};
