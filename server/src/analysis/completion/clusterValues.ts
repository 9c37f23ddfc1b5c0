/**
 * Completion from the cluster: node labels under `nodeSelector` and in node affinity
 * `matchExpressions` (with how many nodes carry each: "ssd=true — 1 node"), taint keys, values and
 * effects in `tolerations` (with the nodes that carry them), node names in `matchFields` and
 * `nodeName`, label keys for `topologyKey`, and resource names under `requests`/`limits`.
 */
import { stringify } from 'yaml';
import type { Cluster } from '../../engine';
import { schemaAt } from '../schema';
import type { PathSegment } from '../schemaTypes';
import { countNodes, extendedResources, labelIndex, listNames, nodesPhrase, taintIndex } from './clusterFacts';
import { holderSiblings, type CursorContext } from './context';
import { escapeSnippet } from './snippets';
import type { CompletionEntry } from './types';
import { lastKey, valueInsert } from './values';

/** What a place in a DaemonSet takes from the cluster. */
export type ClusterRole =
  | 'selectorLabel'
  | 'selectorValue'
  | 'expressionKey'
  | 'expressionValue'
  | 'fieldKey'
  | 'fieldValue'
  | 'taintKey'
  | 'taintValue'
  | 'taintEffect'
  | 'nodeName'
  | 'topologyKey'
  | 'resourceName';

const definitionAt = (path: readonly PathSegment[]): string | undefined => schemaAt(path)?.definition;
const podSpec = 'io.k8s.api.core.v1.PodSpec';

/** The role of the value at `path`, or of the keys of the mapping at `path` (`keys`). */
export function clusterRole(path: readonly PathSegment[], keys: boolean): ClusterRole | undefined {
  const key = path[path.length - 1];
  if (keys) {
    if (key === 'nodeSelector' && definitionAt(path.slice(0, -1)) === podSpec) return 'selectorLabel';
    if ((key === 'requests' || key === 'limits') && definitionAt(path.slice(0, -1)) === 'io.k8s.api.core.v1.ResourceRequirements') return 'resourceName';
    return undefined;
  }
  if (typeof key === 'string' && path[path.length - 2] === 'nodeSelector' && definitionAt(path.slice(0, -2)) === podSpec) return 'selectorValue';
  const item = typeof key === 'number';
  const field = item ? lastKey(path) : key;
  const container = definitionAt(item ? path.slice(0, -2) : path.slice(0, -1));
  if (container === 'io.k8s.api.core.v1.NodeSelectorRequirement') {
    const fields = path.includes('matchFields');
    if (field === 'key' && !item) return fields ? 'fieldKey' : 'expressionKey';
    if (field === 'values' && item) return fields ? 'fieldValue' : 'expressionValue';
  }
  if (container === 'io.k8s.api.core.v1.Toleration' && !item) {
    if (field === 'key') return 'taintKey';
    if (field === 'value') return 'taintValue';
    if (field === 'effect') return 'taintEffect';
  }
  if (field === 'nodeName' && container === podSpec && !item) return 'nodeName';
  if (field === 'topologyKey' && !item) return 'topologyKey';
  return undefined;
}

/** A value as YAML writes it: quoted when it would not read back as that string (`"true"`, `"1"`, `""`). */
export function yamlScalar(value: string): string {
  return stringify(value, { version: '1.1' }).trimEnd();
}

function quoteUnlessTyped(ctx: CursorContext, value: string): string {
  return ctx.quoted ? value : yamlScalar(value);
}

/** Proposals from the cluster for the value at `path`. */
export function clusterValueEntries(ctx: CursorContext, path: readonly PathSegment[], cluster: Cluster): CompletionEntry[] {
  const role = clusterRole(path, false);
  if (role === undefined) return [];
  const value = (label: string, kind: CompletionEntry['kind'], detail: string, documentation?: string, sortText?: string): CompletionEntry => ({
    label,
    kind,
    detail,
    ...(documentation ? { documentation } : {}),
    insertText: valueInsert(ctx, quoteUnlessTyped(ctx, label)),
    snippet: false,
    replace: ctx.replace,
    ...(sortText ? { sortText } : {}),
  });
  switch (role) {
    case 'selectorValue':
    case 'expressionValue': {
      const key = role === 'selectorValue' ? (path[path.length - 1] as string) : holderSiblings(ctx).get('key');
      const values = key === undefined ? undefined : labelIndex(cluster).get(key);
      return [...(values ?? [])].map(([label, nodes]) => value(label, 'label', nodesPhrase(nodes), `Nodes with \`${key}=${label}\`: ${listNames(nodes, 20)}`));
    }
    case 'expressionKey':
    case 'topologyKey':
      return [...labelIndex(cluster)].map(([key, values]) => {
        const nodes = [...values.values()].flat();
        return value(key, 'label', `on ${countNodes(nodes.length)}`, labelValuesDoc(key, values));
      });
    case 'fieldKey':
      return [value('metadata.name', 'value', 'the node name (the only field matchFields supports)')];
    case 'fieldValue':
    case 'nodeName':
      return cluster.nodes.map((node) => value(node.name, 'node', nodeSummary(node.labels), undefined));
    case 'taintKey':
      return [...taintIndex(cluster).values()].map((facts) =>
        value(facts.key, 'taint', facts.automatic ? `${nodesPhrase(facts.nodes)} · tolerated automatically` : nodesPhrase(facts.nodes), taintDoc(facts.key, facts.effects, facts.automatic), `${facts.automatic ? 1 : 0}_${facts.key}`),
      );
    case 'taintValue': {
      const facts = taintIndex(cluster).get(ctx.siblings.get('key') ?? '');
      return [...(facts?.values ?? [])].filter(([v]) => v !== '').map(([v, nodes]) => value(v, 'taint', nodesPhrase(nodes)));
    }
    case 'taintEffect': {
      const facts = taintIndex(cluster).get(ctx.siblings.get('key') ?? '');
      return [...(facts?.effects ?? [])].map(([effect, nodes]) => value(effect, 'enum', `${ctx.siblings.get('key')}: ${nodesPhrase(nodes)}`, undefined, `00_${effect}`));
    }
    default:
      return [];
  }
}

function labelValuesDoc(key: string, values: Map<string, string[]>): string {
  const rows = [...values].slice(0, 12).map(([v, nodes]) => `- \`${v === '' ? '""' : v}\` — ${nodesPhrase(nodes, 4)}`);
  if (values.size > 12) rows.push(`- … and ${values.size - 12} more values`);
  return `Node label \`${key}\`:\n\n${rows.join('\n')}`;
}

function taintDoc(key: string, effects: Map<string, string[]>, automatic: boolean): string {
  const rows = [...effects].map(([effect, nodes]) => `- \`${effect}\` on ${nodesPhrase(nodes, 6)}`);
  const note = automatic ? '\n\nThe DaemonSet controller tolerates this taint on every daemon pod already (`AddOrUpdateDaemonPodTolerations`).' : '';
  return `Taint \`${key}\`:\n\n${rows.join('\n')}${note}`;
}

function nodeSummary(labels: Readonly<Record<string, string>>): string {
  const parts = [labels['topology.kubernetes.io/zone'], labels['kubernetes.io/arch'], labels['kubernetes.io/os']].filter((part): part is string => !!part);
  return parts.join(' · ');
}

// Resource names the scheduler knows for every node (pkg/apis/core/v1/helper IsStandardResourceName
// plus hugepages); extended resources come from the cluster's allocatable.
const standardResources: [string, string][] = [
  ['cpu', 'CPU, in cores or millicores (`500m`)'],
  ['memory', 'Memory, in bytes (`128Mi`, `1Gi`)'],
  ['ephemeral-storage', 'Local ephemeral storage, in bytes (`1Gi`)'],
  ['hugepages-2Mi', 'Huge pages of 2 MiB (requests must equal limits)'],
  ['hugepages-1Gi', 'Huge pages of 1 GiB (requests must equal limits)'],
];

/** Proposals from the cluster (or the standard lists) for the keys of the mapping at `path`. */
export function clusterKeyEntries(ctx: CursorContext, path: readonly PathSegment[], cluster: Cluster | undefined): CompletionEntry[] {
  const role = clusterRole(path, true);
  if (role === 'resourceName') {
    const entries: CompletionEntry[] = standardResources
      .filter(([name]) => !ctx.siblings.has(name))
      .map(([name, doc]) => ({ label: name, kind: 'resource', detail: 'resource', documentation: doc, insertText: ctx.hasColon ? name : `${name}: $0`, snippet: !ctx.hasColon, replace: ctx.replace, sortText: `0_${name}` }));
    for (const [name, nodes] of cluster ? extendedResources(cluster) : []) {
      if (ctx.siblings.has(name)) continue;
      entries.push({ label: name, kind: 'resource', detail: `extended resource on ${nodesPhrase(nodes)}`, insertText: ctx.hasColon ? name : `${escapeSnippet(name)}: \${1:1}`, snippet: !ctx.hasColon, replace: ctx.replace, sortText: `1_${name}` });
    }
    return entries;
  }
  if (role !== 'selectorLabel' || !cluster) return [];
  const entries: CompletionEntry[] = [];
  for (const [key, values] of labelIndex(cluster)) {
    if (ctx.siblings.has(key)) continue;
    const all = [...values.values()].flat();
    if (values.size > 20 || ctx.hasColon) {
      entries.push({ label: key, kind: 'label', detail: `on ${countNodes(all.length)}`, documentation: labelValuesDoc(key, values), insertText: ctx.hasColon ? key : `${escapeSnippet(key)}: $0`, snippet: !ctx.hasColon, replace: ctx.replace, retrigger: !ctx.hasColon });
      continue;
    }
    for (const [v, nodes] of values) {
      entries.push({
        label: `${key}=${v}`,
        kind: 'label',
        detail: nodesPhrase(nodes, 3),
        documentation: `Nodes with \`${key}=${v}\`: ${listNames(nodes, 20)}`,
        insertText: `${escapeSnippet(key)}: ${escapeSnippet(yamlScalar(v))}`,
        snippet: true,
        replace: ctx.replace,
      });
    }
  }
  return entries;
}

/** Whether the value at `path` (or the keys at `path`) has cluster proposals. */
export function hasClusterValues(path: readonly PathSegment[], keys = false): boolean {
  return clusterRole(path, keys) !== undefined;
}
