/**
 * Warm-up after `initialized`: while it has nothing else to do, the server analyses sample
 * DaemonSets (sampleManifests.ts), one analysis per turn of the event loop, so that the first file
 * a user opens is parsed and checked by compiled code (V8 optimises a function after many calls)
 * and the embedded cluster is already loaded. A message that arrives meanwhile waits one analysis
 * at most (a few milliseconds).
 */
import { manyDocuments, warmUpText } from './sampleManifests';

/**
 * The texts the warm-up analyses, in order: a single DaemonSet in the common styles (flow
 * mappings, quoted scalars) 40 times, then a stream of 8 DaemonSets 10 times, for the paths only
 * a multi-document file takes (chunks, rules that compare DaemonSets); on a 500-document file
 * that second part saved about 13% of the CPU time of the first open.
 */
export function warmUpTexts(): string[] {
  const stream = manyDocuments(8);
  return [...Array.from({ length: 40 }, () => warmUpText), ...Array.from({ length: 10 }, () => stream)];
}

/**
 * Calls `analyse` on each of `texts`, each in its own turn of the event loop; resolves when done.
 * Errors are the caller's (`analyse` runs inside the server's guard).
 */
export async function warmUp(analyse: (text: string) => void, texts: readonly string[] = warmUpTexts()): Promise<void> {
  for (const text of texts) {
    await new Promise((resolve) => setImmediate(resolve));
    analyse(text);
  }
}
