/**
 * The generated apps/v1 DaemonSet schema and a lookup from a document path to the schema that
 * describes it, for validation messages, hover and completion.
 */
import daemonSetSchema from '../../generated/daemonSetSchema';
import type { JsonSchema, PathSegment } from './schemaTypes';

export { daemonSetSchema };

/** What the schema says about one place in a DaemonSet. */
export interface SchemaNode {
  /** The resolved schema (references followed); its `properties`, `type`, `enum`, `required`... */
  schema: JsonSchema;
  /** The field's own description when it has one (the OpenAPI wrapper's), else the type's. */
  description: string | undefined;
  /** The field's default as the OpenAPI states it (structural defaults such as `{}` included). */
  default: unknown;
  /** The definition name when the node is a named type, e.g. `io.k8s.api.core.v1.Container`. */
  definition: string | undefined;
}

const refPrefix = '#/definitions/';

/** Follows `$ref` and single `allOf: [{$ref}]` wrappers; returns the target and its name. */
function resolve(schema: JsonSchema): { schema: JsonSchema; definition: string | undefined } {
  let current = schema;
  let definition: string | undefined;
  for (let guard = 0; guard < 8; guard++) {
    const ref = current.$ref ?? (current.allOf?.length === 1 ? current.allOf[0].$ref : undefined);
    if (ref === undefined || !ref.startsWith(refPrefix)) break;
    definition = ref.slice(refPrefix.length);
    const target = daemonSetSchema.definitions?.[definition];
    if (target === undefined) break;
    current = target;
  }
  return { schema: current, definition };
}

function nodeOf(wrapper: JsonSchema): SchemaNode {
  const { schema, definition } = resolve(wrapper);
  return {
    schema,
    description: wrapper.description ?? schema.description,
    default: wrapper.default ?? schema.default,
    definition,
  };
}

/** The schema of one child of `parent`: a property, a map value or an array item; undefined if none. */
export function childSchema(parent: JsonSchema, segment: PathSegment): JsonSchema | undefined {
  if (typeof segment === 'number') return parent.items;
  const property = parent.properties?.[segment];
  if (property !== undefined) return property;
  return typeof parent.additionalProperties === 'object' ? parent.additionalProperties : undefined;
}

/**
 * The schema node at `path` in a DaemonSet (`[]` is the DaemonSet itself), e.g.
 * `['spec', 'template', 'spec', 'containers', 0, 'name']`. Numbers index arrays, strings name
 * properties or map keys. Returns undefined where the schema allows nothing (an unknown field).
 */
export function schemaAt(path: readonly PathSegment[]): SchemaNode | undefined {
  let node = nodeOf(daemonSetSchema);
  for (const segment of path) {
    const child = childSchema(node.schema, segment);
    if (child === undefined) return undefined;
    node = nodeOf(child);
  }
  return node;
}

/** The property names an object schema allows, sorted; empty for maps and scalars. */
export function propertyNames(schema: JsonSchema): string[] {
  return Object.keys(schema.properties ?? {}).sort();
}
