/**
 * Simulates DaemonSets against a cluster: placement on every node, the rollout plan and the
 * engine findings, shaped as the preview JSON contract (protocol.ts `PreviewResult`).
 */
import type { DaemonSetPreview, FleetOverhead, NodePlacement, Placement, PlacementReason, PreviewResult } from '../protocol';
import { readDaemonSet } from './daemonSet';
import type { DaemonSetModel } from './daemonSet';
import { explainPlacement } from './details';
import { createPodContext, placeOnNode, placementOutcomes, surgeBlocker } from './placement';
import type { PlacementOutcome, PodContext } from './placement';
import { defineLazy } from './lazy';
import { fleetOverhead } from './overhead';
import { planRollout } from './rollout';
import type { Cluster, EngineFinding, ObjectPath, Resources } from './types';

/** Options of a simulation. */
export interface SimulationOptions {
  /** Seconds one pod takes to start and become ready (default 10; setting `daemonscope.podStartSeconds`). */
  podStartSeconds?: number;
}

/**
 * One node's placement. `detail` is computed on first read and cached, so building a preview of
 * thousands of nodes stays cheap. Serialise with `JSON.stringify` (uses `toJSON`); a spread
 * (`{...placement}`) does not copy `detail`.
 */
export class NodeResult implements NodePlacement {
  private cachedDetail: string | undefined = undefined;

  constructor(
    private readonly context: PodContext,
    /** Index of the node in the cluster's sorted node list. */
    readonly index: number,
    private readonly outcome: PlacementOutcome,
  ) {}

  get node(): string {
    return this.context.cluster.nodes[this.index]!.name;
  }

  get placement(): Placement {
    return this.outcome.placement;
  }

  get reason(): PlacementReason | null {
    return this.outcome.reason;
  }

  /** One sentence a person can act on; may be empty for `runs`. */
  get detail(): string {
    return (this.cachedDetail ??= explainPlacement(this.context, this.index, this.outcome));
  }

  toJSON(): NodePlacement {
    return { node: this.node, placement: this.placement, reason: this.reason, detail: this.detail };
  }
}

/** The simulation of one DaemonSet: the contract's preview plus what rules and hover need. */
export interface DaemonSetSimulation {
  /**
   * The contract's preview. `nodes` (and `rollout.waves`) are built on first read and cached;
   * they are own enumerable properties, so spread and JSON see them. `overhead` is always set.
   */
  preview: DaemonSetPreview & { nodes: NodeResult[]; overhead: FleetOverhead };
  findings: EngineFinding[];
  model: DaemonSetModel;
  /** Effective pod requests in scheduler units (RuntimeClass overhead included). */
  requests: Resources;
  /** Counts by placement and by reason. */
  counts: { runs: number; pending: number; skipped: number; byReason: Partial<Record<PlacementReason, number>> };
  /** The outcome code of each node (index into `placementOutcomes`), parallel to the cluster's nodes. */
  codes: Uint8Array;
  /** Per-DaemonSet context, for `inspectNode`. */
  context: PodContext;
}

const defaultPodStartSeconds = 10;

/** Simulates one DaemonSet (a plain object as `doc.toJS()` gives) on the cluster. Never throws for bad input. */
export function simulateDaemonSet(object: unknown, cluster: Cluster, options: SimulationOptions = {}): DaemonSetSimulation {
  const { model, findings } = readDaemonSet(object);
  const context = createPodContext(model, cluster);
  const count = cluster.nodes.length;
  const codes = new Uint8Array(count);
  const runs: string[] = [];
  const runsIndex: number[] = [];
  const pending: string[] = [];
  const perCode = new Int32Array(placementOutcomes.length);
  // Fleet overhead: the allocatable of the nodes that run the pod, summed on the way.
  let allocatableCpu = 0;
  let allocatableMemory = 0;
  let unknownAllocatable = 0;
  for (let i = 0; i < count; i++) {
    const outcome = placeOnNode(context, i);
    codes[i] = outcome.code;
    perCode[outcome.code]!++;
    if (outcome.code === 0) {
      const node = cluster.nodes[i]!;
      runs.push(node.name);
      runsIndex.push(i);
      const allocatable = node.allocatable;
      if (allocatable) {
        allocatableCpu += allocatable.cpu;
        allocatableMemory += allocatable.memory;
      } else unknownAllocatable++;
    } else if (outcome.placement === 'pending') {
      pending.push(cluster.nodes[i]!.name);
    }
  }
  const byReason: Partial<Record<PlacementReason, number>> = {};
  let skipped = 0;
  placementOutcomes.forEach((o, code) => {
    if (code === 0 || perCode[code] === 0) return;
    byReason[o.reason!] = (byReason[o.reason!] ?? 0) + perCode[code]!;
    if (o.placement === 'skipped') skipped += perCode[code]!;
  });
  const podStartSeconds = options.podStartSeconds ?? defaultPodStartSeconds;
  const { plan } = planRollout(model, {
    runs,
    pending,
    surgeBlocker: (k) => surgeBlocker(context, runsIndex[k]!),
    podStartSeconds,
  });
  if (plan.stall) {
    findings.push({
      code: 'rollout.stall',
      severity: 'warning',
      message: `The rolling update will stall: ${plan.stall.reason}`,
      path: model.rolloutPath,
      nodes: plan.stall.nodes,
    });
  }
  if (runs.length === 0 && cluster.nodes.length > 0) findings.push(noNodesFinding(cluster, byReason, pending.length));
  if (context.runtimeClassMissing) {
    findings.push({
      code: 'runtime-class.not-found',
      severity: 'info',
      message: `RuntimeClass ${model.runtimeClassName} is not in the cluster file; its overhead and node selector are not applied`,
      path: ['spec', 'template', 'spec', 'runtimeClassName'],
    });
  }
  const overhead = fleetOverhead(context.requests, { runs: runs.length, allocatableCpu, allocatableMemory, unknownAllocatable });
  const preview = { name: model.name, namespace: model.namespace, nodes: [] as NodeResult[], rollout: plan, overhead };
  defineLazy(preview, 'nodes', () => {
    const nodes: NodeResult[] = [];
    for (let i = 0; i < count; i++) nodes.push(new NodeResult(context, i, placementOutcomes[codes[i]!]!));
    return nodes;
  });
  return {
    preview,
    findings,
    model,
    requests: context.requests,
    counts: { runs: runs.length, pending: pending.length, skipped, byReason },
    codes,
    context,
  };
}

const reasonOrder: PlacementReason[] = ['nodeName', 'nodeSelector', 'nodeAffinity', 'taint', 'hostPort', 'resources', 'podCount', 'namespaceNodeSelector'];

function noNodesFinding(cluster: Cluster, byReason: Partial<Record<PlacementReason, number>>, pending: number): EngineFinding {
  const parts = reasonOrder.filter((r) => byReason[r]).map((r) => `${byReason[r]} ${r}`);
  const top = reasonOrder.reduce<PlacementReason | null>((best, r) => ((byReason[r] ?? 0) > (best ? (byReason[best] ?? 0) : 0) ? r : best), null);
  const spec: ObjectPath = ['spec', 'template', 'spec'];
  const paths: Partial<Record<PlacementReason, ObjectPath>> = {
    nodeName: [...spec, 'nodeName'],
    nodeSelector: [...spec, 'nodeSelector'],
    nodeAffinity: [...spec, 'affinity', 'nodeAffinity'],
    taint: [...spec, 'tolerations'],
  };
  return {
    code: 'placement.no-nodes',
    severity: 'warning',
    message: `Runs on 0 of ${cluster.nodes.length} nodes${pending > 0 ? ` (${pending} pending)` : ''}: ${parts.join(', ')}`,
    path: (top && paths[top]) ?? spec,
  };
}

function compareDaemonSets(a: DaemonSetSimulation, b: DaemonSetSimulation): number {
  const x = a.preview;
  const y = b.preview;
  if (x.namespace !== y.namespace) return x.namespace < y.namespace ? -1 : 1;
  return x.name < y.name ? -1 : x.name > y.name ? 1 : 0;
}

/**
 * Simulates every DaemonSet among `objects` (others are ignored), each judged independently,
 * and returns the preview contract (DaemonSets sorted by namespace, then name; ties keep input
 * order) with the simulations in the same order.
 */
export function previewDaemonSets(objects: readonly unknown[], cluster: Cluster, options: SimulationOptions = {}): { result: PreviewResult; simulations: DaemonSetSimulation[] } {
  const simulations = objects
    .filter((o) => o !== null && typeof o === 'object' && (o as Record<string, unknown>).kind === 'DaemonSet')
    .map((o) => simulateDaemonSet(o, cluster, options))
    .sort(compareDaemonSets);
  return {
    result: { cluster: { source: cluster.source, nodes: cluster.nodes.length }, daemonsets: simulations.map((s) => s.preview) },
    simulations,
  };
}
