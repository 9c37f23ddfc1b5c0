/**
 * The proxy kubectl would use for an API server when the kubeconfig sets no `proxy-url`:
 * client-go's transports take `NewProxierWithNoProxyCIDR(http.ProxyFromEnvironment)`
 * (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/net/http.go
 * `SetOldTransportDefaults`), that is Go's `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` rules
 * (golang.org/x/net/http/httpproxy `Config.ProxyFunc`, `useProxy`) with CIDR entries in NO_PROXY.
 * `@kubernetes/client-node` honours only the kubeconfig's `proxy-url`, so Daemonscope passes it
 * this one (a cluster's own `proxy-url` wins, as in client-go's `rest.Config.Proxy`).
 */
import { isIP } from 'node:net';

/** The environment variables read (upper case first, then lower case, as Go's `getEnvAny`). */
export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

const read = (env: ProxyEnvironment, name: string): string => env[name.toUpperCase()] || env[name.toLowerCase()] || '';

/**
 * The proxy URL for requests to `server` under `env`, or null for a direct connection: `HTTPS_PROXY`
 * for https servers, `HTTP_PROXY` for http (ignored under CGI, `REQUEST_METHOD` set); never for
 * localhost or a loopback address; not for a host `NO_PROXY` matches. A proxy without a scheme is
 * taken as http://. Bad values are ignored (best effort, as Go does).
 */
export function proxyFromEnvironment(server: string, env: ProxyEnvironment): string | null {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return null;
  }
  const https = url.protocol === 'https:';
  if (!https && url.protocol !== 'http:') return null;
  const proxy = https ? read(env, 'https_proxy') : env.REQUEST_METHOD ? '' : read(env, 'http_proxy');
  if (proxy.trim() === '') return null;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (https ? '443' : '80');
  if (!useProxy(host, port, read(env, 'no_proxy'))) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy.trim()) ? proxy.trim() : `http://${proxy.trim()}`;
  try {
    return new URL(withScheme).toString().replace(/\/$/, '');
  } catch {
    return null;
  }
}

// httpproxy useProxy: localhost and loopback never; then each NO_PROXY entry (comma-separated):
// "*" matches all; an IP or CIDR matches the address; "name" matches it and its subdomains,
// ".name" and "*.name" its subdomains only; "host:port" only that port.
function useProxy(host: string, port: string, noProxy: string): boolean {
  if (host === 'localhost' || isLoopback(host)) return false;
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return false;
    if (entry.includes('/')) {
      if (isIP(host) !== 0 && inCidr(host, entry)) return false;
      continue;
    }
    if (isIP(entry.replace(/^\[|\]$/g, '')) !== 0) {
      if (entry.replace(/^\[|\]$/g, '') === host) return false;
      continue;
    }
    const [written, entryPort] = splitPort(entry);
    if (entryPort !== '' && entryPort !== port) continue;
    const name = written.startsWith('*.') ? written.slice(1) : written;
    if (name.startsWith('.') ? host.endsWith(name) : host === name || host.endsWith(`.${name}`)) return false;
  }
  return true;
}

function splitPort(entry: string): [string, string] {
  const at = entry.lastIndexOf(':');
  return at > 0 && /^\d+$/.test(entry.slice(at + 1)) ? [entry.slice(0, at), entry.slice(at + 1)] : [entry, ''];
}

function isLoopback(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}

function inCidr(address: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const a = toBits(address);
  const b = toBits(base ?? '');
  if (a === null || b === null || a.length !== b.length || !Number.isInteger(bits) || bits < 0 || bits > a.length) return false;
  return a.slice(0, bits) === b.slice(0, bits);
}

// An address as a string of bits (32 for IPv4, 128 for IPv6), or null.
function toBits(address: string): string | null {
  if (isIP(address) === 4) return address.split('.').map((part) => Number(part).toString(2).padStart(8, '0')).join('');
  if (isIP(address) !== 6) return null;
  const [head, tail] = address.split('::') as [string, string | undefined];
  const groups = (text: string | undefined): string[] => (text ? text.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  if (right.some((g) => g.includes('.')) || left.some((g) => g.includes('.'))) return null; // embedded IPv4: not worth it
  const all = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return all.length === 8 ? all.map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join('') : null;
}
