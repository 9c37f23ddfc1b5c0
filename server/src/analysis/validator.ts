/**
 * The ajv validator of the DaemonSet schema. Compiling takes tens of milliseconds, so the server
 * and the CLI call `createSchemaValidator` once at startup and pass the result into every analysis;
 * nothing compiles at a keystroke.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { daemonSetSchema } from './schema';

/** One schema violation as ajv reports it (`instancePath` is a JSON pointer into the value). */
export type SchemaError = ErrorObject;

/** A compiled validator, or the reason it could not be built (a broken schema is a finding, not a crash). */
export type SchemaValidator =
  | { ok: true; validate(value: unknown): SchemaError[] }
  | { ok: false; problem: string };

// OpenAPI extensions the generated schema keeps for hover and later rules; ajv's strict mode
// must know them as keywords without validation.
const extensionKeywords = [
  'x-kubernetes-group-version-kind',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-unions',
];

/**
 * Compiles the DaemonSet schema once. Returns `{ ok: false, problem }` instead of throwing when
 * the schema does not compile.
 */
export function createSchemaValidator(): SchemaValidator {
  try {
    const ajv = new Ajv({
      allErrors: true,
      strict: true,
      allowUnionTypes: true,
      validateFormats: false,
      messages: true,
    });
    ajv.addVocabulary(extensionKeywords);
    const validate = ajv.compile(daemonSetSchema);
    return {
      ok: true,
      validate(value: unknown): SchemaError[] {
        return validate(value) ? [] : [...(validate.errors ?? [])];
      },
    };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
