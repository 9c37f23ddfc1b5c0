/**
 * For rules that compare DaemonSets of one file (duplicate names, overlapping selectors): an
 * index of the file's DaemonSets built once per analysis, however many DaemonSets ask, so such a
 * rule costs about the same per DaemonSet in a file of 500 as in a file of 2 (the language server
 * re-runs these rules on every edit).
 */
import type { DaemonSetModel } from '../model';

/**
 * `build` memoised by the identity of the `daemonSets` list (each analysis makes its own list and
 * never changes it), so the result is a pure function of the list.
 */
export function perFile<T>(build: (daemonSets: readonly DaemonSetModel[]) => T): (daemonSets: readonly DaemonSetModel[]) => T {
  const memo = new WeakMap<readonly DaemonSetModel[], T>();
  return (daemonSets) => {
    if (memo.has(daemonSets)) return memo.get(daemonSets)!;
    const built = build(daemonSets);
    memo.set(daemonSets, built);
    return built;
  };
}

/**
 * `build` memoised by the identity of a model's decoded value: the incremental analyser keeps the
 * value of an unchanged document from one version to the next, so what a rule derives from one
 * DaemonSet alone (a parsed selector, its labels) is computed once per change of that document.
 */
export function perValue<T>(build: (model: DaemonSetModel & { value: object }) => T): (model: DaemonSetModel & { value: object }) => T {
  const memo = new WeakMap<object, T>();
  return (model) => {
    if (memo.has(model.value)) return memo.get(model.value)!;
    const built = build(model);
    memo.set(model.value, built);
    return built;
  };
}
