/**
 * The files `daemonscope check` reads: paths as given, directories searched (recursively) for
 * `*.yaml` and `*.yml`, `-` for stdin; and the text of each, or why it could not be read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readStreamText } from './sources';

/** One input: its path as the user gave it (`<stdin>` for `-`) and its absolute path. */
export interface Input {
  /** As printed in results: the argument, or the directory argument joined with the file name. */
  path: string;
  /** Absolute path; undefined for stdin. */
  absolute: string | undefined;
}

const yamlFile = /\.ya?ml$/i;
const skippedDirectories = new Set(['node_modules', '.git']);

/** Every YAML file under `directory`, sorted by path; skips node_modules and hidden directories. */
async function findYaml(directory: string, shown: string): Promise<Input[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: Input[] = [];
  for (const entry of entries) {
    const absolute = join(directory, entry.name);
    const path = join(shown, entry.name);
    if (entry.isDirectory()) {
      if (!skippedDirectories.has(entry.name) && !entry.name.startsWith('.')) found.push(...(await findYaml(absolute, path)));
    } else if (yamlFile.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      found.push({ path, absolute });
    }
  }
  return found;
}

/**
 * Expands the arguments into inputs, in the order given. Returns the inputs and, for arguments
 * that do not exist or name an empty directory, a message each (the caller exits 2).
 */
export async function expandInputs(args: readonly string[], cwd: string): Promise<{ inputs: Input[]; problems: string[] }> {
  const inputs: Input[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ path: '<stdin>', absolute: undefined });
      continue;
    }
    const absolute = resolve(cwd, arg);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) {
        const found = await findYaml(absolute, arg);
        if (found.length === 0) problems.push(`${arg}: no *.yaml or *.yml files in this directory`);
        inputs.push(...found);
      } else inputs.push({ path: arg, absolute });
    } catch (error) {
      problems.push(`${arg}: ${describeFsError(error)}`);
    }
  }
  return { inputs, problems };
}

/** Reads an input's text (stdin once, as UTF-8). */
export async function readInput(input: Input, stdin: NodeJS.ReadableStream): Promise<string> {
  if (input.absolute !== undefined) return readFile(input.absolute, 'utf8');
  return readStreamText(stdin);
}

/** A file-system error as a short phrase: "no such file or directory", "permission denied"... */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
