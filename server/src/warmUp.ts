/**
 * Warm-up after `initialized`: while it has nothing else to do, the server analyses sample
 * DaemonSets (sampleManifests.ts), one analysis per turn of the event loop, so that the first file
 * a user opens, and the first edit in it, run compiled code (V8 optimises a function after many
 * calls) and the embedded cluster is already loaded. A message that arrives meanwhile waits one
 * analysis at most (a few milliseconds); once the server has real work the warm-up stops, as the
 * work compiles what it runs and each warm-up round would delay it (a large file's analysis gives
 * way to other work between slices).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { manyDocuments, warmUpText } from './sampleManifests';

/** One analysis of the warm-up: `edit` rounds go to one incremental analyser, the others start afresh. */
export interface WarmUpRound {
  text: string;
  edit: boolean;
}

/**
 * The warm-up's analyses, in order: a single DaemonSet in the common styles (flow mappings, quoted
 * scalars) 40 times; a stream of 8 DaemonSets 10 times, for the paths only a multi-document file
 * takes (chunks, rules that compare DaemonSets); then 20 versions of that stream, a character
 * typed and deleted in its middle, for the paths of an edit (reuse of unchanged documents, moved
 * findings). On the 500-document file the stream rounds saved about 13% of the CPU time of the
 * first open, and the edit rounds about half of the first edit's.
 */
export function warmUpRounds(): WarmUpRound[] {
  const stream = manyDocuments(3);
  const at = stream.indexOf('name: agent-1') + 'name: '.length;
  const edited = `${stream.slice(0, at)}x${stream.slice(at)}`;
  return [
    ...Array.from({ length: 40 }, () => ({ text: warmUpText, edit: false })),
    ...Array.from({ length: 8 }, () => ({ text: stream, edit: false })),
    ...Array.from({ length: 16 }, (_, i) => ({ text: i % 2 === 0 ? edited : stream, edit: true })),
  ];
}

/**
 * `document` moved to `text` by one incremental change (the span between their common prefix and
 * suffix), as an editor's `didChange` moves an open document. An edited document differs from a
 * fresh one in ways V8's compiled code depends on: its text is a concatenation (a cons string) and
 * `TextDocument`'s fields change type, which throws away the compiled `positionAt` the first time
 * it happens in the process (7 ms more on the first edit of the 500-document file, measured).
 */
export function changeTo(document: TextDocument, text: string): TextDocument {
  const old = document.getText();
  const max = Math.min(old.length, text.length);
  let start = 0;
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  const range = { start: document.positionAt(start), end: document.positionAt(old.length - tail) };
  TextDocument.update(document, [{ range, text: text.slice(start, text.length - tail) }], document.version + 1);
  return document;
}

/**
 * Calls `analyse` on each of `rounds`, each in its own turn of the event loop, while `idle()`
 * holds; resolves when done or stopped. Errors are the caller's (`analyse` runs inside the
 * server's guard).
 */
export async function warmUp(analyse: (round: WarmUpRound) => void, idle: () => boolean, rounds: readonly WarmUpRound[] = warmUpRounds()): Promise<void> {
  for (const round of rounds) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!idle()) return;
    analyse(round);
  }
}
