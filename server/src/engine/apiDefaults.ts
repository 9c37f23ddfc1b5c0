/**
 * A DaemonSet as the API server would store it, for comparing two versions: what a person wrote
 * with a default value, an empty list or `null` is stored exactly as if they had left it out, so
 * it is no change. Covers apps/v1 `SetObjectDefaults_DaemonSet` (pkg/apis/apps/v1
 * zz_generated.defaults.go, `SetDefaults_DaemonSet` in defaults.go) and the pod template defaults
 * it calls (pkg/apis/core/v1/defaults.go: `SetDefaults_PodSpec`, `_Container`, `_Probe`,
 * `_HTTPGetAction`, `_Volume`, the volume sources' `DefaultMode`, `_ObjectFieldSelector`,
 * `_ServiceAccountTokenProjection`, `_ResourceList`; `ContainerPort.Protocol` +default=TCP).
 *
 * Not applied, on purpose: `SetDefaults_Pod` (requests from limits, `enableServiceLinks`, host
 * ports under hostNetwork) runs on Pods only, "not a v1.PodTemplate" (its own comment), so those
 * fields are compared as written. Where unsure whether the stored JSON differs (a pointer field
 * written with its zero value, `{}` for a struct pointer), the values are kept apart: reporting a
 * rollout that does not happen is the safer mistake.
 */
import { parseQuantity } from './quantity';

/** A decoded YAML/JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Go maps (omitempty): their keys are data, their values kept as written; `{}` is no map. */
export const mapFields = new Set(['labels', 'annotations', 'nodeSelector', 'requests', 'limits', 'overhead', 'volumeAttributes', 'matchLabels']);
/** Struct values (not pointers) serialise the same empty or absent. */
const structValues = new Set(['resources', 'metadata']);
/** ResourceList maps: quantities compared as the API server stores them. */
export const quantityMaps = new Set(['requests', 'limits', 'overhead']);
/**
 * Non-pointer bool and int fields with omitempty: `false`/`0` is stored as absent. Pointer fields
 * (`privileged`, `runAsUser`, `defaultMode`, `automountServiceAccountToken`...) keep their zero.
 */
const zeroOmitted = new Set(['hostNetwork', 'hostPID', 'hostIPC', 'stdin', 'stdinOnce', 'tty', 'hostPort', 'readOnly', 'initialDelaySeconds', 'minReadySeconds']);
/** Pointer strings: `""` is stored, unlike the omitempty strings everywhere else. */
const pointerStrings = new Set(['mountPropagation', 'service', 'storageClassName', 'volumeMode', 'recursiveReadOnly', 'type']);

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Drops what is stored as absent: `null`, `[]`, `{}` for maps and struct values, `""` for
 * non-pointer strings, `false`/`0` for the known omitempty scalars. Map entries are data and are
 * kept (a label with an empty value is a label). Returns undefined for "absent".
 */
function clean(value: unknown, key: string | number | null, inMap: boolean): Json | undefined {
  if (value === null || value === undefined) return inMap ? '' : undefined;
  if (Array.isArray(value)) {
    const items = value.map((item, i) => clean(item, i, false) ?? null);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const isMap = typeof key === 'string' && mapFields.has(key);
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const cleaned = clean(v, k, isMap);
      if (cleaned !== undefined) out[k] = cleaned;
    }
    if (Object.keys(out).length === 0 && typeof key === 'string' && (isMap || structValues.has(key))) return undefined;
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  if (!inMap && typeof key === 'string') {
    if (value === '' && !pointerStrings.has(key)) return undefined;
    if ((value === false || value === 0) && zeroOmitted.has(key)) return undefined;
  }
  return value;
}

function objectAt(parent: JsonObject, key: string): JsonObject | undefined {
  const value = parent[key];
  return isObject(value) ? value : undefined;
}

function listAt(parent: JsonObject, key: string): JsonObject[] {
  const value = parent[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** Sets `key` when absent (or, with `orZero`, 0: the Go defaulters test `== 0`). */
function setDefault(target: JsonObject | undefined, key: string, value: Json, orZero = false): void {
  if (!target) return;
  if (!(key in target) || (orZero && target[key] === 0)) target[key] = value;
}

/** pkg/util/parsers `ParseImageName`: no tag and no digest means `latest`. */
function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) return name.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

function defaultHttpGet(handler: JsonObject | undefined): void {
  const httpGet = handler && objectAt(handler, 'httpGet');
  setDefault(httpGet, 'path', '/');
  setDefault(httpGet, 'scheme', 'HTTP');
}

function defaultProbe(probe: JsonObject | undefined): void {
  if (!probe) return;
  setDefault(probe, 'timeoutSeconds', 1, true);
  setDefault(probe, 'periodSeconds', 10, true);
  setDefault(probe, 'successThreshold', 1, true);
  setDefault(probe, 'failureThreshold', 3, true);
  defaultHttpGet(probe);
  setDefault(objectAt(probe, 'grpc'), 'service', '');
}

function defaultFieldRef(holder: JsonObject | undefined): void {
  setDefault(holder && objectAt(holder, 'fieldRef'), 'apiVersion', 'v1');
}

function defaultContainer(container: JsonObject): void {
  const image = typeof container.image === 'string' ? container.image : '';
  setDefault(container, 'imagePullPolicy', image !== '' && imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent');
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  for (const port of listAt(container, 'ports')) setDefault(port, 'protocol', 'TCP');
  for (const env of listAt(container, 'env')) defaultFieldRef(objectAt(env, 'valueFrom'));
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(objectAt(container, probe));
  const lifecycle = objectAt(container, 'lifecycle');
  if (lifecycle) for (const hook of ['postStart', 'preStop']) defaultHttpGet(objectAt(lifecycle, hook));
}

const defaultMode = 420; // 0644: Secret, ConfigMap, DownwardAPI and Projected DefaultMode

function defaultVolume(volume: JsonObject): void {
  // SetDefaults_Volume: a volume with no source is an emptyDir.
  if (Object.keys(volume).every((k) => k === 'name')) volume.emptyDir = {};
  setDefault(objectAt(volume, 'hostPath'), 'type', '');
  for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) setDefault(objectAt(volume, source), 'defaultMode', defaultMode);
  for (const item of listAt(objectAt(volume, 'downwardAPI') ?? {}, 'items')) defaultFieldRef(item);
  for (const source of listAt(objectAt(volume, 'projected') ?? {}, 'sources')) {
    for (const item of listAt(objectAt(source, 'downwardAPI') ?? {}, 'items')) defaultFieldRef(item);
    setDefault(objectAt(source, 'serviceAccountToken'), 'expirationSeconds', 3600);
  }
}

/**
 * The DaemonSet (a decoded object) as stored: cleaned as above, then defaulted. Values that are
 * not objects give `{}`. Never throws.
 */
export function storedDaemonSet(object: unknown): JsonObject {
  const root = clean(object, null, false);
  const ds: JsonObject = isObject(root) ? root : {};
  const spec = isObject(ds.spec) ? ds.spec : (ds.spec = {});
  // SetDefaults_DaemonSet.
  const strategy = isObject(spec.updateStrategy) ? spec.updateStrategy : (spec.updateStrategy = {});
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rolling = isObject(strategy.rollingUpdate) ? strategy.rollingUpdate : (strategy.rollingUpdate = {});
    setDefault(rolling, 'maxUnavailable', 1);
    setDefault(rolling, 'maxSurge', 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  const template = objectAt(spec, 'template');
  const podSpec = template && objectAt(template, 'spec');
  if (podSpec) {
    setDefault(podSpec, 'dnsPolicy', 'ClusterFirst');
    setDefault(podSpec, 'restartPolicy', 'Always');
    setDefault(podSpec, 'securityContext', {});
    setDefault(podSpec, 'terminationGracePeriodSeconds', 30);
    setDefault(podSpec, 'schedulerName', 'default-scheduler');
    for (const container of [...listAt(podSpec, 'initContainers'), ...listAt(podSpec, 'containers')]) defaultContainer(container);
    for (const volume of listAt(podSpec, 'volumes')) defaultVolume(volume);
  }
  return ds;
}

/**
 * A quantity as the API server stores it (SetDefaults_ResourceList rounds up to milli-units; the
 * canonical string keeps the format: `1Gi` and `1073741824` are stored differently): a key equal
 * for equal stored values, or null when it is not a quantity (then compare as written).
 */
export function storedQuantity(value: Json): string | null {
  const parsed = parseQuantity(value);
  if (!parsed.ok) return null;
  const { nano } = parsed.quantity;
  let format = parsed.quantity.format;
  const milli = nano >= 0n ? (nano + 999_999n) / 1_000_000n : nano / 1_000_000n;
  if (milli === 0n) return '0';
  // CanonicalizeBytes writes a binary amount with a suffix only when it is a whole multiple of
  // 1Ki; otherwise the stored string is plain decimal and reads back as DecimalSI.
  if (format === 'BinarySI' && (milli % 1000n !== 0n || (milli / 1000n) % 1024n !== 0n)) format = 'DecimalSI';
  return `${milli}:${format}`;
}
