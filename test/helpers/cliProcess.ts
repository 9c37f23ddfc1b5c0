/** Runs the bundled CLI (`node dist/cli.js ...`, after `npm run build`) and collects its output. */
import { spawn } from 'node:child_process';
import { repoPath } from './paths';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `node dist/cli.js ...args` in `cwd` (default: the repository root), feeding `stdin`. */
export function runCliProcess(args: readonly string[], options: { cwd?: string; stdin?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [repoPath('dist/cli.js'), ...args], { cwd: options.cwd ?? repoPath(), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
