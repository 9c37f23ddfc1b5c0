import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyDoc, referenceFor, typeLabel } from '../../../../server/src/analysis/hover/keyDocs';
import { schemaAt } from '../../../../server/src/analysis/schema';

test('types read as the API reference writes them', () => {
  const type = (path: (string | number)[]) => typeLabel(schemaAt(path)!);
  assert.equal(type(['spec', 'template', 'spec', 'tolerations']), '[]Toleration');
  assert.equal(type(['spec', 'template', 'spec', 'nodeSelector']), 'map[string]string');
  assert.equal(type(['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests']), 'map[string]quantity');
  assert.equal(type(['spec', 'updateStrategy', 'rollingUpdate', 'maxSurge']), 'integer | string');
  assert.equal(type(['spec', 'template', 'spec', 'containers', 0, 'args']), '[]string');
  assert.equal(type(['spec']), 'DaemonSetSpec');
});

test('defaults come from the description when the OpenAPI only states a Go zero value', () => {
  assert.equal(keyDoc(['spec', 'revisionHistoryLimit'])?.default, '10');
  assert.equal(keyDoc(['spec', 'updateStrategy', 'rollingUpdate', 'maxSurge'])?.default, '0');
  assert.equal(keyDoc(['spec', 'template', 'spec', 'dnsPolicy'])?.default, 'ClusterFirst');
  assert.equal(keyDoc(['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'])?.default, undefined, 'required, no default');
  assert.equal(keyDoc(['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'])?.required, true);
});

test('reference links: the owning page, anchored at the type that holds the key', () => {
  const base = 'https://kubernetes.io/docs/reference/kubernetes-api/';
  assert.equal(referenceFor(['spec', 'updateStrategy'])?.url, `${base}workload-resources/daemon-set-v1/#DaemonSetUpdateStrategy`);
  assert.equal(referenceFor(['metadata'])?.url, `${base}common-definitions/object-meta/#ObjectMeta`);
  assert.equal(referenceFor(['spec', 'template', 'spec', 'tolerations', 0])?.url, `${base}workload-resources/pod-v1/#Toleration`);
  assert.equal(referenceFor(['spec', 'template', 'spec', 'volumes', 0, 'hostPath'])?.url, `${base}config-and-storage-resources/volume/#HostPathVolumeSource`);
  assert.equal(referenceFor(['spec', 'selector'])?.url, `${base}common-definitions/label-selector/#LabelSelector`);
});

test('map entries and unknown keys have no key docs with a reference', () => {
  assert.equal(keyDoc(['spec', 'template', 'spec', 'nodeSelector', 'ssd'])?.reference, undefined);
  assert.equal(keyDoc(['spec', 'nope']), undefined);
  assert.equal(keyDoc(['spec', 'template', 'spec', 'containers', 0]), undefined);
});
