/**
 * `daemonscope diff OLD NEW [--cluster NODES] [--pods PODS] [--kubeconfig FILE] [--context NAME]
 * [--pod-start-seconds N] [--format text|json]`: what applying NEW over OLD does to each
 * DaemonSet (matched by namespace/name): a rollout of the changed pod template (pods, waves,
 * estimate, stall), no rollout (only fields outside the template changed), or pods created or
 * deleted with an added or removed DaemonSet (issue #10). `-` reads one of the two from stdin.
 * Exit 0 whatever it finds; 2 on bad input (usage, unreadable or broken file, bad cluster), with a
 * message naming the file.
 */
import { diffDaemonSets, type DiffResult } from '../engine';
import type { CliIo } from './io';
import { UsageError } from './io';
import { useColor, wrap } from './previewText';
import { assertOneClusterSource, loadClusterFlags, parseTimeoutSeconds, readManifest } from './sources';

interface DiffArgs {
  files: [string, string];
  cluster: string;
  pods: string;
  podStartSeconds: number;
  format: 'text' | 'json';
  kubeconfig?: string;
  context?: string;
  timeoutSeconds?: number;
}

const usage = 'usage: daemonscope diff OLD NEW [--cluster NODES] [--pods PODS] [--kubeconfig FILE] [--context NAME] [--timeout SECONDS] [--pod-start-seconds N] [--format text|json]';

/** Parses the subcommand's arguments (`--flag value` or `--flag=value`); throws UsageError. */
export function parseDiffArgs(args: readonly string[]): DiffArgs {
  const files: string[] = [];
  let cluster = '';
  let pods = '';
  let podStartSeconds = 10;
  let format: DiffArgs['format'] = 'text';
  let kubeconfig: string | undefined;
  let context: string | undefined;
  let timeoutSeconds: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const given = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (given === undefined || given === '') throw new UsageError(`${name} needs a value\n${usage}`);
      return given;
    };
    switch (name) {
      case '--cluster':
        cluster = value();
        break;
      case '--pods':
        pods = value();
        break;
      case '--kubeconfig':
        kubeconfig = value();
        break;
      case '--context':
        context = value();
        break;
      case '--timeout':
        timeoutSeconds = parseTimeoutSeconds(value());
        break;
      case '--pod-start-seconds': {
        const text = value();
        if (!/^[0-9]+$/.test(text)) throw new UsageError(`--pod-start-seconds must be a whole number of seconds, not "${text}"`);
        podStartSeconds = Number(text);
        break;
      }
      case '--format': {
        const given = value();
        if (given !== 'text' && given !== 'json') throw new UsageError(`--format must be text or json, not "${given}"`);
        format = given;
        break;
      }
      default:
        throw new UsageError(`unknown option ${name}\n${usage}`);
    }
  }
  assertOneClusterSource({ cluster, pods, ...(kubeconfig !== undefined ? { kubeconfig } : {}), ...(context !== undefined ? { context } : {}), ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}) });
  if (files.length !== 2) throw new UsageError(`diff takes two files, OLD and NEW (${files.length} given)\n${usage}`);
  if (files[0] === '-' && files[1] === '-') throw new UsageError('only one of OLD and NEW can be read from stdin (-)');
  return {
    files: [files[0]!, files[1]!],
    cluster,
    pods,
    podStartSeconds,
    format,
    ...(kubeconfig !== undefined ? { kubeconfig } : {}),
    ...(context !== undefined ? { context } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
  };
}

/** Runs `daemonscope diff`; returns the exit status. */
export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const options = parseDiffArgs(args);
  const before = (await readManifest(options.files[0], io)).objects;
  const after = (await readManifest(options.files[1], io)).objects;
  const loaded = await loadClusterFlags(options, io.cwd);
  if (!loaded.ok) throw new UsageError(loaded.problems.join('\n'));
  const result = diffDaemonSets(before, after, loaded.cluster, { podStartSeconds: options.podStartSeconds });
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatDiffText(result, { color: useColor(io.stdout), width: 100 }));
  return 0;
}

/** The readable summary: one line per DaemonSet, then the fields that changed and a stall. */
export function formatDiffText(result: DiffResult, options: { color: boolean; width: number }): string {
  const paint = (code: string) => (text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const bold = paint('1');
  const dim = paint('2');
  const yellow = paint('33');
  const source = result.cluster.source === 'embedded' ? 'the embedded default cluster' : result.cluster.source;
  const out = [`Cluster: ${source} (${result.cluster.nodes} node${result.cluster.nodes === 1 ? '' : 's'})`, ''];
  if (result.daemonsets.length === 0) out.push('No DaemonSet in either file.');
  for (const ds of result.daemonsets) {
    const name = `${ds.namespace === 'default' ? '' : `${ds.namespace}/`}${ds.name || '(unnamed)'}`;
    const lines = wrap(`${name}: ${ds.summary}`, options.width - 2);
    out.push(bold(lines[0]!), ...lines.slice(1).map((l) => `  ${l}`));
    const shown = ds.changes.slice(0, 10);
    for (const path of shown) out.push(dim(`    ${path}`));
    if (ds.changes.length > shown.length) out.push(dim(`    … and ${ds.changes.length - shown.length} more`));
    if (ds.stall) for (const line of wrap(`Stall: ${ds.stall.reason}`, options.width - 4)) out.push(yellow(`    ${line}`));
  }
  return `${out.join('\n')}\n`;
}
