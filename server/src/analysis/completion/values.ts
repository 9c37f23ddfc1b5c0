/**
 * Value completion that needs no cluster: `apiVersion`/`kind` of a DaemonSet, the allowed values
 * of enum fields (the curated table in scripts/schemaEnums.json: update strategy, toleration
 * operator and effect, imagePullPolicy, restartPolicy, dnsPolicy...), booleans, and the two
 * built-in priority classes.
 */
import { schemaAt } from '../schema';
import type { PathSegment } from '../schemaTypes';
import type { CursorContext } from './context';
import type { CompletionEntry } from './types';

// What each enum value does, where a sentence helps choosing (k8s.io/api core/v1 and apps/v1
// types.go comments on the constants; DaemonSet behaviour per pkg/controller/daemon/update.go).
const valueDocs: Record<string, Record<string, string>> = {
  'updateStrategy.type': {
    RollingUpdate: 'Replace pods node by node, at most `maxUnavailable` (or `maxSurge`) at a time. The default.',
    OnDelete: 'Template changes reach running pods only when someone deletes them; the controller then creates the new version on that node.',
  },
  restartPolicy: {
    Always: 'The only value a DaemonSet allows (the API server rejects OnFailure and Never for its pods).',
  },
  'tolerations.operator': {
    Exists: 'Tolerates the taint whatever its value (leave `value` empty); with no `key`, every taint.',
    Equal: 'Tolerates the taint only when its value equals `value`. The default.',
    Lt: 'Numeric comparison; alpha (feature gate TaintTolerationComparisonOperators, off by default in 1.35): tolerates nothing without it.',
    Gt: 'Numeric comparison; alpha (feature gate TaintTolerationComparisonOperators, off by default in 1.35): tolerates nothing without it.',
  },
  'tolerations.effect': {
    NoSchedule: 'Keeps new pods without a matching toleration off the node; running pods stay.',
    PreferNoSchedule: 'The scheduler avoids the node when it can; it never keeps a DaemonSet pod away.',
    NoExecute: 'Evicts running pods without a matching toleration and keeps new ones away.',
  },
  imagePullPolicy: {
    Always: 'Pull on every container start (the default for `:latest` or no tag).',
    IfNotPresent: 'Pull only when the node lacks the image (the default for other tags).',
    Never: 'Never pull; the image must already be on the node.',
  },
  dnsPolicy: {
    ClusterFirst: 'Cluster DNS first, then the node\'s resolvers. The default.',
    ClusterFirstWithHostNet: 'Cluster DNS for a pod with `hostNetwork: true` (otherwise it gets the node\'s resolvers).',
    Default: 'The node\'s resolvers (`/etc/resolv.conf` of the node).',
    None: 'Only what `dnsConfig` says.',
  },
};

// Values behind alpha feature gates that are off by default: proposed last.
const alphaValues = new Set(['operator.Lt', 'operator.Gt']);

// k8s.io/api core/v1 types.go PodSpec.PriorityClassName: the two built-in classes.
const priorityClasses: [string, string][] = [
  ['system-node-critical', 'The highest priority (2000001000): for pods that must run on every node, such as networking, storage and log agents. Not preempted by ordinary pods.'],
  ['system-cluster-critical', 'Priority 2000000000: for cluster-wide add-ons that must keep running.'],
];

/** The value of `text` as it should be inserted after `key:` (with a leading space when needed). */
export function valueInsert(ctx: CursorContext, text: string): string {
  return ctx.needsSpace ? ` ${text}` : text;
}

function entry(ctx: CursorContext, label: string, kind: CompletionEntry['kind'], documentation?: string, detail?: string): CompletionEntry {
  return {
    label,
    kind,
    ...(detail ? { detail } : {}),
    ...(documentation ? { documentation } : {}),
    insertText: valueInsert(ctx, label),
    snippet: false,
    replace: ctx.replace,
  };
}

/** The last key of a path: `values` for `[..., 'values', 0]`. */
export function lastKey(path: readonly PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/** Proposals from the schema for the value at `path`. */
export function schemaValueEntries(ctx: CursorContext, path: readonly PathSegment[]): CompletionEntry[] {
  if (path.length === 1 && path[0] === 'apiVersion') return [entry(ctx, 'apps/v1', 'value', 'The only API version that serves DaemonSet (extensions/v1beta1 and apps/v1beta2 were removed in 1.16).')];
  if (path.length === 1 && path[0] === 'kind') return [entry(ctx, 'DaemonSet', 'value')];
  const node = schemaAt(path);
  if (!node) return [];
  const key = lastKey(path) ?? '';
  if (key === 'priorityClassName') return priorityClasses.map(([name, doc]) => entry(ctx, name, 'value', doc));
  const docs = valueDocs[`${lastKey(path.slice(0, -1).filter((s) => typeof s === 'string')) ?? ''}.${key}`] ?? valueDocs[key];
  let values = (node.schema.enum ?? []).filter((value): value is string => typeof value === 'string' && value !== '');
  // pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec: a DaemonSet's pods allow only Always.
  if (path.join('.') === 'spec.template.spec.restartPolicy') values = ['Always'];
  if (values.length > 0) {
    // Keep the table's order (defaults and common values first), alpha-gated values last.
    return values.map((value, i) => ({ ...entry(ctx, value, 'enum', docs?.[value]), sortText: `${alphaValues.has(`${key}.${value}`) ? 1 : 0}_${String(i).padStart(2, '0')}` }));
  }
  if (node.schema.type === 'boolean') return ['true', 'false'].map((value) => entry(ctx, value, 'value'));
  return [];
}

/** Whether `schemaValueEntries` has something for `path` (so inserting the key asks again). */
export function hasSchemaValues(path: readonly PathSegment[]): boolean {
  const node = schemaAt(path);
  return lastKey(path) === 'priorityClassName' || (node?.schema.enum?.length ?? 0) > 0 || node?.schema.type === 'boolean';
}
