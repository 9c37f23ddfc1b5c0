/** What a CLI command may touch: its streams and working directory (tests pass fakes). */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  cwd: string;
}

/** A bad invocation or unreadable input: printed on stderr, exit status 2. */
export class UsageError extends Error {}
