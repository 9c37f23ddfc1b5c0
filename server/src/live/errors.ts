/**
 * Errors of the live (kubeconfig) cluster source, as values. Each message says what is wrong and
 * what to do, and passes through `redact` so tokens, keys and certificates never reach a message,
 * a log or the webview.
 */

/** What kind of failure; callers branch on this, never on message wording. */
export type LiveErrorCode =
  /** The kubeconfig is missing, unreadable or malformed. */
  | 'kubeconfig'
  /** The context does not exist, or none was given and the kubeconfig has no current one. */
  | 'context'
  /** The context needs a credential plugin and the caller did not allow running it. */
  | 'credentialPlugin'
  /** Connection refused, unknown host, TLS failure, or no answer within the timeout. */
  | 'unreachable'
  /** HTTP 401: the credentials were rejected. */
  | 'unauthorized'
  /** HTTP 403: the user lacks a permission; the message names the verb and resource. */
  | 'forbidden'
  /** Anything else the server answered that we cannot use (5xx, 404, not JSON). */
  | 'server'
  /** HTTP 410 Gone: a continue token or watch resourceVersion expired; callers relist. */
  | 'expired'
  /** The caller stopped the operation. */
  | 'cancelled';

/** A live-source failure. `message` is one or two sentences a person can act on, already redacted. */
export interface LiveError {
  code: LiveErrorCode;
  message: string;
}

/** Either a value or a `LiveError`; live functions return this instead of throwing. */
export type LiveResult<T> = { ok: true; value: T } | { ok: false; error: LiveError };

/** A successful `LiveResult`. */
export function ok<T>(value: T): LiveResult<T> {
  return { ok: true, value };
}

/** A failed `LiveResult`. */
export function fail<T = never>(code: LiveErrorCode, message: string): LiveResult<T> {
  return { ok: false, error: { code, message } };
}

// A JSON Web Token (the usual shape of OIDC and service-account tokens).
const jwtPattern = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
// PEM blocks (certificates and keys), possibly with escaped newlines.
const pemPattern = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g;
// An Authorization header value.
const bearerPattern = /\b(Bearer|Basic)\s+[^\s"',;]+/gi;
// Long base64 runs (certificate-authority-data, client-key-data, opaque tokens); only runs that
// mix upper case, lower case and digits, so URL paths and resource names survive.
const base64Pattern = /[A-Za-z0-9+/_-]{32,}={0,2}/g;
const looksEncoded = (run: string): boolean => /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);
// user:password@ in a URL.
const userinfoPattern = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi;

/**
 * Removes secrets from `text`: every exact `secrets` string (tokens, passwords, key and
 * certificate data of the kubeconfig), then anything shaped like a token, a PEM block, an
 * Authorization value, a long base64 run or URL credentials. Returns the cleaned text.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out
    .replace(pemPattern, '[redacted]')
    .replace(jwtPattern, '[redacted]')
    .replace(bearerPattern, '$1 [redacted]')
    .replace(base64Pattern, (run) => (looksEncoded(run) ? '[redacted]' : run))
    .replace(userinfoPattern, '$1');
}

/** A server URL fit for messages: scheme, host, port and path, without credentials or query. */
export function describeServer(server: string): string {
  try {
    const url = new URL(server);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return redact(server);
  }
}
