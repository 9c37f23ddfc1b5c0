/**
 * What the simulating commands (check, preview, diff) read besides their own flags: a manifest
 * (a file or `-` for stdin) as plain objects, read as kubectl reads YAML, and the cluster named
 * by `--cluster`/`--pods` (files; none = the embedded cluster) or `--kubeconfig`/`--context` (a
 * live, read-only source, loaded lazily). Problems are thrown as UsageError (exit 2).
 */
import { resolve } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { yamlParseOptions } from '../analysis/parse';
import { readCluster, readTextFile } from '../clusterFiles';
import type { ClusterResult } from '../engine';
import type { LiveSourceOptions } from '../live/liveSource';
import type { CliIo } from './io';
import { UsageError } from './io';

/** Reads a whole stream as UTF-8 (stdin is read once). */
export async function readStreamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The objects of a manifest, one per YAML document (the items of a list document each), read
 * with YAML 1.1 rules as kubectl reads them. Throws a UsageError naming the file and position on a syntax error.
 */
export function readManifestObjects(text: string, label: string): unknown[] {
  const lineCounter = new LineCounter();
  const objects: unknown[] = [];
  for (const doc of parseAllDocuments(text, { ...yamlParseOptions, lineCounter })) {
    const error = doc.errors[0];
    if (error) {
      const at = lineCounter.linePos(error.pos[0]);
      throw new UsageError(`${label}:${at.line}:${at.col}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    try {
      flattenLists(doc.toJS({ maxAliasCount: 1000 }) as unknown, objects, 0);
    } catch (error) {
      throw new UsageError(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return objects;
}

/**
 * Pushes `value`, or the items of a list (`kind: List` as `kubectl get -o yaml` prints it, or a
 * typed list such as `DaemonSetList`), lists in lists included, as kubectl reads them
 * (staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go, `FlattenListVisitor.Visit`).
 */
function flattenLists(value: unknown, objects: unknown[], depth: number): void {
  const object = value as { kind?: unknown; items?: unknown } | null;
  if (depth < 8 && typeof object?.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items)) {
    for (const item of object.items as unknown[]) flattenLists(item, objects, depth + 1);
  } else objects.push(value);
}

/** Reads the manifest `file` (`-` = stdin, labelled `<stdin>`) as objects; throws UsageError. */
export async function readManifest(file: string, io: CliIo): Promise<{ label: string; objects: unknown[] }> {
  if (file === '-') return { label: '<stdin>', objects: readManifestObjects(await readStreamText(io.stdin), '<stdin>') };
  const read = readTextFile(file, io.cwd, 'manifest');
  if (!read.ok) throw new UsageError(read.problem);
  return { label: file, objects: readManifestObjects(read.text, file) };
}

/** The cluster flags as given (undefined or '' = not given). */
export interface ClusterFlags {
  cluster?: string;
  pods?: string;
  kubeconfig?: string;
  context?: string;
  /** `--timeout SECONDS` for a live source (default 15). */
  timeoutSeconds?: number;
}

/** Reads `--timeout`'s value: seconds, a positive number; throws UsageError. */
export function parseTimeoutSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout takes a number of seconds, not "${value}"`);
  return seconds;
}

/** What preview and diff read from their arguments: files, the cluster flags, `--pod-start-seconds` and `--format`. */
export interface SimulationArgs extends ClusterFlags {
  files: string[];
  cluster: string;
  pods: string;
  podStartSeconds: number;
  format: 'text' | 'json';
}

/** Parses preview's and diff's arguments (`--flag value` or `--flag=value`); throws UsageError ending with `usage`. */
export function parseSimulationArgs(args: readonly string[], usage: string): SimulationArgs {
  const parsed: SimulationArgs = { files: [], cluster: '', pods: '', podStartSeconds: 10, format: 'text' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      parsed.files.push(arg);
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
        parsed.cluster = value();
        break;
      case '--pods':
        parsed.pods = value();
        break;
      case '--kubeconfig':
        parsed.kubeconfig = value();
        break;
      case '--context':
        parsed.context = value();
        break;
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
        throw new UsageError(`unknown option ${name}\n${usage}`);
    }
  }
  assertOneClusterSource(parsed);
  return parsed;
}

/** True when the flags name a live source. */
export function isLive(flags: ClusterFlags): boolean {
  return flags.kubeconfig !== undefined || flags.context !== undefined;
}

/** Throws when both files and a live source are named. */
export function assertOneClusterSource(flags: ClusterFlags): void {
  if (isLive(flags) && ((flags.cluster ?? '') !== '' || (flags.pods ?? '') !== '')) {
    throw new UsageError('use either --cluster/--pods (files) or --kubeconfig/--context (a live cluster), not both');
  }
  if (flags.timeoutSeconds !== undefined && !isLive(flags)) throw new UsageError('--timeout is for a live cluster (--kubeconfig/--context)');
}

/** The live-source options of `--kubeconfig`/`--context`: a credential plugin runs only for a context named on the command line. */
export function liveSourceOptions(flags: ClusterFlags, cwd: string): LiveSourceOptions {
  return {
    ...(flags.kubeconfig !== undefined ? { kubeconfig: resolve(cwd, flags.kubeconfig) } : {}),
    ...(flags.context !== undefined ? { context: flags.context } : {}),
    ...(flags.timeoutSeconds !== undefined ? { timeoutSeconds: flags.timeoutSeconds } : {}),
    // The person running the CLI trusts their shell.
    policy: { workspaceTrusted: true, contextChosenByUser: flags.context !== undefined },
  };
}

/** Loads the cluster the flags name (files relative to `cwd`); problems come back as a value. */
export async function loadClusterFlags(flags: ClusterFlags, cwd: string): Promise<ClusterResult> {
  if (isLive(flags)) return (await import('../live/clusterFromSnapshot')).loadLiveCluster(liveSourceOptions(flags, cwd));
  return readCluster({ nodes: flags.cluster ?? '', pods: flags.pods ?? '', baseDir: cwd });
}
