/**
 * SARIF `partialFingerprints` for `daemonscope check --format sarif`, so that GitHub code scanning
 * (and other SARIF consumers) match a finding across runs when lines move.
 *
 * Key `daemonscope/v1`: the SHA-256 (hex) of the rule id, the artifact URI as the log prints it,
 * and the finding's identity: the DaemonSet's `namespace/name` (`#N` for an unnamed one, N its
 * 0-based document) and the YAML path of the node the finding starts on, with list items named by
 * their `name` when they have one (`spec.template.spec.containers[name=agent].env[name=NODE_NAME].name`),
 * else by index. A finding outside every DaemonSet, or on no node, is identified by its message
 * with line references (`line 12`) removed. No line or column goes in, so inserting lines above
 * keeps every fingerprint. When two results of one run would share a fingerprint, their message
 * (line references removed) is added, and if that is shared too, their order among themselves
 * (in file order).
 * Changing any of these inputs is a new version of the key (`daemonscope/v2`), never a silent change.
 */
import { createHash } from 'node:crypto';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FileAnalysis } from '../analysis/analyse';
import type { Finding } from '../analysis/types';

/** The `partialFingerprints` key; a new version when the recipe changes. */
export const fingerprintKey = 'daemonscope/v1';

/** `message` without line references (`line 12`, `lines 3 and 9`), which change when lines move. */
export function withoutLineNumbers(message: string): string {
  return message.replace(/\b(lines?) \d+(?:(?:, | and | ?[-–] ?)\d+)*/gi, '$1');
}

function within(node: Node | null | undefined, offset: number): boolean {
  const range = node?.range;
  return range !== undefined && range !== null && offset >= range[0] && offset < Math.max(range[2], range[0] + 1);
}

/** How a list item is named in a path: `[name=agent]` when it has a scalar `name`, else `[2]`. */
function itemSegment(item: unknown, index: number): string {
  if (isMap(item)) {
    const pair = item.items.find((p) => isScalar(p.key) && p.key.value === 'name');
    if (pair && isScalar(pair.value) && (typeof pair.value.value === 'string' || typeof pair.value.value === 'number')) return `[name=${String(pair.value.value)}]`;
  }
  return `[${index}]`;
}

/** The path (as text) of the deepest node of `root` that holds `offset`, or '' when none does. */
function pathAt(root: unknown, offset: number): string {
  let path = '';
  let node: unknown = root;
  for (;;) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        const segment = path === '' ? key : `.${key}`;
        if (within(pair.key as Node | null, offset)) return path + segment;
        if (within(pair.value as Node | null, offset)) {
          path += segment;
          next = pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (next === undefined && within(item as Node | null, offset)) {
          path += itemSegment(item, index);
          next = item;
        }
      });
    }
    if (next === undefined) return path;
    node = next;
  }
}

/**
 * What `finding` is about, without positions: its DaemonSet and YAML path, or its message (line
 * references removed) when it is outside every DaemonSet or on no node. Stable when lines move.
 */
export function findingIdentity(analysis: FileAnalysis, finding: Finding): string {
  const offset = finding.span.start;
  const model = analysis.daemonSets.find((m) => offset >= m.span.start && (offset < m.span.end || (offset === m.span.end && finding.span.end === offset)));
  const path = model ? pathAt(model.document.contents, offset) : '';
  const daemonSet = model ? `${model.namespace ?? ''}/${model.name ?? `#${model.index}`}` : '';
  return JSON.stringify([daemonSet, path !== '' ? path : `message: ${withoutLineNumbers(finding.message)}`]);
}

/** One result to fingerprint. */
export interface FingerprintInput {
  ruleId: string;
  /** The artifact URI as the SARIF log prints it. */
  uri: string;
  /** From `findingIdentity`; without one, the message (line references removed) stands in. */
  identity: string | undefined;
  message: string;
}

const sha256 = (parts: readonly string[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** The `daemonscope/v1` fingerprint of each result, in order; distinct within one run. */
export function fingerprints(results: readonly FingerprintInput[]): string[] {
  const base = results.map((r) => [r.ruleId, r.uri, r.identity ?? `message: ${withoutLineNumbers(r.message)}`]);
  const count = (keys: readonly string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const first = base.map(sha256);
  const firstCounts = count(first);
  // Shared identity: the message tells the results apart (it says what differs).
  const second = first.map((hash, i) => (firstCounts.get(hash)! > 1 ? sha256([...base[i]!, withoutLineNumbers(results[i]!.message)]) : hash));
  const secondCounts = count(second);
  const seen = new Map<string, number>();
  // Still shared: their order among themselves, which moving lines does not change.
  return second.map((hash) => {
    if (secondCounts.get(hash)! === 1) return hash;
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return n === 1 ? hash : sha256([hash, String(n)]);
  });
}
