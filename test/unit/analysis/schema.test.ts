import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daemonSetSchema, propertyNames, schemaAt } from '../../../server/src/analysis/schema';
import { createSchemaValidator } from '../../../server/src/analysis/validator';

test('schemaAt finds a field with its own description, type and curated enum', () => {
  const node = schemaAt(['spec', 'updateStrategy', 'type']);
  assert.ok(node);
  assert.deepEqual(node.schema.enum, ['RollingUpdate', 'OnDelete']);
  assert.match(node.description ?? '', /Can be "RollingUpdate" or "OnDelete"/);
});

test('schemaAt follows arrays and references to named types, keeping the wrapper description', () => {
  const container = schemaAt(['spec', 'template', 'spec', 'containers', 0]);
  assert.equal(container?.definition, 'io.k8s.api.core.v1.Container');
  assert.ok(container?.schema.required?.includes('name'));
  const spec = schemaAt(['spec']);
  assert.equal(spec?.definition, 'io.k8s.api.apps.v1.DaemonSetSpec');
  assert.match(spec?.description ?? '', /desired behavior of this daemon set/);
  assert.deepEqual(spec?.schema.required, ['selector', 'template']);
});

test('maps keep a value schema; closed objects allow nothing else', () => {
  assert.equal(schemaAt(['metadata', 'labels', 'app.kubernetes.io/name'])?.schema.type, 'string');
  assert.deepEqual(schemaAt(['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu'])?.schema.type, ['string', 'number']);
  assert.equal(schemaAt(['spec', 'replicas']), undefined);
  assert.equal(schemaAt(['spec'])?.schema.additionalProperties, false);
});

test('int-or-string is a type union, not oneOf', () => {
  const node = schemaAt(['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable']);
  assert.deepEqual(node?.schema.type, ['integer', 'string']);
  assert.equal(node?.schema.format, 'int-or-string');
});

test('the generated schema holds the DaemonSet closure and compiles', () => {
  const names = Object.keys(daemonSetSchema.definitions ?? {});
  assert.ok(names.includes('io.k8s.api.core.v1.PodSpec'));
  assert.ok(!names.includes('io.k8s.api.apps.v1.Deployment'));
  assert.equal(createSchemaValidator().ok, true);
  assert.deepEqual(propertyNames(schemaAt(['spec', 'updateStrategy', 'rollingUpdate'])?.schema ?? {}), ['maxSurge', 'maxUnavailable']);
});
