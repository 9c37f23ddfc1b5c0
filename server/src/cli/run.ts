import type { CliIo } from './io';
import { UsageError } from './io';

const usage = `Usage:
  daemonscope check FILE|DIR|-... [--cluster NODES] [--pods PODS] [--config FILE]
                    [--format text|json|sarif] [--fix [--dry-run]]
  daemonscope preview FILE [--cluster NODES] [--pods PODS] [--pod-start-seconds N] [--format text|json]
  daemonscope diff OLD NEW [--cluster NODES] [--pods PODS] [--pod-start-seconds N] [--format text|json]
  (check, preview and diff also take --kubeconfig FILE --context NAME: a live cluster, read-only)
  daemonscope cluster export [--kubeconfig FILE] [--context NAME]
  daemonscope cluster contexts [--kubeconfig FILE]
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Subcommands; each module owns its flags. */
const commands: Record<string, () => Promise<Command>> = {
  check: () => import('./check').then((m) => m.runCheck),
  cluster: () => import('./clusterExport').then((m) => m.runCluster),
  diff: () => import('./diff').then((m) => m.runDiff),
  preview: () => import('./preview').then((m) => m.runPreview),
};

/** Runs one CLI invocation and returns its exit status; never throws for bad input. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(usage);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`daemonscope: unknown command "${name}"\n${usage}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`daemonscope ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
