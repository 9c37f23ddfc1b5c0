/** Runs the CLI and collects its output: the bundled one in a child process, or `runCli` in this process. */
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { runCli } from '../../server/src/cli/run';
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

/**
 * Runs the CLI in this process (`runCli` with in-memory streams), for tests that serve a fake API
 * on loopback from the same process. Status, stdout and stderr as `runCliProcess` gives them.
 */
export async function runCliInProcess(args: string[], options: { cwd?: string } = {}): Promise<CliRun & { status: number }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const status = await runCli(args, { stdout, stderr, stdin: new PassThrough(), cwd: options.cwd ?? process.cwd() });
  return { status, stdout: out, stderr: err };
}
