/** Extension entry point: build the context, register, start the client. Nothing else. */
import type { ExtensionContext } from 'vscode';

export function activate(_context: ExtensionContext): void {}

export function deactivate(): void {}
