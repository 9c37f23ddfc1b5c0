/** Completion results as analysis returns them: plain values in offsets; convert.ts makes LSP items. */
import type { ClusterContext } from '../clusterContext';
import type { Span } from '../types';

/** What an entry completes, for its icon. */
export type CompletionEntryKind = 'property' | 'value' | 'enum' | 'snippet' | 'label' | 'taint' | 'node' | 'resource';

/** One completion proposal. */
export interface CompletionEntry {
  label: string;
  kind: CompletionEntryKind;
  /** One line beside the label: the type, "1 node: gpu-1"... */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text inserted over `replace`; LSP snippet syntax when `snippet`. */
  insertText: string;
  snippet: boolean;
  /** Offsets replaced by `insertText`. */
  replace: Span;
  /** Sorting key (the label when absent); required keys come first. */
  sortText?: string;
  /** What the editor filters on (the label when absent). */
  filterText?: string;
  deprecated?: boolean;
  /** After inserting, ask the editor for completions again (the value has proposals). */
  retrigger?: boolean;
}

/** What completion needs besides the text. */
export interface CompletionOptions {
  /** Complete keys from the Kubernetes schema (setting `daemonscope.schemaValidation`). */
  schemaKeys: boolean;
  /** The cluster for labels, taints and node names; without one, those are not proposed. */
  cluster?: ClusterContext;
  /**
   * The character that triggered the request (`:` or space), if typed: then only values and list
   * items are proposed (never the skeleton, and keys only for a new entry of a flow map after
   * `{` or `,`), so indenting does not pop up a list.
   */
  trigger?: string | undefined;
}
