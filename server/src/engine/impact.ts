/**
 * Rollout impact of an edit (issue #10): for two versions of a set of DaemonSets (matched by
 * namespace/name), what applying the new one does — nothing, a rollout of the changed pod
 * template (how many pods, in how many waves, how long, whether it stalls), or pods created or
 * deleted with the whole DaemonSet. The rollout is the preview's plan for the new version
 * (rollout.ts), so the CLI, the editor and the preview agree.
 */
import type { DaemonSetImpact, DiffResult } from '../protocol';
import type { Json } from './apiDefaults';
import { placementOutcomes } from './placement';
import { simulateDaemonSet, type DaemonSetSimulation, type SimulationOptions } from './simulate';
import { changesTemplate, daemonSetChanges, type FieldChange } from './templateDiff';
import type { Cluster } from './types';

interface Identified {
  object: Record<string, unknown>;
  name: string;
  namespace: string;
}

function daemonSetsOf(objects: readonly unknown[]): Identified[] {
  const out: Identified[] = [];
  for (const object of objects) {
    if (object === null || typeof object !== 'object' || Array.isArray(object)) continue;
    const record = object as Record<string, unknown>;
    if (record.kind !== 'DaemonSet') continue;
    const metadata = (record.metadata !== null && typeof record.metadata === 'object' ? record.metadata : {}) as Record<string, unknown>;
    const name = typeof metadata.name === 'string' ? metadata.name : '';
    const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
    out.push({ object: record, name, namespace });
  }
  return out;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "~40 s", "~2 min", "~1 h 5 min". */
export function formatEstimate(seconds: number): string {
  if (seconds < 60) return `~${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `~${minutes} min`;
  return `~${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** Per node (cluster order): 1 when it should run the pod (runs or pending), else 0; all 0 without a simulation. */
function desiredNodes(simulation: DaemonSetSimulation | null, count: number): Uint8Array {
  const desired = new Uint8Array(count);
  if (!simulation) return desired;
  const { codes } = simulation;
  for (let i = 0; i < count; i++) desired[i] = placementOutcomes[codes[i]!]!.placement === 'skipped' ? 0 : 1;
  return desired;
}

function total(desired: Uint8Array): number {
  let n = 0;
  for (const d of desired) n += d;
  return n;
}

/** Nodes desired in `from` and not in `other` (both over the same cluster). */
function countMissing(from: Uint8Array, other: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < from.length; i++) if (from[i] === 1 && other[i] === 0) n++;
  return n;
}

/**
 * Compares the DaemonSets among `before` and `after` (decoded YAML documents; others are ignored)
 * on `cluster`. DaemonSets are paired by namespace/name (the k-th of a name with the k-th);
 * results are sorted by namespace, then name. Never throws for bad input.
 */
export function diffDaemonSets(before: readonly unknown[], after: readonly unknown[], cluster: Cluster, options: SimulationOptions = {}): DiffResult {
  const olds = daemonSetsOf(before);
  const news = daemonSetsOf(after);
  const used = new Set<Identified>();
  const impacts: DaemonSetImpact[] = [];
  for (const next of news) {
    const previous = olds.find((o) => !used.has(o) && o.name === next.name && o.namespace === next.namespace);
    if (previous) used.add(previous);
    impacts.push(ordered(impactOf(previous ?? null, next, cluster, options)));
  }
  for (const previous of olds) if (!used.has(previous)) impacts.push(ordered(impactOf(previous, null, cluster, options)));
  impacts.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
  return { cluster: { source: cluster.source, nodes: cluster.nodes.length }, daemonsets: impacts };
}

/** The contract's key order: name, namespace, status, rollout, changes, pods, waves, estimatedSeconds, then the extras. */
function ordered(i: DaemonSetImpact): DaemonSetImpact {
  return {
    name: i.name,
    namespace: i.namespace,
    status: i.status,
    rollout: i.rollout,
    changes: i.changes,
    pods: i.pods,
    waves: i.waves,
    estimatedSeconds: i.estimatedSeconds,
    nodesAdded: i.nodesAdded,
    nodesRemoved: i.nodesRemoved,
    strategy: i.strategy,
    stall: i.stall,
    effect: i.effect,
    summary: i.summary,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The impact of replacing `before` by `after` (either may be null: added, removed). */
function impactOf(before: Identified | null, after: Identified | null, cluster: Cluster, options: SimulationOptions = {}): DaemonSetImpact {
  const oldSim = before ? simulateDaemonSet(before.object, cluster, options) : null;
  const newSim = after ? simulateDaemonSet(after.object, cluster, options) : null;
  const oldNodes = desiredNodes(oldSim, cluster.nodes.length);
  const newNodes = desiredNodes(newSim, cluster.nodes.length);
  const id = (after ?? before)!;
  const strategy = (newSim ?? oldSim)!.preview.rollout.strategy;
  const base = {
    name: id.name,
    namespace: id.namespace,
    nodesAdded: countMissing(newNodes, oldNodes),
    nodesRemoved: countMissing(oldNodes, newNodes),
    strategy,
    stall: null,
  };
  if (!before || !after) {
    const pods = total(after ? newNodes : oldNodes);
    const effect = after ? `new DaemonSet: creates pods on ${plural(pods, 'node')}` : `removed: deletes its pods on ${plural(pods, 'node')}`;
    return { ...base, status: after ? 'added' : 'removed', rollout: false, changes: [], pods, waves: 0, estimatedSeconds: null, effect, summary: effect };
  }
  const changes = daemonSetChanges(before.object, after.object);
  const paths = changes.map((c) => c.path);
  if (changes.length === 0) {
    return { ...base, status: 'unchanged', rollout: false, changes: paths, pods: 0, waves: 0, estimatedSeconds: 0, effect: 'unchanged', summary: 'unchanged' };
  }
  const template = changes.filter(changesTemplate);
  const notes = selectorNote(changes);
  if (template.length === 0) {
    const effect = `no rollout: only ${listWords(topLevelNames(changes))} changed`;
    return { ...base, status: 'changed', rollout: false, changes: paths, pods: 0, waves: 0, estimatedSeconds: 0, effect, summary: effect + notes };
  }
  const cause = `pod template changed (${describeTemplateChanges(template, after.object)})`;
  const plan = newSim!.preview.rollout;
  let rollout = false;
  let pods = 0;
  let waves = 0;
  let estimatedSeconds: number | null = 0;
  let effect: string;
  if (plan.strategy === 'OnDelete') {
    estimatedSeconds = null;
    effect = 'no rollout: OnDelete replaces a pod only when someone deletes it';
  } else if (total(newNodes) === 0) {
    effect = 'no rollout: no node should run it';
  } else {
    rollout = true;
    waves = plan.waves?.length ?? 0;
    const stalled = plan.stall?.nodes.length ?? 0;
    const desired = total(newNodes);
    pods = desired - stalled;
    estimatedSeconds = plan.estimatedSeconds;
    effect = plan.stall
      ? `rolls ${pods} of ${plural(desired, 'pod')} in ${plural(waves, 'wave')}, then stalls with ${plural(stalled, 'node')} never updated`
      : `rolls ${plural(pods, 'pod')} in ${plural(waves, 'wave')}${estimatedSeconds === null ? '' : `, ${formatEstimate(estimatedSeconds)}`}`;
  }
  const placement = [base.nodesAdded > 0 ? `starts on ${plural(base.nodesAdded, 'more node')}` : '', base.nodesRemoved > 0 ? `leaves ${plural(base.nodesRemoved, 'node')}` : ''].filter((p) => p !== '');
  const summary = `${cause}: ${effect}${placement.length > 0 ? `; ${placement.join(', ')}` : ''}${notes}`;
  return { ...base, status: 'changed', rollout, changes: paths, pods, waves, estimatedSeconds, stall: plan.stall, effect, summary };
}

/** apps/v1 validation (`ValidateDaemonSetUpdate`): spec.selector is immutable. */
function selectorNote(changes: readonly FieldChange[]): string {
  return changes.some((c) => c.segments[0] === 'spec' && c.segments[1] === 'selector')
    ? '; spec.selector cannot change: the API server rejects this update (delete and recreate the DaemonSet)'
    : '';
}

/** "updateStrategy", "updateStrategy and minReadySeconds", "a, b and c". */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Names of what changed outside the template: `updateStrategy`, `minReadySeconds`, `labels`. */
function topLevelNames(changes: readonly FieldChange[]): string[] {
  const names: string[] = [];
  for (const { segments } of changes) {
    const name = segments[0] === 'spec' || segments[0] === 'metadata' ? String(segments[1] ?? segments[0]) : String(segments[0]);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function isScalar(value: Json | undefined): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** `registry/fluentd:5.0.1` and `registry/fluentd:5.0.2` → `5.0.1 → 5.0.2`; other repositories in full. */
function imageChange(before: Json | undefined, after: Json | undefined): string {
  const split = (image: string): [string, string] => {
    const at = image.search(/[@:][^/]*$/);
    return at > 0 ? [image.slice(0, at), image.slice(at + 1)] : [image, ''];
  };
  if (typeof before !== 'string' || typeof after !== 'string') return `${isScalar(before) ? before : 'none'} → ${isScalar(after) ? after : 'none'}`;
  const [repoA, tagA] = split(before);
  const [repoB, tagB] = split(after);
  return repoA === repoB && tagA !== '' && tagB !== '' ? `${tagA} → ${tagB}` : `${before} → ${after}`;
}

/** Short phrases for template changes: "image 5.0.1 → 5.0.2", "cpu request 100m → 200m", "env", "tolerations". */
export function describeTemplateChanges(changes: readonly FieldChange[], after: Record<string, unknown>): string {
  const spec = ((after.spec as Record<string, unknown> | undefined)?.template as Record<string, unknown> | undefined)?.spec as Record<string, unknown> | undefined;
  const containerCount = (Array.isArray(spec?.containers) ? spec.containers.length : 0) + (Array.isArray(spec?.initContainers) ? spec.initContainers.length : 0);
  const phrases: string[] = [];
  for (const change of changes) {
    const s = change.segments.slice(2);
    let phrase: string;
    if (s[0] === 'spec' && (s[1] === 'containers' || s[1] === 'initContainers') && typeof s[2] === 'number' && s.length > 3) {
      const list = spec?.[s[1]];
      const item = Array.isArray(list) ? (list[s[2]] as Record<string, unknown> | undefined) : undefined;
      const who = containerCount > 1 && typeof item?.name === 'string' ? `${item.name} ` : '';
      if (s[3] === 'image' && s.length === 4) phrase = `${who}image ${imageChange(change.before, change.after)}`;
      else if (s[3] === 'resources' && (s[4] === 'requests' || s[4] === 'limits') && typeof s[5] === 'string') {
        const value = (v: Json | undefined) => (isScalar(v) ? String(v) : 'none');
        phrase = `${who}${s[5]} ${s[4] === 'requests' ? 'request' : 'limit'} ${value(change.before)} → ${value(change.after)}`;
      } else phrase = `${who}${String(s[3])}`;
    } else if (s[0] === 'spec' && s[1] !== undefined) {
      const field = String(s[1]);
      phrase = s.length === 2 && isScalar(change.before) && isScalar(change.after) ? `${field} ${String(change.before)} → ${String(change.after)}` : field;
    } else if (s[0] === 'metadata' && (s[1] === 'labels' || s[1] === 'annotations') && s[2] !== undefined) {
      phrase = `${s[1] === 'labels' ? 'label' : 'annotation'} ${String(s[2])}`;
    } else phrase = s.length > 0 ? `template ${String(s[s.length - 1])}` : 'template';
    if (!phrases.includes(phrase)) phrases.push(phrase);
  }
  const shown = phrases.slice(0, 3);
  return phrases.length > 3 ? `${shown.join(', ')} and ${phrases.length - 3} more` : shown.join(', ');
}
