/**
 * `replicas` under a DaemonSet's `spec`: a DaemonSet has no replica count (DaemonSetSpec in
 * k8s.io/api apps/v1 types.go has no such field; the controller runs one pod per eligible node,
 * pkg/controller/daemon `NodeShouldRunDaemonPod`). People bring it over from Deployments.
 */
import { DiagnosticCode } from '../codes';
import { locate } from '../locate';
import type { Rule } from './rule';

export const replicasRule: Rule = {
  name: 'replicas',
  codes: [DiagnosticCode.ReplicasInDaemonSet],
  check(model) {
    const location = locate(model.document, ['spec', 'replicas']);
    if (!location.exact || !location.key) return [];
    return [
      {
        code: DiagnosticCode.ReplicasInDaemonSet,
        severity: 'error',
        message:
          'A DaemonSet has no `replicas`: it runs one pod on every eligible node. Remove it, and choose the nodes with nodeSelector, affinity and tolerations.',
        span: location.key,
        data: { path: ['spec', 'replicas'], remove: location.pair },
        fixable: true,
      },
    ];
  },
};
