/**
 * Rollout impact of an edit (issue #10). The controller's current revision is the one whose data
 * equals the JSON of `spec.template` (pkg/controller/daemon/update.go `Match`, `getPatch`), and pods
 * carry `controller.ComputeHash(&ds.Spec.Template, ...)`: only a template change rolls pods. Both
 * versions are compared as the API server stores them (apps/v1 `SetObjectDefaults_DaemonSet`,
 * core/v1 defaults.go), so writing a default is no change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daemonSetChanges, diffDaemonSets, formatEstimate, storedQuantity } from '../../../server/src/engine';
import { cluster, daemonSet, node } from './fixtures';

const eight = cluster(Array.from({ length: 8 }, (_, i) => node(`n${i + 1}`)));
const paths = (a: unknown, b: unknown) => daemonSetChanges(a, b).map((c) => c.path);
const clone = <T>(value: T): T => structuredClone(value);

function agent(podSpec: Record<string, unknown> = {}, spec: Record<string, unknown> = {}, name = 'fluentd', namespace = 'logging') {
  return daemonSet({ containers: [{ name: 'fluentd', image: 'registry.example/fluentd:5.0.1' }], ...podSpec }, spec, name, namespace);
}

test('update.go Match/getPatch: an image change is a template change and rolls every node, as the preview plans it', () => {
  const before = agent({}, { updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } });
  const after = agent({ containers: [{ name: 'fluentd', image: 'registry.example/fluentd:5.0.2' }] }, { updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } });
  const [ds] = diffDaemonSets([before], [after], eight, { podStartSeconds: 30 }).daemonsets;
  assert.deepEqual(
    { status: ds!.status, rollout: ds!.rollout, changes: ds!.changes, pods: ds!.pods, waves: ds!.waves, estimatedSeconds: ds!.estimatedSeconds },
    { status: 'changed', rollout: true, changes: ['spec.template.spec.containers[0].image'], pods: 8, waves: 4, estimatedSeconds: 120 },
  );
  assert.equal(ds!.summary, 'pod template changed (image 5.0.1 → 5.0.2): rolls 8 pods in 4 waves, ~2 min');
  assert.equal(ds!.effect, 'rolls 8 pods in 4 waves, ~2 min');
});

test('updateStrategy, minReadySeconds, revisionHistoryLimit and the DaemonSet\'s own metadata are outside spec.template: no rollout', () => {
  const before = agent();
  const after = clone(before) as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
  after.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%' } };
  after.spec.minReadySeconds = 10;
  after.spec.revisionHistoryLimit = 3;
  after.metadata.labels = { team: 'logging' };
  after.metadata.annotations = { owner: 'sre' };
  const [ds] = diffDaemonSets([before], [after], eight).daemonsets;
  assert.equal(ds!.rollout, false);
  assert.equal(ds!.pods, 0);
  assert.deepEqual(ds!.changes, ['metadata.labels.team', 'metadata.annotations.owner', 'spec.updateStrategy.rollingUpdate.maxUnavailable', 'spec.minReadySeconds', 'spec.revisionHistoryLimit']);
  assert.equal(ds!.effect, 'no rollout: only labels, annotations, updateStrategy, minReadySeconds and revisionHistoryLimit changed');
  const onlyStrategy = clone(before) as { spec: Record<string, unknown> };
  onlyStrategy.spec.updateStrategy = { rollingUpdate: { maxUnavailable: 3 } };
  assert.equal(diffDaemonSets([before], [onlyStrategy], eight).daemonsets[0]!.effect, 'no rollout: only updateStrategy changed');
});

test('SetDefaults_DaemonSet, SetDefaults_PodSpec, SetDefaults_Container: a kubectl-printed object equals the manifest it came from', () => {
  const written = agent({
    containers: [{ name: 'fluentd', image: 'registry.example/fluentd:5.0.1', ports: [{ containerPort: 24224 }], livenessProbe: { httpGet: { port: 24220 } }, env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }], resources: { requests: { cpu: '0.1', memory: '200Mi' } } }],
    volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }, { name: 'config', configMap: { name: 'fluentd' } }, { name: 'scratch' }],
  });
  const printed = agent({
    containers: [{
      name: 'fluentd', image: 'registry.example/fluentd:5.0.1', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
      ports: [{ containerPort: 24224, protocol: 'TCP' }],
      livenessProbe: { httpGet: { port: 24220, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, initialDelaySeconds: 0 },
      env: [{ name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
      resources: { requests: { cpu: '100m', memory: '200Mi' } },
    }],
    volumes: [{ name: 'varlog', hostPath: { path: '/var/log', type: '' } }, { name: 'config', configMap: { name: 'fluentd', defaultMode: 420 } }, { name: 'scratch', emptyDir: {} }],
    dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30, tolerations: [], hostNetwork: false,
  }, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 });
  (printed.metadata as Record<string, unknown>).resourceVersion = '12345';
  (printed.metadata as Record<string, unknown>).annotations = { 'deprecated.daemonset.template.generation': '3' };
  ((printed.spec as { template: { metadata: Record<string, unknown> } }).template.metadata).creationTimestamp = null;
  (printed as Record<string, unknown>).status = { desiredNumberScheduled: 8 };
  assert.deepEqual(paths(printed, written), []);
  assert.equal(diffDaemonSets([printed], [written], eight).daemonsets[0]!.status, 'unchanged');
});

test('imagePullPolicy defaults to Always for :latest or no tag (ParseImageName), IfNotPresent otherwise', () => {
  const with_ = (image: string, policy?: string) => agent({ containers: [{ name: 'fluentd', image, ...(policy ? { imagePullPolicy: policy } : {}) }] });
  assert.deepEqual(paths(with_('fluentd', 'Always'), with_('fluentd')), []);
  assert.deepEqual(paths(with_('fluentd:latest', 'Always'), with_('fluentd:latest')), []);
  assert.deepEqual(paths(with_('registry:5000/fluentd', 'Always'), with_('registry:5000/fluentd')), []);
  assert.deepEqual(paths(with_('fluentd@sha256:abc', 'IfNotPresent'), with_('fluentd@sha256:abc')), []);
  assert.deepEqual(paths(with_('fluentd:5', 'Always'), with_('fluentd:5')), ['spec.template.spec.containers[0].imagePullPolicy']);
});

test('SetDefaults_Pod is not applied to a template: limits do not fill requests, hostNetwork does not fill hostPort', () => {
  const limitsOnly = agent({ containers: [{ name: 'fluentd', image: 'x:1', resources: { limits: { memory: '200Mi' } } }] });
  const both = agent({ containers: [{ name: 'fluentd', image: 'x:1', resources: { limits: { memory: '200Mi' }, requests: { memory: '200Mi' } } }] });
  assert.deepEqual(paths(limitsOnly, both), ['spec.template.spec.containers[0].resources.requests.memory']);
  const port = (hostPort?: number) => agent({ hostNetwork: true, containers: [{ name: 'fluentd', image: 'x:1', ports: [{ containerPort: 9100, ...(hostPort ? { hostPort } : {}) }] }] });
  assert.deepEqual(paths(port(), port(9100)), ['spec.template.spec.containers[0].ports[0].hostPort']);
});

test('quantities are compared as stored: 0.1 = 100m, 1Gi = 1024Mi, but 1Gi and 1073741824 are stored differently (the format is kept)', () => {
  const req = (memory: string, cpu = '100m') => agent({ containers: [{ name: 'fluentd', image: 'x:1', resources: { requests: { cpu, memory } } }] });
  assert.deepEqual(paths(req('1Gi', '0.1'), req('1024Mi', '100m')), []);
  assert.deepEqual(paths(req('1Gi'), req('1073741824')), ['spec.template.spec.containers[0].resources.requests.memory']);
  assert.equal(storedQuantity('0.0001'), storedQuantity('1m'), 'SetDefaults_ResourceList rounds up to milli-units');
  assert.equal(storedQuantity('1536'), storedQuantity('1.5Ki'), 'a binary amount that is no whole Ki is stored as plain decimal');
  const [ds] = diffDaemonSets([req('200Mi')], [req('200Mi', '250m')], eight).daemonsets;
  assert.match(ds!.summary, /^pod template changed \(cpu request 100m → 250m\): rolls 8 pods in 8 waves, ~/);
});

test('null, [] and {} where the API stores nothing; but a label with an empty value, and {} for a struct pointer, are kept', () => {
  assert.deepEqual(paths(agent({ tolerations: null, nodeSelector: {} }), agent({ tolerations: [] })), []);
  assert.deepEqual(paths(agent({ containers: [{ name: 'fluentd', image: 'x:1', resources: {} }] }), agent({ containers: [{ name: 'fluentd', image: 'x:1' }] })), []);
  const labelled = agent();
  ((labelled.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels).canary = '';
  assert.deepEqual(paths(agent(), labelled), ['spec.template.metadata.labels.canary']);
  assert.deepEqual(paths(agent({ affinity: {} }), agent()), ['spec.template.spec.affinity']);
});

test('a restart annotation, env, tolerations: each is a template change; the phrases name them', () => {
  const restarted = agent();
  ((restarted.spec as { template: { metadata: Record<string, unknown> } }).template.metadata).annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-05-01T10:00:00Z' };
  const [ds] = diffDaemonSets([agent()], [restarted], eight).daemonsets;
  assert.deepEqual(ds!.changes, ['spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]']);
  assert.match(ds!.summary, /^pod template changed \(annotation kubectl\.kubernetes\.io\/restartedAt\): rolls 8 pods/);
  const many = agent({ containers: [{ name: 'fluentd', image: 'registry.example/fluentd:5.0.2', env: [{ name: 'A', value: '1' }], args: ['-v'] }], tolerations: [{ operator: 'Exists' }], priorityClassName: 'system-node-critical' });
  assert.match(diffDaemonSets([agent()], [many], eight).daemonsets[0]!.summary, /^pod template changed \(image 5\.0\.1 → 5\.0\.2, env, args and 2 more\): /);
});

test('added and removed DaemonSets: pods created or deleted at once, no waves', () => {
  const result = diffDaemonSets([agent({}, {}, 'old-agent')], [agent({}, {}, 'new-agent')], eight);
  assert.deepEqual(result.daemonsets.map((d) => [d.name, d.status, d.rollout, d.pods, d.waves, d.estimatedSeconds]), [
    ['new-agent', 'added', false, 8, 0, null],
    ['old-agent', 'removed', false, 8, 0, null],
  ]);
  assert.equal(result.daemonsets[0]!.effect, 'new DaemonSet: creates pods on 8 nodes');
  assert.equal(result.daemonsets[1]!.effect, 'removed: deletes its pods on 8 nodes');
});

test('matched by namespace/name: the same name in another namespace is another DaemonSet; results by namespace, then name', () => {
  const result = diffDaemonSets([agent({}, {}, 'a', 'ops'), agent({}, {}, 'b', 'default')], [agent({}, {}, 'a', 'default'), agent({}, {}, 'b', 'default')], eight);
  assert.deepEqual(result.daemonsets.map((d) => `${d.namespace}/${d.name} ${d.status}`), ['default/a added', 'default/b unchanged', 'ops/a removed']);
  assert.deepEqual(diffDaemonSets([{ kind: 'ConfigMap' }, 'text', null], [[], 7], eight).daemonsets, []);
});

test('OnDelete: a new revision, but no pod is replaced until someone deletes it', () => {
  const onDelete = { updateStrategy: { type: 'OnDelete' } };
  const [ds] = diffDaemonSets([agent({}, onDelete)], [agent({ containers: [{ name: 'fluentd', image: 'registry.example/fluentd:5.0.2' }] }, onDelete)], eight).daemonsets;
  assert.deepEqual([ds!.rollout, ds!.pods, ds!.waves, ds!.estimatedSeconds, ds!.strategy], [false, 0, 0, null, 'OnDelete']);
  assert.equal(ds!.effect, 'no rollout: OnDelete replaces a pod only when someone deletes it');
});

test('a stall in the new version\'s plan: pods counts only the nodes that get the new version; the stall is passed on', () => {
  const c = cluster([node('a'), node('b'), node('full', { allocatable: { cpu: '10m', memory: '1Gi', pods: '110' } })]);
  const spec = (cpu: string) => ({ containers: [{ name: 'fluentd', image: 'x:1', resources: { requests: { cpu } } }] });
  const [ds] = diffDaemonSets([agent(spec('5m'))], [agent(spec('100m'))], c).daemonsets;
  assert.equal(ds!.stall?.nodes.join(), 'a,b');
  assert.deepEqual([ds!.rollout, ds!.pods, ds!.estimatedSeconds], [true, 1, null]);
  assert.match(ds!.effect, /^rolls 1 of 3 pods in 1 wave, then stalls with 2 nodes never updated$/);
});

test('placement changes are counted: a toleration that adds nodes, a selector that drops some', () => {
  const c = cluster([node('a'), node('b', { labels: { ssd: 'true' } }), node('gpu', { taints: [{ key: 'gpu', effect: 'NoSchedule' }] })]);
  const [ds] = diffDaemonSets([agent({ nodeSelector: { ssd: 'true' } })], [agent({ tolerations: [{ key: 'gpu', operator: 'Exists' }] })], c).daemonsets;
  assert.deepEqual([ds!.nodesAdded, ds!.nodesRemoved], [2, 0]);
  assert.match(ds!.summary, /; starts on 2 more nodes$/);
});

test('ValidateDaemonSetUpdate: spec.selector is immutable, so the summary says the update is rejected', () => {
  const after = agent();
  (after.spec as Record<string, unknown>).selector = { matchLabels: { app: 'fluentd', tier: 'logs' } };
  assert.match(diffDaemonSets([agent()], [after], eight).daemonsets[0]!.summary, /spec\.selector cannot change: the API server rejects this update/);
});

test('estimates: ~40 s, ~2 min, ~1 h 5 min', () => {
  assert.deepEqual([formatEstimate(40), formatEstimate(105), formatEstimate(3900)], ['~40 s', '~2 min', '~1 h 5 min']);
});
