import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCluster, parseClusterText } from '../../../server/src/engine';
import { dedent } from '../../helpers/text';

function problems(text: string, label = 'nodes.yaml'): string[] {
  const r = parseClusterText(text, label);
  return r.ok ? [] : r.problems;
}

test('a NodeList item without metadata.name is a problem naming the file and the item', () => {
  const text = dedent(`
    apiVersion: v1
    kind: NodeList
    items:
      - metadata: {name: a}
      - metadata: {name: b}
      - metadata: {labels: {x: "1"}}
  `);
  assert.deepEqual(problems(text), ['nodes.yaml: item 3 (kind Node) has no metadata.name']);
});

test('kubectl -o json output (a List) and multi-document YAML of single objects both load', () => {
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Node', metadata: { name: 'a' } }, { kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'a' } }] });
  const r = parseClusterText(json, 'cluster.json');
  assert.ok(r.ok);
  assert.deepEqual([r.objects.nodes.length, r.objects.pods.length], [1, 1]);
  const yaml = 'kind: Node\nmetadata: {name: a}\n---\nkind: Node\nmetadata: {name: b}\n---\nkind: Namespace\nmetadata: {name: team, annotations: {openshift.io/node-selector: "pool=x"}}\n';
  const m = parseClusterText(yaml, 'nodes.yaml');
  assert.ok(m.ok);
  assert.deepEqual(m.objects.nodes.map((n) => n.name), ['a', 'b']);
  assert.equal(m.objects.namespaces[0]!.annotations['openshift.io/node-selector'], 'pool=x');
});

test('wrong kinds, non-objects, bad YAML and empty files are problems, never exceptions', () => {
  assert.deepEqual(problems('kind: Service\nmetadata: {name: s}\n'), ['nodes.yaml: the document has kind Service; a cluster file holds Node, Pod, Namespace and RuntimeClass objects']);
  assert.deepEqual(problems('kind: List\nitems:\n  - metadata: {name: x}\n'), ['nodes.yaml: item 1 has no kind']);
  assert.deepEqual(problems('- a\n- b\n'), ['nodes.yaml: the document is not a Kubernetes object (expected a map with kind)']);
  assert.deepEqual(problems('kind: Node\nmetadata: {name: a}\n---\n42\n'), ['nodes.yaml: document 2 is not a Kubernetes object (expected a map with kind)']);
  assert.match(problems('kind: NodeList\nitems: [\n')[0]!, /^nodes\.yaml:3:1: .*[^:]$/, 'the position once, without the parser\'s "at line 3, column 1:"');
  assert.doesNotMatch(problems('kind: NodeList\nitems: [\n')[0]!, /at line/);
  assert.match(problems('')[0]!, /holds no objects/);
  assert.match(problems('# just a comment\n')[0]!, /holds no objects/);
  assert.match(problems('{"kind": "NodeList", "items": 3}')[0]!, /items must be a list/);
});

test('taints need a key and a known effect; allocatable must hold quantities', () => {
  assert.match(problems('kind: Node\nmetadata: {name: a}\nspec: {taints: [{key: k, effect: Sometimes}]}\n')[0]!, /Node a.*spec\.taints\[0\]/);
  assert.match(problems('kind: Node\nmetadata: {name: a}\nstatus: {allocatable: {cpu: lots}}\n')[0]!, /Node a\): status\.allocatable\.cpu: "lots" is not a valid cpu quantity/);
});

test('SetDefaults_NodeStatus: allocatable defaults to capacity; a node with neither has no resource checks', () => {
  const r = parseClusterText('kind: Node\nmetadata: {name: a}\nstatus: {capacity: {cpu: "2", memory: 1Gi, pods: "10"}}\n---\nkind: Node\nmetadata: {name: b}\n', 'n.yaml');
  assert.ok(r.ok);
  assert.deepEqual(r.objects.nodes[0]!.allocatable, { cpu: 2000, memory: 2 ** 30, ephemeralStorage: 0, scalars: null, pods: 10 });
  assert.equal(r.objects.nodes[1]!.allocatable, null);
});

test('labels: YAML scalars that are not strings (ssd: true) still count as label values', () => {
  const r = parseClusterText('kind: Node\nmetadata: {name: a, labels: {ssd: true, cores: 8}}\n', 'n.yaml');
  assert.ok(r.ok);
  assert.deepEqual({ ...r.objects.nodes[0]!.labels }, { ssd: 'true', cores: '8' });
});

test('loadCluster: nodes are sorted by name; duplicates and a file without nodes are problems', () => {
  const ok = loadCluster('c', { text: 'kind: Node\nmetadata: {name: b}\n---\nkind: Node\nmetadata: {name: a}\n', label: 'n.yaml' });
  assert.ok(ok.ok);
  assert.deepEqual(ok.cluster.nodes.map((n) => n.name), ['a', 'b']);
  const dup = loadCluster('c', { text: 'kind: Node\nmetadata: {name: a}\n---\nkind: Node\nmetadata: {name: a}\n', label: 'n.yaml' });
  assert.deepEqual(dup.ok ? [] : dup.problems, ['n.yaml: node a appears more than once']);
  const podsOnly = loadCluster('c', { text: 'kind: PodList\nitems: []\n', label: 'pods.yaml' });
  assert.match(podsOnly.ok ? '' : podsOnly.problems[0]!, /pods\.yaml: no Node objects found/);
  const emptyList = loadCluster('c', { text: 'kind: NodeList\nitems: []\n', label: 'n.yaml' });
  assert.ok(emptyList.ok);
  const badPods = loadCluster('c', { text: 'kind: Node\nmetadata: {name: a}\n', label: 'n.yaml' }, { text: 'kind: Deployment\nmetadata: {name: d}\n', label: 'pods.yaml' });
  assert.match(badPods.ok ? '' : badPods.problems[0]!, /^pods\.yaml: the document has kind Deployment/);
});

test('pods: invalid requests in a pods file are problems naming the pod and the field', () => {
  const r = parseClusterText('kind: Pod\nmetadata: {name: p, namespace: ns}\nspec:\n  nodeName: a\n  containers: [{name: c, resources: {requests: {memory: 1GB}}}]\n', 'pods.yaml');
  assert.deepEqual(r.ok ? [] : r.problems, ['pods.yaml: the document (Pod p): spec.containers[0].resources.requests.memory: "1GB" is not a valid memory quantity: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'']);
});

test('alias bombs and deep junk do not throw', () => {
  const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
  assert.equal(parseClusterText(bomb, 'bomb.yaml').ok, false);
  assert.equal(parseClusterText('\u0000\u0001\u0002garbage: [', 'junk.yaml').ok, false);
});
