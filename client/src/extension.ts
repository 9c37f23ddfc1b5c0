/** Extension entry point: build the context, register, start the client. Nothing else. */
import type { ExtensionContext } from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './context';

let ctx: Ctx | undefined;

/** Activates on the first YAML document (or a view/command). Starts the server without waiting for it. */
export function activate(context: ExtensionContext): void {
  const started = performance.now();
  ctx = new Ctx(context);
  context.subscriptions.push(ctx, ...registerCommands(ctx));
  void ctx.start();
  ctx.output.appendLine(`Daemonscope activated in ${(performance.now() - started).toFixed(1)} ms (server starting in the background).`);
}

/** Stops the server; VS Code disposes the rest. */
export function deactivate(): Promise<void> | undefined {
  const current = ctx;
  ctx = undefined;
  return current?.stop();
}
