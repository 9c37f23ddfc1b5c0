/**
 * Two DaemonSets with the same name and namespace in one file: the API server accepts each, and
 * `kubectl apply -f` applies them in turn, so the last one wins and the earlier ones are silently
 * replaced (kubectl apply, kubernetes.io/docs/reference/kubectl/generated/kubectl_apply). Reported
 * on every DaemonSet that a later one replaces. A missing namespace counts as `default`.
 */
import { DiagnosticCode } from '../codes';
import type { DaemonSetModel } from '../model';
import { findingAt } from './fields';
import { perFile } from './fileIndex';
import type { Rule } from './rule';

/** The last DaemonSet of each namespace/name, built once per analysis. */
const lastByName = perFile((daemonSets): Map<string, DaemonSetModel> => {
  const last = new Map<string, DaemonSetModel>();
  for (const model of daemonSets) {
    if (model.name === undefined) continue;
    const key = `${model.namespace ?? 'default'}\0${model.name}`;
    const seen = last.get(key);
    if (!seen || model.span.start > seen.span.start) last.set(key, model);
  }
  return last;
});

export const duplicateNameRule: Rule = {
  name: 'duplicateName',
  codes: [DiagnosticCode.DuplicateName],
  check(model, context) {
    if (model.name === undefined) return [];
    const namespace = model.namespace ?? 'default';
    const last = lastByName(context.daemonSets).get(`${namespace}\0${model.name}`);
    if (!last || last.span.start <= model.span.start) return [];
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
