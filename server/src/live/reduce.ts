/**
 * Reduces Node, Pod and Namespace objects as the API server sends them to the fields the
 * simulation reads, keeping their Kubernetes shape (what `kubectl get nodes -o yaml` prints, minus
 * everything else), so the cluster-file loader takes them unchanged and a snapshot of 150,000
 * pods fits in memory. Malformed items give null (skipped by the caller).
 *
 * Reduced objects share equal parts through an `InternPool` (the pods of one ReplicaSet have the
 * same containers, owner references and status), and shared parts are frozen: treat every reduced
 * object as read-only.
 */

/** `metadata.ownerReferences[]` as the API serves it. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

/** `spec.taints[]` without `timeAdded`. */
export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** A Node reduced to name, labels, taints, unschedulable, allocatable and condition statuses. */
export interface ReducedNode {
  apiVersion: 'v1';
  kind: 'Node';
  metadata: { name: string; labels?: Record<string, string> };
  spec: { taints?: Taint[]; unschedulable?: boolean };
  status: { allocatable?: Record<string, string>; conditions?: { type: string; status: string }[] };
}

/** `containers[].ports[]`; only host ports matter to the simulation. */
export interface ContainerPort {
  containerPort: number;
  hostPort?: number;
  hostIP?: string;
  protocol?: string;
}

/** A container reduced to what scheduling reads. */
export interface ReducedContainer {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  ports?: ContainerPort[];
  /** Only on init containers: `Always` makes a sidecar (restartable init container). */
  restartPolicy?: string;
}

/** A bound, non-terminal Pod reduced to what occupies its node. */
export interface ReducedPod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: { namespace: string; name: string; ownerReferences?: OwnerReference[] };
  spec: {
    nodeName: string;
    containers: ReducedContainer[];
    initContainers?: ReducedContainer[];
    hostNetwork?: boolean;
    overhead?: Record<string, string>;
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    runtimeClassName?: string;
    priority?: number;
  };
  status: { phase: string };
}

/** A RuntimeClass reduced to what admission applies to pods naming it: overhead and scheduling. */
export interface ReducedRuntimeClass {
  apiVersion: 'node.k8s.io/v1';
  kind: 'RuntimeClass';
  metadata: { name: string };
  handler: string;
  overhead?: { podFixed: Record<string, string> };
  scheduling?: { nodeSelector?: Record<string, string>; tolerations?: Record<string, unknown>[] };
}

/** A Namespace reduced to its name and its default node-selector annotations. */
export interface ReducedNamespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: { name: string; annotations?: Record<string, string> };
}

/**
 * Namespace annotations that set a default node selector: the upstream PodNodeSelector admission
 * plugin (plugin/pkg/admission/podnodeselector/admission.go) and OpenShift projects.
 */
export const namespaceNodeSelectorAnnotations: readonly string[] = ['scheduler.alpha.kubernetes.io/node-selector', 'openshift.io/node-selector'];

/**
 * Shares equal strings and equal reduced parts between reduced objects: JSON.parse makes a new
 * string and object for every occurrence, and 150,000 pods repeat the same namespaces, nodes,
 * owners, containers and quantities. Each table is capped so unique values cannot grow it forever.
 */
export class InternPool {
  private readonly strings = new Map<string, string>();
  private readonly parts = new Map<string, object>();

  /** The pooled copy of `value`. */
  intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    if (this.strings.size < 200_000) this.strings.set(value, value);
    return value;
  }

  /** The pooled, deep-frozen copy of a JSON-like `value` (equal by JSON text). */
  share<T extends object>(value: T): T {
    const key = JSON.stringify(value);
    const known = this.parts.get(key);
    if (known !== undefined) return known as T;
    deepFreeze(value);
    if (this.parts.size < 100_000) this.parts.set(key, value);
    return value;
  }
}

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) deepFreeze(child as object);
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const record = (value: unknown): Json => (isRecord(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function stringMap(value: unknown, pool: InternPool, keep?: (key: string) => boolean): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  let out: Record<string, string> | undefined;
  for (const [key, raw] of Object.entries(value)) {
    if (keep && !keep(key)) continue;
    if (typeof raw === 'string') (out ??= {})[key] = pool.intern(raw);
    else if (typeof raw === 'number') (out ??= {})[key] = pool.intern(String(raw));
  }
  return out;
}

/** Reduces one Node; null without `metadata.name`. */
export function reduceNode(item: unknown, pool: InternPool = new InternPool()): ReducedNode | null {
  const metadata = record(record(item).metadata);
  const name = text(metadata.name);
  if (!name) return null;
  const spec = record(record(item).spec);
  const status = record(record(item).status);
  const out: ReducedNode = { apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: {} };
  const labels = stringMap(metadata.labels, pool);
  if (labels) out.metadata.labels = labels;
  const taints = list(spec.taints).flatMap((raw): Taint[] => {
    const t = record(raw);
    const key = text(t.key);
    const effect = text(t.effect);
    if (key === undefined || effect === undefined) return [];
    const value = text(t.value);
    return [value ? { key: pool.intern(key), value: pool.intern(value), effect: pool.intern(effect) } : { key: pool.intern(key), effect: pool.intern(effect) }];
  });
  if (taints.length > 0) out.spec.taints = pool.share(taints);
  if (spec.unschedulable === true) out.spec.unschedulable = true;
  const allocatable = stringMap(status.allocatable, pool);
  if (allocatable) out.status.allocatable = pool.share(allocatable);
  const conditions = list(status.conditions).flatMap((raw) => {
    const c = record(raw);
    const type = text(c.type);
    const state = text(c.status);
    return type && state ? [{ type: pool.intern(type), status: pool.intern(state) }] : [];
  });
  if (conditions.length > 0) out.status.conditions = pool.share(conditions);
  return out;
}

/** True for the phases of a pod that no longer holds its node (pkg/scheduler/scheduler.go newPodInformer). */
export function isTerminalPhase(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

/**
 * Reduces one Pod; null when it is not bound to a node (`spec.nodeName` empty: it holds nothing
 * yet), is terminal, or has no name. With `hostNetwork` every container port is kept (each is a
 * host port); otherwise only ports with a `hostPort`.
 */
export function reducePod(item: unknown, pool: InternPool = new InternPool()): ReducedPod | null {
  const metadata = record(record(item).metadata);
  const spec = record(record(item).spec);
  const status = record(record(item).status);
  const name = text(metadata.name);
  const nodeName = text(spec.nodeName);
  const phase = text(status.phase) ?? 'Pending';
  if (!name || !nodeName || isTerminalPhase(phase)) return null;
  const hostNetwork = spec.hostNetwork === true;
  const out: ReducedPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: pool.intern(text(metadata.namespace) ?? 'default'), name },
    spec: { nodeName: pool.intern(nodeName), containers: pool.share(list(spec.containers).flatMap((c) => reduceContainer(c, hostNetwork, pool))) },
    status: pool.share({ phase: pool.intern(phase) }),
  };
  const owners = list(metadata.ownerReferences).flatMap((raw): OwnerReference[] => {
    const o = record(raw);
    const [apiVersion, kind, ownerName, uid] = [text(o.apiVersion), text(o.kind), text(o.name), text(o.uid)];
    if (!apiVersion || !kind || !ownerName) return [];
    const ref: OwnerReference = { apiVersion: pool.intern(apiVersion), kind: pool.intern(kind), name: pool.intern(ownerName), uid: pool.intern(uid ?? '') };
    if (o.controller === true) ref.controller = true;
    return [ref];
  });
  if (owners.length > 0) out.metadata.ownerReferences = pool.share(owners);
  const init = list(spec.initContainers).flatMap((c) => reduceContainer(c, hostNetwork, pool));
  if (init.length > 0) out.spec.initContainers = pool.share(init);
  if (hostNetwork) out.spec.hostNetwork = true;
  const overhead = stringMap(spec.overhead, pool);
  if (overhead) out.spec.overhead = pool.share(overhead);
  const resources = reduceResources(spec.resources, pool);
  if (resources) out.spec.resources = pool.share(resources);
  const runtimeClassName = text(spec.runtimeClassName);
  if (runtimeClassName) out.spec.runtimeClassName = pool.intern(runtimeClassName);
  if (typeof spec.priority === 'number') out.spec.priority = spec.priority;
  return out;
}

function reduceResources(value: unknown, pool: InternPool): ReducedContainer['resources'] | undefined {
  const resources = record(value);
  const requests = stringMap(resources.requests, pool);
  const limits = stringMap(resources.limits, pool);
  if (!requests && !limits) return undefined;
  return { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
}

function reduceContainer(raw: unknown, hostNetwork: boolean, pool: InternPool): ReducedContainer[] {
  const c = record(raw);
  const name = text(c.name);
  if (name === undefined) return [];
  const out: ReducedContainer = { name: pool.intern(name) };
  const resources = reduceResources(c.resources, pool);
  if (resources) out.resources = resources;
  const ports = list(c.ports).flatMap((rawPort): ContainerPort[] => {
    const p = record(rawPort);
    if (typeof p.containerPort !== 'number') return [];
    const hostPort = typeof p.hostPort === 'number' && p.hostPort > 0 ? p.hostPort : undefined;
    if (hostPort === undefined && !hostNetwork) return [];
    const port: ContainerPort = { containerPort: p.containerPort };
    if (hostPort !== undefined) port.hostPort = hostPort;
    const hostIP = text(p.hostIP);
    if (hostIP) port.hostIP = pool.intern(hostIP);
    const protocol = text(p.protocol);
    if (protocol) port.protocol = pool.intern(protocol);
    return [port];
  });
  if (ports.length > 0) out.ports = ports;
  const restartPolicy = text(c.restartPolicy);
  if (restartPolicy) out.restartPolicy = pool.intern(restartPolicy);
  return [out];
}

/** Reduces one Namespace to its name and node-selector annotations; null without a name. */
export function reduceNamespace(item: unknown, pool: InternPool = new InternPool()): ReducedNamespace | null {
  const metadata = record(record(item).metadata);
  const name = text(metadata.name);
  if (!name) return null;
  const out: ReducedNamespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: pool.intern(name) } };
  const annotations = stringMap(metadata.annotations, pool, (key) => namespaceNodeSelectorAnnotations.includes(key));
  if (annotations) out.metadata.annotations = annotations;
  return out;
}

/**
 * Reduces one RuntimeClass to its handler, `overhead.podFixed` and `scheduling` (the RuntimeClass
 * admission plugin adds both to pods that name it: plugin/pkg/admission/runtimeclass/admission.go);
 * null without a name.
 */
export function reduceRuntimeClass(item: unknown, pool: InternPool = new InternPool()): ReducedRuntimeClass | null {
  const object = record(item);
  const name = text(record(object.metadata).name);
  if (!name) return null;
  const out: ReducedRuntimeClass = { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name }, handler: text(object.handler) ?? '' };
  const podFixed = stringMap(record(object.overhead).podFixed, pool);
  if (podFixed) out.overhead = { podFixed };
  const scheduling = record(object.scheduling);
  const nodeSelector = stringMap(scheduling.nodeSelector, pool);
  const tolerations = list(scheduling.tolerations).filter(isRecord);
  if (nodeSelector || tolerations.length > 0) out.scheduling = { ...(nodeSelector ? { nodeSelector } : {}), ...(tolerations.length > 0 ? { tolerations } : {}) };
  return out;
}
