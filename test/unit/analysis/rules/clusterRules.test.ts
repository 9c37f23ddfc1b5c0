import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, quickFixes } from '../../../../server/src/analysis/codeActions';
import { analyse, validDaemonSet } from '../../../helpers/analysis';
import { analyseOnCluster, onCluster } from './clusterFixtures';
import { variant } from './variant';

const clusterCodes = ['placement.no-nodes', 'placement.untolerated-taint', 'placement.pending', 'placement.unknown-label', 'placement.runtime-class-not-found', 'rollout.stall', 'rollout.slow'];

/** The text after applying the first fix of the first finding with `code`. */
function fixed(text: string, code: string): string {
  const analysis = analyseOnCluster(text);
  const finding = analysis.findings.find((f) => f.code === code);
  assert.ok(finding && analysis.file, `no ${code}`);
  const [fix] = quickFixes(finding, analysis.file);
  assert.ok(fix, `no fix for ${code}`);
  return applyEdits(text, fix.edits);
}

describe('cluster-aware rules', () => {
  test('without a cluster they say nothing', () => {
    const text = variant(['      containers:\n', '      nodeSelector:\n        disktype: nvme\n      containers:\n']);
    assert.deepEqual(analyse(text).findings.filter((f) => clusterCodes.includes(f.code)), []);
  });

  // pkg/controller/daemon/daemon_controller.go NodeShouldRunDaemonPod
  test('runs on 0 nodes: a warning with the count per reason, naming the cluster, on the field behind the top reason', () => {
    const mixed = variant(['      containers:\n', '      nodeSelector:\n        kubernetes.io/os: linux\n        topology.kubernetes.io/zone: a\n      containers:\n'], ['      tolerations:\n        - key: node-role.kubernetes.io/control-plane\n          operator: Exists\n          effect: NoSchedule\n', ''], ['              cpu: 50m\n', '              cpu: "8"\n']);
    const [noNodes] = analyseOnCluster(mixed).findings.filter((f) => f.code === 'placement.no-nodes');
    assert.match(noNodes!.message, /^Runs on 0 of 4 nodes of cluster file nodes\.yaml \(1 pending\): 2 nodeSelector, 1 taint, 1 resources\./);
    const text = variant(['      containers:\n', '      nodeSelector:\n        disktype: nvme\n      containers:\n']);
    const findings = analyseOnCluster(text).findings.filter((f) => f.code === 'placement.no-nodes');
    assert.deepEqual(findings.map((f) => [f.severity, text.slice(f.span.start, f.span.end)]), [['warning', 'nodeSelector']]);
    assert.match(findings[0]!.message, /^Runs on 0 of 4 nodes of cluster file nodes\.yaml: 4 nodeSelector\./);
  });

  test('untolerated taint: information per taint listing its nodes; the fix adds the matching toleration', () => {
    const findings = analyseOnCluster(validDaemonSet).findings.filter((f) => f.code === 'placement.untolerated-taint');
    assert.deepEqual(findings.map((f) => [f.severity, validDaemonSet.slice(f.span.start, f.span.end), f.fixable]), [['info', 'tolerations', true]]);
    assert.match(findings[0]!.message, /Skipped on 1 node of cluster file nodes\.yaml \(gpu-1\): taint nvidia\.com\/gpu=present:NoSchedule is not tolerated/);
    const after = fixed(validDaemonSet, 'placement.untolerated-taint');
    assert.equal(after, variant(['          effect: NoSchedule\n', '          effect: NoSchedule\n        - key: nvidia.com/gpu\n          operator: Equal\n          value: present\n          effect: NoSchedule\n']));
    assert.deepEqual(onCluster(after, ['placement.untolerated-taint']), []);
  });

  test('untolerated taints without tolerations: one finding each; the fix creates the list (Exists for a taint without value)', () => {
    const text = variant(['      tolerations:\n        - key: node-role.kubernetes.io/control-plane\n          operator: Exists\n          effect: NoSchedule\n', '']);
    const findings = onCluster(text, ['placement.untolerated-taint']);
    assert.deepEqual(findings, [
      ['placement.untolerated-taint', 'info', 'spec'],
      ['placement.untolerated-taint', 'info', 'spec'],
    ]);
    const messages = analyseOnCluster(text).findings.filter((f) => f.code === 'placement.untolerated-taint').map((f) => f.message);
    assert.match(messages[0]!, /node-role\.kubernetes\.io\/control-plane:NoSchedule/);
    const after = fixed(text, 'placement.untolerated-taint');
    assert.equal(after, `${text}      tolerations:\n        - key: node-role.kubernetes.io/control-plane\n          operator: Exists\n          effect: NoSchedule\n`);
  });

  // pkg/scheduler/framework/plugins/noderesources/fit.go fitsRequest; nodeports fitsPorts
  test('pending: a warning per reason naming the nodes, at the requests or the host port', () => {
    const cpu = variant(['              cpu: 50m\n', '              cpu: "2"\n']);
    const findings = analyseOnCluster(cpu).findings.filter((f) => f.code === 'placement.pending');
    assert.deepEqual(findings.map((f) => [f.severity, cpu.slice(f.span.start, f.span.end)]), [['warning', 'requests']]);
    assert.match(findings[0]!.message, /^Pending on a-2 of cluster file nodes\.yaml \(resources\): requests 2 cpu; 1 of 1 allocatable is free/);
    const port = variant(['            - containerPort: 9100\n', '            - containerPort: 9100\n              hostPort: 9100\n']);
    const byPort = analyseOnCluster(port).findings.filter((f) => f.code === 'placement.pending');
    assert.deepEqual(byPort.map((f) => port.slice(f.span.start, f.span.end)), ['9100']);
    assert.equal(byPort[0]!.span.start, port.indexOf('hostPort: 9100') + 'hostPort: '.length);
    assert.match(byPort[0]!.message, /\(hostPort\): host port 9100\/TCP is already taken by pod other\/exporter/);
  });

  // pkg/controller/daemon/update.go rollingUpdate: pending pods use the maxUnavailable budget
  test('a stall: a warning on maxUnavailable naming the cluster', () => {
    const port = variant(['            - containerPort: 9100\n', '            - containerPort: 9100\n              hostPort: 9100\n']);
    const findings = analyseOnCluster(port).findings.filter((f) => f.code === 'rollout.stall');
    assert.deepEqual(findings.map((f) => [f.severity, port.slice(f.span.start, f.span.end)]), [['warning', 'maxUnavailable']]);
    assert.match(findings[0]!.message, /^On cluster file nodes\.yaml, the rolling update will stall: 1 pending pod \(a-2\)/);
    const raised = port.replace('maxUnavailable: 1', 'maxUnavailable: 2');
    assert.deepEqual(onCluster(raised, ['rollout.stall']), []);
  });

  test('a long rollout: information over the threshold setting', () => {
    const slow = variant(['  updateStrategy:\n', '  minReadySeconds: 900\n  updateStrategy:\n']);
    const findings = analyseOnCluster(slow).findings.filter((f) => f.code === 'rollout.slow');
    assert.deepEqual(findings.map((f) => [f.severity, slow.slice(f.span.start, f.span.end)]), [['info', 'maxUnavailable']]);
    assert.match(findings[0]!.message, /about 46 minutes on cluster file nodes\.yaml: 3 waves of at most maxUnavailable 1, over the 30-minute threshold/);
    assert.deepEqual(onCluster(slow, ['rollout.slow'], { rolloutDurationThresholdMinutes: 60 }), []);
    assert.deepEqual(onCluster(validDaemonSet, ['rollout.slow']), []);
  });

  test('a label value no node has: a did-you-mean, and the fix replaces it; a key no node has', () => {
    const text = variant(['      containers:\n', '      nodeSelector:\n        disktype: sdd\n      containers:\n']);
    const findings = analyseOnCluster(text).findings.filter((f) => f.code === 'placement.unknown-label');
    assert.deepEqual(findings.map((f) => [f.severity, text.slice(f.span.start, f.span.end)]), [['warning', 'sdd']]);
    assert.match(findings[0]!.message, /No node of cluster file nodes\.yaml has `disktype=sdd`\. Its values there: hdd, ssd\. Did you mean `ssd`\?/);
    const after = fixed(text, 'placement.unknown-label');
    assert.equal(after, text.replace('disktype: sdd', 'disktype: ssd'));
    assert.deepEqual(onCluster(after, ['placement.unknown-label', 'placement.no-nodes']), []);
    const key = variant(['      containers:\n', '      nodeSelector:\n        diskype: ssd\n      containers:\n']);
    assert.deepEqual(onCluster(key, ['placement.unknown-label']), [['placement.unknown-label', 'warning', 'diskype']]);
    assert.equal(fixed(key, 'placement.unknown-label'), key.replace('diskype', 'disktype'));
  });

  test('node affinity: In values and keys are checked; NotIn and DoesNotExist are not', () => {
    const affinity = (expression: string) =>
      variant(['      containers:\n', `      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - ${expression}\n      containers:\n`]);
    assert.deepEqual(onCluster(affinity('{key: topology.kubernetes.io/zone, operator: In, values: [c, d]}'), ['placement.unknown-label']), [
      ['placement.unknown-label', 'warning', 'c'],
      ['placement.unknown-label', 'warning', 'd'],
    ]);
    assert.deepEqual(onCluster(affinity('{key: topology.kubernetes.io/zone, operator: In, values: [a, d]}'), ['placement.unknown-label']), []);
    assert.deepEqual(onCluster(affinity('{key: topology.kubernetes.io/zon, operator: Exists}'), ['placement.unknown-label']), [['placement.unknown-label', 'warning', 'topology.kubernetes.io/zon']]);
    assert.deepEqual(onCluster(affinity('{key: nope, operator: DoesNotExist}'), ['placement.unknown-label']), []);
  });

  test('a RuntimeClass the cluster does not have: information on runtimeClassName', () => {
    const text = variant(['      containers:\n', '      runtimeClassName: kata\n      containers:\n']);
    assert.deepEqual(onCluster(text, ['placement.runtime-class-not-found']), [['placement.runtime-class-not-found', 'info', 'kata']]);
    assert.deepEqual(onCluster(text.replace('kata', 'gvisor'), ['placement.runtime-class-not-found']), []);
  });
});

// pkg/controller/daemon/update.go (surge) with nodeports fitsPorts; pkg/apis/core/v1/defaults.go (hostNetwork ports)
describe('maxSurge with a host port (no cluster needed)', () => {
  const surge = variant(['      maxUnavailable: 1\n', '      maxUnavailable: 0\n      maxSurge: 1\n']);

  test('hostPort, or hostNetwork with a containerPort: a warning on maxSurge', () => {
    const port = surge.replace('            - containerPort: 9100\n', '            - containerPort: 9100\n              hostPort: 9100\n');
    assert.deepEqual(analyse(port).findings.map((f) => [f.code, f.severity, port.slice(f.span.start, f.span.end)]), [['rollout.surge-host-port', 'warning', 'maxSurge']]);
    const hostNetwork = surge.replace('      containers:\n', '      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n      containers:\n');
    const [finding] = analyse(hostNetwork).findings;
    assert.equal(finding?.code, 'rollout.surge-host-port');
    assert.match(finding!.message, /with `hostNetwork: true`, containerPort 9100 is a host port/);
  });

  test('not with maxUnavailable alone, nor with OnDelete; and the cluster stall is not reported twice', () => {
    const port = validDaemonSet.replace('            - containerPort: 9100\n', '            - containerPort: 9100\n              hostPort: 9100\n');
    assert.deepEqual(analyse(port).findings, []);
    const surged = surge.replace('            - containerPort: 9100\n', '            - containerPort: 9100\n              hostPort: 9100\n');
    const codes: string[] = analyseOnCluster(surged).findings.map((f) => f.code);
    assert.ok(codes.includes('rollout.surge-host-port'));
    assert.ok(!codes.includes('rollout.stall'), codes.join(', '));
  });
});

describe('values the API server rejects, found by the engine', () => {
  test('a required node-affinity expression that matches no node: a warning on it (an unknown operator is the schema\'s)', () => {
    const affinity = (expression: string) =>
      variant(['      containers:\n', `      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - ${expression}\n      containers:\n`]);
    assert.deepEqual(analyse(affinity('{key: zone, operator: In, values: []}')).findings.map((f) => [f.code, f.severity]), [['placement.affinity-invalid', 'warning']]);
    assert.deepEqual(analyse(affinity('{key: cores, operator: Gt, values: [many]}')).findings.map((f) => f.code), ['placement.affinity-invalid']);
    assert.deepEqual(analyse(affinity('{key: zone, operator: Near, values: [a]}')).findings.map((f) => f.code), ['schema.enum']);
  });

  test('quantities that do not parse or are negative: errors on the value', () => {
    const text = variant(['              cpu: 50m\n', '              cpu: lots\n'], ['              memory: 64Mi\n', '              memory: -64Mi\n']);
    assert.deepEqual(analyse(text).findings.map((f) => [f.code, f.severity, text.slice(f.span.start, f.span.end)]), [
      ['daemonset.quantity-invalid', 'error', 'lots'],
      ['daemonset.quantity-invalid', 'error', '-64Mi'],
    ]);
  });
});
