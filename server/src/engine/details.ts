/**
 * The `detail` sentence of a node placement: what stops the pod and what to do about it. Built
 * only when read (placement results compute it lazily), by re-running the failing check.
 */
import { affinityMatches, failingRequirement, failingSelectorEntry, formatRequirement } from './nodeAffinity';
import type { PlacementOutcome, PodContext } from './placement';
import { freeResources, portConflict, untoleratedTaint } from './placement';
import { formatBytes, formatMilliCpu } from './quantity';
import { formatTaint } from './taints';
import type { ClusterNode, Resources } from './types';

/** Formats an amount of a resource in its scheduler unit: `250m` cpu, `512Mi` memory, `1` GPU. */
export function formatAmount(resource: string, amount: number): string {
  if (resource === 'cpu') return formatMilliCpu(amount);
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) return formatBytes(amount);
  return String(amount);
}

function amountOf(resources: Resources, resource: string): number {
  if (resource === 'cpu') return resources.cpu;
  if (resource === 'memory') return resources.memory;
  if (resource === 'ephemeral-storage') return resources.ephemeralStorage;
  return resources.scalars?.[resource] ?? 0;
}

function labelState(node: ClusterNode, key: string): string {
  return Object.prototype.hasOwnProperty.call(node.labels, key) ? `${key}=${node.labels[key]}` : `no label ${key}`;
}

/** The detail sentence for node `index` with the given outcome. */
export function explainPlacement(ctx: PodContext, index: number, outcome: PlacementOutcome): string {
  const node = ctx.cluster.nodes[index]!;
  const ds = ctx.ds;
  switch (outcome.reason) {
    case null:
      return explainRuns(ctx, node);
    case 'nodeName':
      return `spec.template.spec.nodeName is ${ds.nodeName}, so the controller creates a pod on that node only`;
    case 'nodeSelector': {
      if (outcome.placement === 'pending') {
        if (ctx.rejection) return ctx.rejection.message;
        const entry = failingSelectorEntry(ctx.runtimeClassSelector, node)!;
        return `RuntimeClass ${ds.runtimeClassName} adds nodeSelector ${entry[0]}=${entry[1]} and the node has ${labelState(node, entry[0])}: the pod is created but stays Pending`;
      }
      const entry = failingSelectorEntry(ds.nodeSelector, node)!;
      return `nodeSelector ${entry[0]}=${entry[1]} does not match: the node has ${labelState(node, entry[0])}`;
    }
    case 'nodeAffinity':
      return explainAffinity(ctx, node);
    case 'taint': {
      const taint = untoleratedTaint(ctx, node)!;
      let note = taint.origin === 'condition' ? ' (implied by the node\'s conditions)' : '';
      if (taint.key === 'node.kubernetes.io/network-unavailable') note += '; the controller tolerates it only for hostNetwork pods';
      if (taint.key === 'node.kubernetes.io/not-ready' || taint.key === 'node.kubernetes.io/unreachable') {
        note += `; the controller tolerates ${taint.key} only with effect NoExecute`;
      }
      return `taint ${formatTaint(taint)} is not tolerated${note}; add a toleration if the pod belongs there`;
    }
    case 'hostPort': {
      const conflict = portConflict(ctx, index)!;
      const ip = conflict.wanted.hostIP === '0.0.0.0' ? '' : ` on ${conflict.wanted.hostIP}`;
      return `host port ${conflict.wanted.port}/${conflict.wanted.protocol}${ip} is already taken by pod ${conflict.pod}, so the pod stays Pending; free the port or change hostPort`;
    }
    case 'resources':
      return explainResources(ctx, index);
    case 'podCount': {
      const allocatable = node.allocatable!;
      return `all ${allocatable.pods} pod slots are taken (status.allocatable.pods is ${allocatable.pods}), so the pod stays Pending`;
    }
    case 'namespaceNodeSelector': {
      if (ctx.rejection) return ctx.rejection.message;
      const selector = ctx.namespaceSelector!;
      const entry = failingSelectorEntry(selector.entries, node)!;
      return `namespace ${ds.namespace}'s default node selector (${selector.sources.join(', ')}) requires ${entry[0]}=${entry[1]} and the node has ${labelState(node, entry[0])}: the controller creates the pod, which stays Pending`;
    }
  }
}

function explainRuns(ctx: PodContext, node: ClusterNode): string {
  const notes: string[] = [];
  if (node.unschedulable) notes.push('cordoned, but daemon pods tolerate node.kubernetes.io/unschedulable');
  for (const taint of node.taints) {
    if (taint.effect === 'PreferNoSchedule' || taint.key === 'node.kubernetes.io/unschedulable') continue;
    const toleration = ctx.ds.tolerations.find((t) => t.auto && t.key === taint.key && t.effect === taint.effect);
    if (toleration) notes.push(`tainted ${formatTaint(taint)}, which the controller tolerates for every daemon pod`);
  }
  return notes.join('; ');
}

function explainAffinity(ctx: PodContext, node: ClusterNode): string {
  const affinity = ctx.ds.affinity!;
  if (affinity.terms.length === 0) {
    return affinity.written === 0
      ? 'requiredDuringSchedulingIgnoredDuringExecution has no nodeSelectorTerms, so it matches no node'
      : 'every nodeSelectorTerm is empty, and an empty term matches no node';
  }
  if (affinityMatches(affinity, node)) return '';
  const reasons = affinity.terms.map((term) => {
    if (term.errors.length > 0) return `term ${term.index + 1} is invalid (${term.errors[0]!.message})`;
    const r = failingRequirement(term, node)!;
    const actual = r.field ? `the node is ${node.name}` : `the node has ${labelState(node, r.key)}`;
    return `${affinity.terms.length > 1 ? `term ${term.index + 1}: ` : ''}${formatRequirement(r)} does not hold (${actual})`;
  });
  return `required node affinity does not match: ${reasons.join('; ')}`;
}

function explainResources(ctx: PodContext, index: number): string {
  const node = ctx.cluster.nodes[index]!;
  const free = freeResources(ctx, index);
  const r = ctx.requests;
  const short: string[] = [];
  const names = ['cpu', 'memory', 'ephemeral-storage', ...Object.keys(r.scalars ?? {}).sort()];
  for (const name of names) {
    const want = amountOf(r, name);
    const available = amountOf(free, name);
    if (want > 0 && want > available) {
      const allocatable = amountOf(node.allocatable!, name);
      short.push(`requests ${formatAmount(name, want)} ${name}; ${formatAmount(name, Math.max(available, 0))} of ${formatAmount(name, allocatable)} allocatable is free`);
    }
  }
  return `${short.join('; ')}, so the pod stays Pending; lower the request or free room on the node`;
}
