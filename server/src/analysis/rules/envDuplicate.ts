/**
 * One env var name defined twice in a container: the API server accepts it with a warning
 * ("hides previous definition of ..., which may be dropped when using apply", pkg/api/pod/warnings.go
 * `warningsForPodSpecAndMeta`, "duplicate containers[*].env"). The kubelet applies the entries in
 * order, so the later one wins, and `kubectl apply` (a strategic merge patch keyed by `name`) may
 * drop one. Like the API server, each container (init containers and sidecars included) is checked
 * on its own, and a later entry whose `value` builds on the earlier one (`PATH=$(PATH):/opt/bin`,
 * but not `X=$(X)` alone, and never a `valueFrom`) is not reported. Entries without a string name
 * are the schema's business.
 */
import { DiagnosticCode } from '../codes';
import type { Finding } from '../types';
import { allContainers, findingAt, lineOf, nonEmptyString, record, repeats } from './fields';
import type { Rule } from './rule';

/**
 * Whether a later env entry with this `name`, `value` and `valueFrom` hides an earlier one of the
 * same name: the API server's test, so that `X=$(X)suffix` (which reads the earlier value) passes.
 */
export function hidesEarlierDefinition(name: string, value: unknown, valueFrom: unknown): boolean {
  const ref = `$(${name})`;
  const text = typeof value === 'string' ? value : '';
  return (valueFrom !== undefined && valueFrom !== null) || text === ref || !text.includes(ref);
}

export const envDuplicateRule: Rule = {
  name: 'envDuplicate',
  codes: [DiagnosticCode.EnvDuplicate],
  check(model, context) {
    const findings: Finding[] = [];
    for (const ref of allContainers(model.value)) {
      const env = ref.container.env;
      if (!Array.isArray(env) || env.length < 2) continue;
      for (const { index, first, key: name } of repeats(env, (raw) => nonEmptyString(record(raw)?.name))) {
        const item = record(env[index]);
        if (!hidesEarlierDefinition(name, item?.value, item?.valueFrom)) continue;
        const line = lineOf(model, context.file.lineCounter, [...ref.path, 'env', first, 'name']);
        const kind = ref.list === 'initContainers' ? 'init container' : 'container';
        findings.push(
          findingAt(model, {
            code: DiagnosticCode.EnvDuplicate,
            severity: 'warning',
            message: `Environment variable \`${name}\` is defined again in ${kind} ${ref.name} (first on line ${line}): the later definition wins, and \`kubectl apply\` may drop one of them. Remove one.`,
            path: [...ref.path, 'env', index, 'name'],
            prefer: 'value',
          }),
        );
      }
    }
    return findings;
  },
};
