import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { yamlScalar } from '../../../../server/src/analysis/completion/clusterValues';
import { clusterContext, inlineCluster } from '../../../helpers/cluster';
import { complete, entry, head, labels, replaced, sorted } from './helpers';

const podSpec = `${head}spec:\n  template:\n    spec:\n`;
const expressions = `${podSpec}      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
`;

// Two nodes with labels and taints (clusters as kubectl prints them, reduced).
const small = clusterContext(
  inlineCluster(`apiVersion: v1
kind: NodeList
items:
  - metadata: {name: a-node, labels: {disk: ssd, zone: z1, rack: "1"}}
    spec:
      taints: [{key: dedicated, value: gpu, effect: NoSchedule}, {key: dedicated, value: gpu, effect: NoExecute}]
  - metadata: {name: b-node, labels: {disk: hdd, zone: z1, flag: "true"}}
    spec:
      unschedulable: true
`),
  'cluster file nodes.yaml',
);

describe('completion from the cluster', () => {
  test('nodeSelector keys are label pairs with their node counts ("ssd=true — 1 node"), quoted when needed', () => {
    const { entries } = complete(`${podSpec}      nodeSelector:\n        |\n`);
    const ssd = entry(entries, 'ssd=true');
    assert.equal(ssd.detail, '1 node: worker-b-1');
    assert.equal(ssd.insertText, 'ssd: "true"');
    assert.equal(entry(entries, 'kubernetes.io/os=linux').detail?.startsWith('9 nodes:'), true);
    assert.equal(entry(entries, 'node-role.kubernetes.io/control-plane=').insertText, 'node-role.kubernetes.io/control-plane: ""');
  });

  test('nodeSelector keys already written are not proposed again; values of a key come with counts', () => {
    const { entries } = complete(`${podSpec}      nodeSelector:\n        disk: ssd\n        |\n`, { cluster: small });
    assert.deepEqual(labels(entries), ['flag=true', 'rack=1', 'zone=z1']);
    assert.equal(entry(entries, 'rack=1').insertText, 'rack: "1"');
    const values = complete(`${podSpec}      nodeSelector:\n        disk: |\n`, { cluster: small }).entries;
    assert.deepEqual(values.map((e) => [e.label, e.detail]), [['hdd', '1 node: b-node'], ['ssd', '1 node: a-node']]);
  });

  test('matchExpressions: label keys with node counts, then the values of the chosen key', () => {
    const keys = complete(`${expressions}                  - key: |\n`, { cluster: small }).entries;
    assert.deepEqual(labels(keys), ['disk', 'flag', 'rack', 'zone']);
    assert.equal(entry(keys, 'zone').detail, 'on 2 nodes');
    assert.match(entry(keys, 'disk').documentation ?? '', /`hdd` — 1 node: b-node/);
    const values = complete(`${expressions}                  - key: disk\n                    operator: In\n                    values:\n                      - |\n`, { cluster: small }).entries;
    assert.deepEqual(labels(values), ['hdd', 'ssd']);
    const flow = complete(`${expressions}                  - key: flag\n                    operator: In\n                    values: [|]\n`, { cluster: small });
    assert.equal(entry(flow.entries, 'true').insertText, '"true"', 'a bare true would be a boolean');
    assert.equal(replaced(flow.text, flow.entries[0]!), '');
  });

  test('matchFields: metadata.name, then node names', () => {
    const fields = `${podSpec}      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchFields:\n`;
    assert.deepEqual(labels(complete(`${fields}                  - key: |\n`, { cluster: small }).entries), ['metadata.name']);
    assert.deepEqual(labels(complete(`${fields}                  - key: metadata.name\n                    operator: In\n                    values:\n                      - |\n`, { cluster: small }).entries), ['a-node', 'b-node']);
  });

  test('nodeName: node names with zone, arch and OS', () => {
    const { entries } = complete(`${podSpec}      nodeName: |\n`);
    assert.equal(entries.length, 10);
    assert.equal(entry(entries, 'arm-1').detail, 'eu-west-1c · arm64 · linux');
  });

  test('tolerations: taint keys with their nodes (automatic ones last), values and effects of the written key', () => {
    const keys = complete(`${podSpec}      tolerations:\n        - key: |\n`, { cluster: small }).entries;
    assert.deepEqual(keys.map((e) => [e.label, e.detail, e.sortText]), [
      ['dedicated', '1 node: a-node', '0_dedicated'],
      ['node.kubernetes.io/unschedulable', '1 node: b-node · tolerated automatically', '1_node.kubernetes.io/unschedulable'],
    ]);
    const values = complete(`${podSpec}      tolerations:\n        - key: dedicated\n          value: |\n`, { cluster: small }).entries;
    assert.deepEqual(labels(values), ['gpu']);
    const effects = complete(`${podSpec}      tolerations:\n        - key: dedicated\n          operator: Exists\n          effect: |\n`, { cluster: small }).entries;
    assert.deepEqual(effects.map((e) => [e.label, e.detail]), [
      ['NoSchedule', 'dedicated: 1 node: a-node'],
      ['NoExecute', 'dedicated: 1 node: a-node'],
      ['PreferNoSchedule', undefined],
    ]);
    assert.deepEqual(sorted(effects), ['NoExecute', 'NoSchedule', 'PreferNoSchedule'], 'the effects the key carries first');
  });

  test('topologyKey: node label keys', () => {
    const { entries } = complete(`${podSpec}      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: |\n`, { cluster: small });
    assert.deepEqual(labels(entries), ['disk', 'flag', 'rack', 'zone']);
  });

  test('requests and limits: standard resource names, plus extended resources the nodes offer', () => {
    const { entries } = complete(`${podSpec}      containers:\n        - name: a\n          resources:\n            requests:\n              cpu: 10m\n              |\n`);
    assert.deepEqual(labels(entries), ['memory', 'ephemeral-storage', 'hugepages-2Mi', 'hugepages-1Gi', 'nvidia.com/gpu']);
    assert.equal(entry(entries, 'nvidia.com/gpu').detail, 'extended resource on 1 node: gpu-1');
  });

  test('without a cluster: no labels, taints or nodes', () => {
    assert.deepEqual(complete(`${podSpec}      nodeSelector:\n        |\n`, { cluster: undefined }).entries, []);
    assert.deepEqual(complete(`${podSpec}      nodeName: |\n`, { cluster: undefined }).entries, []);
  });

  test('values typed inside quotes are inserted bare', () => {
    const { entries } = complete(`${podSpec}      nodeSelector:\n        flag: "|"\n`, { cluster: small });
    assert.equal(entry(entries, 'true').insertText, 'true');
  });
});

test('yamlScalar quotes what YAML 1.1 would read as another type', () => {
  assert.deepEqual(['true', 'yes', 'on', '1', '0755', '', 'null', 'ssd', 'eu-west-1a', '1.5'].map(yamlScalar), ['"true"', '"yes"', '"on"', '"1"', '"0755"', '""', '"null"', 'ssd', 'eu-west-1a', '"1.5"']);
});
