import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, check, validDaemonSet } from '../../../helpers/analysis';
import { applyFix, fixesFor } from '../codeActions/fixes';
import { variant } from './variant';

const codes = (text: string, options = {}) => check(text, options).map((f) => [f.code, f.severity, f.text]);

describe('production practice', () => {
  test('validDaemonSet follows every practice rule', () => {
    assert.deepEqual(check(validDaemonSet), []);
  });

  // kubernetes.io/docs/concepts/configuration/manage-resources-containers
  test('requests: missing cpu and memory, or one of them; a limit alone or pod-level resources count', () => {
    const none = variant(['          resources:\n            requests:\n              cpu: 50m\n              memory: 64Mi\n            limits:\n              memory: 128Mi\n', '']);
    assert.deepEqual(codes(none), [
      ['daemonset.memory-limit-missing', 'info', 'name'],
      ['daemonset.requests-missing', 'warning', 'name'],
    ]);
    assert.match(analyse(none).findings[1]!.message, /Container agent has no cpu or memory request/);
    const noCpu = variant(['              cpu: 50m\n', '']);
    assert.deepEqual(codes(noCpu), [['daemonset.requests-missing', 'warning', 'resources']]);
    assert.match(analyse(noCpu).findings[0]!.message, /has no cpu request/);
    const limitOnly = variant(['            requests:\n              cpu: 50m\n              memory: 64Mi\n            limits:\n              memory: 128Mi\n', '            limits:\n              cpu: 50m\n              memory: 128Mi\n']);
    assert.deepEqual(codes(limitOnly), []);
    const podLevel = variant(['          resources:\n            requests:\n              cpu: 50m\n              memory: 64Mi\n            limits:\n              memory: 128Mi\n', ''], ['      containers:\n', '      resources:\n        requests: {cpu: 50m, memory: 64Mi}\n        limits: {memory: 128Mi}\n      containers:\n']);
    // Pod-level resources are beta (daemonset.feature-version says so); they cover the containers' requests.
    assert.deepEqual(codes(podLevel).filter((c) => c[0] !== 'daemonset.feature-version'), []);
  });

  test('requests: sidecars count, classic init containers do not', () => {
    const withInit = (restartPolicy: string) => variant(['      containers:\n', `      initContainers:\n        - name: setup\n          image: busybox:1.36\n${restartPolicy}      containers:\n`]);
    assert.deepEqual(codes(withInit('')), []);
    const sidecar = codes(withInit('          restartPolicy: Always\n'));
    assert.deepEqual(sidecar.map((c) => c[0]), ['daemonset.memory-limit-missing', 'daemonset.requests-missing']);
  });

  test('requests fix: a requests block with placeholder values (snippet tab stops), or the missing entry', () => {
    const none = variant(['          resources:\n            requests:\n              cpu: 50m\n              memory: 64Mi\n            limits:\n              memory: 128Mi\n', '']);
    const [fix] = fixesFor(none, 'daemonset.requests-missing');
    assert.equal(fix!.isPreferred, false);
    assert.equal(fix!.edits[0]!.snippet, '          resources:\n            requests:\n              cpu: ${1:100m}\n              memory: ${2:128Mi}\n');
    assert.equal(applyFix(none, 'daemonset.requests-missing', /requests/), `${none.replace('      priorityClassName', '          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n      priorityClassName')}`);
    const noCpu = variant(['              cpu: 50m\n', '']);
    assert.equal(applyFix(noCpu, 'daemonset.requests-missing', /requests/), validDaemonSet.replace('              cpu: 50m\n              memory: 64Mi\n', '              memory: 64Mi\n              cpu: 100m\n'));
  });

  // kubernetes.io/docs/concepts/services-networking/dns-pod-service ("Pod's DNS Policy")
  test('hostNetwork without ClusterFirstWithHostNet: a warning; the fix adds or changes dnsPolicy', () => {
    const text = variant(['      containers:\n', '      hostNetwork: true\n      containers:\n']);
    assert.deepEqual(codes(text), [['daemonset.host-network-dns', 'warning', 'hostNetwork']]);
    assert.equal(applyFix(text, 'daemonset.host-network-dns'), text.replace('      hostNetwork: true\n', '      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n'));
    const clusterFirst = text.replace('      hostNetwork: true\n', '      hostNetwork: true\n      dnsPolicy: ClusterFirst\n');
    assert.deepEqual(codes(clusterFirst), [['daemonset.host-network-dns', 'warning', 'ClusterFirst']]);
    assert.equal(applyFix(clusterFirst, 'daemonset.host-network-dns'), text.replace('      hostNetwork: true\n', '      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n'));
    assert.deepEqual(codes(text.replace('      hostNetwork: true\n', '      hostNetwork: true\n      dnsPolicy: Default\n')), []);
  });

  // kubernetes.io/docs/concepts/containers/images
  test('image without a tag or with latest: a warning on the image; digests, registry ports and versions are fine', () => {
    for (const image of ['nginx', 'example/agent:latest', 'registry.example.com:5000/agent']) {
      assert.deepEqual(codes(variant(['image: example/agent:1.0', `image: ${image}`])), [['daemonset.image-latest', 'warning', image]], image);
    }
    for (const image of ['registry.example.com:5000/agent:2.1', 'example/agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'agent:1.0-latest']) {
      assert.deepEqual(codes(variant(['image: example/agent:1.0', `image: ${image}`])), [], image);
    }
  });

  // kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption
  test('no priorityClassName: information on the pod spec', () => {
    assert.deepEqual(codes(variant(['      priorityClassName: system-node-critical\n', ''])), [['daemonset.priority-class-missing', 'info', 'spec']]);
  });

  test('selectors of two DaemonSets in one namespace that overlap: a warning on each selector', () => {
    const other = validDaemonSet.replace('name: agent\n', 'name: agent-two\n');
    const text = `${validDaemonSet}---\n${other}`;
    const findings = analyse(text).findings;
    assert.deepEqual(findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)]), [
      ['daemonset.selector-overlap', 'selector'],
      ['daemonset.selector-overlap', 'selector'],
    ]);
    assert.match(findings[0]!.message, /and of agent-two \(line 38\) in namespace monitoring overlap/);
    const distinct = other.replace(/app: agent/g, 'app: agent-two');
    assert.deepEqual(analyse(`${validDaemonSet}---\n${distinct}`).findings, []);
    const elsewhere = other.replace('namespace: monitoring', 'namespace: logging');
    assert.deepEqual(analyse(`${validDaemonSet}---\n${elsewhere}`).findings, []);
  });

  test('each practice rule can be turned off', () => {
    const text = variant(['image: example/agent:1.0', 'image: example/agent'], ['      priorityClassName: system-node-critical\n', '']);
    assert.equal(check(text).length, 2);
    assert.deepEqual(check(text, { rules: { 'daemonset.image-latest': 'off', 'daemonset.priority-class-missing': 'off' } }), []);
  });
});

// Feature-gate stages from kubernetes.io (kubernetes/website feature-gates/*.md)
describe('features newer than daemonscope.kubernetesVersion', () => {
  const surge = variant(['      maxUnavailable: 1\n', '      maxUnavailable: 0\n      maxSurge: 1\n']);
  const sidecar = variant(['      containers:\n', '      initContainers:\n        - name: proxy\n          image: proxy:1.0\n          restartPolicy: Always\n          resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}\n      containers:\n']);

  test('maxSurge: a warning before 1.22 (off by default), information on 1.22-1.24 (beta), nothing from 1.25 (GA)', () => {
    assert.deepEqual(codes(surge, { kubernetesVersion: '1.21' }), [['daemonset.feature-version', 'warning', 'maxSurge']]);
    assert.deepEqual(codes(surge, { kubernetesVersion: '1.24' }), [['daemonset.feature-version', 'info', 'maxSurge']]);
    assert.deepEqual(codes(surge, { kubernetesVersion: '1.25' }), []);
    assert.deepEqual(codes(surge), []);
    assert.match(analyse(surge, { kubernetesVersion: '1.21' }).findings[0]!.message, /off by default before Kubernetes 1\.22 \(feature gate DaemonSetUpdateSurge\)/);
  });

  test('sidecar containers: a warning before 1.29, information up to 1.32', () => {
    assert.deepEqual(codes(sidecar, { kubernetesVersion: '1.28' }), [['daemonset.feature-version', 'warning', 'restartPolicy']]);
    assert.deepEqual(codes(sidecar, { kubernetesVersion: '1.30' }), [['daemonset.feature-version', 'info', 'restartPolicy']]);
    assert.deepEqual(codes(sidecar, { kubernetesVersion: '1.33' }), []);
  });

  test('pod-level resources are still beta in 1.35: information; a warning before 1.34', () => {
    const podLevel = variant(['      containers:\n', '      resources:\n        limits: {memory: 1Gi}\n      containers:\n']);
    assert.deepEqual(codes(podLevel), [['daemonset.feature-version', 'info', 'resources']]);
    assert.deepEqual(codes(podLevel, { kubernetesVersion: '1.33' }), [['daemonset.feature-version', 'warning', 'resources']]);
  });
});
