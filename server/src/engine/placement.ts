/**
 * Where the DaemonSet controller creates a daemon pod, and where the created pod cannot run.
 * Skipped (no pod): pkg/controller/daemon/daemon_controller.go `NodeShouldRunDaemonPod` and
 * `predicates` — nodeName, nodeSelector, required node affinity, untolerated NoSchedule/NoExecute
 * taints. Pending (created, unschedulable): the scheduler's NodePorts and NodeResourcesFit
 * filters (pkg/scheduler/framework/plugins/nodeports `fitsPorts`, noderesources/fit.go
 * `fitsRequest`) and the node selectors admission merges in (PodNodeSelector, RuntimeClass).
 */
import type { PlacementReason } from '../protocol';
import { addResources } from './cluster';
import { affinityMatches, failingSelectorEntry } from './nodeAffinity';
import { namespaceSelector, selectorConflict } from './namespaceSelector';
import type { NamespaceSelector } from './namespaceSelector';
import { podRequests, portsConflict, requestsNothing, toResources } from './podSpec';
import { blocksDaemonPod, tolerated } from './taints';
import type { DaemonSetModel } from './daemonSet';
import type { Allocatable, Cluster, ClusterNode, HostPort, Resources, Taint } from './types';

/** Per-node adjustment: what the simulated DaemonSet's own existing pods use (left out of the simulation). */
interface OwnUsage {
  requested: Resources;
  pods: number;
  names: Set<string>;
}

/** Everything about one DaemonSet that placement and details need, computed once per cluster. */
export interface PodContext {
  ds: DaemonSetModel;
  cluster: Cluster;
  /** Effective requests in scheduler units, RuntimeClass overhead included. */
  requests: Resources;
  requestsNothing: boolean;
  namespaceSelector: NamespaceSelector | null;
  /** Why admission rejects every pod of this DaemonSet, with the reason to report; null when it does not. */
  rejection: { reason: 'namespaceNodeSelector' | 'nodeSelector'; message: string } | null;
  /** A RuntimeClass `scheduling.nodeSelector` admission merges in. */
  runtimeClassSelector: [string, string][];
  runtimeClassMissing: boolean;
  own: Map<number, OwnUsage>;
  taintCache: Map<Taint, boolean>;
}

/** Builds the per-DaemonSet context: RuntimeClass overhead and selector, namespace selector, own pods. */
export function createPodContext(ds: DaemonSetModel, cluster: Cluster): PodContext {
  const runtimeClass = ds.runtimeClassName ? cluster.runtimeClasses.get(ds.runtimeClassName) : undefined;
  const requestList = runtimeClass?.overhead ? podRequests(ds.podSpec, [], () => {}, runtimeClass.overhead) : ds.requests;
  const requests = toResources(requestList);
  const nsSelector = namespaceSelector(cluster.namespaces.get(ds.namespace));
  const runtimeClassSelector = runtimeClass ? Object.entries(runtimeClass.nodeSelector) : [];
  let rejection: PodContext['rejection'] = null;
  if (nsSelector?.invalid) {
    rejection = { reason: 'namespaceNodeSelector', message: `namespace ${ds.namespace}'s node selector is unusable (${nsSelector.invalid}), so the API server rejects every pod` };
  } else if (nsSelector) {
    const key = selectorConflict(nsSelector, ds.nodeSelector);
    if (key !== null) {
      const own = ds.nodeSelector.find(([k]) => k === key)![1];
      const theirs = nsSelector.entries.find(([k]) => k === key)![1];
      rejection = {
        reason: 'namespaceNodeSelector',
        message: `the API server rejects the pod: its nodeSelector ${key}=${own} conflicts with namespace ${ds.namespace}'s node selector ${key}=${theirs} (${nsSelector.sources.join(', ')})`,
      };
    }
  }
  if (!rejection && runtimeClass) {
    const conflict = runtimeClassSelector.find(([k, v]) => ds.nodeSelector.some(([k2, v2]) => k2 === k && v2 !== v));
    if (conflict) {
      rejection = {
        reason: 'nodeSelector',
        message: `the API server rejects the pod: its nodeSelector conflicts with RuntimeClass ${runtimeClass.name}'s ${conflict[0]}=${conflict[1]}`,
      };
    }
  }
  const own = new Map<number, OwnUsage>();
  for (const pod of cluster.daemonSetPods.get(`${ds.namespace}/${ds.name}`) ?? []) {
    const index = cluster.nodeIndex.get(pod.nodeName)!;
    let usage = own.get(index);
    if (!usage) own.set(index, (usage = { requested: { cpu: 0, memory: 0, ephemeralStorage: 0, scalars: null }, pods: 0, names: new Set() }));
    addResources(usage.requested, pod.requests);
    usage.pods++;
    usage.names.add(`${pod.namespace}/${pod.name}`);
  }
  return {
    ds,
    cluster,
    requests,
    requestsNothing: requestsNothing(requests),
    namespaceSelector: nsSelector && !nsSelector.invalid ? nsSelector : null,
    rejection,
    runtimeClassSelector,
    runtimeClassMissing: ds.runtimeClassName !== '' && !runtimeClass && cluster.runtimeClasses.size > 0,
    own,
    taintCache: new Map(),
  };
}

/** The placement of one node: `skipped`, `pending` or `runs`, and the reason (null for runs). */
export interface PlacementOutcome {
  placement: 'runs' | 'pending' | 'skipped';
  reason: PlacementReason | null;
  /** Index in `placementOutcomes`, for compact storage. */
  code: number;
}

/** Every distinct outcome; `placeOnNode` returns one of these shared objects. */
export const placementOutcomes: readonly PlacementOutcome[] = [
  ['runs', null],
  ['skipped', 'nodeName'],
  ['skipped', 'nodeSelector'],
  ['skipped', 'nodeAffinity'],
  ['skipped', 'taint'],
  ['pending', 'hostPort'],
  ['pending', 'resources'],
  ['pending', 'podCount'],
  ['pending', 'nodeSelector'],
  ['pending', 'namespaceNodeSelector'],
].map(([placement, reason], code) => ({ placement, reason, code }) as PlacementOutcome);

const [runs, ...rest] = placementOutcomes as [PlacementOutcome, ...PlacementOutcome[]];
const skippedBy = { nodeName: rest[0]!, nodeSelector: rest[1]!, nodeAffinity: rest[2]!, taint: rest[3]! };
const pendingBy = { hostPort: rest[4]!, resources: rest[5]!, podCount: rest[6]!, nodeSelector: rest[7]!, namespaceNodeSelector: rest[8]! };

/** The first NoSchedule/NoExecute taint the daemon pod does not tolerate (`FindMatchingUntoleratedTaint`), or null. */
export function untoleratedTaint(ctx: PodContext, node: ClusterNode): Taint | null {
  for (const taint of node.taints) {
    if (!blocksDaemonPod(taint)) continue;
    let ok = ctx.taintCache.get(taint);
    if (ok === undefined) ctx.taintCache.set(taint, (ok = tolerated(ctx.ds.tolerations, taint)));
    if (!ok) return taint;
  }
  return null;
}

/** The existing host port the daemon pod's ports collide with on node `index`, or null. */
export function portConflict(ctx: PodContext, index: number): { wanted: HostPort; pod: string } | null {
  if (ctx.ds.hostPorts.length === 0) return null;
  const own = ctx.own.get(index);
  for (const used of ctx.cluster.usage[index]!.ports) {
    if (own?.names.has(used.pod)) continue;
    for (const wanted of ctx.ds.hostPorts) if (portsConflict(wanted, used.port)) return { wanted, pod: used.pod };
  }
  return null;
}

/** Free resources on node `index` for this DaemonSet: allocatable minus requests of other pods. */
export function freeResources(ctx: PodContext, index: number): Resources {
  const allocatable = ctx.cluster.nodes[index]!.allocatable!;
  const used = ctx.cluster.usage[index]!.requested;
  const own = ctx.own.get(index)?.requested;
  const scalars: Record<string, number> = {};
  for (const name of new Set([...Object.keys(allocatable.scalars ?? {}), ...Object.keys(used.scalars ?? {})])) {
    scalars[name] = (allocatable.scalars?.[name] ?? 0) - (used.scalars?.[name] ?? 0) + (own?.scalars?.[name] ?? 0);
  }
  return {
    cpu: allocatable.cpu - used.cpu + (own?.cpu ?? 0),
    memory: allocatable.memory - used.memory + (own?.memory ?? 0),
    ephemeralStorage: allocatable.ephemeralStorage - used.ephemeralStorage + (own?.ephemeralStorage ?? 0),
    scalars,
  };
}

/**
 * The first resource `copies` daemon pods do not fit in on node `index` (fit.go `fitsRequest`:
 * cpu, memory, ephemeral-storage, then other resources; zero requests never fail), or null.
 */
export function insufficientResource(ctx: PodContext, index: number, copies = 1): string | null {
  if (ctx.requestsNothing) return null;
  const allocatable: Allocatable | null = ctx.cluster.nodes[index]!.allocatable;
  if (!allocatable) return null;
  const r = ctx.requests;
  const used = ctx.cluster.usage[index]!.requested;
  const own = ctx.own.get(index)?.requested;
  if (r.cpu > 0 && r.cpu * copies > allocatable.cpu - used.cpu + (own?.cpu ?? 0)) return 'cpu';
  if (r.memory > 0 && r.memory * copies > allocatable.memory - used.memory + (own?.memory ?? 0)) return 'memory';
  if (r.ephemeralStorage > 0 && r.ephemeralStorage * copies > allocatable.ephemeralStorage - used.ephemeralStorage + (own?.ephemeralStorage ?? 0)) return 'ephemeral-storage';
  if (r.scalars) {
    for (const name of Object.keys(r.scalars).sort()) {
      const amount = r.scalars[name]!;
      if (amount === 0) continue;
      const free = (allocatable.scalars?.[name] ?? 0) - (used.scalars?.[name] ?? 0) + (own?.scalars?.[name] ?? 0);
      if (amount * copies > free) return name;
    }
  }
  return null;
}

/** Whether `copies` more pods exceed the node's pod slots (fit.go: len(pods)+1 > allowedPodNumber). */
export function podSlotsFull(ctx: PodContext, index: number, copies = 1): boolean {
  const allocatable = ctx.cluster.nodes[index]!.allocatable;
  if (!allocatable) return false;
  const pods = ctx.cluster.usage[index]!.pods - (ctx.own.get(index)?.pods ?? 0);
  return pods + copies > allocatable.pods;
}

/** Decides one node. Reasons are checked in the contract's precedence order (DESIGN.md). */
export function placeOnNode(ctx: PodContext, index: number): PlacementOutcome {
  const node = ctx.cluster.nodes[index]!;
  const ds = ctx.ds;
  if (ds.nodeName !== '' && ds.nodeName !== node.name) return skippedBy.nodeName;
  if (ds.nodeSelector.length > 0 && failingSelectorEntry(ds.nodeSelector, node) !== null) return skippedBy.nodeSelector;
  if (ds.affinity && !affinityMatches(ds.affinity, node)) return skippedBy.nodeAffinity;
  if (node.taints.length > 0 && untoleratedTaint(ctx, node) !== null) return skippedBy.taint;
  // The controller creates a pod here. A pod admission rejects never exists, so no other reason applies.
  if (ctx.rejection) return pendingBy[ctx.rejection.reason];
  if (ds.hostPorts.length > 0 && portConflict(ctx, index) !== null) return pendingBy.hostPort;
  if (insufficientResource(ctx, index) !== null) return pendingBy.resources;
  if (podSlotsFull(ctx, index)) return pendingBy.podCount;
  if (ctx.runtimeClassSelector.length > 0 && failingSelectorEntry(ctx.runtimeClassSelector, node) !== null) return pendingBy.nodeSelector;
  if (ctx.namespaceSelector && failingSelectorEntry(ctx.namespaceSelector.entries, node) !== null) return pendingBy.namespaceNodeSelector;
  return runs;
}

/**
 * Why a surge pod cannot start beside the old one on a `runs` node (update.go `rollingUpdate`
 * surge branch): a host port the old pod holds, resources for two pods, or two pod slots; null
 * when it fits. The old pod is assumed to request what the new one does.
 */
export function surgeBlocker(ctx: PodContext, index: number): { kind: 'hostPort'; port: HostPort } | { kind: 'resources'; resource: string } | { kind: 'podCount' } | null {
  if (ctx.ds.hostPorts.length > 0) return { kind: 'hostPort', port: ctx.ds.hostPorts[0]! };
  const resource = insufficientResource(ctx, index, 2);
  if (resource !== null) return { kind: 'resources', resource };
  if (podSlotsFull(ctx, index, 2)) return { kind: 'podCount' };
  return null;
}
