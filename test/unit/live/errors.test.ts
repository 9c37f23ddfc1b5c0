import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeServer, redact } from '../../../server/src/live/errors';

test('redact removes known secrets and token-, key- and certificate-shaped text', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';
  const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----';
  const b64 = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJrVENC';
  const text = `token my-opaque-secret, ${jwt}, ${pem}, Authorization: Bearer abc.def, data ${b64}, https://user:pw@host:6443/x`;
  const out = redact(text, ['my-opaque-secret']);
  for (const secret of ['my-opaque-secret', jwt, 'MIIEow', 'abc.def', b64, 'user:pw']) assert.ok(!out.includes(secret), `${secret} leaked: ${out}`);
  assert.match(out, /https:\/\/host:6443\/x/);
});

test('redact leaves URL paths and resource names alone', () => {
  const text = 'GET https://10.0.0.1:6443/api/v1/namespaces/kube-system/pods/fluentd-elasticsearch-abcde-12345 failed';
  assert.equal(redact(text), text);
});

test('describeServer drops credentials and the query', () => {
  assert.equal(describeServer('https://admin:pw@k8s.example.com:6443/proxy/?token=x'), 'https://k8s.example.com:6443/proxy/');
  assert.equal(describeServer('https://k8s.example.com'), 'https://k8s.example.com');
});
