import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { daemonSetSchema } from '../../../server/src/analysis/schema';
import { createSchemaValidator } from '../../../server/src/analysis/validator';
import { repoPath } from '../../helpers/paths';
// @ts-expect-error: a build script without types; the options the generated code was compiled with.
import { ajvOptions, extensionKeywords } from '../../../scripts/validatorOptions.mjs';

/** The schema compiled at run time, as the server did before the code was generated at build time. */
function runtimeValidator(): (value: unknown) => unknown[] {
  const ajv = new Ajv(ajvOptions as object);
  ajv.addVocabulary(extensionKeywords as string[]);
  const validate = ajv.compile(daemonSetSchema);
  return (value) => (validate(value) ? [] : [...(validate.errors ?? [])]);
}

/** The DaemonSets of the real-world manifests and samples, decoded. */
function daemonSets(): unknown[] {
  const out: unknown[] = [];
  for (const dir of ['samples', 'test/fixtures/realworld']) {
    for (const file of readdirSync(repoPath(dir)).filter((f) => /\.ya?ml$/.test(f))) {
      for (const document of parseAllDocuments(readFileSync(repoPath(dir, file), 'utf8')) as unknown as { toJS(): unknown }[]) {
        const value = document.toJS() as { kind?: unknown } | null;
        if (value && value.kind === 'DaemonSet') out.push(value);
      }
    }
  }
  return out;
}

test('the validator generated at build time reports exactly what ajv compiling the schema at run time reports', () => {
  const generated = createSchemaValidator();
  assert.ok(generated.ok);
  const runtime = runtimeValidator();
  const values = daemonSets();
  assert.ok(values.length > 20);
  for (const value of values) assert.deepEqual(generated.validate(value), runtime(value));
  // Mutations: any value at any depth replaced by values of every type.
  const anyValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constantFrom('RollingUpdate', 'OnDelete', 'Exists', '25%', '100Mi'), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
  fc.assert(
    fc.property(fc.nat({ max: values.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), anyValue, (which, steps, replacement) => {
      const value = structuredClone(values[which]) as Record<string, unknown>;
      let node: unknown = value;
      for (const [i, step] of steps.entries()) {
        if (node === null || typeof node !== 'object') break;
        const keys = Object.keys(node);
        if (keys.length === 0) break;
        const key = keys[step % keys.length]!;
        if (i === steps.length - 1) (node as Record<string, unknown>)[key] = replacement;
        else node = (node as Record<string, unknown>)[key];
      }
      assert.deepEqual(generated.validate(value), runtime(value));
    }),
    { numRuns: 300, seed: 4 },
  );
});

test('generateValidator is deterministic and matches the build output', () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'ds-validator-')), mkdtempSync(join(tmpdir(), 'ds-validator-'))];
  try {
    for (const dir of dirs) {
      execFileSync(process.execPath, [repoPath('scripts/generateSchema.mjs'), '--quiet', '--out', dir]);
      execFileSync(process.execPath, [repoPath('scripts/generateValidator.mjs'), '--quiet', '--out', dir], { stdio: 'pipe' });
    }
    const [a, b] = dirs.map((dir) => readFileSync(join(dir, 'validateDaemonSet.js'), 'utf8'));
    assert.equal(a, b);
    assert.equal(a, readFileSync(repoPath('server/generated/validateDaemonSet.js'), 'utf8'));
    // The schema objects the code reads are shared with the bundled schema, not copied.
    assert.doesNotMatch(a!, /const schema\d+ = \{/);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});
