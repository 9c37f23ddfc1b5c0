/**
 * Read-only HTTP requests to a Kubernetes API server: GET a JSON document, or follow a watch
 * stream line by line. Authentication, TLS settings and proxies come from `@kubernetes/client-node`
 * (`KubeConfig.applyToHTTPSOptions`, which also runs a permitted credential plugin); this module
 * only sends GETs with what it returns, so the body can be streamed and reduced as it arrives
 * instead of being deserialised into the library's model classes.
 *
 * Every failure is a `LiveError` with a redacted message; nothing here throws for network or
 * server trouble.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { createGunzip } from 'node:zlib';
import { describeServer, fail, ok, redact, type LiveError, type LiveResult } from './errors';
import type { SelectedContext } from './kubeconfig';
import { proxyFromEnvironment, type ProxyEnvironment } from './proxyEnv';

/** Query parameters of a request; undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/** Default seconds to wait for a server to answer (and between two chunks of a body). */
export const defaultTimeoutSeconds = 15;

/** An authenticated, read-only connection to one context's API server. */
export interface ApiConnection {
  context: string;
  /** The server URL for messages (no credentials, no query). */
  server: string;
  /** GETs `path` and parses the JSON body. */
  getJson(path: string, query?: Query, signal?: AbortSignal): Promise<LiveResult<unknown>>;
  /**
   * GETs a streaming `path` (a watch) and calls `onLine` with each newline-delimited JSON value;
   * resolves when the server ends the stream, `signal` aborts (`cancelled`), or on an error.
   */
  stream(path: string, query: Query, onLine: (value: unknown) => void, signal?: AbortSignal): Promise<LiveResult<void>>;
  /** Redacts this kubeconfig's secrets (and token-shaped text) from `text`. */
  redact(text: string): string;
}

/** Options of `connect`. */
export interface ConnectOptions {
  /** Seconds before an unanswered request (or a stalled body) fails as `unreachable`. */
  timeoutSeconds?: number;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (default `process.env`). */
  env?: ProxyEnvironment;
}

/**
 * Prepares a connection for a selected context: asks the library for the agent and headers
 * (running a credential plugin if the context has one; `selectContext` already checked that it
 * may). Returns a `kubeconfig`/`unreachable`/`unauthorized` error if that fails. Sends nothing.
 */
export async function connect(selected: SelectedContext, options: ConnectOptions = {}): Promise<LiveResult<ApiConnection>> {
  const secrets = selected.loaded.secrets;
  const server = describeServer(selected.server);
  const timeoutMs = Math.max(1, (options.timeoutSeconds ?? defaultTimeoutSeconds) * 1000);
  let base: URL;
  try {
    base = new URL(selected.server);
  } catch {
    return fail('kubeconfig', `The server of context "${selected.context}" is not a URL (${redact(selected.server, secrets)}).`);
  }
  const proxy = chooseProxy(selected, options.env ?? process.env);
  const prepared: https.RequestOptions = {};
  try {
    await selected.loaded.config.applyToHTTPSOptions(prepared);
  } catch (error) {
    return fail(...describeAuthSetupError(selected, error));
  }
  const target = (path: string, query: Query = {}): URL => {
    const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url;
  };
  const context = selected.context;
  const proxySecrets = proxy ? [proxy.url.password, decodeURIComponent(proxy.url.password)].filter((p) => p.length > 0) : [];
  const clean = (text: string): string => redact(text, [...secrets, ...proxySecrets]);
  const send = (url: URL, signal: AbortSignal | undefined, onResponse: (response: http.IncomingMessage, body: NodeJS.ReadableStream) => Promise<LiveResult<unknown>>): Promise<LiveResult<unknown>> =>
    request(url, prepared, timeoutMs, { context, server, clean, proxy: proxy ? `${describeServer(proxy.url.toString()).replace(/\/$/, '')} (${proxy.origin})` : null }, signal, onResponse);
  return ok({
    context,
    server,
    redact: clean,
    getJson: (path, query, signal) =>
      send(target(path, query), signal, async (_response, body) => {
        const text = await readAll(body, timeoutMs);
        if (!text.ok) return text;
        try {
          return ok(JSON.parse(text.value) as unknown);
        } catch {
          return fail('server', `${server} answered ${path} with something that is not JSON: is it a Kubernetes API server?`);
        }
      }),
    stream: async (path, query, onLine, signal) => {
      const result = await send(target(path, query), signal, (_response, body) => readLines(body, timeoutMs, onLine, signal));
      return result.ok ? ok(undefined) : result;
    },
  });
}

interface Described {
  context: string;
  server: string;
  clean(text: string): string;
  /** "http://proxy:3128 (HTTPS_PROXY)" when requests go through a proxy, else null. */
  proxy: string | null;
}

/**
 * The proxy for the selected context: the cluster's `proxy-url` (the library applies it), else
 * the one `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` give for its server (kubectl's rule, proxyEnv.ts),
 * which is written into the loaded kubeconfig's cluster entry so the library builds the agent
 * (CONNECT through http(s) proxies, SOCKS). Null for a direct connection or an unusable URL.
 */
function chooseProxy(selected: SelectedContext, env: ProxyEnvironment): { url: URL; origin: string } | null {
  const { config } = selected.loaded;
  const cluster = config.getCurrentCluster();
  if (!cluster) return null;
  const fromEnv = cluster.proxyUrl ? null : proxyFromEnvironment(selected.server, env);
  const chosen = cluster.proxyUrl || fromEnv;
  if (!chosen) return null;
  let url: URL;
  try {
    url = new URL(chosen);
  } catch {
    return null; // the library reports an unusable proxy-url when it builds the agent
  }
  if (fromEnv) config.clusters = config.clusters.map((c) => (c === cluster ? { ...c, proxyUrl: fromEnv } : c));
  return { url, origin: fromEnv ? (selected.server.startsWith('https:') ? 'HTTPS_PROXY' : 'HTTP_PROXY') : 'proxy-url in the kubeconfig' };
}

// One GET with an overall timeout for the response head; the body's own idle timeout is the
// reader's. The socket is always destroyed at the end, so nothing leaks.
function request(
  url: URL,
  prepared: https.RequestOptions,
  timeoutMs: number,
  described: Described,
  signal: AbortSignal | undefined,
  onResponse: (response: http.IncomingMessage, body: NodeJS.ReadableStream) => Promise<LiveResult<unknown>>,
): Promise<LiveResult<unknown>> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(fail('cancelled', 'Cancelled.'));
    const send = url.protocol === 'http:' ? http.request : https.request;
    const headers: http.OutgoingHttpHeaders = { ...(prepared.headers as http.OutgoingHttpHeaders | undefined), Accept: 'application/json', 'Accept-Encoding': 'gzip', 'User-Agent': 'daemonscope' };
    let settled = false;
    const finish = (result: LiveResult<unknown>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(result);
    };
    const req = send(url, { method: 'GET', agent: prepared.agent, auth: prepared.auth, headers });
    // Keep-alive probes notice a dead peer on long watches (as client-node's Watch does).
    req.on('socket', (socket) => socket.setKeepAlive(true, 30_000));
    const timer = setTimeout(() => finish(fail('unreachable', `No answer from ${described.server} within ${Math.round(timeoutMs / 1000)} s (context "${described.context}"): check the network, VPN or proxy, and the server address in the kubeconfig.`)), timeoutMs);
    const onAbort = (): void => finish(fail('cancelled', 'Cancelled.'));
    signal?.addEventListener('abort', onAbort);
    req.on('error', (error) => finish(fail(...describeNetworkError(error, described))));
    req.on('response', (response) => {
      clearTimeout(timer);
      const body = response.headers['content-encoding'] === 'gzip' ? response.pipe(createGunzip()) : response;
      body.on('error', (error: Error) => finish(fail('unreachable', `The connection to ${described.server} broke: ${described.clean(error.message)}.`)));
      if ((response.statusCode ?? 0) >= 300) {
        void readAll(body, timeoutMs).then((text) => finish({ ok: false, error: describeStatus(response.statusCode ?? 0, text.ok ? text.value : '', url, described) }));
        return;
      }
      void onResponse(response, body).then(finish, (error: unknown) => finish(fail('server', described.clean(`Reading the answer of ${described.server} failed: ${String(error)}`))));
    });
    req.end();
  });
}

// Reads a whole body as UTF-8; fails if no byte arrives for timeoutMs.
function readAll(body: NodeJS.ReadableStream, timeoutMs: number): Promise<LiveResult<string>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let timer = setTimeout(onIdle, timeoutMs);
    function onIdle(): void {
      resolve(fail('unreachable', `The server stopped sending in the middle of an answer (nothing for ${Math.round(timeoutMs / 1000)} s).`));
    }
    body.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      clearTimeout(timer);
      timer = setTimeout(onIdle, timeoutMs);
    });
    body.on('end', () => {
      clearTimeout(timer);
      resolve(ok(Buffer.concat(chunks).toString('utf8')));
    });
    body.on('error', () => clearTimeout(timer));
  });
}

// Splits a watch stream into lines and parses each; a watch may stay silent for long, so there is
// no idle timeout here (the server's timeoutSeconds ends it).
function readLines(body: NodeJS.ReadableStream, _timeoutMs: number, onLine: (value: unknown) => void, signal?: AbortSignal): Promise<LiveResult<unknown>> {
  return new Promise((resolve) => {
    let pending = '';
    const deliver = (line: string): void => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return; // a torn line at a broken connection: the relist after reconnecting repairs state
      }
      onLine(value);
    };
    body.setEncoding?.('utf8');
    body.on('data', (chunk: string | Buffer) => {
      pending += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      let at = pending.indexOf('\n');
      while (at >= 0) {
        deliver(pending.slice(0, at));
        pending = pending.slice(at + 1);
        at = pending.indexOf('\n');
      }
    });
    body.on('end', () => {
      deliver(pending);
      resolve(signal?.aborted ? fail('cancelled', 'Cancelled.') : ok(undefined));
    });
    body.on('close', () => resolve(signal?.aborted ? fail('cancelled', 'Cancelled.') : fail('unreachable', 'The watch connection closed unexpectedly.')));
  });
}

/**
 * Turns an HTTP error status and its body (usually a `Status` object) into a `LiveError` that
 * says what to do. 403 names the verb and the resource from the request (RBAC: the user needs
 * get/list/watch on it).
 */
function describeStatus(status: number, bodyText: string, url: URL, described: Described): LiveError {
  let serverMessage = '';
  try {
    const parsed = JSON.parse(bodyText) as { message?: unknown };
    if (typeof parsed.message === 'string') serverMessage = parsed.message;
  } catch {
    serverMessage = bodyText.slice(0, 200);
  }
  const said = serverMessage ? ` (the server said: ${described.clean(serverMessage).slice(0, 300)})` : '';
  const { verb, resource } = describeRequest(url);
  if (status === 401) {
    return { code: 'unauthorized', message: `${described.server} rejected the credentials of context "${described.context}" (401 Unauthorized): the token or certificate is wrong or expired; sign in again (for example with your cloud CLI) or fix the user in the kubeconfig.` };
  }
  if (status === 403) {
    return { code: 'forbidden', message: `Cannot ${verb} ${resource}: the context's user needs get/list/watch on ${resource}${resource === 'pods' ? ' in all namespaces' : ''} (403 Forbidden${said ? `; ${said.slice(2, -1)}` : ''}).` };
  }
  if (status === 410) return { code: 'expired', message: `The server's history for ${resource} expired (410 Gone)${said}.` };
  if (status === 404) return { code: 'server', message: `${described.server} has no ${url.pathname} (404 Not Found): is it the address of a Kubernetes API server?` };
  return { code: 'server', message: `${described.server} answered ${status} to ${verb} ${resource}${said}; try again later.` };
}

function describeRequest(url: URL): { verb: string; resource: string } {
  const parts = url.pathname.split('/').filter(Boolean);
  const resource = parts[parts.length - 1] ?? url.pathname;
  const verb = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1' ? 'watch' : resource === 'version' ? 'get' : 'list';
  return { verb, resource };
}

function describeNetworkError(error: Error & { code?: string }, described: Described): [LiveError['code'], string] {
  const where = `${described.server} (context "${described.context}")`;
  if (described.proxy) {
    // The agent talks to the proxy first: its errors are the proxy's (refused, unknown host, 407...).
    const status = /^Bad response: (\d+)/.exec(error.message)?.[1];
    const why = status === '407' ? 'the proxy wants credentials (407): put them in the proxy URL' : status ? `the proxy answered ${status} to CONNECT` : error.code === 'ECONNREFUSED' ? 'connection refused by the proxy' : error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN' ? 'the proxy host does not resolve' : described.clean(error.message);
    return ['unreachable', `Cannot reach ${where} through the proxy ${described.proxy}: ${why}. ${described.proxy.endsWith('(proxy-url in the kubeconfig)') ? 'Check the proxy-url of the context\'s cluster in the kubeconfig.' : 'Check the proxy, or add this server to NO_PROXY.'}`];
  }
  switch (error.code) {
    case 'ECONNREFUSED':
      return ['unreachable', `Cannot connect to ${where}: connection refused. Is the cluster running, and is the server address in the kubeconfig right?`];
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return ['unreachable', `Cannot resolve the host of ${where}: check the server address, your DNS, VPN or network.`];
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return ['unreachable', `Cannot reach ${where}: check your network, VPN or proxy.`];
    case 'ECONNRESET':
    case 'EPIPE':
      return ['unreachable', `${where} closed the connection: is the address a Kubernetes API server, and does it speak ${described.server.startsWith('http:') ? 'plain HTTP' : 'HTTPS'}?`];
    default:
      if (error.code && /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_VERIFY/.test(error.code)) {
        return ['unreachable', `TLS check of ${where} failed (${error.code}): check certificate-authority(-data) and tls-server-name in the kubeconfig.`];
      }
      return ['unreachable', `Cannot talk to ${where}: ${described.clean(error.message)}.`];
  }
}

function describeAuthSetupError(selected: SelectedContext, error: unknown): [LiveError['code'], string] {
  const message = redact(error instanceof Error ? error.message : String(error), selected.loaded.secrets);
  if (/HTTP protocol is not allowed/.test(message)) {
    return ['kubeconfig', `Context "${selected.context}" uses plain http (${describeServer(selected.server)}); the client refuses it unless the kubeconfig's cluster sets insecure-skip-tls-verify: true.`];
  }
  if (/ENOENT/.test(message)) return ['kubeconfig', `A file named by context "${selected.context}" (certificate, key or token file) is missing: ${message}.`];
  return ['unauthorized', `Getting credentials for context "${selected.context}" failed: ${message || 'no detail'}. Sign in again (for example with your cloud CLI).`];
}
