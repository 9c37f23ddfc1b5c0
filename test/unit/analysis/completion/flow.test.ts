import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, entry, head, labels, replaced, sorted } from './helpers';

const podSpec = `${head}metadata:\n  name: agent\nspec:\n  template:\n    spec:\n`;

/** Sorted labels and insert texts at `|`, for comparing flow style with block style. */
function proposals(body: string): { labels: string[]; inserts: string[] } {
  const { entries } = complete(`${podSpec}${body}\n`);
  return { labels: sorted(entries), inserts: entries.map((e) => e.insertText).sort() };
}

describe('completion inside one-line flow collections', () => {
  // Same document, written in flow style and in block style: the same proposals.
  for (const [what, flow, block] of [
    ['a nodeSelector value', '      nodeSelector: {kubernetes.io/os: li|}', '      nodeSelector:\n        kubernetes.io/os: li|'],
    ['nodeSelector labels beside one already written', '      nodeSelector: {kubernetes.io/arch: amd64, |}', '      nodeSelector:\n        kubernetes.io/arch: amd64\n        |'],
    ['a toleration key from the cluster taints', '      tolerations: [{key: |}]', '      tolerations:\n        - key: |'],
    ['a toleration effect for the key beside it', '      tolerations: [{key: nvidia.com/gpu, effect: |}]', '      tolerations:\n        - key: nvidia.com/gpu\n          effect: |'],
    ['a flow map as a block sequence item', '      tolerations:\n        - {operator: Exists, effect: |}', '      tolerations:\n        - operator: Exists\n          effect: |'],
    ['an enum value in a container', '      containers: [{name: a, imagePullPolicy: |}]', '      containers:\n        - name: a\n          imagePullPolicy: |'],
    [
      'an affinity expression value for the key beside its list',
      '      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [|]}]}]}}}',
      '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - key: kubernetes.io/arch\n                    operator: In\n                    values:\n                      - |',
    ],
  ] as const) {
    test(`${what}: as in block style`, () => {
      const f = proposals(flow);
      assert.ok(f.labels.length > 0, `proposals for ${flow}`);
      assert.deepEqual(f, proposals(block));
    });
  }

  test('a value replaces the word typed and stops at the closing brace', () => {
    const { text, entries } = complete(`${podSpec}      nodeSelector: {kubernetes.io/os: li|nux, kubernetes.io/arch: amd64}\n`);
    assert.deepEqual(labels(entries), ['linux', 'windows']);
    assert.equal(replaced(text, entry(entries, 'linux')), 'linux');
    assert.equal(entry(entries, 'linux').insertText, 'linux');
  });

  test('keys already in the map, before or after the cursor, are not proposed again', () => {
    const { entries } = complete(`${podSpec}      securityContext: {runAsUser: 1, |, fsGroup: 2}\n`);
    const names = labels(entries);
    assert.ok(names.includes('runAsGroup'));
    assert.ok(!names.includes('runAsUser') && !names.includes('fsGroup'), names.join(', '));
  });

  test('keys insert flow structure, never block structure', () => {
    const { entries } = complete(`${podSpec}      tolerations: [{|}]\n`);
    assert.deepEqual(sorted(entries), ['key', 'effect', 'operator', 'tolerationSeconds', 'value'].sort());
    assert.equal(entry(entries, 'effect').insertText, 'effect: ${1|NoSchedule,PreferNoSchedule,NoExecute|}');
    const spec = complete(`${head}spec: {template: {spec: {|}}}\n`).entries;
    assert.equal(entry(spec, 'tolerations').insertText, 'tolerations: [$0]');
    assert.equal(entry(spec, 'securityContext').insertText, 'securityContext: {$0}');
    assert.equal(entry(spec, 'nodeSelector').insertText, 'nodeSelector: {$0}');
    for (const e of spec) assert.ok(!e.insertText.includes('\n'), `${e.label}: ${JSON.stringify(e.insertText)}`);
  });

  test('a key typed before an existing colon inserts only its name', () => {
    const { text, entries } = complete(`${podSpec}      tolerations: [{ope|: Exists}]\n`);
    assert.equal(entry(entries, 'operator').insertText, 'operator');
    assert.equal(replaced(text, entry(entries, 'operator')), 'ope');
  });

  test('a quoted value is completed inside its quotes', () => {
    const { text, entries } = complete(`${podSpec}      nodeSelector: {kubernetes.io/os: "wi|"}\n`);
    assert.deepEqual(labels(entries), ['linux', 'windows']);
    assert.equal(replaced(text, entry(entries, 'windows')), 'wi');
    assert.equal(entry(entries, 'windows').insertText, 'windows');
  });

  // Places the line cannot be read with confidence: nothing, rather than something wrong.
  for (const [what, line] of [
    ['after the collection closed', '      nodeSelector: {kubernetes.io/os: linux}|'],
    ['in a comment after it', '      nodeSelector: {kubernetes.io/os: linux} # li|'],
    ['a collection as a key', '      nodeSelector: {{a: b}: |}'],
    ['mismatched brackets', '      tolerations: [{key: a]|'],
    ['a quoted key being typed', '      nodeSelector: {"kube|'],
    ['an object item of a flow sequence', '      tolerations: [|]'],
    ['a flow collection where the schema has a scalar', '      hostNetwork: {|}'],
  ] as const) {
    test(`no proposals ${what}`, () => {
      assert.deepEqual(labels(complete(`${podSpec}${line}\n`).entries), []);
    });
  }
});

describe('typed triggers in flow collections', () => {
  test('a space after `,` or `{` in a flow map opens its keys; a space elsewhere in a key does not', () => {
    assert.ok(labels(complete(`${podSpec}      tolerations: [{key: nvidia.com/gpu, |}]\n`, { trigger: ' ' }).entries).includes('operator'));
    assert.ok(labels(complete(`${podSpec}      securityContext: { |}\n`, { trigger: ' ' }).entries).includes('runAsUser'));
    assert.deepEqual(labels(complete(`${podSpec}      securityContext:\n        |\n`, { trigger: ' ' }).entries), []);
  });

  test('a space after `key:` in a flow map opens its values', () => {
    assert.deepEqual(labels(complete(`${podSpec}      tolerations: [{operator: |}]\n`, { trigger: ' ' }).entries), ['Exists', 'Equal', 'Lt', 'Gt']);
  });
});

describe('flow collections over several lines', () => {
  test('inside a flow list opened on a line above: the same proposals as in block style', () => {
    const multi = proposals('      tolerations: [\n        {key: nvidia.com/gpu, effect: |}\n      ]');
    assert.ok(multi.labels.length > 0);
    assert.deepEqual(multi, proposals('      tolerations:\n        - key: nvidia.com/gpu\n          effect: |'));
    const map = proposals('      nodeSelector: {\n        kubernetes.io/arch: amd64,\n        kubernetes.io/os: |\n      }');
    assert.deepEqual(map, proposals('      nodeSelector:\n        kubernetes.io/arch: amd64\n        kubernetes.io/os: |'));
  });

  test('below a flow collection closed on its own line or a later one, block reading goes on', () => {
    for (const above of ['      nodeSelector: {kubernetes.io/os: linux}', '      nodeSelector: {kubernetes.io/os: linux} # linux only', '      nodeSelector: {\n        kubernetes.io/os: linux\n      }', '      args: ["--a", "--b"]']) {
      assert.deepEqual(proposals(`${above}\n      dnsPolicy: |`), proposals('      dnsPolicy: |'), above);
      assert.deepEqual(proposals(`${above}\n      tolerations:\n        - operator: |`).labels, ['Exists', 'Equal', 'Lt', 'Gt'], above);
    }
  });

  test('inside one that cannot be read (a comment inside it): nothing', () => {
    assert.deepEqual(proposals('      tolerations: [ # gpu nodes\n        {key: |}\n      ]').labels, []);
  });
});
