import { join } from 'node:path';

/** The repository root. Test files run from .test-build/, so __dirname is not a guide. */
export const repoRoot: string = process.env.DAEMONSCOPE_REPO_ROOT ?? process.cwd();

/** An absolute path inside the repository, from repo-relative parts. */
export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts);
}
