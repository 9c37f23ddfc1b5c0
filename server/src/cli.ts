/**
 * `daemonscope` command line: dispatches to one module per subcommand in cli/.
 * Exit status: 0 ok, 1 error findings, 2 usage or unreadable input (DESIGN.md "CLI").
 */
import { runCli } from './cli/run';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() })
  .then((status) => {
    process.exitCode = status;
  })
  .catch((error: unknown) => {
    process.stderr.write(`daemonscope: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
