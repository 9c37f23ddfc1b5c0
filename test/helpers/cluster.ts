/**
 * Cluster test helpers: the embedded default cluster (clusters/) and inline clusters, as the
 * `ClusterContext` analysis takes.
 */
import { readCluster } from '../../server/src/clusterFiles';
import type { ClusterContext } from '../../server/src/analysis/clusterContext';
import { loadCluster, type Cluster } from '../../server/src/engine';
import { repoRoot } from './paths';

let embedded: Cluster | undefined;

/** The embedded default cluster, loaded once per test file; throws (a test bug) if it is broken. */
export function embeddedCluster(): Cluster {
  if (!embedded) {
    const loaded = readCluster({ baseDir: repoRoot });
    if (!loaded.ok) throw new Error(`embedded cluster: ${loaded.problems.join('; ')}`);
    embedded = loaded.cluster;
  }
  return embedded;
}

/** A cluster from inline nodes (and pods) YAML; throws (a test bug) on problems. */
export function inlineCluster(nodesYaml: string, podsYaml?: string): Cluster {
  const loaded = loadCluster('inline', { text: nodesYaml, label: 'nodes.yaml' }, podsYaml === undefined ? undefined : { text: podsYaml, label: 'pods.yaml' });
  if (!loaded.ok) throw new Error(`inline cluster: ${loaded.problems.join('; ')}`);
  return loaded.cluster;
}

/** A `ClusterContext` for analysis (default: the embedded cluster, 10 s pod start). */
export function clusterContext(cluster: Cluster = embeddedCluster(), label = 'the embedded cluster'): ClusterContext {
  return { cluster, label, simulation: { podStartSeconds: 10 } };
}
