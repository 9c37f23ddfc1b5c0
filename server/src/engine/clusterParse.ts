/**
 * Reads cluster text — what `kubectl get nodes -o yaml|json` and `kubectl get pods -A -o yaml|json`
 * print — into plain objects: a `List`/`NodeList`/`PodList`/`NamespaceList`, multi-document YAML of
 * single objects, or a mix. Holds `Node`, `Pod`, `Namespace` and `RuntimeClass` objects.
 * Problems come back as values naming the file label and the item; nothing throws.
 */
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { LineCounter, parseAllDocuments } from 'yaml';
import { asArray, asRecord, asString, podHostPorts, podRequests, readResourceList, toResources } from './podSpec';
import { toUnits } from './quantity';
import { impliedTaints } from './taints';
import type { Allocatable, ClusterNode, ClusterPod, NamespaceInfo, ObjectPath, RuntimeClassInfo, Taint } from './types';

/** The objects found in one cluster file. */
export interface ClusterObjects {
  nodes: ClusterNode[];
  pods: ClusterPod[];
  namespaces: NamespaceInfo[];
  runtimeClasses: RuntimeClassInfo[];
  /** True when the file held a node list (even an empty one) or at least one Node. */
  hasNodeList: boolean;
}

/** Either the objects of a file or the problems that make it unusable (each prefixed with the label). */
export type ClusterParseResult = { ok: true; objects: ClusterObjects } | { ok: false; problems: string[] };

const maxProblems = 20;
const listKinds: Record<string, string | null> = { List: null, NodeList: 'Node', PodList: 'Pod', NamespaceList: 'Namespace', RuntimeClassList: 'RuntimeClass' };
const taintEffects = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/**
 * Parses cluster text (YAML or JSON). `label` names the file in messages, e.g.
 * "nodes.yaml: item 3 (kind Node) has no metadata.name".
 */
export function parseClusterText(text: string, label: string): ClusterParseResult {
  const documents = readDocuments(text, label);
  return documents.ok ? readClusterObjects(documents.values, label) : documents;
}

/**
 * Reads already-decoded cluster objects (each a list or a single object, as `JSON.parse` or
 * `doc.toJS()` gives them; e.g. a live snapshot), with the same checks and messages as
 * `parseClusterText`.
 */
export function readClusterObjects(values: readonly unknown[], label: string): ClusterParseResult {
  const objects: ClusterObjects = { nodes: [], pods: [], namespaces: [], runtimeClasses: [], hasNodeList: false };
  const problems: string[] = [];
  const problem = (where: string, message: string): void => {
    if (problems.length < maxProblems) problems.push(`${label}: ${where}${message}`);
  };
  const several = values.length > 1;
  values.forEach((doc, d) => {
    const docWhere = several ? `document ${d + 1}, ` : '';
    const record = asRecord(doc);
    if (!record) {
      problem(several ? `document ${d + 1} ` : 'the document ', 'is not a Kubernetes object (expected a map with kind)');
      return;
    }
    const kind = asString(record.kind);
    if (kind in listKinds) {
      if (kind === 'NodeList') objects.hasNodeList = true;
      if (record.items !== undefined && record.items !== null && !Array.isArray(record.items)) {
        problem(docWhere, `${kind} items must be a list`);
        return;
      }
      asArray(record.items).forEach((item, i) => {
        readObject(item, listKinds[kind]!, `${docWhere}item ${i + 1}`, objects, problem);
      });
      return;
    }
    readObject(record, null, several ? `document ${d + 1}` : 'the document', objects, problem);
  });
  if (objects.nodes.length > 0) objects.hasNodeList = true;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, objects };
}

/**
 * Reads one decoded object (a Node, Pod, Namespace or RuntimeClass, not a list), e.g. a watch
 * event's object, with the checks and messages of `readClusterObjects` ("LABEL: item (Pod x): ...").
 */
export function readClusterObject(value: unknown, label: string): ClusterParseResult {
  const objects: ClusterObjects = { nodes: [], pods: [], namespaces: [], runtimeClasses: [], hasNodeList: false };
  const problems: string[] = [];
  readObject(value, null, 'item', objects, (where, message) => {
    if (problems.length < maxProblems) problems.push(`${label}: ${where}${message}`);
  });
  objects.hasNodeList = objects.nodes.length > 0;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, objects };
}

function readDocuments(text: string, label: string): { ok: true; values: unknown[] } | { ok: false; problems: string[] } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(text);
      return { ok: true, values: Array.isArray(value) ? value : [value] };
    } catch {
      // Not strict JSON (comments, trailing commas…): YAML reads flow style and reports where it breaks.
    }
  }
  // js-yaml reads large kubectl output about ten times faster than `yaml` (same YAML 1.2 core
  // schema; duplicate keys: the last wins, as with uniqueKeys: false). Anything it refuses goes
  // through `yaml`, which gives the positioned message (or accepts what js-yaml would not).
  try {
    const values = loadAll(text, null, { schema: CORE_SCHEMA, json: true, filename: label }).filter((v) => v !== null && v !== undefined);
    if (values.length > 0) return { ok: true, values };
  } catch {
    // fall through to `yaml`
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  const values: unknown[] = [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const at = lineCounter.linePos(error.pos[0]);
      return { ok: false, problems: [`${label}:${at.line}:${at.col}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`] };
    }
    if (doc.contents === null) continue;
    try {
      values.push(doc.toJS({ maxAliasCount: 1000 }));
    } catch (e) {
      return { ok: false, problems: [`${label}: ${e instanceof Error ? e.message : String(e)}`] };
    }
  }
  if (values.length === 0) return { ok: false, problems: [`${label}: the file holds no objects (expected a NodeList, PodList, List or Node documents)`] };
  return { ok: true, values };
}

type Problem = (where: string, message: string) => void;

function readObject(value: unknown, impliedKind: string | null, where: string, objects: ClusterObjects, problem: Problem): void {
  const record = asRecord(value);
  if (!record) {
    problem(where, ' is not a Kubernetes object (expected a map with kind)');
    return;
  }
  const kind = asString(record.kind) || impliedKind;
  if (!kind) {
    problem(where, ' has no kind');
    return;
  }
  const metadata = asRecord(record.metadata) ?? {};
  const name = asString(metadata.name);
  if (!name && (kind === 'Node' || kind === 'Pod' || kind === 'Namespace' || kind === 'RuntimeClass')) {
    problem(where, ` (kind ${kind}) has no metadata.name`);
    return;
  }
  const here = (message: string): void => problem(where, ` (${kind} ${name}): ${message}`);
  switch (kind) {
    case 'Node': {
      const node = readNode(record, name, here);
      if (node) objects.nodes.push(node);
      return;
    }
    case 'Pod': {
      const pod = readPod(record, name, here);
      if (pod) objects.pods.push(pod);
      return;
    }
    case 'Namespace':
      objects.namespaces.push({ name, annotations: stringMap(metadata.annotations) });
      return;
    case 'RuntimeClass':
      objects.runtimeClasses.push(readRuntimeClass(record, name, here));
      return;
    default:
      problem(where, ` has kind ${kind}; a cluster file holds Node, Pod, Namespace and RuntimeClass objects`);
  }
}

/** Label and annotation maps: scalar values become strings (YAML may read `ssd: true` as a boolean). */
function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const record = asRecord(value);
  if (!record) return out;
  for (const [key, v] of Object.entries(record)) {
    if (v === null || v === undefined) out[key] = '';
    else if (typeof v !== 'object') out[key] = String(v);
  }
  return out;
}

function readNode(record: Record<string, unknown>, name: string, here: (message: string) => void): ClusterNode | null {
  const metadata = asRecord(record.metadata) ?? {};
  const spec = asRecord(record.spec) ?? {};
  const status = asRecord(record.status) ?? {};
  let ok = true;
  const taints: Taint[] = [];
  asArray(spec.taints).forEach((t, i) => {
    const taint = asRecord(t);
    const key = taint ? asString(taint.key) : '';
    const effect = taint ? asString(taint.effect) : '';
    if (!taint || !key || !taintEffects.has(effect)) {
      here(`spec.taints[${i}] needs a key and an effect of NoSchedule, PreferNoSchedule or NoExecute`);
      ok = false;
      return;
    }
    taints.push({ key, value: taint.value === undefined || taint.value === null ? '' : String(taint.value), effect });
  });
  const conditions: Record<string, string> = {};
  for (const c of asArray(status.conditions)) {
    const condition = asRecord(c);
    if (condition) conditions[asString(condition.type)] = asString(condition.status);
  }
  const unschedulable = spec.unschedulable === true;
  for (const implied of impliedTaints(unschedulable, conditions)) {
    if (!taints.some((t) => t.key === implied.key && t.effect === implied.effect)) taints.push(implied);
  }
  // SetDefaults_NodeStatus: allocatable defaults to capacity.
  const allocatableSource = asRecord(status.allocatable) ?? asRecord(status.capacity);
  let allocatable: Allocatable | null = null;
  if (allocatableSource) {
    const list = readResourceList(allocatableSource, [], (path, message) => {
      here(`status.allocatable.${String(path[0])}: ${message}`);
      ok = false;
    });
    const pods = list.get('pods');
    const r = toResources(list);
    // One literal (no spread): a stable object shape keeps the placement loop's reads fast.
    allocatable = { cpu: r.cpu, memory: r.memory, ephemeralStorage: r.ephemeralStorage, scalars: r.scalars, pods: pods === undefined ? 0 : toUnits({ nano: pods, format: 'DecimalSI' }) };
  }
  const ready = conditions.Ready;
  if (!ok) return null;
  return {
    name,
    labels: stringMap(metadata.labels),
    taints,
    unschedulable,
    allocatable,
    ready: ready === 'True' || ready === 'False' || ready === 'Unknown' ? ready : null,
  };
}

function readPod(record: Record<string, unknown>, name: string, here: (message: string) => void): ClusterPod | null {
  const metadata = asRecord(record.metadata) ?? {};
  const spec = asRecord(record.spec) ?? {};
  const status = asRecord(record.status) ?? {};
  let ok = true;
  const requests = toResources(
    podRequests(spec, ['spec'], (path, message) => {
      here(`${formatPath(path)}: ${message}`);
      ok = false;
    }),
  );
  if (!ok) return null;
  const references = asArray(metadata.ownerReferences).map(asRecord).filter((r): r is Record<string, unknown> => r !== null);
  const controller = references.find((r) => r.controller === true) ?? (references.length === 1 ? references[0] : undefined);
  return {
    namespace: asString(metadata.namespace) || 'default',
    name,
    nodeName: asString(spec.nodeName),
    phase: asString(status.phase),
    owner: controller ? { kind: asString(controller.kind), name: asString(controller.name) } : null,
    requests,
    hostPorts: podHostPorts(spec),
  };
}

function readRuntimeClass(record: Record<string, unknown>, name: string, here: (message: string) => void): RuntimeClassInfo {
  const overhead = asRecord(record.overhead);
  const scheduling = asRecord(record.scheduling);
  const podFixed = overhead ? readResourceList(overhead.podFixed, ['overhead', 'podFixed'], (path, message) => here(`${formatPath(path)}: ${message}`)) : null;
  return {
    name,
    overhead: podFixed && podFixed.size > 0 ? podFixed : null,
    nodeSelector: stringMap(scheduling?.nodeSelector),
  };
}

/** `spec.containers[0].resources` from a path. */
export function formatPath(path: ObjectPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}
