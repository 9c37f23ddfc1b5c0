/**
 * `daemonscope preview FILE [--cluster NODES] [--pods PODS] [--kubeconfig FILE] [--context NAME]
 * [--timeout SECONDS] [--pod-start-seconds N] [--format text|json]`:
 * where each DaemonSet in FILE runs, where not and why, and how its rolling update proceeds
 * (DESIGN.md "CLI"). Exit 0 whatever the simulation finds; 2 on bad input (usage, unreadable or
 * broken manifest, bad cluster or pods file), with a message naming the file.
 */
import { previewDaemonSets } from '../engine';
import type { CliIo } from './io';
import { UsageError } from './io';
import { formatPreviewText, useColor } from './previewText';
import { loadClusterFlags, parseSimulationArgs, readManifest, type SimulationArgs } from './sources';

interface PreviewArgs extends Omit<SimulationArgs, 'files'> {
  file: string;
}

const usage = 'usage: daemonscope preview FILE [--cluster NODES] [--pods PODS] [--kubeconfig FILE] [--context NAME] [--timeout SECONDS] [--pod-start-seconds N] [--format text|json]';

/** Parses the subcommand's arguments; throws UsageError. */
export function parsePreviewArgs(args: readonly string[]): PreviewArgs {
  const { files, ...flags } = parseSimulationArgs(args, usage);
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'missing FILE (a YAML file with DaemonSets, or - for stdin)' : 'preview takes one FILE');
  return { ...flags, file: files[0]! };
}

/** Runs `daemonscope preview`; returns the exit status. */
export async function runPreview(args: string[], io: CliIo): Promise<number> {
  const options = parsePreviewArgs(args);
  const { label, objects } = await readManifest(options.file, io);
  const loaded = await loadClusterFlags(options, io.cwd);
  if (!loaded.ok) throw new UsageError(loaded.problems.join('\n'));
  const { result, simulations } = previewDaemonSets(objects, loaded.cluster, { podStartSeconds: options.podStartSeconds });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  if (simulations.length === 0) {
    io.stdout.write(`${label}: no DaemonSet found (${objects.length} document${objects.length === 1 ? '' : 's'}); nothing to preview.\n`);
    return 0;
  }
  io.stdout.write(formatPreviewText(result, simulations, { color: useColor(io.stdout), width: 100, podStartSeconds: options.podStartSeconds }));
  return 0;
}
