import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../../server/src/analysis/model';
import { portWarningKind, templateDefaultsHostPorts } from '../../../../server/src/analysis/rules/portDuplicate';
import { analyse, practiceOff, validDaemonSet } from '../../../helpers/analysis';
import { lineAt, offsetOf } from '../../../helpers/text';
import { fixesFor } from '../codeActions/fixes';
import { only, type Spotted, spotted, variant } from './variant';

const code = 'daemonset.port-duplicate';
const agentPort = '            - containerPort: 9100\n              protocol: TCP\n';

/** `validDaemonSet` with the agent's ports replaced by `agent` and `extra` (containers, init containers) before `priorityClassName`. */
function withPorts(agent: string, extra = ''): string {
  return variant([agentPort, agent], ['      priorityClassName:', `${extra}      priorityClassName:`]);
}

/** A container named `name` with `ports` (block lines). */
function container(name: string, ports: string): string {
  return `        - name: ${name}\n          image: example/${name}:1.0\n          ports:\n${ports}`;
}

/** The findings of this rule in `text`. */
const findingsOf = (text: string): Spotted[] => spotted(text, code);


// pkg/api/pod/warnings.go warningsForPodSpecAndMeta, the allPorts loop: "duplicate port
// definition", "overlapping port definition", "dangerously ambiguous port definition".
describe('duplicate container ports (pkg/api/pod/warnings.go warningsForPodSpecAndMeta)', () => {
  test('duplicate: the same containerPort and protocol (TCP by default) in another container, no hostPort; on the later containerPort', () => {
    const text = withPorts(agentPort, container('shipper', '            - containerPort: 9100\n'));
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((f) => [f.text, f.start, f.severity]), [['9100', offsetOf(text, '9100', 1), 'warning']]);
    const firstLine = lineAt(text, offsetOf(text, '9100'));
    assert.equal(firstLine, 27);
    assert.equal(findings[0]!.message, `Port 9100/TCP of container shipper repeats one of container agent (line ${firstLine}): a duplicate port definition, which the API server warns about. Remove one.`);
    assert.match(findings[0]!.message, /^[\x20-\x7e]*$/);
    assert.deepEqual(analyse(text).findings.filter((f) => f.severity === 'error'), []);
    assert.deepEqual(fixesFor(text, code), []);
  });

  test('duplicate within one container, with the same hostIP and no hostPort', () => {
    const text = withPorts('            - containerPort: 9100\n              hostIP: 127.0.0.1\n            - name: metrics\n              containerPort: 9100\n              hostIP: 127.0.0.1\n');
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((f) => [f.text, f.start]), [['9100', offsetOf(text, '9100', 1)]]);
    assert.match(findings[0]!.message, /^Port 9100\/TCP of container agent repeats an earlier one \(line 27\): a duplicate port definition/);
  });

  test('overlapping: a hostPort on only one of them', () => {
    const text = withPorts(agentPort, container('shipper', '            - containerPort: 9100\n              hostPort: 9100\n'));
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((f) => [f.text, f.start]), [['9100', offsetOf(text, 'containerPort: 9100', 1) + 'containerPort: '.length]]);
    assert.match(findings[0]!.message, /repeats one of container agent \(line 27\): one has a `hostPort` and the other none, an overlapping port definition/);
  });

  test('dangerously ambiguous: the same hostPort, a hostIP on only one of them', () => {
    const text = withPorts(
      '            - containerPort: 9100\n              hostPort: 9100\n',
      container('shipper', '            - containerPort: 9100\n              hostPort: 9100\n              hostIP: 10.0.0.1\n'),
    );
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((f) => f.start), [offsetOf(text, 'containerPort: 9100', 1) + 'containerPort: '.length]);
    assert.match(findings[0]!.message, /a dangerously ambiguous port definition \(the API server warns\): which one binds is undefined\.$/);
  });

  test('no finding: another protocol, another containerPort, different hostPorts, or two different hostIPs', () => {
    assert.deepEqual(findingsOf(withPorts(agentPort, container('shipper', '            - containerPort: 9100\n              protocol: UDP\n            - containerPort: 9101\n'))), []);
    assert.deepEqual(findingsOf(withPorts('            - containerPort: 9100\n              hostPort: 9100\n            - containerPort: 9100\n              hostPort: 9101\n')), []);
    assert.deepEqual(
      findingsOf(withPorts('            - containerPort: 53\n              hostPort: 53\n              hostIP: 10.0.0.1\n            - containerPort: 53\n              hostPort: 53\n              hostIP: 10.0.0.2\n')),
      [],
    );
    assert.deepEqual(findingsOf(validDaemonSet), []);
  });

  test('init containers come first, as the API server visits them: the container repeating an init container\'s port is reported', () => {
    const text = withPorts(agentPort, `      initContainers:\n${container('setup', '            - containerPort: 9100\n')}`);
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((f) => f.start), [offsetOf(text, '9100')]);
    assert.match(findings[0]!.message, new RegExp(`^Port 9100/TCP of container agent repeats one of init container setup \\(line ${lineAt(text, offsetOf(text, '9100', 1))}\\)`));
  });

  test('a third definition names the first; flow style', () => {
    const three = withPorts(agentPort, container('shipper', '            - containerPort: 9100\n') + container('proxy', '            - containerPort: 9100\n'));
    assert.deepEqual(findingsOf(three).map((f) => [f.start, f.message.includes('container agent (line 27)')]), [
      [offsetOf(three, '9100', 1), true],
      [offsetOf(three, '9100', 2), true],
    ]);
    const flow = withPorts('          ports: [{containerPort: 8080}, {containerPort: 8080, protocol: TCP}]\n').replace('          ports:\n          ports:', '          ports:');
    assert.deepEqual(findingsOf(flow).map((f) => [f.text, f.start]), [['8080', offsetOf(flow, '8080', 1)]]);
  });

  test('a DaemonSet inside a kind: List', () => {
    const daemonSet = withPorts(agentPort, container('shipper', '            - containerPort: 9100\n'));
    const text = `apiVersion: v1\nkind: List\nitems:\n${daemonSet.trimEnd().split('\n').map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`)).join('\n')}\n`;
    assert.deepEqual(findingsOf(text).map((f) => f.start), [offsetOf(text, '9100', 1)]);
  });

  test('portWarningKind follows the API server case by case', () => {
    assert.equal(portWarningKind({ hostIP: '', hostPort: 0 }, { hostIP: '', hostPort: 0 }), 'duplicate');
    assert.equal(portWarningKind({ hostIP: 'a', hostPort: 80 }, { hostIP: 'a', hostPort: 80 }), 'duplicate');
    assert.equal(portWarningKind({ hostIP: 'a', hostPort: 0 }, { hostIP: '', hostPort: 0 }), 'overlapping');
    assert.equal(portWarningKind({ hostIP: '', hostPort: 80 }, { hostIP: 'b', hostPort: 0 }), 'overlapping');
    assert.equal(portWarningKind({ hostIP: '', hostPort: 80 }, { hostIP: 'b', hostPort: 80 }), 'ambiguous');
    assert.equal(portWarningKind({ hostIP: 'a', hostPort: 80 }, { hostIP: 'b', hostPort: 80 }), undefined);
    assert.equal(portWarningKind({ hostIP: '', hostPort: 80 }, { hostIP: '', hostPort: 81 }), undefined);
  });
});

// CHANGELOG-1.28 (#117696): before 1.28, pkg/apis/core/v1/defaults.go SetDefaults_PodSpec ran
// defaultHostNetworkPorts on a hostNetwork pod template, so warnings.go compared defaulted ports.
describe('duplicate container ports and daemonscope.kubernetesVersion (CHANGELOG-1.28 #117696: hostPort defaulted in hostNetwork pod templates before 1.28)', () => {
  const hostNetwork = '      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n';
  const findingsAt = (text: string, version: string): string[] => only(analyse(text, { rules: practiceOff, kubernetesVersion: version }).findings, code).map((f) => f.message);

  test('a bare port beside hostPort: <containerPort>: overlapping from 1.28, a duplicate before, with why', () => {
    const text = withPorts(agentPort, `${container('shipper', '            - containerPort: 9100\n              hostPort: 9100\n')}${hostNetwork}`);
    const [current] = findingsAt(text, '1.28');
    assert.match(current!, /an overlapping port definition/);
    assert.doesNotMatch(current!, /kubernetesVersion/);
    assert.deepEqual(findingsAt(text, '1.35'), [current]);
    const [old, ...rest] = findingsAt(text, '1.27');
    assert.deepEqual(rest, []);
    assert.match(old!, /a duplicate port definition, which the API server warns about\. Remove one\. With `hostNetwork: true`, Kubernetes 1\.27 \(daemonscope\.kubernetesVersion\) sets a missing `hostPort` to the `containerPort` in the template; 1\.28 and later no longer do\.$/);
    assert.match(old!, /^[\x20-\x7e]*$/);
    // Without hostNetwork nothing is defaulted: overlapping at 1.27 too.
    const plain = withPorts(agentPort, container('shipper', '            - containerPort: 9100\n              hostPort: 9100\n'));
    assert.deepEqual(findingsAt(plain, '1.27').map((m) => /overlapping/.test(m)), [true]);
  });

  test('two ports differing only in hostIP: ambiguous before 1.28 with hostNetwork (both get hostPort 9100), overlapping from 1.28', () => {
    const text = withPorts(agentPort, `${container('shipper', '            - containerPort: 9100\n              hostIP: 10.0.0.1\n')}${hostNetwork}`);
    assert.deepEqual(findingsAt(text, '1.35').map((m) => /an overlapping port definition/.test(m)), [true]);
    assert.deepEqual(findingsAt(text, '1.27').map((m) => /a dangerously ambiguous port definition/.test(m)), [true]);
  });

  test('templateDefaultsHostPorts: hostNetwork true and a version before 1.28 only', () => {
    const value = (hostNetworkValue: unknown): JsonObject => ({ spec: { template: { spec: { hostNetwork: hostNetworkValue } } } });
    assert.equal(templateDefaultsHostPorts(value(true), '1.27'), true);
    assert.equal(templateDefaultsHostPorts(value(true), '1.28'), false);
    assert.equal(templateDefaultsHostPorts(value(false), '1.27'), false);
    assert.equal(templateDefaultsHostPorts(value('true'), '1.27'), false);
    assert.equal(templateDefaultsHostPorts(value(true), 'latest'), false);
  });
});
