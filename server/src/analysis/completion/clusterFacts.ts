/**
 * What a cluster offers to complete and explain: node labels (key → value → nodes), taints
 * (key → values and effects → nodes), node names and extended resources. Computed on demand from
 * the `Cluster` value (nodes are sorted by name, so every node list here is too).
 */
import type { Cluster, Taint } from '../../engine';

/** Node names by label value, per label key; keys and values in sorted order. */
export type LabelIndex = Map<string, Map<string, string[]>>;

/** One taint key: the nodes carrying it, by value and by effect. */
export interface TaintFacts {
  key: string;
  nodes: string[];
  values: Map<string, string[]>;
  effects: Map<string, string[]>;
  /** True when DaemonSet pods tolerate it anyway (the controller's automatic tolerations). */
  automatic: boolean;
}

/** Every label of every node. */
export function labelIndex(cluster: Cluster): LabelIndex {
  const index: LabelIndex = new Map();
  for (const node of cluster.nodes) {
    for (const [key, value] of Object.entries(node.labels)) {
      let values = index.get(key);
      if (!values) index.set(key, (values = new Map()));
      const nodes = values.get(value);
      if (nodes) nodes.push(node.name);
      else values.set(value, [node.name]);
    }
  }
  return sortMap(index, (values) => sortMap(values, (nodes) => nodes));
}

function sortMap<K extends string, V, W>(map: Map<K, V>, inner: (value: V) => W): Map<K, W> {
  return new Map([...map.keys()].sort().map((key) => [key, inner(map.get(key)!)]));
}

// pkg/controller/daemon/util/daemonset_util.go AddOrUpdateDaemonPodTolerations (mirrored by
// engine/taints.ts daemonPodTolerations; network-unavailable only with hostNetwork, so not listed).
const automaticTaints = new Set([
  'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable',
  'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/memory-pressure',
  'node.kubernetes.io/pid-pressure',
  'node.kubernetes.io/unschedulable',
]);

/** Every taint of every node (the engine's, including those implied by node state), by key. */
export function taintIndex(cluster: Cluster): Map<string, TaintFacts> {
  const index = new Map<string, TaintFacts>();
  const add = (map: Map<string, string[]>, key: string, node: string): void => {
    const nodes = map.get(key);
    if (!nodes) map.set(key, [node]);
    else if (nodes[nodes.length - 1] !== node) nodes.push(node);
  };
  for (const node of cluster.nodes) {
    for (const taint of node.taints as readonly Taint[]) {
      let facts = index.get(taint.key);
      if (!facts) index.set(taint.key, (facts = { key: taint.key, nodes: [], values: new Map(), effects: new Map(), automatic: automaticTaints.has(taint.key) }));
      if (facts.nodes[facts.nodes.length - 1] !== node.name) facts.nodes.push(node.name);
      add(facts.values, taint.value, node.name);
      add(facts.effects, taint.effect, node.name);
    }
  }
  return new Map([...index.keys()].sort().map((key) => [key, index.get(key)!]));
}

/** Extended resources (`nvidia.com/gpu`) nodes offer, with the nodes that have some. */
export function extendedResources(cluster: Cluster): Map<string, string[]> {
  const resources = new Map<string, string[]>();
  for (const node of cluster.nodes) {
    for (const [name, amount] of Object.entries(node.allocatable?.scalars ?? {})) {
      if (amount <= 0) continue;
      const nodes = resources.get(name);
      if (nodes) nodes.push(node.name);
      else resources.set(name, [node.name]);
    }
  }
  return new Map([...resources.keys()].sort().map((key) => [key, resources.get(key)!]));
}

/** "1 node", "3 nodes". */
export function countNodes(count: number): string {
  return `${count} node${count === 1 ? '' : 's'}`;
}

/** "a, b and c"; past `max` names, "a, b, c and 4 more". */
export function listNames(names: readonly string[], max = 5): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** "1 node: gpu-1", "3 nodes: a, b and c". */
export function nodesPhrase(names: readonly string[], max = 5): string {
  return names.length === 0 ? 'no node' : `${countNodes(names.length)}: ${listNames(names, max)}`;
}
