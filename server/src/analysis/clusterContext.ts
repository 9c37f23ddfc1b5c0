/**
 * The cluster an analysis simulates on, as a value: the server and the CLI load it (embedded,
 * cluster file, live context) and pass it in; analysis never reads it from disk. Simulations are
 * memoised per DaemonSet model, so rules, hover and completion of one analysis share one run.
 */
import { simulateDaemonSet, type Cluster, type DaemonSetSimulation, type SimulationOptions } from '../engine';
import type { DaemonSetModel } from './model';

/** A loaded cluster and how to name it in messages. */
export interface ClusterContext {
  cluster: Cluster;
  /**
   * How messages name it: "the embedded cluster", "cluster file nodes.yaml",
   * "context prod-eu". Starts lower-case; callers capitalise when it opens a sentence.
   */
  label: string;
  /** Options of every simulation on this cluster (pod start time). */
  simulation: SimulationOptions;
}

/** Simulates DaemonSet models on one cluster, each at most once. */
export class Simulations {
  private readonly memo = new WeakMap<DaemonSetModel, DaemonSetSimulation | undefined>();

  constructor(readonly context: ClusterContext) {}

  /**
   * The simulation of `model` (its decoded value against the cluster), or undefined when the
   * document has no value to simulate (syntax errors, alias bomb). Never throws for bad input:
   * the engine reads whatever shape the value has.
   */
  of(model: DaemonSetModel): DaemonSetSimulation | undefined {
    if (this.memo.has(model)) return this.memo.get(model);
    const simulation = model.value === undefined ? undefined : simulateDaemonSet(model.value, this.context.cluster, this.context.simulation);
    this.memo.set(model, simulation);
    return simulation;
  }
}
