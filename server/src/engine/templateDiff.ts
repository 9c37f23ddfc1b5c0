/**
 * Which fields differ between two versions of a DaemonSet, compared as the API server stores them
 * (apiDefaults.ts), and whether the difference rolls pods. The DaemonSet controller starts a
 * rollout exactly when the pod template changes: the current ControllerRevision is the one whose
 * data equals the JSON of `spec.template` (pkg/controller/daemon/update.go `Match` and
 * `getPatch`), pods carry the hash of that template (`controller.ComputeHash(&ds.Spec.Template,
 * collisionCount)` in `snapshot`), and a pod whose hash is not the current one is old and is
 * replaced (`rollingUpdate`, util `IsPodUpdated`). Nothing outside `spec.template` enters either,
 * so updateStrategy, minReadySeconds, revisionHistoryLimit and the DaemonSet's own metadata never
 * roll a pod. Lists are compared by position, as the JSON and the hash are.
 */
import { mapFields, quantityMaps, storedDaemonSet, storedQuantity, type Json } from './apiDefaults';

/** One differing field: where, and its value before and after (undefined = absent). */
export interface FieldChange {
  /** `spec.template.spec.containers[0].image`; keys that are not plain words are quoted: `labels["app.kubernetes.io/name"]`. */
  path: string;
  segments: (string | number)[];
  before: Json | undefined;
  after: Json | undefined;
}

/** Fields the API server sets or that record history, not what a person changes. */
const serverMetadata = new Set(['resourceVersion', 'uid', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds']);
const serverAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration', 'deprecated.daemonset.template.generation']);

type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** The stored DaemonSet without status, apiVersion/kind and the server's own metadata. */
function comparable(object: unknown): JsonObject {
  const ds = storedDaemonSet(object);
  delete ds.status;
  delete ds.apiVersion;
  delete ds.kind;
  const metadata = ds.metadata;
  if (isObject(metadata)) {
    for (const key of serverMetadata) delete metadata[key];
    const annotations = metadata.annotations;
    if (isObject(annotations)) {
      for (const key of serverAnnotations) delete annotations[key];
      if (Object.keys(annotations).length === 0) delete metadata.annotations;
    }
    if (Object.keys(metadata).length === 0) delete ds.metadata;
  }
  return ds;
}

/** `spec.template.spec.containers[0].image`, `metadata.labels["app.kubernetes.io/name"]`. */
export function formatFieldPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const part of segments) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

function sameLeaf(a: Json | undefined, b: Json | undefined, parentKey: string | number | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || typeof a === 'object' || typeof b === 'object') return false;
  if (typeof parentKey === 'string' && quantityMaps.has(parentKey)) {
    const x = storedQuantity(a);
    return x !== null && x === storedQuantity(b);
  }
  return false;
}

function walk(a: Json | undefined, b: Json | undefined, segments: (string | number)[], out: FieldChange[]): void {
  if (sameLeaf(a, b, segments[segments.length - 2])) return;
  // A map added or removed whole is reported by its keys (`labels.team`), which say more.
  const key = segments[segments.length - 1];
  if (typeof key === 'string' && mapFields.has(key)) {
    if (a === undefined && isObject(b)) a = {};
    if (b === undefined && isObject(a)) b = {};
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
    for (const key of keys) walk(a[key], b[key], [...segments, key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...segments, i], out);
    return;
  }
  out.push({ path: formatFieldPath(segments), segments, before: a, after: b });
}

/**
 * The fields that differ between two DaemonSets (decoded objects) as stored, in the new
 * version's key order, old-only keys after. Never throws.
 */
export function daemonSetChanges(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(comparable(before), comparable(after), [], out);
  return out;
}

/** True when the change is inside `spec.template` (a new revision: pods roll). */
export function changesTemplate(change: FieldChange): boolean {
  return change.segments[0] === 'spec' && change.segments[1] === 'template';
}
