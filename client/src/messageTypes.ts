/**
 * Stand-ins for vscode-languageserver-protocol's `RequestType` and `NotificationType`, used only
 * in the bundle loaded at activation (dist/client.js; esbuild.mjs aliases the package to this
 * file there). protocol.ts builds its message constants with them, and the extension only reads
 * their `method`: connection.ts sends by method name. This keeps vscode-jsonrpc and the protocol
 * library (~140 KB) out of activation; dist/languageClient.js uses the real package.
 */

/** A request's method name; the type parameters only carry types. */
export class RequestType<P, R, E> {
  declare private readonly _types?: [P, R, E];
  constructor(readonly method: string) {}
}

/** A notification's method name; the type parameter only carries the type. */
export class NotificationType<P> {
  declare private readonly _types?: [P];
  constructor(readonly method: string) {}
}
