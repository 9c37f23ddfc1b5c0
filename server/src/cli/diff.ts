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
import { loadClusterFlags, parseSimulationArgs, readManifest, type SimulationArgs } from './sources';

interface DiffArgs extends Omit<SimulationArgs, 'files'> {
  files: [string, string];
}

const usage = 'usage: daemonscope diff OLD NEW [--cluster NODES] [--pods PODS] [--kubeconfig FILE] [--context NAME] [--timeout SECONDS] [--pod-start-seconds N] [--format text|json]';

/** Parses the subcommand's arguments; throws UsageError. */
export function parseDiffArgs(args: readonly string[]): DiffArgs {
  const { files, ...flags } = parseSimulationArgs(args, usage);
  if (files.length !== 2) throw new UsageError(`diff takes two files, OLD and NEW (${files.length} given)\n${usage}`);
  if (files[0] === '-' && files[1] === '-') throw new UsageError('only one of OLD and NEW can be read from stdin (-)');
  return { ...flags, files: [files[0]!, files[1]!] };
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
