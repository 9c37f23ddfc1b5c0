/**
 * Schema validation of the whole DaemonSet against the generated apps/v1 schema (unknown fields,
 * wrong types, bad values, missing required fields). Off with `daemonscope.schemaValidation: false`
 * for people who already validate with a Kubernetes schema in Red Hat's YAML extension.
 */
import { DiagnosticCode } from '../codes';
import { schemaFindings, withImpliedObjects } from '../schemaFindings';
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
    return schemaFindings(model, value, validator.validate(value));
  },
};
