/**
 * Turns ajv errors on a DaemonSet into findings at the exact key or value, in plain English,
 * with "did you mean" suggestions for misspelt fields and values.
 */
import { DiagnosticCode } from './codes';
import { headSpan, locate, spanAt } from './locate';
import type { DaemonSetModel, JsonObject } from './model';
import { formatPath, pathFromPointer, valueAt, type PathSegment } from './path';
import { propertyNames, schemaAt } from './schema';
import { suggest } from './suggest';
import type { Finding, Span } from './types';
import type { SchemaError } from './validator';

/** Data on schema findings, for quick fixes. */
export interface SchemaFindingData {
  /** The path of the offending field (for `schema.required`, the missing one). */
  path: PathSegment[];
  /** The replacement "did you mean" proposes, if any. */
  suggestion?: string;
  /** The allowed values, for `schema.enum`. */
  allowed?: unknown[];
}

/**
 * The value to validate: the model's value with the objects the API server defaults to `{}`
 * (`spec`, `spec.template.spec`) filled in, so their required fields are still reported.
 */
export function withImpliedObjects(value: JsonObject): JsonObject {
  const spec = value.spec === undefined ? {} : value.spec;
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return value;
  const template = (spec as JsonObject).template;
  let newSpec = spec as JsonObject;
  if (template !== null && typeof template === 'object' && !Array.isArray(template) && (template as JsonObject).spec === undefined) {
    newSpec = { ...newSpec, template: { ...(template as JsonObject), spec: {} } };
  }
  return newSpec === value.spec ? value : { ...value, spec: newSpec };
}

/** Findings for the errors `validate` returned on `value` (see `withImpliedObjects`). */
export function schemaFindings(model: DaemonSetModel, value: JsonObject, errors: readonly SchemaError[]): Finding[] {
  const findings: Finding[] = [];
  for (const error of errors) {
    const finding = toFinding(model, value, error);
    if (finding) findings.push(finding);
  }
  return findings;
}

function toFinding(model: DaemonSetModel, value: JsonObject, error: SchemaError): Finding | undefined {
  const path = pathFromPointer(error.instancePath, value);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownField(model, path, String(params.additionalProperty));
    case 'type':
      return wrongType(model, path, params.type, valueAt(value, path));
    case 'enum':
      return badEnum(model, path, valueAt(value, path), (params.allowedValues as unknown[]) ?? []);
    case 'required':
      return missingField(model, path, String(params.missingProperty));
    default:
      return {
        code: DiagnosticCode.SchemaInvalid,
        severity: 'error',
        message: `\`${formatPath(path)}\` ${error.message ?? 'is invalid'}.`,
        span: spanAt(model.document, path, 'value', model.anchor),
        data: { path } satisfies SchemaFindingData,
      };
  }
}

/** `in rollingUpdate`, `in containers[0]`, `in the DaemonSet`. */
function placeName(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the DaemonSet';
  const last = path[path.length - 1];
  if (typeof last === 'number' && path.length > 1) return `${formatPath([path[path.length - 2]])}[${last}]`;
  return formatPath([last]);
}

function unknownField(model: DaemonSetModel, parent: PathSegment[], key: string): Finding | undefined {
  // `replicas` under spec has its own rule and message (rules/replicas.ts).
  if (parent.length === 1 && parent[0] === 'spec' && key === 'replicas') return undefined;
  const allowed = propertyNames(schemaAt(parent)?.schema ?? {});
  const suggestion = suggest(key, allowed);
  const path = [...parent, key];
  let message = `Unknown field \`${key}\` in ${placeName(parent)}.`;
  if (suggestion !== undefined) message += ` Did you mean \`${suggestion}\`?`;
  else if (allowed.length > 0 && allowed.length <= 12) message += ` Allowed fields: ${allowed.join(', ')}.`;
  return {
    code: DiagnosticCode.SchemaUnknownField,
    severity: 'error',
    message,
    span: spanAt(model.document, path, 'key', model.anchor),
    data: { path, ...(suggestion !== undefined ? { suggestion } : {}) } satisfies SchemaFindingData,
  };
}

const typeWords: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  null: 'null',
};

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return `the string ${JSON.stringify(value)}`;
}

function wrongType(model: DaemonSetModel, path: PathSegment[], expected: unknown, actual: unknown): Finding {
  const types = (Array.isArray(expected) ? expected : String(expected).split(',')).map(String);
  const wanted = types.map((type) => typeWords[type] ?? type).join(' or ');
  let message = `\`${formatPath(path)}\` must be ${wanted}, not ${describeValue(actual)}.`;
  if (types.includes('string') && (typeof actual === 'boolean' || typeof actual === 'number')) {
    message += ' Quote the value to make it a string.';
  }
  return {
    code: DiagnosticCode.SchemaType,
    severity: 'error',
    message,
    span: spanAt(model.document, path, 'value', model.anchor),
    data: { path } satisfies SchemaFindingData,
  };
}

function badEnum(model: DaemonSetModel, path: PathSegment[], actual: unknown, allowed: unknown[]): Finding {
  const names = allowed.map((value) => (value === '' ? '""' : String(value)));
  const suggestion = typeof actual === 'string' ? suggest(actual, allowed.filter((v): v is string => typeof v === 'string' && v !== '')) : undefined;
  let message = `${JSON.stringify(actual)} is not a valid \`${formatPath(path)}\`: use ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' or ' : ''}${names[names.length - 1]}.`;
  if (suggestion !== undefined) message += ` Did you mean \`${suggestion}\`?`;
  return {
    code: DiagnosticCode.SchemaEnum,
    severity: 'error',
    message,
    span: spanAt(model.document, path, 'value', model.anchor),
    data: { path, allowed, ...(suggestion !== undefined ? { suggestion } : {}) } satisfies SchemaFindingData,
  };
}

function missingField(model: DaemonSetModel, parent: PathSegment[], key: string): Finding {
  const path = [...parent, key];
  return {
    code: DiagnosticCode.SchemaRequired,
    severity: 'error',
    message: `Missing required field \`${formatPath(path)}\`.`,
    span: requiredSpan(model, parent, key),
    data: { path } satisfies SchemaFindingData,
  };
}

/**
 * Where to report a missing field: its key when written as `key:` (null counts as absent), else
 * the parent's key, else (a list item) the item's first key, else the document's `kind`.
 */
function requiredSpan(model: DaemonSetModel, parent: PathSegment[], key: string): Span {
  const own = locate(model.document, [...parent, key]);
  if (own.exact && own.key) return own.key;
  const location = locate(model.document, parent);
  if (!location.exact || parent.length === 0) return location.depth > 0 ? (location.key ?? model.anchor) : model.anchor;
  if (location.key) return location.key;
  return headSpan(location.node) ?? location.value ?? model.anchor;
}
