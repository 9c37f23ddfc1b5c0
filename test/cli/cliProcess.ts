/** Runs the built CLI (`node dist/cli.js`) as a child process, as users do. Build first (`npm test` does). */
import { spawn } from 'node:child_process';
import { repoPath } from '../helpers/paths';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `daemonscope ARGS` in `cwd` (default: the repository root), feeding `stdin` if given. */
export function runCliProcess(args: string[], options: { cwd?: string; stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [repoPath('dist', 'cli.js'), ...args], {
      cwd: options.cwd ?? repoPath(),
      env: { ...process.env, NO_COLOR: '', ...(options.env ?? {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
