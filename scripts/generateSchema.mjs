// Generates the offline JSON Schema (draft-07, for ajv) of an apps/v1 DaemonSet from the official
// Kubernetes OpenAPI v3 document in third_party/k8s-openapi/ (see its SOURCES.md), into
// server/generated/ (gitignored; `--out DIR` writes elsewhere). Deterministic: same input, same
// bytes. Run by `npm run generate`, the first step of `npm run build`.
//
// What it changes, and why (DESIGN.md "The schema"):
// - keeps only the DaemonSet closure (every definition reachable from io.k8s.api.apps.v1.DaemonSet);
// - `$ref`s point at `#/definitions/...`; the OpenAPI `allOf: [{$ref}]` wrappers are kept, so the
//   field's own description/default stays beside the reference (hover prefers it);
// - objects with `properties` are closed (`additionalProperties: false`): the API server rejects
//   unknown fields under strict field validation, kubectl's default since 1.27. Maps (labels,
//   annotations, nodeSelector, resource lists) keep their `additionalProperties` schema;
// - IntOrString and Quantity become a `type` array instead of `oneOf`, so a wrong type gives one
//   error, not three;
// - allowed values come from scripts/schemaEnums.json, since the OpenAPI has no `enum`.
// `null` for a field means absent (as the API server decodes it); that is handled when the YAML is
// converted for validation, not here.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const sourcePath = join(root, 'third_party/k8s-openapi/apis__apps__v1_openapi.json');
const enumsPath = join(root, 'scripts/schemaEnums.json');
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(root, 'server/generated');
const rootName = 'io.k8s.api.apps.v1.DaemonSet';
const openApiPrefix = '#/components/schemas/';

/** The definitions reachable from `start`, sorted by name. */
function closureOf(schemas, start) {
  const seen = new Set([start]);
  const queue = [start];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.slice(openApiPrefix.length);
        if (!(name in schemas)) throw new Error(`unresolved $ref ${value}`);
        if (!seen.has(name)) {
          seen.add(name);
          queue.push(name);
        }
      } else visit(value);
    }
  };
  while (queue.length > 0) visit(schemas[queue.shift()]);
  return [...seen].sort();
}

/** A deep copy of an OpenAPI schema node rewritten for ajv (see the header comment). */
function convert(node) {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const key of Object.keys(node).sort()) {
    const value = node[key];
    if (key === '$ref') out.$ref = `#/definitions/${value.slice(openApiPrefix.length)}`;
    else if (key === 'properties') {
      out.properties = {};
      for (const name of Object.keys(value).sort()) out.properties[name] = convert(value[name]);
    } else out[key] = convert(value);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** Replaces a `oneOf` of bare types with a `type` array (IntOrString, Quantity). */
function flattenTypeUnion(definition) {
  if (!Array.isArray(definition.oneOf)) return definition;
  const types = definition.oneOf.map((branch) => {
    const keys = Object.keys(branch);
    if (keys.length !== 1 || keys[0] !== 'type') throw new Error('oneOf with more than bare types');
    return branch.type;
  });
  const { oneOf: _oneOf, ...rest } = definition;
  return sortKeys({ ...rest, type: types });
}

function sortKeys(object) {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
}

/** Adds the curated `enum`s; fails loudly when the OpenAPI no longer has the field. */
function applyEnums(definitions, table) {
  for (const entry of table.enums) {
    const property = definitions[entry.definition]?.properties?.[entry.property];
    if (!property) throw new Error(`schemaEnums.json: ${entry.definition}.${entry.property} is not in the schema`);
    if (property.type !== 'string') throw new Error(`schemaEnums.json: ${entry.definition}.${entry.property} is not a string`);
    definitions[entry.definition].properties[entry.property] = sortKeys({ ...property, enum: entry.values });
  }
}

function generate() {
  const openapi = JSON.parse(readFileSync(sourcePath, 'utf8'));
  const table = JSON.parse(readFileSync(enumsPath, 'utf8'));
  const schemas = openapi.components.schemas;
  const definitions = {};
  for (const name of closureOf(schemas, rootName)) definitions[name] = flattenTypeUnion(convert(schemas[name]));
  applyEnums(definitions, table);
  const schema = {
    $comment:
      'Generated by scripts/generateSchema.mjs from third_party/k8s-openapi/apis__apps__v1_openapi.json (Kubernetes 1.35, Apache-2.0). Do not edit.',
    $ref: `#/definitions/${rootName}`,
    definitions,
  };
  const json = JSON.stringify(schema);
  mkdirSync(outDir, { recursive: true });
  const header = '// Generated by scripts/generateSchema.mjs. Do not edit.\n';
  writeFileSync(join(outDir, 'daemonSetSchema.js'), `${header}export default ${json};\n`);
  writeFileSync(
    join(outDir, 'daemonSetSchema.d.ts'),
    `${header}import type { JsonSchema } from '../src/analysis/schemaTypes';\n\n/** The apps/v1 DaemonSet JSON Schema (draft-07) with every definition it references. */\ndeclare const daemonSetSchema: JsonSchema;\nexport default daemonSetSchema;\n`,
  );
  return { definitions: Object.keys(definitions).length, bytes: json.length };
}

const { definitions, bytes } = generate();
if (!process.argv.includes('--quiet')) {
  console.log(`generateSchema: ${definitions} definitions, ${bytes} bytes -> ${join(outDir, 'daemonSetSchema.js')}`);
}
