/**
 * Reads cluster sources from disk for the CLI and the server: a nodes file, a pods file, or the
 * embedded default cluster shipped in `clusters/` (found from the repository, from `dist/` and
 * from the packaged extension alike). The only file reads of the simulation; the engine stays pure.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadCluster } from './engine';
import type { ClusterResult } from './engine';

export const embeddedNodesFile = 'embedded-nodes.yaml';
export const embeddedPodsFile = 'embedded-pods.yaml';

/**
 * The directory holding the embedded cluster files: the first `clusters/` beside `start` or one
 * of its parents (dist/ → the extension or repository root; .test-build/… → the repository).
 * Returns null when none is found.
 */
export function findEmbeddedClusterDir(start: string = __dirname): string | null {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'clusters');
    if (existsSync(join(candidate, embeddedNodesFile))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Where to read the cluster from. Empty or absent `nodes` means the embedded cluster. */
export interface ClusterFileOptions {
  /** Nodes file path as given (relative paths resolve against `baseDir`); '' = embedded. */
  nodes?: string;
  /** Pods file path as given; '' = none (with the embedded nodes: the embedded pods). */
  pods?: string;
  /** Directory relative paths resolve against (the CLI's cwd, the workspace folder). */
  baseDir: string;
  /**
   * Text of a file that is open in an editor, by absolute path, or undefined to read the disk
   * (the server passes open documents, so unsaved edits of a cluster file count).
   */
  openText?: (absolutePath: string) => string | undefined;
}

/** Reads a text file, or returns a one-sentence problem naming it as given. */
export function readTextFile(
  path: string,
  baseDir: string,
  role: string,
  openText?: (absolutePath: string) => string | undefined,
): { ok: true; text: string } | { ok: false; problem: string } {
  const absolute = resolve(baseDir, path);
  const open = openText?.(absolute);
  if (open !== undefined) return { ok: true, text: open };
  try {
    if (statSync(absolute).isDirectory()) return { ok: false, problem: `${path}: is a directory, not a ${role} file` };
    return { ok: true, text: readFileSync(absolute, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, problem: `${path}: ${role} file not found` };
    return { ok: false, problem: `${path}: cannot read the ${role} file (${code ?? String(error)})` };
  }
}

/**
 * Loads the cluster the options name. Problems (missing or unreadable files, bad YAML, wrong
 * kinds, nodes without names, invalid quantities) come back as sentences naming the file.
 */
export function readCluster(options: ClusterFileOptions): ClusterResult {
  const nodesPath = options.nodes ?? '';
  const podsPath = options.pods ?? '';
  let nodes: { text: string; label: string };
  let source: string;
  let pods: { text: string; label: string } | undefined;
  if (nodesPath === '') {
    const dir = findEmbeddedClusterDir();
    if (!dir) return { ok: false, problems: ['the embedded cluster files (clusters/embedded-nodes.yaml) are missing from this installation'] };
    const text = readTextFile(join(dir, embeddedNodesFile), options.baseDir, 'cluster');
    if (!text.ok) return { ok: false, problems: [text.problem] };
    nodes = { text: text.text, label: embeddedNodesFile };
    source = 'embedded';
    if (podsPath === '') {
      const podsText = readTextFile(join(dir, embeddedPodsFile), options.baseDir, 'pods');
      if (podsText.ok) pods = { text: podsText.text, label: embeddedPodsFile };
    }
  } else {
    const text = readTextFile(nodesPath, options.baseDir, 'cluster', options.openText);
    if (!text.ok) return { ok: false, problems: [text.problem] };
    nodes = { text: text.text, label: nodesPath };
    source = nodesPath;
  }
  if (podsPath !== '') {
    const text = readTextFile(podsPath, options.baseDir, 'pods', options.openText);
    if (!text.ok) return { ok: false, problems: [text.problem] };
    pods = { text: text.text, label: podsPath };
  }
  return loadCluster(source, nodes, pods);
}
