/**
 * The engine's plain data model: cluster nodes and pods in scheduler units, DaemonSet pod
 * properties, and engine findings. Everything here is plain data (no classes), so callers can
 * keep, compare and serialise it.
 */

/** A path into the DaemonSet object, e.g. `['spec', 'template', 'spec', 'containers', 0, 'resources']`. */
export type ObjectPath = (string | number)[];

/** Stable codes of engine findings; analysis maps them to diagnostics. */
export type EngineFindingCode =
  | 'quantity.invalid'
  | 'quantity.negative'
  | 'rollout.invalid-value'
  | 'rollout.both-zero'
  | 'rollout.stall'
  | 'placement.no-nodes'
  | 'affinity.invalid'
  | 'namespace.node-selector-invalid'
  | 'runtime-class.not-found';

/** A problem the engine found in a DaemonSet, located by a path into the object (not offsets). */
export interface EngineFinding {
  code: EngineFindingCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The deepest path that exists in the object or names the missing field; `[]` is the document. */
  path: ObjectPath;
  /** Nodes concerned, sorted by name (stall: the nodes left on the old version). */
  nodes?: string[];
}

/**
 * Resource amounts in the scheduler's units (pkg/scheduler/framework `Resource`): cpu in
 * millicores, memory and ephemeral-storage in bytes, everything else (extended resources,
 * hugepages) in units, keyed by resource name. Numbers are exact up to 2^53.
 */
export interface Resources {
  cpu: number;
  memory: number;
  ephemeralStorage: number;
  /** Other resources, e.g. `nvidia.com/gpu`, `hugepages-2Mi`; null when there are none. */
  scalars: Record<string, number> | null;
}

/** A node's allocatable resources and pod slots. */
export interface Allocatable extends Resources {
  pods: number;
}

/** A node taint. `origin` says when the engine added it from the node's state (as the node lifecycle controller does). */
export interface Taint {
  key: string;
  value: string;
  effect: string;
  origin?: 'unschedulable' | 'condition';
}

/** A pod toleration. `auto` marks those the DaemonSet controller adds to every daemon pod. */
export interface Toleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
  auto?: boolean;
}

/** A host port a pod binds: `hostIP` is `0.0.0.0` for "all addresses" (as the scheduler sanitises ""). */
export interface HostPort {
  port: number;
  protocol: string;
  hostIP: string;
}

/** One node as the simulation sees it. */
export interface ClusterNode {
  name: string;
  labels: Readonly<Record<string, string>>;
  /** Spec taints plus those implied by `spec.unschedulable` and conditions, in file order. */
  taints: readonly Taint[];
  unschedulable: boolean;
  /** null when the node gives neither allocatable nor capacity: no resource or pod-count checks. */
  allocatable: Allocatable | null;
  /** The Ready condition's status, or null when the node has none. */
  ready: 'True' | 'False' | 'Unknown' | null;
}

/** An existing pod bound to a node, reduced to what the scheduler counts. */
export interface ClusterPod {
  namespace: string;
  name: string;
  nodeName: string;
  phase: string;
  /** The controlling owner (ownerReferences with controller: true, else the only one). */
  owner: { kind: string; name: string } | null;
  requests: Resources;
  hostPorts: readonly HostPort[];
}

/** A Namespace's default node selectors (PodNodeSelector / OpenShift project annotations). */
export interface NamespaceInfo {
  name: string;
  annotations: Readonly<Record<string, string>>;
}

/** A RuntimeClass: the overhead and node selector its admission plugin puts on pods naming it. */
export interface RuntimeClassInfo {
  name: string;
  /** `overhead.podFixed`, exact nano-units by resource name; null when absent. */
  overhead: ReadonlyMap<string, bigint> | null;
  nodeSelector: Readonly<Record<string, string>>;
}

/** What existing pods use on one node. */
export interface NodeUsage {
  requested: Resources;
  pods: number;
  ports: readonly { port: HostPort; pod: string }[];
}

/** A loaded cluster: nodes sorted by name, their usage, namespaces and runtime classes. */
export interface Cluster {
  /** "embedded" or the path as given. */
  source: string;
  nodes: readonly ClusterNode[];
  /** Usage per node, parallel to `nodes`. */
  usage: readonly NodeUsage[];
  nodeIndex: ReadonlyMap<string, number>;
  namespaces: ReadonlyMap<string, NamespaceInfo>;
  runtimeClasses: ReadonlyMap<string, RuntimeClassInfo>;
  /** Pods by controlling DaemonSet, keyed `namespace/name`: left out when that DaemonSet is simulated. */
  daemonSetPods: ReadonlyMap<string, readonly ClusterPod[]>;
}
