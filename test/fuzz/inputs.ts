/** The texts the fuzz edits: the samples and the real-world manifests, by file name. */
import { readdirSync, readFileSync } from 'node:fs';
import { repoPath } from '../helpers/paths';

export function fuzzInputs(): { name: string; text: string }[] {
  const from = (dir: string) =>
    readdirSync(repoPath(dir))
      .filter((file) => /\.ya?ml$/.test(file))
      .sort()
      .map((file) => ({ name: file, text: readFileSync(repoPath(dir, file), 'utf8') }));
  return [...from('samples'), ...from('test/fixtures/realworld')];
}
