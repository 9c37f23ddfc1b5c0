import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proxyFromEnvironment } from '../../../server/src/live/proxyEnv';

// golang.org/x/net/http/httpproxy (what client-go's http.ProxyFromEnvironment reads).
const env = (vars: Record<string, string>): Record<string, string> => vars;

test('httpproxy: https servers use HTTPS_PROXY (upper case first, then lower case), http servers HTTP_PROXY', () => {
  assert.equal(proxyFromEnvironment('https://k8s.example.com:6443', env({ HTTPS_PROXY: 'http://proxy:3128' })), 'http://proxy:3128');
  assert.equal(proxyFromEnvironment('https://k8s.example.com:6443', env({ https_proxy: 'http://lower:3128' })), 'http://lower:3128');
  assert.equal(proxyFromEnvironment('https://k8s.example.com:6443', env({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' })), 'http://upper:1');
  assert.equal(proxyFromEnvironment('https://k8s.example.com', env({ HTTP_PROXY: 'http://proxy:3128' })), null, 'an https server does not fall back to HTTP_PROXY');
  assert.equal(proxyFromEnvironment('http://k8s.example.com', env({ HTTP_PROXY: 'http://proxy:3128' })), 'http://proxy:3128');
  assert.equal(proxyFromEnvironment('http://k8s.example.com', env({ HTTP_PROXY: 'http://proxy:3128', REQUEST_METHOD: 'GET' })), null, 'HTTP_PROXY is refused under CGI');
  assert.equal(proxyFromEnvironment('https://k8s.example.com', env({})), null);
});

test('httpproxy parseProxy: a proxy without a scheme is http://; socks5 is kept', () => {
  assert.equal(proxyFromEnvironment('https://k8s.example.com', env({ HTTPS_PROXY: 'proxy.corp:3128' })), 'http://proxy.corp:3128');
  assert.equal(proxyFromEnvironment('https://k8s.example.com', env({ HTTPS_PROXY: 'socks5://127.0.0.1:1080' })), 'socks5://127.0.0.1:1080');
});

test('httpproxy useProxy: localhost and loopback addresses are never proxied', () => {
  const proxy = env({ HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128' });
  for (const server of ['https://localhost:6443', 'https://127.0.0.1:6443', 'http://127.0.0.2', 'https://[::1]:6443']) {
    assert.equal(proxyFromEnvironment(server, proxy), null, server);
  }
});

test('httpproxy NO_PROXY: *, names with their subdomains, .names and *.names for subdomains only, ports, IPs and CIDRs', () => {
  const with_ = (noProxy: string, server: string): string | null => proxyFromEnvironment(server, env({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: noProxy }));
  assert.equal(with_('*', 'https://k8s.example.com'), null);
  assert.equal(with_('example.com', 'https://example.com'), null);
  assert.equal(with_('example.com', 'https://k8s.example.com'), null);
  assert.notEqual(with_('example.com', 'https://notexample.com'), null);
  assert.notEqual(with_('.example.com', 'https://example.com'), null, '.name: subdomains only');
  assert.equal(with_('.example.com', 'https://k8s.example.com'), null);
  assert.equal(with_('*.example.com', 'https://k8s.example.com'), null);
  assert.notEqual(with_('*.example.com', 'https://example.com'), null);
  assert.equal(with_('k8s.example.com:6443', 'https://k8s.example.com:6443'), null);
  assert.notEqual(with_('k8s.example.com:443', 'https://k8s.example.com:6443'), null, 'another port');
  assert.equal(with_('k8s.example.com:443', 'https://k8s.example.com'), null, 'the scheme default port');
  assert.equal(with_('10.0.0.1', 'https://10.0.0.1:6443'), null);
  assert.notEqual(with_('10.0.0.1', 'https://10.0.0.2:6443'), null);
  assert.equal(with_('10.0.0.0/8', 'https://10.20.30.40:6443'), null);
  assert.notEqual(with_('10.0.0.0/8', 'https://11.0.0.1:6443'), null);
  assert.equal(with_('fd00::/8', 'https://[fd12::1]:6443'), null);
  assert.equal(with_(' other.org , K8S.Example.com ', 'https://k8s.example.com'), null, 'entries trimmed, case ignored');
});
