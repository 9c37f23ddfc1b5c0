/**
 * Reads what the scheduler needs from a pod spec given as a plain object: effective requests
 * (pkg/api/v1/resource → component-helpers/resource/helpers.go `PodRequests`), host ports
 * (pkg/scheduler/util `GetHostPorts`) and tolerations. Shared by the DaemonSet template and the
 * existing pods of a cluster. Bad values are reported through `report`, never thrown.
 */
import { parseQuantity, toMilli, toUnits } from './quantity';
import type { HostPort, ObjectPath, Resources, Toleration } from './types';

/** Receives one problem with a value: where (path relative to the reader's base) and what. */
export type Report = (path: ObjectPath, message: string, code: 'quantity.invalid' | 'quantity.negative') => void;

/** Exact resource amounts in nano-units, by resource name. */
export type ResourceList = Map<string, bigint>;

export function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Reads a `ResourceList` map (requests, limits, overhead); invalid or negative entries are reported and left out. */
export function readResourceList(value: unknown, path: ObjectPath, report: Report): ResourceList {
  const list: ResourceList = new Map();
  const record = asRecord(value);
  if (!record) return list;
  for (const [name, raw] of Object.entries(record)) {
    if (raw === null || raw === undefined) continue;
    const parsed = parseQuantity(raw);
    if (!parsed.ok) {
      report([...path, name], `${JSON.stringify(raw)} is not a valid ${name} quantity: ${parsed.reason}`, 'quantity.invalid');
      continue;
    }
    if (parsed.quantity.nano < 0n) {
      report([...path, name], `${name} must not be negative (${JSON.stringify(raw)})`, 'quantity.negative');
      continue;
    }
    list.set(name, parsed.quantity.nano);
  }
  return list;
}

function add(into: ResourceList, from: ReadonlyMap<string, bigint>): void {
  for (const [name, amount] of from) into.set(name, (into.get(name) ?? 0n) + amount);
}

function maxInto(into: ResourceList, from: ResourceList): void {
  for (const [name, amount] of from) {
    const current = into.get(name);
    if (current === undefined || amount > current) into.set(name, amount);
  }
}

/** Pod-level resources cover cpu, memory and hugepages only (helpers.go `IsSupportedPodLevelResource`). */
export function isPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}

/** A container's requests after API defaulting: a limit without a request becomes the request (pkg/apis/core/v1/defaults.go `SetDefaults_Pod`). */
function containerRequests(container: Record<string, unknown>, path: ObjectPath, report: Report): ResourceList {
  const resources = asRecord(container.resources);
  if (!resources) return new Map();
  const requests = readResourceList(resources.requests, [...path, 'resources', 'requests'], report);
  const limits = readResourceList(resources.limits, [...path, 'resources', 'limits'], report);
  for (const [name, amount] of limits) if (!requests.has(name)) requests.set(name, amount);
  return requests;
}

function isSidecar(container: Record<string, unknown>): boolean {
  return container.restartPolicy === 'Always';
}

/**
 * The pod's effective requests as the scheduler computes them (`PodRequests`): the sum of
 * containers and sidecars, at least each classic init container plus the sidecars started before
 * it; pod-level requests (after `defaultPodRequests`) replace cpu, memory and hugepages; plus
 * overhead (`overheadOverride` when a RuntimeClass sets it). Exact nano-units.
 */
export function podRequests(spec: Record<string, unknown>, path: ObjectPath, report: Report, overheadOverride?: ReadonlyMap<string, bigint>): ResourceList {
  const result: ResourceList = new Map();
  asArray(spec.containers).forEach((c, i) => {
    const container = asRecord(c);
    if (container) add(result, containerRequests(container, [...path, 'containers', i], report));
  });
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  asArray(spec.initContainers).forEach((c, i) => {
    const container = asRecord(c);
    if (!container) return;
    const requests = containerRequests(container, [...path, 'initContainers', i], report);
    if (isSidecar(container)) {
      add(result, requests);
      add(sidecars, requests);
      maxInto(initMax, sidecars);
    } else {
      const combined: ResourceList = new Map(requests);
      add(combined, sidecars);
      maxInto(initMax, combined);
    }
  });
  maxInto(result, initMax);

  const podResources = asRecord(spec.resources);
  if (podResources) {
    const podPath = [...path, 'resources'];
    const requests = readResourceList(podResources.requests, [...podPath, 'requests'], report);
    const limits = readResourceList(podResources.limits, [...podPath, 'limits'], report);
    // defaultPodRequests: with pod-level limits, a missing pod-level request takes the containers'
    // aggregate (cpu, memory) when they request it, else the pod-level limit.
    if (limits.size > 0) {
      for (const [name, amount] of limits) {
        if (requests.has(name) || !isPodLevelResource(name)) continue;
        const fromContainers = name.startsWith('hugepages-') ? undefined : result.get(name);
        requests.set(name, fromContainers ?? amount);
      }
    }
    for (const [name, amount] of requests) if (isPodLevelResource(name)) result.set(name, amount);
  }

  const overhead = overheadOverride ?? readResourceList(spec.overhead, [...path, 'overhead'], report);
  add(result, overhead);
  return result;
}

/**
 * Converts exact amounts to scheduler units (`Resource.Add`: cpu MilliValue, the rest Value).
 * The object is built as one literal, so every `Resources` shares one V8 shape (reads stay fast).
 */
export function toResources(list: ReadonlyMap<string, bigint>): Resources {
  let cpu = 0;
  let memory = 0;
  let ephemeralStorage = 0;
  let scalars: Record<string, number> | null = null;
  for (const [name, nano] of list) {
    const quantity = { nano, format: 'DecimalSI' as const };
    if (name === 'cpu') cpu = toMilli(quantity);
    else if (name === 'memory') memory = toUnits(quantity);
    else if (name === 'ephemeral-storage') ephemeralStorage = toUnits(quantity);
    else if (name !== 'pods') (scalars ??= {})[name] = toUnits(quantity);
  }
  return { cpu, memory, ephemeralStorage, scalars };
}

/** True when the scheduler would skip the resource check for these requests (fit.go `fitsRequest`). */
export function requestsNothing(r: Resources): boolean {
  if (r.cpu !== 0 || r.memory !== 0 || r.ephemeralStorage !== 0) return false;
  return r.scalars === null || Object.keys(r.scalars).length === 0;
}

/**
 * Host ports the pod binds (pkg/scheduler/util `GetHostPorts`): containers and sidecars, not
 * classic init containers. With hostNetwork every containerPort is also a host port
 * (defaults.go `defaultHostNetworkPorts`). Protocol defaults to TCP, hostIP "" to 0.0.0.0.
 */
export function podHostPorts(spec: Record<string, unknown>): HostPort[] {
  const hostNetwork = spec.hostNetwork === true;
  const ports: HostPort[] = [];
  const collect = (c: unknown): void => {
    const container = asRecord(c);
    if (!container) return;
    for (const p of asArray(container.ports)) {
      const port = asRecord(p);
      if (!port) continue;
      let hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
      if (hostNetwork && hostPort === 0 && typeof port.containerPort === 'number') hostPort = port.containerPort;
      if (!(hostPort > 0)) continue;
      const protocol = asString(port.protocol) || 'TCP';
      const hostIP = asString(port.hostIP) || '0.0.0.0';
      ports.push({ port: hostPort, protocol, hostIP });
    }
  };
  for (const c of asArray(spec.initContainers)) if (asRecord(c) && isSidecar(asRecord(c)!)) collect(c);
  for (const c of asArray(spec.containers)) collect(c);
  return ports;
}

/**
 * Whether two host ports conflict (pkg/scheduler/framework `HostPortInfo.CheckConflict`): same
 * port and protocol, and the same hostIP or either one 0.0.0.0.
 */
export function portsConflict(a: HostPort, b: HostPort): boolean {
  return a.port === b.port && a.protocol === b.protocol && (a.hostIP === b.hostIP || a.hostIP === '0.0.0.0' || b.hostIP === '0.0.0.0');
}

/** Reads `tolerations` as written (operator "" means Equal, as `ToleratesTaint` treats it). */
export function readTolerations(value: unknown): Toleration[] {
  const tolerations: Toleration[] = [];
  for (const t of asArray(value)) {
    const toleration = asRecord(t);
    if (!toleration) continue;
    tolerations.push({
      key: asString(toleration.key),
      operator: asString(toleration.operator),
      value: typeof toleration.value === 'string' ? toleration.value : toleration.value === undefined || toleration.value === null ? '' : String(toleration.value),
      effect: asString(toleration.effect),
    });
  }
  return tolerations;
}
