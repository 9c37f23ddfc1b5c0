/**
 * The workspace folders the client reported, for resolving relative setting paths
 * (`daemonscope.clusterFile` resolves against the folder of the document it applies to).
 */
import { dirname, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A workspace folder as LSP sends it. */
export interface FolderLike {
  uri: string;
  name: string;
}

/** The current folders, as file-system paths. */
export class WorkspaceFolders {
  private paths: string[] = [];

  /** Replaces the folders (initialize). Non-file folders are ignored. */
  set(folders: readonly FolderLike[]): void {
    this.paths = folders.map((f) => pathOf(f.uri)).filter((p) => p !== '');
  }

  /** Applies a `workspace/didChangeWorkspaceFolders` event. */
  change(added: readonly FolderLike[], removed: readonly FolderLike[]): void {
    const gone = new Set(removed.map((f) => pathOf(f.uri)));
    this.paths = [...this.paths.filter((p) => !gone.has(p)), ...added.map((f) => pathOf(f.uri)).filter((p) => p !== '')];
  }

  /**
   * The directory relative paths resolve against for a document: its innermost workspace folder,
   * else the first folder, else the document's own directory, else the server's working directory.
   */
  baseDirOf(uri: string): string {
    const path = pathOf(uri);
    let best = '';
    for (const folder of this.paths) {
      if (path !== '' && isInside(path, folder) && folder.length > best.length) best = folder;
    }
    if (best !== '') return best;
    if (this.paths.length > 0) return this.paths[0]!;
    return path !== '' ? dirname(path) : process.cwd();
  }

  /** The file-system path of a `file:` URI, or '' for other schemes (untitled:, vscode-remote:…). */
  pathOf(uri: string): string {
    return pathOf(uri);
  }
}

function pathOf(uri: string): string {
  if (!uri.startsWith('file:')) return '';
  try {
    return fileURLToPath(uri);
  } catch {
    return '';
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
