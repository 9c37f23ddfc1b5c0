/**
 * Schema validation of the whole DaemonSet against the generated apps/v1 schema (unknown fields,
 * wrong types, bad values, missing required fields). Off with `daemonscope.schemaValidation: false`
 * for people who already validate with a Kubernetes schema in Red Hat's YAML extension.
 */
import { DiagnosticCode } from '../codes';
import { labelsOf } from '../labelSelector';
import type { JsonObject } from '../model';
import { schemaFindings, withImpliedObjects, type SchemaFindingData } from '../schemaFindings';
import type { Finding } from '../types';
import { recordAt } from './fields';
import type { Rule } from './rule';

export const schemaRule: Rule = {
  name: 'schema',
  codes: [DiagnosticCode.SchemaUnknownField, DiagnosticCode.SchemaType, DiagnosticCode.SchemaEnum, DiagnosticCode.SchemaRequired, DiagnosticCode.SchemaInvalid],
  check(model, context) {
    if (!context.options.schemaValidation) return [];
    const { validator } = context;
    if (!validator.ok) {
      return [
        {
          code: DiagnosticCode.SchemaInvalid,
          severity: 'error',
          message: `The DaemonSet schema could not be loaded, so fields are not checked: ${validator.problem}`,
          span: model.anchor,
        },
      ];
    }
    const value = withImpliedObjects(model.value);
    return schemaFindings(model, value, validator.validate(value)).map((finding) => (hasQuickFix(finding, model.value) ? { ...finding, fixable: true } : finding));
  },
};

/** Whether codeActions/schemaFixes.ts has a fix: a did-you-mean to apply, or a selector to build from the template labels. */
function hasQuickFix(finding: Finding, value: JsonObject): boolean {
  const data = finding.data as SchemaFindingData | undefined;
  if (!data) return false;
  if (finding.code === DiagnosticCode.SchemaUnknownField || finding.code === DiagnosticCode.SchemaEnum) return typeof data.suggestion === 'string';
  if (finding.code === DiagnosticCode.SchemaRequired && data.path.join('.') === 'spec.selector') {
    return Object.keys(labelsOf(recordAt(value, ['spec', 'template'])?.metadata)).length > 0;
  }
  return false;
}
