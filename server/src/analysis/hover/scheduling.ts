/**
 * Hover on scheduling constraints, judged on the cluster with the engine's semantics: which nodes
 * a `nodeSelector` entry or a node affinity expression matches, and which nodes' taints a
 * toleration tolerates.
 */
import { formatRequirement, formatTaint, readRequiredAffinity, readTolerations, requirementMatches, toleratesTaint, type Cluster, type Taint } from '../../engine';
import type { PathSegment } from '../schemaTypes';
import { nodesPhrase } from '../completion/clusterFacts';

function matching(cluster: Cluster, test: (name: string, labels: Readonly<Record<string, string>>) => boolean): string[] {
  return cluster.nodes.filter((node) => test(node.name, node.labels)).map((node) => node.name);
}

function ofTotal(names: readonly string[], cluster: Cluster): string {
  return names.length === 0 ? `no node of ${cluster.nodes.length}` : `${names.length} of ${cluster.nodes.length} nodes: ${nodesPhrase(names, 10).replace(/^\d+ nodes?: /, '')}`;
}

/** `key=value` of a nodeSelector matches: labels.SelectorFromSet (exact value; the key must exist). */
export function selectorEntryHover(key: string, value: unknown, cluster: Cluster, clusterLabel: string): string {
  const wanted = value === null || value === undefined ? '' : String(value);
  const names = matching(cluster, (_name, labels) => Object.prototype.hasOwnProperty.call(labels, key) && labels[key] === wanted);
  return `\`${key}=${wanted}\` matches ${ofTotal(names, cluster)} (${clusterLabel})`;
}

/** All entries of a nodeSelector together (ANDed). */
export function selectorHover(selector: Record<string, unknown>, cluster: Cluster, clusterLabel: string): string {
  const entries = Object.entries(selector).map(([key, value]) => [key, value === null || value === undefined ? '' : String(value)] as const);
  const names = matching(cluster, (_name, labels) => entries.every(([key, value]) => Object.prototype.hasOwnProperty.call(labels, key) && labels[key] === value));
  return `This nodeSelector matches ${ofTotal(names, cluster)} (${clusterLabel})`;
}

/**
 * One `matchExpressions`/`matchFields` entry of node affinity (component-helpers nodeaffinity
 * semantics via the engine). `field` for matchFields. A requirement the API would reject says why.
 */
export function expressionHover(expression: unknown, field: boolean, path: readonly PathSegment[], cluster: Cluster, clusterLabel: string): string {
  const term = field ? { matchFields: [expression] } : { matchExpressions: [expression] };
  const affinity = readRequiredAffinity({ nodeSelectorTerms: [term] }, [...path]);
  const parsed = affinity?.terms[0];
  if (!parsed) return '';
  if (parsed.errors.length > 0) return `This expression matches no node: ${parsed.errors[0]!.message}`;
  const requirement = parsed.requirements[0]!;
  const names = cluster.nodes.filter((node) => requirementMatches(requirement, node)).map((node) => node.name);
  return `\`${formatRequirement(requirement)}\` matches ${ofTotal(names, cluster)} (${clusterLabel})`;
}

/** Which nodes' taints one toleration tolerates (`ToleratesTaint`); PreferNoSchedule noted as never blocking. */
export function tolerationHover(toleration: unknown, cluster: Cluster, clusterLabel: string): string {
  const parsed = readTolerations([toleration])[0];
  if (!parsed) return '';
  const rows: string[] = [];
  const tolerated = new Map<string, Taint[]>();
  for (const node of cluster.nodes) {
    const taints = node.taints.filter((taint) => toleratesTaint(parsed, taint));
    if (taints.length > 0) tolerated.set(node.name, taints);
  }
  if (tolerated.size === 0) {
    return `This toleration tolerates none of the taints in ${clusterLabel}`;
  }
  for (const [name, taints] of [...tolerated].slice(0, 12)) rows.push(`- \`${name}\`: ${taints.map((taint) => `\`${formatTaint(taint)}\``).join(', ')}`);
  if (tolerated.size > 12) rows.push(`- … and ${tolerated.size - 12} more nodes`);
  const soft = [...tolerated.values()].flat().every((taint) => taint.effect === 'PreferNoSchedule');
  const note = soft ? '\n\nOnly PreferNoSchedule taints: they never keep a DaemonSet pod away.' : '';
  return `This toleration tolerates taints on ${tolerated.size} of ${cluster.nodes.length} nodes (${clusterLabel}):\n\n${rows.join('\n')}${note}`;
}
