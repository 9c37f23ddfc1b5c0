import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locate, spanAt } from '../../../server/src/analysis/locate';
import { parseYamlFile } from '../../../server/src/analysis/parse';
import { dedent } from '../../helpers/text';

const text = dedent(`
  apiVersion: apps/v1
  kind: DaemonSet
  spec:
    template:
      spec:
        containers:
          - name: agent
            image: a
          - name: "sidecar"
        nodeSelector: &sel
          ssd: "true"
    other: *sel
    empty:
`);
const { document } = parseYamlFile(text).documents[0];
const slice = (span: { start: number; end: number } | undefined) => (span ? text.slice(span.start, span.end) : undefined);

test('locate maps a path to its key, value and pair spans', () => {
  const location = locate(document, ['spec', 'template', 'spec', 'containers', 1, 'name']);
  assert.equal(location.exact, true);
  assert.equal(slice(location.key), 'name');
  assert.equal(slice(location.value), '"sidecar"');
  assert.equal(slice(location.pair), 'name: "sidecar"');
});

test('a sequence item has a value but no key', () => {
  const location = locate(document, ['spec', 'template', 'spec', 'containers', 0]);
  assert.equal(location.exact, true);
  assert.equal(location.key, undefined);
  assert.match(slice(location.value) ?? '', /^name: agent\n\s+image: a/);
});

test('a missing path stops at the nearest existing parent', () => {
  const location = locate(document, ['spec', 'template', 'spec', 'volumes', 0]);
  assert.equal(location.exact, false);
  assert.equal(location.depth, 3);
  assert.equal(slice(location.key), 'spec');
  assert.equal(location.key?.start, text.indexOf('  spec:') + 2);
});

test('an alias is not followed: the location is the alias itself', () => {
  const location = locate(document, ['spec', 'other', 'ssd']);
  assert.equal(location.exact, false);
  assert.equal(slice(location.value), '*sel');
});

test('`key:` with nothing after it has a key and no value', () => {
  const location = locate(document, ['spec', 'empty']);
  assert.equal(location.exact, true);
  assert.equal(slice(location.key), 'empty');
  assert.equal(location.value, undefined);
});

test('spanAt prefers key or value and falls back to the nearest key, then to the fallback', () => {
  const fallback = { start: 0, end: 1 };
  assert.equal(slice(spanAt(document, ['spec', 'template', 'spec', 'containers', 0, 'image'], 'value', fallback)), 'a');
  assert.equal(slice(spanAt(document, ['spec', 'template', 'spec', 'containers', 0, 'image'], 'key', fallback)), 'image');
  assert.equal(slice(spanAt(document, ['spec', 'template', 'spec', 'volumes'], 'key', fallback)), 'spec');
  // Below a list item, the item's first key stands for it rather than the whole block.
  assert.equal(slice(spanAt(document, ['spec', 'template', 'spec', 'containers', 0, 'missing'], 'key', fallback)), 'name');
  assert.deepEqual(spanAt(document, ['nothing'], 'key', fallback), fallback);
});
