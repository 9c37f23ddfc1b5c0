/**
 * `daemonscope preview FILE [--cluster NODES] [--pods PODS] [--kubeconfig FILE] [--context NAME]
 * [--pod-start-seconds N] [--format text|json]`:
 * where each DaemonSet in FILE runs, where not and why, and how its rolling update proceeds
 * (DESIGN.md "CLI"). Exit 0 whatever the simulation finds; 2 on bad input (usage, unreadable or
 * broken manifest, bad cluster or pods file), with a message naming the file.
 */
import { resolve } from 'node:path';
import { parseAllDocuments, LineCounter } from 'yaml';
import { readCluster, readTextFile } from '../clusterFiles';
import { previewDaemonSets } from '../engine';
import type { LiveSourceOptions } from '../live/liveSource';
import type { CliIo } from './io';
import { UsageError } from './io';
import { formatPreviewText, useColor } from './previewText';

interface PreviewArgs {
  file: string;
  cluster: string;
  pods: string;
  podStartSeconds: number;
  format: 'text' | 'json';
  /** A live, read-only source (issue #10) instead of --cluster/--pods. */
  kubeconfig?: string;
  context?: string;
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
  if ((parsed.kubeconfig !== undefined || parsed.context !== undefined) && (parsed.cluster !== '' || parsed.pods !== '')) {
    throw new UsageError('use either --cluster/--pods (files) or --kubeconfig/--context (a live cluster), not both');
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'missing FILE (a YAML file with DaemonSets, or - for stdin)' : 'preview takes one FILE');
  parsed.file = files[0]!;
  return parsed;
}

async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs `daemonscope preview`; returns the exit status. */
export async function runPreview(args: string[], io: CliIo): Promise<number> {
  const options = parsePreviewArgs(args);
  const label = options.file === '-' ? '<stdin>' : options.file;
  let text: string;
  if (options.file === '-') {
    text = await readStdin(io);
  } else {
    const read = readTextFile(options.file, io.cwd, 'manifest');
    if (!read.ok) throw new UsageError(read.problem);
    text = read.text;
  }
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  const objects: unknown[] = [];
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) {
      const at = lineCounter.linePos(error.pos[0]);
      throw new UsageError(`${label}:${at.line}:${at.col}: ${error.message.split('\n')[0]}`);
    }
    try {
      objects.push(doc.toJS({ maxAliasCount: 1000 }));
    } catch (error) {
      throw new UsageError(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const live = options.kubeconfig !== undefined || options.context !== undefined;
  const loaded = live ? await (await import('../live/clusterFromSnapshot')).loadLiveCluster(liveOptions(options, io.cwd)) : readCluster({ nodes: options.cluster, pods: options.pods, baseDir: io.cwd });
  if (!loaded.ok) throw new UsageError(loaded.problems.join('\n'));
  const { result, simulations } = previewDaemonSets(objects, loaded.cluster, { podStartSeconds: options.podStartSeconds });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  if (simulations.length === 0) {
    io.stdout.write(`${label}: no DaemonSet found (${documents.length} document${documents.length === 1 ? '' : 's'}); nothing to preview.\n`);
    return 0;
  }
  io.stdout.write(formatPreviewText(result, simulations, { color: useColor(io.stdout), width: 100, podStartSeconds: options.podStartSeconds }));
  return 0;
}

/** The live-source options of `--kubeconfig`/`--context`: a credential plugin runs only for --context. */
function liveOptions(options: PreviewArgs, cwd: string): LiveSourceOptions {
  return {
    ...(options.kubeconfig !== undefined ? { kubeconfig: resolve(cwd, options.kubeconfig) } : {}),
    ...(options.context !== undefined ? { context: options.context } : {}),
    policy: { workspaceTrusted: true, contextChosenByUser: options.context !== undefined },
  };
}
