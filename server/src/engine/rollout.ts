/**
 * The rolling-update plan, in closed form, following pkg/controller/daemon/update.go
 * `rollingUpdate` and `updatedDesiredNodeCounts`, and daemon_controller.go `podsShouldBeOnNode`.
 *
 * Model (DESIGN.md): the old version runs and is available on every `runs` node; a `pending`
 * node holds an unavailable old pod; a new pod becomes available wherever the old one was. Each
 * wave is one controller step. The controller walks nodes in Go map order (unspecified); waves
 * here take nodes in node-name order.
 *
 * - maxSurge 0: each step deletes every unavailable old pod plus
 *   min(available old, maxUnavailable − unavailable) available ones. Pending nodes are replaced
 *   in the first step and their new pods stay Pending, so they keep counting: with
 *   `pending >= maxUnavailable` no available pod is ever taken down — a stall.
 * - maxSurge > 0: a node whose old pod is unavailable gets its new pod at once, outside the
 *   budget, and its old pod is deleted; otherwise up to maxSurge − (nodes waiting with old + new
 *   pods) nodes get a surge pod beside the old one. A surge pod that can never start there
 *   (host port, resources, pod slots) holds budget for good.
 */
import type { RolloutPlan, RolloutStall } from '../protocol';
import { resolveIntOrPercent } from './daemonSet';
import type { DaemonSetModel } from './daemonSet';
import { defineLazy } from './lazy';

/** Why a surge pod cannot start beside the old one on a node. */
export type SurgeBlocker = { kind: 'hostPort'; port: { port: number; protocol: string } } | { kind: 'resources'; resource: string } | { kind: 'podCount' };

/** Inputs of the plan: node names in name order. */
export interface RolloutInput {
  runs: readonly string[];
  pending: readonly string[];
  /** For surge mode: why node `runs[i]` cannot hold two pods, or null. Called at most once per node. */
  surgeBlocker: (runsIndex: number) => SurgeBlocker | null;
  /** Seconds a pod takes to start and become ready (setting `daemonscope.podStartSeconds`). */
  podStartSeconds: number;
}

/** The plan plus the facts behind a stall, for findings. */
export interface RolloutResult {
  plan: RolloutPlan;
  /** maxUnavailable/maxSurge resolved before the both-zero fallback. */
  resolved: { maxUnavailable: number; maxSurge: number; fellBack: boolean };
}

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]! < b[j]! ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function listNodes(nodes: readonly string[], max = 5): string {
  if (nodes.length <= max) return nodes.join(', ');
  return `${nodes.slice(0, max).join(', ')} and ${nodes.length - max} more`;
}

function describeBlocker(blocker: SurgeBlocker): string {
  switch (blocker.kind) {
    case 'hostPort':
      return `host port ${blocker.port.port}/${blocker.port.protocol} is held by the old pod`;
    case 'resources':
      return `the node lacks ${blocker.resource} for a second pod`;
    case 'podCount':
      return 'the node has no pod slot for a second pod';
  }
}

/** Plans the rolling update of a DaemonSet over the given nodes. */
export function planRollout(ds: DaemonSetModel, input: RolloutInput): RolloutResult {
  const { runs, pending } = input;
  const desired = runs.length + pending.length;
  if (ds.strategy === 'OnDelete') {
    return {
      plan: { strategy: 'OnDelete', maxUnavailable: 0, maxSurge: 0, waves: null, stall: null, estimatedSeconds: null },
      resolved: { maxUnavailable: 0, maxSurge: 0, fellBack: false },
    };
  }
  const resolvedUnavailable = resolveIntOrPercent(ds.maxUnavailable, desired);
  const maxSurge = resolveIntOrPercent(ds.maxSurge, desired);
  const fellBack = desired > 0 && resolvedUnavailable === 0 && maxSurge === 0;
  const maxUnavailable = fellBack ? 1 : resolvedUnavailable;
  const resolved = { maxUnavailable: resolvedUnavailable, maxSurge, fellBack };
  const base = { strategy: 'RollingUpdate' as const, maxUnavailable, maxSurge };
  const waveSeconds = input.podStartSeconds + ds.minReadySeconds;
  if (desired === 0) return { plan: { ...base, waves: [], stall: null, estimatedSeconds: 0 }, resolved };
  const waves = maxSurge === 0 ? unavailableWaves(input, maxUnavailable, waveSeconds) : surgeWaves(input, maxSurge, waveSeconds);
  // `waves` is built on first read: thousands of small lists nobody may look at.
  const plan: RolloutPlan = { ...base, waves: null, stall: waves.stall, estimatedSeconds: waves.estimatedSeconds };
  defineLazy(plan, 'waves', () => materialise(input, waves.ends));
  return { plan, resolved };
}

/** Waves as `ends` (exclusive end index of each wave in `runs`); the first wave also holds every pending node. */
interface WavePlan {
  ends: number[];
  stall: RolloutStall | null;
  estimatedSeconds: number | null;
}

/** Builds the wave lists from a plan (only when someone reads `waves`). */
function materialise(input: RolloutInput, ends: readonly number[]): string[][] {
  const { runs, pending } = input;
  if (ends.length === 0) return pending.length > 0 ? [[...pending]] : [];
  const waves: string[][] = [];
  let start = 0;
  for (const end of ends) {
    waves.push(waves.length === 0 ? mergeSorted(pending, runs.slice(0, end)) : runs.slice(start, end));
    start = end;
  }
  return waves;
}

function unavailableWaves(input: RolloutInput, maxUnavailable: number, waveSeconds: number): WavePlan {
  const { runs, pending } = input;
  const budget = maxUnavailable - pending.length;
  if (runs.length === 0) return { ends: [], stall: null, estimatedSeconds: 0 };
  if (budget <= 0) {
    return {
      ends: [],
      stall: {
        nodes: [...runs],
        reason:
          `${pending.length} pending pod${pending.length === 1 ? '' : 's'} (${listNodes(pending)}) use${pending.length === 1 ? 's' : ''} the whole ` +
          `maxUnavailable budget of ${maxUnavailable}: after replacing them the controller never takes down another available pod, ` +
          `so ${runs.length} node${runs.length === 1 ? ' stays' : 's stay'} on the old version. Fix the pending nodes or raise maxUnavailable above ${pending.length}.`,
      },
      estimatedSeconds: null,
    };
  }
  const ends: number[] = [];
  for (let end = budget; ; end += budget) {
    ends.push(Math.min(end, runs.length));
    if (end >= runs.length) break;
  }
  return { ends, stall: null, estimatedSeconds: ends.length * waveSeconds };
}

function surgeWaves(input: RolloutInput, maxSurge: number, waveSeconds: number): WavePlan {
  const { runs } = input;
  const ends: number[] = [];
  const stuck: string[] = [];
  let firstBlocker: { node: string; blocker: SurgeBlocker } | null = null;
  let timedWaves = 0;
  let next = 0;
  while (next < runs.length) {
    const budget = maxSurge - stuck.length;
    if (budget <= 0) break;
    const end = Math.min(runs.length, next + budget);
    let fits = 0;
    for (let i = next; i < end; i++) {
      const blocker = input.surgeBlocker(i);
      if (blocker) {
        stuck.push(runs[i]!);
        firstBlocker ??= { node: runs[i]!, blocker };
      } else fits++;
    }
    ends.push(end);
    if (fits > 0) timedWaves++;
    next = end;
  }
  if (stuck.length === 0) return { ends, stall: null, estimatedSeconds: timedWaves * waveSeconds };
  const blocked = firstBlocker!;
  const stall = {
    nodes: mergeSorted(stuck, runs.slice(next)),
    reason:
      (stuck.length === 1
        ? `the surge pod cannot start beside the old pod on ${blocked.node}: ${describeBlocker(blocked.blocker)}; `
        : `the surge pod cannot start beside the old pod on ${listNodes(stuck)} (on ${blocked.node}: ${describeBlocker(blocked.blocker)}); `) +
      `${stuck.length === 1 ? 'it holds' : 'they hold'} ${stuck.length} of the maxSurge budget of ${maxSurge} for good` +
      (next < runs.length ? `, so the rollout stops with ${runs.length - next} node${runs.length - next === 1 ? '' : 's'} never started` : '') +
      '. Use maxUnavailable instead of maxSurge, or make room for a second pod.',
  };
  return { ends, stall, estimatedSeconds: null };
}
