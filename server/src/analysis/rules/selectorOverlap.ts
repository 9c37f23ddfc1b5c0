/**
 * Two DaemonSets of one namespace in one file whose selectors overlap: one selects the other's
 * pods (apimachinery `LabelSelectorAsSelector` against the other's template labels). Both
 * controllers then claim the same pods and fight over them (pkg/controller/daemon
 * `getDaemonPods` adopts any matching orphan; kubernetes.io/docs/concepts/workloads/controllers/daemonset,
 * "Pod Selector": "you should not normally create any Pods whose labels match this selector").
 * A warning on the selector, naming the other DaemonSet.
 */
import { DiagnosticCode } from '../codes';
import { failingRequirements, labelsOf, parseSelector, type ParsedSelector } from '../labelSelector';
import type { DaemonSetModel } from '../model';
import { findingAt, record, recordAt } from './fields';
import { perFile, perValue } from './fileIndex';
import type { Rule } from './rule';
import { selectorPath } from './selector';

/** One DaemonSet that can take part in an overlap: its parsed selector and template labels. */
interface Candidate extends Derived {
  model: DaemonSetModel;
}

/** What a DaemonSet alone gives the index, once per change of its document. */
interface Derived {
  selector: ParsedSelector;
  labels: Record<string, string>;
  /** The index keys of `labels`: `key` and `key\0value` of each. */
  labelKeys: string[];
  /** `pivotOf(selector)`. */
  pivot: string | undefined;
}

/**
 * The DaemonSets of one namespace, indexed so that each check looks only at the few that can
 * overlap (a file with hundreds of DaemonSets would otherwise compare every pair on every edit):
 * by template label (`key` and `key\0value`), and by each selector's pivot, a requirement every
 * matched pod must have (`In` one value: `key\0value`; `In` or `Exists`: `key`).
 */
interface NamespaceIndex {
  all: Candidate[];
  of: Map<DaemonSetModel, Candidate>;
  byLabel: Map<string, Candidate[]>;
  byPivot: Map<string, Candidate[]>;
  /** Selectors without an In or Exists requirement (only NotIn, DoesNotExist): they may match anything. */
  unpivoted: Candidate[];
}

function push(map: Map<string, Candidate[]>, key: string, candidate: Candidate): void {
  const list = map.get(key);
  if (list) list.push(candidate);
  else map.set(key, [candidate]);
}

/** The requirement key every pod `selector` selects must carry, or undefined when there is none. */
function pivotOf(selector: ParsedSelector): string | undefined {
  let pivot: string | undefined;
  for (const requirement of selector.requirements) {
    if (requirement.operator === 'In' && requirement.values.length === 1) return `${requirement.key}\0${requirement.values[0]}`;
    if (requirement.operator === 'In' || requirement.operator === 'Exists') pivot ??= requirement.key;
  }
  return pivot;
}

/**
 * A DaemonSet's parsed selector and template labels, once per change of its document, with the
 * keys they are indexed by (made once, so that the index of each version hashes no new strings).
 */
const derive = perValue((model): Derived => {
  const selector = parseSelector(record((model.value as Record<string, unknown>).spec)?.selector, selectorPath);
  const labels = labelsOf(recordAt(model.value, ['spec', 'template'])?.metadata);
  const labelKeys = Object.entries(labels).flatMap(([key, value]) => [key, `${key}\0${value}`]);
  return { selector, labels, labelKeys, pivot: pivotOf(selector) };
});

/** The candidates of a file by namespace, built once per analysis. */
const indexOf = perFile((daemonSets): Map<string, NamespaceIndex> => {
  const index = new Map<string, NamespaceIndex>();
  for (const model of daemonSets) {
    if (model.value === undefined || model.name === undefined) continue;
    const namespace = model.namespace ?? 'default';
    let entry = index.get(namespace);
    if (!entry) {
      entry = { all: [], of: new Map(), byLabel: new Map(), byPivot: new Map(), unpivoted: [] };
      index.set(namespace, entry);
    }
    const candidate: Candidate = { model, ...derive(model as DaemonSetModel & { value: object }) };
    entry.all.push(candidate);
    entry.of.set(model, candidate);
    for (const key of candidate.labelKeys) push(entry.byLabel, key, candidate);
    // Only a usable selector can select anything (`failingRequirements` is undefined otherwise).
    if (candidate.selector.kind !== 'requirements' || candidate.selector.problems.length > 0) continue;
    if (candidate.pivot === undefined) entry.unpivoted.push(candidate);
    else push(entry.byPivot, candidate.pivot, candidate);
  }
  return index;
});

/** Whether `selector`'s DaemonSet selects the pods of `other` (its template labels). */
function selects(selector: Candidate, other: Candidate): boolean {
  if (selector.selector.kind !== 'requirements') return false;
  const failing = failingRequirements(selector.selector, other.labels);
  return failing !== undefined && failing.length === 0;
}

/** The DaemonSets of `entry` whose selectors overlap with `self`'s, in document order. */
function overlapping(self: Candidate, entry: NamespaceIndex): DaemonSetModel[] {
  const selected = self.pivot === undefined ? entry.all : (entry.byLabel.get(self.pivot) ?? []);
  const selecting = [...entry.unpivoted];
  for (const key of self.labelKeys) selecting.push(...(entry.byPivot.get(key) ?? []));
  const found = new Set<DaemonSetModel>();
  for (const other of selected) if (other.model.name !== self.model.name && selects(self, other)) found.add(other.model);
  for (const other of selecting) if (other.model.name !== self.model.name && selects(other, self)) found.add(other.model);
  return [...found].sort((a, b) => a.span.start - b.span.start);
}

export const selectorOverlapRule: Rule = {
  name: 'selectorOverlap',
  codes: [DiagnosticCode.SelectorOverlap],
  check(model, context) {
    if (model.name === undefined) return [];
    const namespace = model.namespace ?? 'default';
    const entry = indexOf(context.daemonSets).get(namespace);
    const self = entry?.of.get(model);
    if (!entry || !self) return [];
    const others = overlapping(self, entry);
    if (others.length === 0) return [];
    const names = others.map((other) => `${other.name} (line ${context.file.lineCounter.linePos(other.anchor.start).line})`);
    return [
      findingAt(model, {
        code: DiagnosticCode.SelectorOverlap,
        severity: 'warning',
        message: `The selectors of this DaemonSet and of ${names.join(', ')} in namespace ${namespace} overlap: one selects the other's pods, so both controllers claim them and fight. Give each DaemonSet a label of its own in its selector.`,
        path: selectorPath,
      }),
    ];
  },
};
