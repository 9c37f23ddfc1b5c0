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
import { assertOneClusterSource, loadClusterFlags, parseTimeoutSeconds, readManifest } from './sources';

interface PreviewArgs {
  file: string;
  cluster: string;
  pods: string;
  podStartSeconds: number;
  format: 'text' | 'json';
  /** A live, read-only source (issue #10) instead of --cluster/--pods. */
  kubeconfig?: string;
  context?: string;
  timeoutSeconds?: number;
}

/** Parses the subcommand's arguments (`--flag value` or `--flag=value`); throws UsageError. */
export function parsePreviewArgs(args: readonly string[]): PreviewArgs {
  const parsed: PreviewArgs = { file: '', cluster: '', pods: '', podStartSeconds: 10, format: 'text' };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--cluster':
        parsed.cluster = value();
        if (parsed.cluster === '') throw new UsageError('--cluster needs a file path');
        break;
      case '--pods':
        parsed.pods = value();
        if (parsed.pods === '') throw new UsageError('--pods needs a file path');
        break;
      case '--kubeconfig':
      case '--context': {
        const given = value();
        if (given === '') throw new UsageError(`${name} needs a value`);
        parsed[name === '--kubeconfig' ? 'kubeconfig' : 'context'] = given;
        break;
      }
      case '--timeout':
        parsed.timeoutSeconds = parseTimeoutSeconds(value());
        break;
      case '--pod-start-seconds': {
        const text = value();
        if (!/^[0-9]+$/.test(text)) throw new UsageError(`--pod-start-seconds must be a whole number of seconds, not "${text}"`);
        parsed.podStartSeconds = Number(text);
        break;
      }
      case '--format': {
        const format = value();
        if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
        parsed.format = format;
        break;
      }
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  assertOneClusterSource(parsed);
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'missing FILE (a YAML file with DaemonSets, or - for stdin)' : 'preview takes one FILE');
  parsed.file = files[0]!;
  return parsed;
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
