/**
 * `daemonscope cluster export [--kubeconfig FILE] [--context NAME] [--timeout SECONDS]`: prints a
 * live cluster as a `List` YAML (nodes, namespaces, bound non-terminal pods) reduced to the fields
 * the simulation uses, for offline use and CI (`--cluster exported.yaml`).
 * `daemonscope cluster contexts [--kubeconfig FILE]`: lists the contexts, the current one first.
 * Exit status 0, or 2 with the message on stderr (usage, kubeconfig, connection, permission).
 */
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import type { CliIo } from './io';
import { UsageError } from './io';

const usage = 'usage: daemonscope cluster export [--kubeconfig FILE] [--context NAME] [--timeout SECONDS]\n       daemonscope cluster contexts [--kubeconfig FILE]';

interface Flags {
  kubeconfig?: string;
  context?: string;
  timeoutSeconds?: number;
}

/** Parses `--name value` / `--name=value` flags; throws UsageError on anything else. */
function parseFlags(args: string[], allowed: readonly string[], cwd: string): Flags {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!allowed.includes(name)) throw new UsageError(`unknown argument "${arg}"\n${usage}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value\n${usage}`);
    if (name === '--kubeconfig') flags.kubeconfig = resolve(cwd, value);
    else if (name === '--context') flags.context = value;
    else {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout takes a number of seconds, not "${value}"`);
      flags.timeoutSeconds = seconds;
    }
  }
  return flags;
}

/** Runs `daemonscope cluster ...`; returns the exit status. */
export async function runCluster(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return exportCluster(parseFlags(rest, ['--kubeconfig', '--context', '--timeout'], io.cwd), io);
  if (sub === 'contexts') return printContexts(parseFlags(rest, ['--kubeconfig'], io.cwd), io);
  throw new UsageError(sub === undefined ? `missing subcommand\n${usage}` : `unknown subcommand "${sub}"\n${usage}`);
}

async function printContexts(flags: Flags, io: CliIo): Promise<number> {
  const { listLiveContexts } = await import('../live/liveSource');
  const contexts = await listLiveContexts(flags.kubeconfig);
  if (!contexts.ok) {
    io.stderr.write(`daemonscope cluster contexts: ${contexts.error.message}\n`);
    return 2;
  }
  for (const context of contexts.value) {
    io.stdout.write(`${context.current ? '*' : ' '} ${context.name}\t${context.cluster}${context.namespace ? `\t${context.namespace}` : ''}\n`);
  }
  return 0;
}

async function exportCluster(flags: Flags, io: CliIo): Promise<number> {
  const { fetchLiveSnapshot } = await import('../live/liveSource');
  const snapshot = await fetchLiveSnapshot({
    ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
    ...(flags.context !== undefined ? { context: flags.context } : {}),
    ...(flags.timeoutSeconds !== undefined ? { timeoutSeconds: flags.timeoutSeconds } : {}),
    // The person running the CLI trusts their shell; a credential plugin runs only for --context.
    policy: { workspaceTrusted: true, contextChosenByUser: flags.context !== undefined },
  });
  if (!snapshot.ok) {
    io.stderr.write(`daemonscope cluster export: ${snapshot.error.message}\n`);
    return 2;
  }
  const { context, serverVersion, nodes, namespaces, runtimeClasses, pods, notes } = snapshot.value;
  for (const note of notes) io.stderr.write(`daemonscope cluster export: note: ${note}\n`);
  const header = `# daemonscope cluster export: context "${context}"${serverVersion ? `, Kubernetes ${serverVersion}` : ''}: ${nodes.length} nodes, ${namespaces.length} namespaces, ${runtimeClasses.length} runtime classes, ${pods.length} bound non-terminal pods.\n# Reduced to the fields the simulation reads; use it with --cluster FILE.\napiVersion: v1\nkind: List\nitems:${nodes.length + namespaces.length + runtimeClasses.length + pods.length === 0 ? ' []' : ''}\n`;
  await writeChunks(io.stdout, header, [nodes, namespaces, runtimeClasses, pods]);
  return 0;
}

// Writes the items as YAML sequence entries in chunks of about 64 KB, waiting for 'drain' when
// the stream asks, so a 150,000-pod export never builds one giant string.
async function writeChunks(out: NodeJS.WritableStream, header: string, groups: object[][]): Promise<void> {
  let chunk = header;
  for (const group of groups) {
    for (const item of group) {
      chunk += stringify([item], { lineWidth: 0 });
      if (chunk.length >= 65_536) {
        if (!out.write(chunk)) await new Promise((done) => out.once('drain', done));
        chunk = '';
      }
    }
  }
  if (chunk !== '' && !out.write(chunk)) await new Promise((done) => out.once('drain', done));
}
