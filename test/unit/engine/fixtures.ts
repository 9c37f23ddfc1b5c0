/**
 * Builders for engine tests: plain Kubernetes objects (as `kubectl get -o json` gives them) and
 * a cluster loaded from them through the real parser.
 */
import { loadCluster } from '../../../server/src/engine';
import type { Cluster } from '../../../server/src/engine';

export interface NodeOptions {
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  allocatable?: Record<string, string> | null;
  unschedulable?: boolean;
  conditions?: Record<string, string>;
}

/** A Node object; allocatable defaults to 4 CPU, 8Gi, 110 pods. */
export function node(name: string, options: NodeOptions = {}): Record<string, unknown> {
  const allocatable = options.allocatable === undefined ? { cpu: '4', memory: '8Gi', pods: '110' } : options.allocatable;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(options.labels ?? {}) } },
    spec: { ...(options.taints ? { taints: options.taints } : {}), ...(options.unschedulable ? { unschedulable: true } : {}) },
    status: {
      ...(allocatable ? { allocatable } : {}),
      conditions: Object.entries(options.conditions ?? { Ready: 'True' }).map(([type, status]) => ({ type, status })),
    },
  };
}

export interface PodOptions {
  namespace?: string;
  phase?: string;
  owner?: { kind: string; name: string };
  spec?: Record<string, unknown>;
}

/** A Pod bound to `nodeName`; `spec` is merged into a spec with one container requesting `requests`. */
export function pod(name: string, nodeName: string, requests: Record<string, string> = {}, options: PodOptions = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      ...(options.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: options.owner.kind, name: options.owner.name, controller: true }] } : {}),
    },
    spec: { nodeName, containers: [{ name: 'c', resources: { requests } }], ...(options.spec ?? {}) },
    status: { phase: options.phase ?? 'Running' },
  };
}

/** A cluster built from objects through `loadCluster` (JSON List text); throws on problems (a test bug). */
export function cluster(objects: Record<string, unknown>[], source = 'test'): Cluster {
  const loaded = loadCluster(source, { text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }), label: 'test.json' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return loaded.cluster;
}

/** A DaemonSet object; `podSpec` is merged over one container `app`; `spec` over the DaemonSet spec. */
export function daemonSet(podSpec: Record<string, unknown> = {}, spec: Record<string, unknown> = {}, name = 'agent', namespace = 'default'): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'example/app:1' }], ...podSpec } },
      ...spec,
    },
  };
}
