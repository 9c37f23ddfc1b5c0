import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, practiceOff, validDaemonSet } from '../../../helpers/analysis';
import { offsetOf } from '../../../helpers/text';
import { fixesFor } from '../codeActions/fixes';
import { only, variant } from './variant';

const code = 'daemonset.host-ip-without-host-port';
const agentPort = '            - containerPort: 9100\n              protocol: TCP\n';

/** `validDaemonSet` with the agent's ports replaced by `ports` and `podSpec` lines before `priorityClassName`. */
function withPorts(ports: string, podSpec = ''): string {
  return variant([agentPort, ports], ['      priorityClassName:', `${podSpec}      priorityClassName:`]);
}

/** This rule's findings in `text` at Kubernetes `version`: the text under each, its offset, severity and message. */
function findingsOf(text: string, version = '1.35'): { text: string; start: number; severity: string; message: string }[] {
  return only(analyse(text, { rules: practiceOff, kubernetesVersion: version }).findings, code).map((f) => ({ text: text.slice(f.span.start, f.span.end), start: f.span.start, severity: f.severity, message: f.message }));
}

// pkg/api/pod/warnings.go warningsForPodSpecAndMeta, the allPorts loop: "hostIP set without hostPort".
describe('hostIP without hostPort (pkg/api/pod/warnings.go warningsForPodSpecAndMeta)', () => {
  test('a hostIP and no hostPort: a warning on the hostIP value', () => {
    const text = withPorts('            - containerPort: 9100\n              hostIP: 10.0.0.1\n');
    const findings = findingsOf(text);
    assert.deepEqual(findings.map((f) => [f.text, f.start, f.severity]), [['10.0.0.1', offsetOf(text, '10.0.0.1'), 'warning']]);
    assert.equal(
      findings[0]!.message,
      'Port 9100/TCP of container agent sets `hostIP: 10.0.0.1` without a `hostPort`: `hostIP` is the node address a host port binds to, so without one it has no effect (the API server warns: hostIP set without hostPort). Add a `hostPort` or remove `hostIP`.',
    );
    assert.match(findings[0]!.message, /^[\x20-\x7e]*$/);
    assert.deepEqual(analyse(text).findings.filter((f) => f.severity === 'error'), []);
    assert.deepEqual(fixesFor(text, code), []);
  });

  test('hostPort 0 is no hostPort; the protocol is named; flow style', () => {
    const text = withPorts('            - {containerPort: 53, protocol: UDP, hostPort: 0, hostIP: 127.0.0.1}\n');
    assert.deepEqual(findingsOf(text).map((f) => [f.text, f.start]), [['127.0.0.1', offsetOf(text, '127.0.0.1')]]);
    assert.match(findingsOf(text)[0]!.message, /^Port 53\/UDP of container agent sets `hostIP: 127\.0\.0\.1`/);
  });

  test('init containers too, each port on its own', () => {
    const init = '      initContainers:\n        - name: setup\n          image: example/setup:1.0\n          ports:\n            - containerPort: 80\n            - containerPort: 81\n              hostIP: 10.0.0.2\n';
    const text = withPorts(agentPort, init);
    assert.deepEqual(findingsOf(text).map((f) => [f.start, f.message.startsWith('Port 81/TCP of init container setup ')]), [[offsetOf(text, '10.0.0.2'), true]]);
  });

  test('no finding: a hostIP with a hostPort, an empty hostIP, no hostIP', () => {
    assert.deepEqual(findingsOf(withPorts('            - containerPort: 9100\n              hostPort: 9100\n              hostIP: 10.0.0.1\n')), []);
    assert.deepEqual(findingsOf(withPorts('            - containerPort: 9100\n              hostIP: ""\n')), []);
    assert.deepEqual(findingsOf(validDaemonSet), []);
  });

  // CHANGELOG-1.28 (#117696): before 1.28, pkg/apis/core/v1/defaults.go SetDefaults_PodSpec set a
  // hostNetwork template's missing hostPort to its containerPort, so the API server saw a hostPort.
  test('with hostNetwork: true, a warning from 1.28 on, none before (CHANGELOG-1.28 #117696: hostPort no longer defaulted in pod templates)', () => {
    const ports = '            - containerPort: 9100\n              hostIP: 10.0.0.1\n';
    const hostNetwork = withPorts(ports, '      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n');
    assert.deepEqual(findingsOf(hostNetwork, '1.28').map((f) => f.text), ['10.0.0.1']);
    // Its pods get the hostPort when created (SetDefaults_Pod): the message says so.
    assert.match(findingsOf(hostNetwork, '1.28')[0]!.message, /Add a `hostPort` \(with `hostNetwork: true` the pods get `hostPort: 9100` anyway\) or remove `hostIP`\.$/);
    assert.deepEqual(findingsOf(hostNetwork, '1.35').map((f) => f.text), ['10.0.0.1']);
    assert.deepEqual(findingsOf(hostNetwork, '1.27'), []);
    assert.deepEqual(findingsOf(hostNetwork, '1.25'), []);
    // Without hostNetwork nothing is defaulted, whatever the version.
    assert.deepEqual(findingsOf(withPorts(ports), '1.27').map((f) => f.text), ['10.0.0.1']);
  });
});
