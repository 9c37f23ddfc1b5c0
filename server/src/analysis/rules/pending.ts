/**
 * Nodes where the controller creates the daemon pod but it cannot run: the scheduler's filters
 * (pkg/scheduler/framework/plugins/nodeports `fitsPorts`, noderesources/fit.go `fitsRequest`,
 * pod slots) or the node selectors admission merges in (PodNodeSelector, RuntimeClass). The pod
 * stays Pending there, which also holds rollout budget. A warning per reason, naming the nodes,
 * with the first node's detail ("requests 2 cpu; 1 of 2 allocatable is free").
 */
import type { NodeResult, PlacementReason } from '../../engine';
import { DiagnosticCode } from '../codes';
import type { JsonObject } from '../model';
import type { PathSegment } from '../path';
import { clusterView, listNames, plural } from './clusterRule';
import { findingAt, longRunningContainers, podSpecPath, record } from './fields';
import type { Rule } from './rule';

const pendingOrder: PlacementReason[] = ['hostPort', 'resources', 'podCount', 'nodeSelector', 'namespaceNodeSelector'];

/** The first `hostPort` (or, with hostNetwork, `containerPort`) written in a long-running container. */
function hostPortPath(value: JsonObject): PathSegment[] | undefined {
  const hostNetwork = record(record(record(value.spec)?.template)?.spec)?.hostNetwork === true;
  for (const ref of longRunningContainers(value)) {
    const ports = ref.container.ports;
    if (!Array.isArray(ports)) continue;
    for (let i = 0; i < ports.length; i++) {
      const port = record(ports[i]);
      if (port?.hostPort !== undefined) return [...ref.path, 'ports', i, 'hostPort'];
      if (hostNetwork && port?.containerPort !== undefined) return [...ref.path, 'ports', i, 'containerPort'];
    }
  }
  return undefined;
}

/** The `resources.requests` (else `resources`, else the container) of the first long-running container that has any. */
function resourcesPath(value: JsonObject): PathSegment[] {
  const containers = longRunningContainers(value);
  const withRequests = containers.find((ref) => record(record(ref.container.resources)?.requests));
  if (withRequests) return [...withRequests.path, 'resources', 'requests'];
  const withResources = containers.find((ref) => record(ref.container.resources));
  if (withResources) return [...withResources.path, 'resources'];
  if (record(record(record(value.spec)?.template)?.spec)?.resources) return [...podSpecPath, 'resources'];
  return containers[0]?.path ?? podSpecPath;
}

function pathFor(reason: PlacementReason, value: JsonObject): PathSegment[] {
  switch (reason) {
    case 'hostPort':
      return hostPortPath(value) ?? [...podSpecPath, 'containers'];
    case 'resources':
      return resourcesPath(value);
    case 'nodeSelector':
      return [...podSpecPath, 'runtimeClassName'];
    case 'namespaceNodeSelector':
      return ['metadata', 'namespace'];
    default:
      return [...podSpecPath];
  }
}

export const pendingRule: Rule = {
  name: 'pending',
  codes: [DiagnosticCode.PlacementPending],
  check(model, context) {
    const view = clusterView(model, context);
    if (!view || view.simulation.counts.pending === 0) return [];
    const byReason = new Map<PlacementReason, NodeResult[]>();
    for (const node of view.simulation.preview.nodes) {
      if (node.placement !== 'pending' || node.reason === null) continue;
      const list = byReason.get(node.reason) ?? [];
      list.push(node);
      byReason.set(node.reason, list);
    }
    return pendingOrder
      .filter((reason) => byReason.has(reason))
      .map((reason) => {
        const nodes = byReason.get(reason)!;
        const names = nodes.map((node) => node.node);
        const where = nodes.length === 1 ? `${names[0]} of ${view.label}` : `${plural(nodes.length, 'node')} of ${view.label} (${listNames(names)})`;
        const detail = nodes[0]!.detail;
        return findingAt(model, {
          code: DiagnosticCode.PlacementPending,
          severity: 'warning',
          message: `Pending on ${where} (${reason}): ${nodes.length > 1 ? `on ${names[0]}, ` : ''}${detail}.`,
          path: pathFor(reason, model.value),
          prefer: reason === 'hostPort' || reason === 'namespaceNodeSelector' || reason === 'nodeSelector' ? 'value' : 'key',
        });
      });
  },
};
