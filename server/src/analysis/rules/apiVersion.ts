/**
 * The apiVersion of a DaemonSet. Only apps/v1 serves it; extensions/v1beta1 and apps/v1beta2 did
 * until Kubernetes 1.16 removed them (kubernetes.io/docs/reference/using-api/deprecation-guide,
 * "v1.16"). apps/v1 also made `spec.selector` required, where the old versions defaulted it from
 * the template labels (pkg/apis/apps/validation `ValidateDaemonSetSpec`).
 */
import { DiagnosticCode } from '../codes';
import { locate } from '../locate';
import { currentApiVersion, removedApiVersions } from '../model';
import { suggest } from '../suggest';
import type { Rule } from './rule';

export const apiVersionRule: Rule = {
  name: 'apiVersion',
  codes: [DiagnosticCode.ApiVersionRemoved, DiagnosticCode.SchemaRequired, DiagnosticCode.SchemaEnum],
  check(model) {
    const { apiVersion } = model;
    if (apiVersion === currentApiVersion) return [];
    const location = locate(model.document, ['apiVersion']);
    const span = location.value ?? location.key ?? model.anchor;
    if (apiVersion === undefined) {
      return [
        {
          code: DiagnosticCode.SchemaRequired,
          severity: 'error',
          message: 'Missing required field `apiVersion`: a DaemonSet needs `apiVersion: apps/v1`.',
          span: location.key ?? model.anchor,
          data: { path: ['apiVersion'], suggestion: currentApiVersion },
        },
      ];
    }
    // Not a string at all: the schema rule reports the type.
    if (typeof apiVersion !== 'string') return [];
    if (removedApiVersions.includes(apiVersion)) {
      return [
        {
          code: DiagnosticCode.ApiVersionRemoved,
          severity: 'error',
          message: `DaemonSet is no longer served by \`${apiVersion}\` (removed in Kubernetes 1.16). Use \`apiVersion: apps/v1\`, which requires \`spec.selector\` matching the template's labels.`,
          span,
          data: { path: ['apiVersion'], suggestion: currentApiVersion },
          fixable: true,
        },
      ];
    }
    const guess = suggest(apiVersion, [currentApiVersion]);
    return [
      {
        code: DiagnosticCode.SchemaEnum,
        severity: 'error',
        message: `DaemonSet is served only by \`apiVersion: apps/v1\`, not ${JSON.stringify(apiVersion)}.${guess ? ' Did you mean `apps/v1`?' : ''}`,
        span,
        data: { path: ['apiVersion'], suggestion: currentApiVersion, allowed: [currentApiVersion] },
        fixable: true,
      },
    ];
  },
};
