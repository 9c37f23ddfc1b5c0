import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, quickFixes } from '../../../../server/src/analysis/codeActions';
import { analyseText } from '../../../../server/src/analysis/analyse';
import { defaultSettings } from '../../../../server/src/protocol';
import { analyse, testValidator, validDaemonSet } from '../../../helpers/analysis';
import { clusterContext, inlineCluster } from '../../../helpers/cluster';
import { analyseOnCluster, onCluster } from './clusterFixtures';
import { variant } from './variant';

const clusterCodes = ['placement.no-nodes', 'placement.untolerated-taint', 'placement.pending', 'placement.unknown-label', 'placement.runtime-class-not-found', 'rollout.stall', 'rollout.slow'];

const noTolerations = '      tolerations:\n        - key: node-role.kubernetes.io/control-plane\n          operator: Exists\n          effect: NoSchedule\n';

/** The messages of the untolerated-taint findings of `text` on the inline cluster. */
function messages(text: string): string[] {
  return analyseOnCluster(text).findings.filter((f) => f.code === 'placement.untolerated-taint').map((f) => f.message);
}

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

  // pkg/controller/daemon/daemon_controller.go predicates (FindMatchingUntoleratedTaint over NoSchedule and NoExecute)
  test('untolerated taint, one: information listing its nodes, data with the taint; one fix adding the matching toleration', () => {
    const findings = analyseOnCluster(validDaemonSet).findings.filter((f) => f.code === 'placement.untolerated-taint');
    assert.deepEqual(findings.map((f) => [f.severity, validDaemonSet.slice(f.span.start, f.span.end), f.fixable]), [['info', 'tolerations', true]]);
    assert.equal(findings[0]!.message, 'Skipped on 1 node of cluster file nodes.yaml (gpu-1): taint nvidia.com/gpu=present:NoSchedule is not tolerated. Add a toleration if the pod belongs there.');
    assert.deepEqual(findings[0]!.data, { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] });
    const analysis = analyseOnCluster(validDaemonSet);
    assert.deepEqual(quickFixes(findings[0]!, analysis.file!).map((f) => [f.title, f.isPreferred]), [['Add a toleration for nvidia.com/gpu=present:NoSchedule', false]]);
    const after = fixed(validDaemonSet, 'placement.untolerated-taint');
    assert.equal(after, variant(['          effect: NoSchedule\n', '          effect: NoSchedule\n        - key: nvidia.com/gpu\n          operator: Equal\n          value: present\n          effect: NoSchedule\n']));
    assert.deepEqual(onCluster(after, ['placement.untolerated-taint']), []);
  });

  test('untolerated taints, several: ONE finding listing each taint with its nodes; a fix per taint and one for all (Exists for a taint without value)', () => {
    const text = variant([noTolerations, '']);
    assert.deepEqual(onCluster(text, ['placement.untolerated-taint']), [['placement.untolerated-taint', 'info', 'spec']]);
    const analysis = analyseOnCluster(text);
    const finding = analysis.findings.find((f) => f.code === 'placement.untolerated-taint')!;
    assert.equal(
      finding.message,
      'Skipped on 2 nodes of cluster file nodes.yaml: taint node-role.kubernetes.io/control-plane:NoSchedule (cp-1), taint nvidia.com/gpu=present:NoSchedule (gpu-1) are not tolerated. Add tolerations if the pod belongs there.',
    );
    assert.deepEqual(finding.data, {
      taints: [
        { key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' },
        { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
      ],
    });
    const fixes = quickFixes(finding, analysis.file!);
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [
      ['Add a toleration for node-role.kubernetes.io/control-plane:NoSchedule', false],
      ['Add a toleration for nvidia.com/gpu=present:NoSchedule', false],
      ['Add tolerations for all 2 taints', false],
    ]);
    const controlPlane = '        - key: node-role.kubernetes.io/control-plane\n          operator: Exists\n          effect: NoSchedule\n';
    const gpu = '        - key: nvidia.com/gpu\n          operator: Equal\n          value: present\n          effect: NoSchedule\n';
    // Each per-taint fix leaves the finding for the other taint only, in the one-taint wording.
    const [first, second, all] = fixes.map((f) => applyEdits(text, f.edits));
    assert.equal(first, `${text}      tolerations:\n${controlPlane}`);
    assert.deepEqual(messages(first!), ['Skipped on 1 node of cluster file nodes.yaml (gpu-1): taint nvidia.com/gpu=present:NoSchedule is not tolerated. Add a toleration if the pod belongs there.']);
    assert.equal(second, `${text}      tolerations:\n${gpu}`);
    assert.deepEqual(messages(second!), ['Skipped on 1 node of cluster file nodes.yaml (cp-1): taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated. Add a toleration if the pod belongs there.']);
    // The all-taints fix: one edit appending both, and no finding left.
    assert.equal(fixes[2]!.edits.length, 1);
    assert.equal(all, `${text}      tolerations:\n${controlPlane}${gpu}`);
    assert.deepEqual(messages(all!), []);
  });

  test('untolerated taints: a node with two taints counts once; the all-taints fix appends to a written list, block or flow', () => {
    const nodes = `apiVersion: v1
kind: List
items:
  - kind: Node
    metadata: {name: worker-1}
  - kind: Node
    metadata: {name: gpu-1}
    spec: {taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}]}
  - kind: Node
    metadata: {name: infra-1}
    spec: {taints: [{key: dedicated, value: infra, effect: NoExecute}, {key: spot, effect: PreferNoSchedule}]}
  - kind: Node
    metadata: {name: infra-2}
    spec: {taints: [{key: dedicated, value: infra, effect: NoExecute}]}
  - kind: Node
    metadata: {name: both-1}
    spec: {taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}, {key: dedicated, value: infra, effect: NoExecute}]}
`;
    const cluster = clusterContext(inlineCluster(nodes), 'cluster file nodes.yaml');
    const run = (text: string) => analyseText(text, { options: defaultSettings, validator: testValidator(), cluster });
    const taintFindings = (text: string) => run(text).findings.filter((f) => f.code === 'placement.untolerated-taint');
    // PreferNoSchedule never keeps a daemon pod off (predicates looks at NoSchedule and NoExecute only).
    const [finding] = taintFindings(validDaemonSet);
    assert.equal(taintFindings(validDaemonSet).length, 1);
    assert.equal(
      finding!.message,
      'Skipped on 4 nodes of cluster file nodes.yaml: taint dedicated=infra:NoExecute (both-1, infra-1, infra-2), taint nvidia.com/gpu=present:NoSchedule (both-1, gpu-1) are not tolerated. Add tolerations if the pod belongs there.',
    );
    const fixes = quickFixes(finding!, run(validDaemonSet).file!);
    assert.deepEqual(fixes.map((f) => f.title), ['Add a toleration for dedicated=infra:NoExecute', 'Add a toleration for nvidia.com/gpu=present:NoSchedule', 'Add tolerations for all 2 taints']);
    // Tolerating dedicated alone: both-1 stays skipped for its GPU taint.
    const dedicatedOnly = applyEdits(validDaemonSet, fixes[0]!.edits);
    assert.deepEqual(taintFindings(dedicatedOnly).map((f) => f.message), ['Skipped on 2 nodes of cluster file nodes.yaml (both-1, gpu-1): taint nvidia.com/gpu=present:NoSchedule is not tolerated. Add a toleration if the pod belongs there.']);
    const all = applyEdits(validDaemonSet, fixes[2]!.edits);
    assert.equal(
      all,
      variant(['          effect: NoSchedule\n', '          effect: NoSchedule\n        - key: dedicated\n          operator: Equal\n          value: infra\n          effect: NoExecute\n        - key: nvidia.com/gpu\n          operator: Equal\n          value: present\n          effect: NoSchedule\n']),
    );
    assert.deepEqual(taintFindings(all), []);
    // A flow list keeps its style.
    const flow = variant([noTolerations, '      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]\n']);
    const [flowFinding] = taintFindings(flow);
    const flowAll = quickFixes(flowFinding!, run(flow).file!).find((f) => f.title === 'Add tolerations for all 2 taints')!;
    const flowFixed = applyEdits(flow, flowAll.edits);
    assert.ok(
      flowFixed.includes('effect: NoSchedule}, {key: dedicated, operator: Equal, value: infra, effect: NoExecute}, {key: nvidia.com/gpu, operator: Equal, value: present, effect: NoSchedule}]\n'),
      flowFixed,
    );
    assert.deepEqual(taintFindings(flowFixed), []);
  });

  test('untolerated taint: data as older servers published it ({taint}) still fixes; malformed data gives no fix', () => {
    const analysis = analyseOnCluster(validDaemonSet);
    const finding = analysis.findings.find((f) => f.code === 'placement.untolerated-taint')!;
    const old = { code: finding.code, span: finding.span, data: { taint: { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' } } };
    const [fix, ...rest] = quickFixes(old, analysis.file!);
    assert.equal(rest.length, 0);
    assert.equal(fix!.title, 'Add a toleration for nvidia.com/gpu=present:NoSchedule');
    assert.deepEqual(onCluster(applyEdits(validDaemonSet, fix!.edits), ['placement.untolerated-taint']), []);
    // An old taint without a value: Exists.
    const noValue = { ...old, data: { taint: { key: 'dedicated', effect: 'NoSchedule' } } };
    assert.match(applyEdits(validDaemonSet, quickFixes(noValue, analysis.file!)[0]!.edits), /- key: dedicated\n {10}operator: Exists\n {10}effect: NoSchedule\n/);
    for (const data of [{ taints: [] }, { taints: [{ key: 1, effect: 'NoSchedule' }] }, { taints: [{ key: 'a', effect: 'NoSchedule' }, 'x'] }, { taint: { key: 'a', value: 3, effect: 'NoSchedule' } }, { taints: 'no' }, null]) {
      assert.deepEqual(quickFixes({ ...old, data }, analysis.file!), [], JSON.stringify(data));
    }
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
