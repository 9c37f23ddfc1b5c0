/**
 * The Daemonscope engine's public API (pure: values in, values out; no I/O, no LSP, no YAML
 * positions). Typical use:
 *
 *   const loaded = loadCluster('embedded', { text: nodesYaml, label: 'embedded-nodes.yaml' });
 *   if (!loaded.ok) report(loaded.problems);
 *   else previewDaemonSets(docs.map((d) => d.toJS()), loaded.cluster, { podStartSeconds: 10 });
 *
 * Kubernetes semantics follow kubernetes/kubernetes; each module cites its sources.
 */

/** Parse cluster text (YAML/JSON; List, NodeList, PodList, single objects) or decoded objects (a live snapshot) into objects, or problems. */
export { parseClusterText, readClusterObjects, readClusterObject, formatPath } from './clusterParse';
export type { ClusterObjects, ClusterParseResult } from './clusterParse';

/** Parse and merge a nodes file and an optional pods file into a `Cluster` (or problems); merge parsed objects. */
export { loadCluster, buildCluster } from './cluster';
export { ClusterModel, podKey } from './clusterModel';
export type { ClusterResult, ClusterText } from './cluster';

/** Kubernetes resource quantities (apimachinery `ParseQuantity`), their scheduler units, and formatting. */
export { parseQuantity, toMilli, toUnits, formatBytes, formatMilliCpu } from './quantity';
export type { Quantity, QuantityResult } from './quantity';

/** Read a DaemonSet object (API defaults applied) and resolve int-or-percent values. */
export { readDaemonSet, parseIntOrPercent, resolveIntOrPercent } from './daemonSet';
export type { DaemonSetModel, IntOrPercent } from './daemonSet';

/** Simulate one DaemonSet, or several as the preview contract (`PreviewResult`). */
export { simulateDaemonSet, previewDaemonSets, NodeResult } from './simulate';
export type { DaemonSetSimulation, SimulationOptions } from './simulate';

/** Fleet overhead: requests × the nodes that run the pod, the share of their allocatable, and its wording. */
export { fleetOverhead, overheadShare, describeOverhead, describeOverheadShort, formatCpuTotal, formatMemoryTotal, formatShare } from './overhead';
export type { RunsTotals } from './overhead';

/**
 * Rollout impact of an edit: fields that differ as the API server stores them (defaults applied),
 * whether they roll pods (only `spec.template` does), and per DaemonSet what applying it does.
 */
export { diffDaemonSets, formatEstimate } from './impact';
export { daemonSetChanges, changesTemplate, formatFieldPath } from './templateDiff';
export type { FieldChange } from './templateDiff';
export { storedDaemonSet, storedQuantity } from './apiDefaults';

/** Plan a rolling update from placement results (used by `simulateDaemonSet`; exposed for tests and diff). */
export { planRollout } from './rollout';
export type { RolloutInput, RolloutResult, SurgeBlocker } from './rollout';

/** Per-node detail for hover, rules and quick fixes: untolerated taints, selector and affinity results, free resources. */
export { inspectNode, untoleratedTaintsOf } from './inspect';
export type { NodeInspection } from './inspect';

/** Taint and toleration helpers (`ToleratesTaint`, the DaemonSet controller's automatic tolerations). */
export { toleratesTaint, daemonPodTolerations, formatTaint } from './taints';

/**
 * Reading one toleration or node affinity requirement as the engine does, and matching it on a
 * node: hover explains a single toleration or `matchExpressions` entry with the engine's semantics.
 */
export { readTolerations } from './podSpec';
export { readRequiredAffinity, requirementMatches, formatRequirement } from './nodeAffinity';
export type { Requirement } from './nodeAffinity';

/** Namespace default node selectors (PodNodeSelector, OpenShift). */
export { namespaceSelector, parseSelectorAnnotation, namespaceSelectorAnnotations } from './namespaceSelector';
export type { NamespaceSelector } from './namespaceSelector';

/** Formats an amount of a resource in its scheduler unit (`250m`, `512Mi`). */
export { formatAmount } from './details';

/** The engine's plain data model and findings. */
export type {
  Allocatable,
  Cluster,
  ClusterNode,
  ClusterPod,
  EngineFinding,
  EngineFindingCode,
  HostPort,
  NamespaceInfo,
  NodeUsage,
  ObjectPath,
  Resources,
  RuntimeClassInfo,
  Taint,
  Toleration,
} from './types';

/** The preview contract types (DESIGN.md "preview --format json"), re-exported for convenience. */
export type { DaemonSetImpact, DaemonSetPreview, DiffResult, FleetOverhead, ImpactStatus, NodePlacement, Placement, PlacementReason, PreviewResult, RolloutPlan, RolloutStall } from '../protocol';
