/** Completion test helpers: complete at the `|` of inline YAML and read entries back as text. */
import { completeAt, type CompletionEntry, type CompletionOptions } from '../../../../server/src/analysis/completion';
import { clusterContext } from '../../../helpers/cluster';
import { withCursor } from '../../../helpers/text';

/** The head every DaemonSet test document starts with. */
export const head = 'apiVersion: apps/v1\nkind: DaemonSet\n';

/** Completes at `|` in `source` (dedented), on the embedded cluster unless `options` says otherwise. */
export function complete(source: string, options: Partial<CompletionOptions> = {}): { text: string; entries: CompletionEntry[] } {
  const { text, offset } = withCursor(source);
  return { text, entries: completeAt(text, offset, { schemaKeys: true, cluster: clusterContext(), ...options }) };
}

/** Labels in the order given. */
export function labels(entries: readonly CompletionEntry[]): string[] {
  return entries.map((entry) => entry.label);
}

/** The entry labelled `label`; throws (a test bug) when absent. */
export function entry(entries: readonly CompletionEntry[], label: string): CompletionEntry {
  const found = entries.find((e) => e.label === label);
  if (!found) throw new Error(`no entry ${label} among ${labels(entries).join(', ')}`);
  return found;
}

/** The text an entry replaces. */
export function replaced(text: string, e: CompletionEntry): string {
  return text.slice(e.replace.start, e.replace.end);
}

/** Labels sorted as VS Code sorts them with nothing typed: lower-cased sortText (else label) by code unit. */
export function sorted(entries: readonly CompletionEntry[]): string[] {
  const key = (e: CompletionEntry): string => (e.sortText ?? e.label).toLowerCase();
  return [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((e) => e.label);
}
