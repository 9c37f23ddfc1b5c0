/**
 * Small helpers the rules share: reading fields from the decoded DaemonSet (plain JSON of any
 * shape, so every read checks the type) and building findings at a path's key or value.
 */
import type { DiagnosticCode } from '../codes';
import { spanAt } from '../locate';
import type { DaemonSetModel, JsonObject } from '../model';
import type { PathSegment } from '../path';
import type { Finding, Severity } from '../types';

/** `spec.template.spec`, where the pod's fields live. */
export const podSpecPath: readonly PathSegment[] = ['spec', 'template', 'spec'];

/** `value` when it is a mapping, else undefined. */
export function record(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** `value` when it is a non-empty string, else undefined. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The entries of `items` whose key (`keyOf`; undefined: the entry takes no part) an earlier entry
 * already had, each with the index of the first entry that had it: the "listed again (first on
 * line N)" findings of the rules that follow the API server's duplicate warnings.
 */
export function repeats(items: readonly unknown[], keyOf: (item: unknown) => string | undefined): { index: number; first: number; key: string }[] {
  const firstIndex = new Map<string, number>();
  const out: { index: number; first: number; key: string }[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else out.push({ index, first, key });
  });
  return out;
}

/** A container port as the API server reads it: protocol TCP when unset, no hostIP '', no hostPort 0. */
export interface PortAsWritten {
  containerPort: unknown;
  protocol: string;
  hostIP: string;
  hostPort: number;
}

/** The port entry `raw` with the API server's defaults (`PortAsWritten`); undefined when not a mapping. */
export function portAsWritten(raw: unknown): PortAsWritten | undefined {
  const port = record(raw);
  if (!port) return undefined;
  return {
    containerPort: port.containerPort,
    protocol: typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP',
    hostIP: typeof port.hostIP === 'string' ? port.hostIP : '',
    hostPort: typeof port.hostPort === 'number' ? port.hostPort : 0,
  };
}

/**
 * The port entry `raw` as the API server sees it in the pod template (`portAsWritten`), with
 * `hostPort` taken from `containerPort` when it has none and `hostNetworkDefaults` is set: before
 * Kubernetes 1.28, pkg/apis/core/v1/defaults.go `SetDefaults_PodSpec` called
 * `defaultHostNetworkPorts` on the template of a `hostNetwork: true` pod (see
 * `templateDefaultsHostPorts`). Undefined when not a mapping.
 */
export function portAsDefaulted(raw: unknown, hostNetworkDefaults: boolean): PortAsWritten | undefined {
  const port = portAsWritten(raw);
  if (!port || !hostNetworkDefaults || port.hostPort !== 0 || typeof port.containerPort !== 'number') return port;
  return { ...port, hostPort: port.containerPort };
}

/** A container port as the API server compares it in the pod template, with where it is and whose. */
export interface PodPort {
  /** As `portAsDefaulted` reads it. */
  port: PortAsWritten;
  /** Its `hostPort` came from defaulting (`portAsDefaulted`), not from the file. */
  defaulted: boolean;
  container: ContainerRef;
  /** Its index in the container's `ports`; its path is `[...container.path, 'ports', index]`. */
  index: number;
  /** `container NAME` or `init container NAME`, for messages. */
  owner: string;
}

/**
 * Every port entry that is a mapping, of every container of the pod template (init containers
 * first, as `allContainers` and the API server's `VisitContainersWithPath` order them), with the
 * `hostPort` defaulting of `portAsDefaulted` when `hostNetworkDefaults`.
 */
export function podPorts(value: JsonObject, hostNetworkDefaults: boolean): PodPort[] {
  const out: PodPort[] = [];
  for (const container of allContainers(value)) {
    const ports = container.container.ports;
    if (!Array.isArray(ports)) continue;
    const owner = `${container.list === 'initContainers' ? 'init container' : 'container'} ${container.name}`;
    ports.forEach((raw: unknown, index) => {
      const port = portAsDefaulted(raw, hostNetworkDefaults);
      if (!port) return;
      out.push({ port, defaulted: port.hostPort !== 0 && portAsDefaulted(raw, false)?.hostPort === 0, container, index, owner });
    });
  }
  return out;
}

/** The mapping at `path` in `value`, or undefined when absent or not a mapping. */
export function recordAt(value: unknown, path: readonly PathSegment[]): JsonObject | undefined {
  let current: unknown = value;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = record(current)?.[segment];
  }
  return record(current);
}

/** One container of the pod template with its path, for rules that look at each. */
export interface ContainerRef {
  container: JsonObject;
  path: PathSegment[];
  /** The list it is in (`initContainers` holds sidecars and classic init containers). */
  list: 'containers' | 'initContainers';
  /** Its `name`, or `#N` (1-based) when it has none. */
  name: string;
}

/** Every container of the pod template (init containers first, as the pod starts them), with its path. */
export function allContainers(value: JsonObject): ContainerRef[] {
  const podSpec = recordAt(value, podSpecPath);
  const out: ContainerRef[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    const items = podSpec?.[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      const container = record(item);
      if (container) out.push({ container, path: [...podSpecPath, list, index], list, name: typeof container.name === 'string' ? container.name : `#${index + 1}` });
    });
  }
  return out;
}

/**
 * The containers that run for the pod's lifetime: `containers` and sidecars (init containers
 * with `restartPolicy: Always`, pkg/api/v1/pod `IsRestartableInitContainer`). Others are skipped.
 */
export function longRunningContainers(value: JsonObject): ContainerRef[] {
  return allContainers(value).filter((ref) => ref.list === 'containers' || ref.container.restartPolicy === 'Always');
}

/** What a finding needs besides the model: code, severity, message, where, and fix data. */
export interface FindingSpec {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** The path to underline; the nearest written parent when it is not written. */
  path: readonly PathSegment[];
  /** Underline the key or the value (default: key). */
  prefer?: 'key' | 'value';
  data?: unknown;
  fixable?: boolean;
}

/** A finding at `spec.path` in the model's document. */
export function findingAt(model: DaemonSetModel, spec: FindingSpec): Finding {
  const finding: Finding = {
    code: spec.code,
    severity: spec.severity,
    message: spec.message,
    span: spanAt(model.document, spec.path, spec.prefer ?? 'key', model.anchor),
  };
  if (spec.data !== undefined) finding.data = spec.data;
  if (spec.fixable !== undefined) finding.fixable = spec.fixable;
  return finding;
}

/**
 * The 1-based line of the value at `path` (its key when it has no value), for messages that point
 * at an earlier entry ("first on line N").
 */
export function lineOf(model: DaemonSetModel, lineCounter: { linePos(offset: number): { line: number } }, path: readonly PathSegment[]): number {
  return lineCounter.linePos(spanAt(model.document, path, 'value', model.anchor).start).line;
}
