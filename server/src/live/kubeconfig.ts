/**
 * Reading a kubeconfig and choosing a context, through `@kubernetes/client-node` (which does the
 * merging of `KUBECONFIG`, the default file, in-cluster config, auth providers and proxies).
 *
 * The library is imported lazily, on the first call, so neither the extension's activation nor a
 * CLI run without a live source pays for it. Only `dist/config.js` is imported: the package index
 * pulls in every generated API class (about 3.5 MB minified instead of about 0.9 MB), and we need
 * only `KubeConfig`; the version is pinned exactly in package.json.
 */
import type { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import type { User } from '@kubernetes/client-node/dist/config_types.js';
import { fail, ok, redact, type LiveResult } from './errors';

type ConfigModule = typeof import('@kubernetes/client-node/dist/config.js');
let configModule: Promise<ConfigModule> | undefined;

/** Loads `@kubernetes/client-node`'s KubeConfig module once (lazily); later calls share it. */
export function loadKubeClient(): Promise<ConfigModule> {
  configModule ??= import('@kubernetes/client-node/dist/config.js');
  return configModule;
}

/** Where to read the kubeconfig from. */
export interface KubeconfigSource {
  /** An explicit kubeconfig file; absent = `KUBECONFIG`, then `~/.kube/config`, then in-cluster. */
  path?: string;
}

/** A loaded kubeconfig, plus every secret in it so messages can be redacted. */
export interface LoadedKubeconfig {
  config: KubeConfig;
  /** How the file was found, for messages ("kubeconfig /x/config", "KUBECONFIG"). */
  origin: string;
  /** Tokens, passwords, key and certificate data found in the file; see `redact`. */
  secrets: string[];
}

/** One context of a kubeconfig, for pickers and `cluster contexts`. */
export interface ContextSummary {
  name: string;
  cluster: string;
  user: string;
  namespace: string | null;
  /** True for the kubeconfig's current-context. */
  current: boolean;
}

/**
 * Reads and parses a kubeconfig. Returns a `kubeconfig` error for a missing, unreadable or
 * malformed file, with a message that names the file and never quotes its content (a YAML error
 * gives line and column only, since the offending line could hold a token).
 */
export async function readKubeconfig(source: KubeconfigSource = {}): Promise<LiveResult<LoadedKubeconfig>> {
  const origin = source.path !== undefined ? `kubeconfig ${source.path}` : process.env.KUBECONFIG ? 'the kubeconfig in KUBECONFIG' : 'the default kubeconfig';
  let config: KubeConfig;
  try {
    const { KubeConfig: KubeConfigClass } = await loadKubeClient();
    config = new KubeConfigClass();
    if (source.path !== undefined) config.loadFromFile(source.path);
    else config.loadFromDefault();
  } catch (error) {
    return fail('kubeconfig', describeLoadError(origin, error));
  }
  if (source.path === undefined && isLibraryFallback(config)) {
    return fail('kubeconfig', 'No kubeconfig found: set KUBECONFIG, create ~/.kube/config (for example with your cloud CLI), or pass --kubeconfig FILE.');
  }
  return ok({ config, origin, secrets: collectSecrets(config) });
}

/** The contexts of a kubeconfig, the current one first, the rest by name. */
export function listContexts(loaded: LoadedKubeconfig): ContextSummary[] {
  const current = loaded.config.getCurrentContext();
  return loaded.config
    .getContexts()
    .map((context) => ({
      name: context.name,
      cluster: context.cluster,
      user: context.user ?? '',
      namespace: context.namespace ?? null,
      current: context.name === current,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Whether a credential plugin may run: both must hold (DESIGN.md "Security"). */
export interface CredentialPolicy {
  /** The editor's workspace is trusted (the CLI passes true: its user runs it deliberately). */
  workspaceTrusted: boolean;
  /** The user picked this context by name (the editor's picker, the CLI's --context). */
  contextChosenByUser: boolean;
}

/** A context ready to connect to: the kubeconfig with it made current. */
export interface SelectedContext {
  loaded: LoadedKubeconfig;
  context: string;
  /** The cluster's server URL as written in the kubeconfig. */
  server: string;
}

/**
 * Makes `name` (or the current context when absent) current, after checking that it exists, that
 * its cluster and user exist, and that a credential plugin it needs may run under `policy`.
 * Mutates `loaded.config`'s current context. Never runs a plugin itself.
 */
export function selectContext(loaded: LoadedKubeconfig, name: string | undefined, policy: CredentialPolicy): LiveResult<SelectedContext> {
  const { config } = loaded;
  const known = config.getContexts().map((c) => c.name);
  const list = known.length > 0 ? known.join(', ') : 'none';
  const chosen = name ?? config.getCurrentContext();
  if (!chosen) {
    return fail('context', `The kubeconfig has no current-context: choose one with --context NAME (contexts: ${list}).`);
  }
  const context = config.getContextObject(chosen);
  if (!context) {
    return fail('context', `Context "${chosen}" is not in ${loaded.origin} (contexts: ${list}).`);
  }
  const cluster = config.getCluster(context.cluster);
  if (!cluster) {
    return fail('kubeconfig', `Context "${chosen}" names cluster "${context.cluster}", which is not in ${loaded.origin}.`);
  }
  const user = context.user ? config.getUser(context.user) : null;
  if (context.user && !user) {
    return fail('kubeconfig', `Context "${chosen}" names user "${context.user}", which is not in ${loaded.origin}.`);
  }
  const plugin = user ? credentialPlugin(user) : null;
  if (plugin !== null && !(policy.workspaceTrusted && policy.contextChosenByUser)) {
    const why = policy.workspaceTrusted
      ? `choose the context explicitly (--context ${chosen}, or "Daemonscope: Use Cluster Context…")`
      : 'trust this workspace first, then choose the context explicitly';
    return fail('credentialPlugin', `Context "${chosen}" signs in by running ${plugin}; Daemonscope runs credential plugins only for a context you chose, in a trusted workspace: ${why}.`);
  }
  config.setCurrentContext(chosen);
  return ok({ loaded, context: chosen, server: cluster.server });
}

/**
 * The program a user entry would run to get credentials (exec plugin, or a gcp/azure auth provider
 * with `cmd-path`), named for messages (base name only), or null when it runs none.
 */
export function credentialPlugin(user: User): string | null {
  const exec = (user.exec ?? user.authProvider?.config?.exec) as { command?: unknown } | undefined;
  if (exec) return `the credential plugin "${baseName(exec.command)}"`;
  if (user.authProvider?.name === 'exec') return 'an exec auth provider';
  const cmdPath = user.authProvider?.config?.['cmd-path'];
  if (cmdPath !== undefined && cmdPath !== null && cmdPath !== '') return `the ${String(user.authProvider?.name ?? 'auth provider')} command "${baseName(cmdPath)}"`;
  return null;
}

function baseName(command: unknown): string {
  const text = typeof command === 'string' ? command : 'unknown';
  return text.split(/[\\/]/).pop() || text;
}

// loadFromDefault falls back to an unauthenticated http://localhost:8080 when it finds nothing.
function isLibraryFallback(config: KubeConfig): boolean {
  const contexts = config.getContexts();
  return contexts.length === 1 && contexts[0]!.name === 'loaded-context' && config.getCurrentCluster()?.server === 'http://localhost:8080';
}

function describeLoadError(origin: string, error: unknown): string {
  const e = error as { code?: string; name?: string; reason?: string; mark?: { line?: number; column?: number }; message?: string; path?: string };
  if (e.code === 'ENOENT') return `${capitalise(origin)} was not found${e.path && !origin.includes(e.path) ? ` (${e.path})` : ''}: check the path, or pass --kubeconfig FILE.`;
  if (e.code === 'EACCES' || e.code === 'EPERM') return `${capitalise(origin)} cannot be read (permission denied).`;
  if (e.code === 'EISDIR') return `${capitalise(origin)} is a directory, not a file.`;
  if (e.name === 'YAMLException') {
    const where = e.mark ? ` at line ${(e.mark.line ?? 0) + 1}, column ${(e.mark.column ?? 0) + 1}` : '';
    return `${capitalise(origin)} is not valid YAML${where}: ${redact(e.reason ?? 'syntax error')}.`;
  }
  if (error instanceof TypeError) return `${capitalise(origin)} is not a kubeconfig (expected a mapping with clusters, users and contexts).`;
  return `${capitalise(origin)} is invalid: ${redact(e.message ?? String(error))}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Every string that could be a credential: the user entries' tokens, passwords, keys and
// certificates, auth-provider config values, exec env values, and the clusters' CA data.
function collectSecrets(config: KubeConfig): string[] {
  const found = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value.length >= 6) found.add(value);
  };
  for (const user of config.getUsers()) {
    add(user.token);
    add(user.password);
    add(user.certData);
    add(user.keyData);
    for (const value of Object.values((user.authProvider?.config ?? {}) as Record<string, unknown>)) add(value);
    const env = (user.exec as { env?: { value?: unknown }[] } | undefined)?.env;
    if (Array.isArray(env)) for (const entry of env) add(entry?.value);
  }
  for (const cluster of config.getClusters()) add(cluster.caData);
  return [...found];
}
