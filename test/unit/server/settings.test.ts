import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings } from '../../../server/src/protocol';
import { normalizeSettings } from '../../../server/src/settings';

test('normalizeSettings fills defaults for missing, null and wrongly typed values', () => {
  assert.deepEqual(normalizeSettings(undefined), defaultSettings);
  assert.deepEqual(normalizeSettings(null), defaultSettings);
  assert.deepEqual(normalizeSettings([1, 2]), defaultSettings);
  const settings = normalizeSettings({ clusterFile: 3, podStartSeconds: -1, maxFileSize: 'big', schemaValidation: 'no', kubernetesVersion: 'latest' });
  assert.deepEqual(settings, defaultSettings);
});

test('normalizeSettings keeps valid values and known rule severities only', () => {
  const settings = normalizeSettings({
    clusterFile: 'nodes.yaml',
    podStartSeconds: 30,
    kubernetesVersion: '1.33',
    schemaValidation: false,
    rules: { 'daemonset.replicas': 'off', 'schema.type': 'info', 'schema.enum': 'loud', 'yaml.syntax': 3 },
  });
  assert.equal(settings.clusterFile, 'nodes.yaml');
  assert.equal(settings.podStartSeconds, 30);
  assert.equal(settings.kubernetesVersion, '1.33');
  assert.equal(settings.schemaValidation, false);
  assert.deepEqual(settings.rules, { 'daemonset.replicas': 'off', 'schema.type': 'information' });
});
