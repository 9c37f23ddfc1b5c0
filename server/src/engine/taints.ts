/**
 * Taints and tolerations as the DaemonSet controller evaluates them.
 * Sources: staging/src/k8s.io/api/core/v1/toleration.go `ToleratesTaint`;
 * component-helpers/scheduling/corev1/helpers.go `FindMatchingUntoleratedTaint`;
 * pkg/controller/daemon/util/daemonset_util.go `AddOrUpdateDaemonPodTolerations`.
 */
import type { Taint, Toleration } from './types';

/**
 * Whether one toleration tolerates one taint (`ToleratesTaint`): an empty effect matches every
 * effect, an empty key (with Exists) every key; operator "" means Equal. `Gt`/`Lt` sit behind the
 * alpha gate TaintTolerationComparisonOperators (off by default in 1.35), so they tolerate nothing.
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== '' && toleration.key !== taint.key) return false;
  switch (toleration.operator) {
    case '':
    case 'Equal':
      return toleration.value === taint.value;
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** Whether any toleration in the list tolerates the taint (`TolerationsTolerateTaint`). */
export function tolerated(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** Taint effects that keep the controller from creating a daemon pod (daemon_controller.go `predicates`). */
export function blocksDaemonPod(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', value: '', effect, auto: true });

/**
 * The tolerations the DaemonSet controller adds to every daemon pod
 * (`AddOrUpdateDaemonPodTolerations`): not-ready and unreachable NoExecute; disk-, memory- and
 * pid-pressure and unschedulable NoSchedule; network-unavailable NoSchedule only with hostNetwork.
 */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const list = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (hostNetwork) list.push(exists('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  return list;
}

/** `key=value:Effect` (or `key:Effect`), as kubectl prints a taint. */
export function formatTaint(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

/**
 * The taints the node lifecycle controller derives from node state
 * (pkg/controller/nodelifecycle/node_lifecycle_controller.go `nodeConditionToTaintKeyStatusMap`,
 * `doNoScheduleTaintingPass`, `doNoExecuteTaintingPass`): a node file saved by kubectl already
 * has them; a hand-written one may not, so the engine adds any that are missing.
 */
export function impliedTaints(unschedulable: boolean, conditions: Record<string, string>): Taint[] {
  const taints: Taint[] = [];
  const add = (key: string, effect: string, origin: Taint['origin']): void => {
    taints.push({ key, value: '', effect, origin });
  };
  if (unschedulable) add('node.kubernetes.io/unschedulable', 'NoSchedule', 'unschedulable');
  if (conditions.Ready === 'False') {
    add('node.kubernetes.io/not-ready', 'NoSchedule', 'condition');
    add('node.kubernetes.io/not-ready', 'NoExecute', 'condition');
  } else if (conditions.Ready === 'Unknown') {
    add('node.kubernetes.io/unreachable', 'NoSchedule', 'condition');
    add('node.kubernetes.io/unreachable', 'NoExecute', 'condition');
  }
  if (conditions.MemoryPressure === 'True') add('node.kubernetes.io/memory-pressure', 'NoSchedule', 'condition');
  if (conditions.DiskPressure === 'True') add('node.kubernetes.io/disk-pressure', 'NoSchedule', 'condition');
  if (conditions.PIDPressure === 'True') add('node.kubernetes.io/pid-pressure', 'NoSchedule', 'condition');
  if (conditions.NetworkUnavailable === 'True') add('node.kubernetes.io/network-unavailable', 'NoSchedule', 'condition');
  return taints;
}
