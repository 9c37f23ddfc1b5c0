/**
 * Resource requests and limits of a long-running container (containers and sidecars).
 * A daemon runs on every node, so its requests are reserved on every node: without them the
 * scheduler places it anywhere and the kubelet evicts it first under pressure (BestEffort QoS,
 * kubernetes.io/docs/concepts/workloads/pods/pod-qos). A limit alone also sets the request (API
 * defaulting, pkg/apis/core/v1/defaults.go `SetDefaults_Pod`: requests default to limits), and
 * pod-level `spec.resources` (beta since 1.34) covers cpu and memory for every container.
 */
import type { JsonObject } from '../model';
import { podSpecPath, record, recordAt, type ContainerRef } from './fields';

/** Whether the container (or the pod) sets a cpu and a memory request (a limit alone counts), and a memory limit. */
export interface ContainerResources {
  requests: { cpu: boolean; memory: boolean };
  memoryLimit: boolean;
}

/** Whether pod-level `spec.resources` sets `resource` in requests or limits. */
function podLevel(value: JsonObject, part: 'requests' | 'limits', resource: string): boolean {
  const resources = record(recordAt(value, podSpecPath)?.resources);
  return record(resources?.[part])?.[resource] !== undefined || (part === 'requests' && record(resources?.limits)?.[resource] !== undefined);
}

/** What a container (with pod-level resources) requests and limits. */
export function containerResources(value: JsonObject, ref: ContainerRef): ContainerResources {
  const resources = record(ref.container.resources);
  const requests = record(resources?.requests) ?? {};
  const limits = record(resources?.limits) ?? {};
  const requested = (name: string) => requests[name] !== undefined || limits[name] !== undefined || podLevel(value, 'requests', name);
  return {
    requests: { cpu: requested('cpu'), memory: requested('memory') },
    memoryLimit: limits.memory !== undefined || podLevel(value, 'limits', 'memory'),
  };
}
