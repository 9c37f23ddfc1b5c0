/**
 * The validator of the DaemonSet schema. ajv compiled it at build time into code
 * (scripts/generateValidator.mjs, server/generated/validateDaemonSet.js), so neither the server nor
 * the CLI compiles anything when it starts or at the first validation. `createSchemaValidator`
 * is still called once at startup and its result passed into every analysis (tests pass others).
 */
import type { ErrorObject } from 'ajv';
import validateDaemonSet from '../../generated/validateDaemonSet';

/** One schema violation as ajv reports it (`instancePath` is a JSON pointer into the value). */
export type SchemaError = ErrorObject;

/** A compiled validator, or the reason it could not be built (a broken schema is a finding, not a crash). */
export type SchemaValidator =
  | { ok: true; validate(value: unknown): SchemaError[] }
  | { ok: false; problem: string };

/** The validator of the generated DaemonSet schema; every error of a value, in ajv's order. */
export function createSchemaValidator(): SchemaValidator {
  return {
    ok: true,
    validate(value: unknown): SchemaError[] {
      return validateDaemonSet(value) ? [] : [...(validateDaemonSet.errors ?? [])];
    },
  };
}
