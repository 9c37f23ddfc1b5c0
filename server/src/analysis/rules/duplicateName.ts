/**
 * Two DaemonSets with the same name and namespace in one file: the API server accepts each, and
 * `kubectl apply -f` applies them in turn, so the last one wins and the earlier ones are silently
 * replaced (kubectl apply, kubernetes.io/docs/reference/kubectl/generated/kubectl_apply). Reported
 * on every DaemonSet that a later one replaces. A missing namespace counts as `default`.
 */
import { DiagnosticCode } from '../codes';
import { findingAt } from './fields';
import type { Rule } from './rule';

export const duplicateNameRule: Rule = {
  name: 'duplicateName',
  codes: [DiagnosticCode.DuplicateName],
  check(model, context) {
    if (model.name === undefined) return [];
    const namespace = model.namespace ?? 'default';
    const later = context.daemonSets.filter((other) => other.index > model.index && other.name === model.name && (other.namespace ?? 'default') === namespace);
    if (later.length === 0) return [];
    const last = later[later.length - 1]!;
    const line = context.file.lineCounter.linePos(last.anchor.start).line;
    return [
      findingAt(model, {
        code: DiagnosticCode.DuplicateName,
        severity: 'warning',
        message: `Another DaemonSet ${namespace}/${model.name} comes later in this file (line ${line}): \`kubectl apply\` applies both in turn, so this one is replaced. Rename one of them.`,
        path: ['metadata', 'name'],
        prefer: 'value',
      }),
    ];
  },
};
