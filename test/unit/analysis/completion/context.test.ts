import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext, holderSiblings } from '../../../../server/src/analysis/completion/context';
import { documentLines } from '../../../../server/src/analysis/completion/lines';
import { withCursor } from '../../../helpers/text';

function at(source: string) {
  const { text, offset } = withCursor(source);
  const ctx = cursorContext(text, offset);
  return { text, ctx, replaced: ctx ? text.slice(ctx.replace.start, ctx.replace.end) : undefined };
}

describe('cursorContext on half-typed YAML', () => {
  test('a partial key under updateStrategy (`    ty|`) is a key of spec.updateStrategy', () => {
    const { ctx, replaced } = at(`
      kind: DaemonSet
      spec:
        updateStrategy:
          ty|
        template: {}
    `);
    assert.equal(ctx?.kind, 'key');
    assert.deepEqual(ctx?.path, ['spec', 'updateStrategy']);
    assert.equal(ctx?.partial, 'ty');
    assert.equal(replaced, 'ty');
    assert.equal(ctx?.hasColon, false);
  });

  test('an empty line takes its level from the cursor column', () => {
    const { ctx } = at(`
      spec:
        template:
          spec:
            containers: []
        |
    `);
    assert.deepEqual(ctx?.path, ['spec']);
    assert.deepEqual([...ctx!.siblings.keys()], ['template']);
  });

  test('a key typed before an existing colon replaces only the word and knows the colon is there', () => {
    const { ctx, replaced } = at(`
      spec:
        sel|ector: {}
    `);
    assert.equal(ctx?.kind, 'key');
    assert.equal(replaced, 'selector');
    assert.equal(ctx?.hasColon, true);
  });

  test('a value after `key: ` and right after `key:`', () => {
    const spaced = at(`
      spec:
        updateStrategy:
          type: Roll|
          rollingUpdate: {}
    `);
    assert.equal(spaced.ctx?.kind, 'value');
    assert.deepEqual(spaced.ctx?.path, ['spec', 'updateStrategy', 'type']);
    assert.equal(spaced.replaced, 'Roll');
    assert.equal(spaced.ctx?.needsSpace, false);
    assert.deepEqual([...spaced.ctx!.siblings], [['rollingUpdate', '{}']]);
    const tight = at(`
      spec:
        updateStrategy:
          type:|
    `);
    assert.equal(tight.ctx?.needsSpace, true);
  });

  test('keys inside a list item, after its first line, see the item as their mapping', () => {
    const { ctx } = at(`
      spec:
        template:
          spec:
            tolerations:
              - key: nvidia.com/gpu
                operator: Exists
                |
    `);
    assert.deepEqual(ctx?.path, ['spec', 'template', 'spec', 'tolerations', 0]);
    assert.deepEqual([...ctx!.siblings], [['operator', 'Exists'], ['key', 'nvidia.com/gpu']]);
  });

  test('an empty list item (`- |`) counts earlier items, in indented and compact style', () => {
    const indented = at(`
      spec:
        template:
          spec:
            tolerations:
              - key: a
              - key: b
              - |
    `);
    assert.equal(indented.ctx?.kind, 'item');
    assert.deepEqual(indented.ctx?.path, ['spec', 'template', 'spec', 'tolerations', 2]);
    assert.equal(indented.ctx?.sequenceIndent, 2);
    const compact = at(`
      spec:
        template:
          spec:
            tolerations:
            - key: a
            - |
    `);
    assert.deepEqual(compact.ctx?.path, ['spec', 'template', 'spec', 'tolerations', 1]);
    assert.equal(compact.ctx?.sequenceIndent, 0);
  });

  test('a scalar item of `values` knows the `key` beside its list (block and flow style)', () => {
    const block = at(`
      spec:
        template:
          spec:
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - key: ssd
                          operator: In
                          values:
                            - tr|
    `);
    assert.equal(block.ctx?.kind, 'item');
    assert.deepEqual(block.ctx?.path.slice(-4), ['matchExpressions', 0, 'values', 0]);
    assert.equal(holderSiblings(block.ctx!).get('key'), 'ssd');
    const flow = at(`
      spec:
        template:
          spec:
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - key: kubernetes.io/arch
                          operator: In
                          values: [amd64, "ar|"]
    `);
    assert.equal(flow.ctx?.kind, 'value');
    assert.deepEqual(flow.ctx?.path.slice(-2), ['values', 1]);
    assert.equal(flow.ctx?.partial, 'ar');
    assert.equal(flow.ctx?.quoted, true);
    assert.equal(flow.replaced, 'ar');
    assert.equal(holderSiblings(flow.ctx!).get('key'), 'kubernetes.io/arch');
  });

  test('nothing inside a block scalar, a comment or under a scalar value', () => {
    assert.equal(at(`
      spec:
        template:
          spec:
            containers:
              - name: a
                args: >-
                  --fla|
    `).ctx, undefined);
    assert.equal(at(`
      spec:
        # upd|
    `).ctx, undefined);
    assert.equal(at(`
      spec: 3
        ty|
    `).ctx, undefined);
  });

  test('only the cursor document counts in a multi-document file', () => {
    const { ctx } = at(`
      kind: DaemonSet
      spec:
        template: {}
      ---
      kind: DaemonSet
      sp|
    `);
    assert.deepEqual(ctx?.path, []);
    assert.deepEqual([...ctx!.siblings.keys()], ['kind']);
  });
});

describe('documentLines', () => {
  test('stops at document separators and handles the first and last offsets', () => {
    const text = 'a: 1\n---\nb: 2\n...\nc: 3';
    assert.deepEqual(documentLines(text, 10).lines.map((line) => line.text), ['b: 2']);
    assert.deepEqual(documentLines(text, 0).lines.map((line) => line.text), ['a: 1']);
    assert.deepEqual(documentLines(text, text.length).lines.map((line) => line.text), ['c: 3']);
    assert.deepEqual(documentLines('', 0).lines.map((line) => line.text), ['']);
    assert.deepEqual(documentLines('\n\n', 0).lines.map((line) => line.text), ['', '', '']);
  });
});
