import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, check, practiceOff } from '../../../helpers/analysis';
import { offsetOf } from '../../../helpers/text';
import { applyFix, fixesFor } from '../codeActions/fixes';
import { only, type Spotted, spotted, variant } from './variant';

// pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec
describe('pod template rules (ValidateDaemonSetSpec)', () => {
  test('restartPolicy other than Always: on the value; Always and absent are fine', () => {
    for (const policy of ['OnFailure', 'Never']) {
      const text = variant(['      containers:\n', `      restartPolicy: ${policy}\n      containers:\n`]);
      assert.deepEqual(check(text), [{ code: 'daemonset.restart-policy', severity: 'error', text: policy }]);
    }
    assert.deepEqual(check(variant(['      containers:\n', '      restartPolicy: Always\n      containers:\n'])), []);
    // Not in the enum at all: the schema says so, once.
    assert.deepEqual(check(variant(['      containers:\n', '      restartPolicy: Sometimes\n      containers:\n'])).map((f) => f.code), ['schema.enum']);
  });

  test('activeDeadlineSeconds: forbidden, on the key', () => {
    const text = variant(['      containers:\n', '      activeDeadlineSeconds: 600\n      containers:\n']);
    assert.deepEqual(check(text), [{ code: 'daemonset.active-deadline-seconds', severity: 'error', text: 'activeDeadlineSeconds' }]);
  });

  test('negative minReadySeconds or revisionHistoryLimit: on the value; zero is valid', () => {
    const text = variant(['  updateStrategy:\n', '  minReadySeconds: -5\n  revisionHistoryLimit: -1\n  updateStrategy:\n']);
    assert.deepEqual(check(text).map((f) => [f.code, f.text]), [
      ['daemonset.negative-value', '-5'],
      ['daemonset.negative-value', '-1'],
    ]);
    assert.deepEqual(check(variant(['  updateStrategy:\n', '  minReadySeconds: 0\n  revisionHistoryLimit: 0\n  updateStrategy:\n'])), []);
  });
});

// pkg/apis/core/validation/validation.go: ValidatePodTemplateSpec (ephemeral containers),
// validateContainers / validateInitContainers (unique names), ValidateVolumes, ValidateVolumeMounts.
describe('generic pod template validation (ValidatePodTemplateSpec)', () => {
  const withVolume = variant(
    ['              memory: 128Mi\n', '              memory: 128Mi\n          volumeMounts:\n            - name: varlog\n              mountPath: /var/log\n'],
    ['      priorityClassName:', '      volumes:\n        - name: varlog\n          hostPath: {path: /var/log}\n      priorityClassName:'],
  );

  test('a mount of a defined volume is fine', () => {
    assert.deepEqual(check(withVolume), []);
  });

  test('a volume mount naming no volume: on the name, with a did-you-mean and a quick fix', () => {
    const text = withVolume.replace('            - name: varlog', '            - name: varlgo');
    assert.deepEqual(check(text), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: 'varlgo' }]);
    assert.match(analyse(text).findings[0]!.message, /Did you mean `varlog`\?/);
    assert.equal(applyFix(text, 'daemonset.pod-template-invalid'), withVolume);
    // No volumes at all: said so, and no fix.
    const noVolumes = withVolume.replace('      volumes:\n        - name: varlog\n          hostPath: {path: /var/log}\n', '');
    assert.match(analyse(noVolumes).findings[0]!.message, /The pod has no `volumes`/);
    assert.deepEqual(fixesFor(noVolumes, 'daemonset.pod-template-invalid'), []);
  });

  test('a mount path used twice in one container: on the second path', () => {
    const text = withVolume.replace('              mountPath: /var/log\n', '              mountPath: /var/log\n            - name: varlog\n              mountPath: /var/log\n');
    assert.deepEqual(check(text), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: '/var/log' }]);
    assert.equal(analyse(text).findings[0]!.span.start, offsetOf(text, '/var/log\n', 1));
  });

  test('two containers (an init container included) or two volumes with one name: on the later name', () => {
    const containers = variant(['      containers:\n', '      initContainers:\n        - name: agent\n          image: busybox:1.36\n      containers:\n']);
    assert.deepEqual(check(containers), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: 'agent' }]);
    assert.equal(analyse(containers).findings[0]!.span.start, offsetOf(containers, 'name: agent', 2) + 'name: '.length);
    const volumes = withVolume.replace('          hostPath: {path: /var/log}\n', '          hostPath: {path: /var/log}\n        - name: varlog\n          emptyDir: {}\n');
    assert.deepEqual(check(volumes), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: 'varlog' }]);
    assert.equal(analyse(volumes).findings[0]!.span.start, offsetOf(volumes, 'varlog', 2));
  });

  test('ephemeralContainers in the template: on the key', () => {
    const text = variant(['      containers:\n', '      ephemeralContainers:\n        - name: debug\n          image: busybox:1.36\n      containers:\n']);
    assert.deepEqual(check(text), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: 'ephemeralContainers' }]);
    assert.deepEqual(check(variant(['      containers:\n', '      ephemeralContainers: []\n      containers:\n'])), []);
  });
});

// pkg/apis/core/validation/validation.go validateContainerCommon -> ValidateEnv / ValidateEnvFrom
// (apimachinery IsEnvVarName, IsRelaxedEnvVarName) and validateContainerPorts (IsValidPortName,
// "Duplicate value"); init containers included.
describe('env var names and container port names (validateContainerCommon)', () => {
  const withEnv = (name: string): string => variant(['          ports:\n', `          env:\n            - name: ${name}\n              value: "1"\n          ports:\n`]);
  const withPorts = (...names: string[]): string =>
    variant(['          ports:\n            - containerPort: 9100\n              protocol: TCP\n', `          ports:\n${names.map((name, i) => `            - name: ${name}\n              containerPort: ${9100 + i}\n              protocol: TCP\n`).join('')}`]);
  const invalid = (text: string): string[] => check(text).filter((f) => f.code === 'daemonset.pod-template-invalid').map((f) => f.text);

  test('env var names every version accepts: none', () => {
    for (const name of ['NODE_NAME', 'my.env-name', '_x', 'MyEnvName1', 'a..b']) assert.deepEqual(check(withEnv(name)), [], name);
  });

  test('a name with `=`, a control or non-ASCII character, or empty: an error on the name at every version', () => {
    for (const name of ['"A=B"', '"A\\tB"', 'ÄPFEL', '""']) {
      for (const kubernetesVersion of ['1.29', '1.35']) {
        const text = withEnv(name);
        assert.deepEqual(check(text, { kubernetesVersion }), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: name }], `${name} at ${kubernetesVersion}`);
      }
    }
  });

  test('RelaxedEnvironmentVariableValidation: before 1.32 a leading digit, a space, `:` or a leading `..` is rejected; from 1.32 (on by default) accepted', () => {
    for (const name of ['1ST', '"MY VAR"', 'Logging__LogLevel:Default', '..x', '"."']) {
      const text = withEnv(name);
      assert.deepEqual(invalid(text), [], `${name} at the default 1.35`);
      assert.deepEqual(check(text, { kubernetesVersion: '1.32' }), [], `${name} at 1.32`);
      assert.deepEqual(check(text, { kubernetesVersion: '1.31' }), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: name }], `${name} at 1.31`);
    }
    assert.match(analyse(withEnv('1ST'), { kubernetesVersion: '1.30' }).findings[0]!.message, /RelaxedEnvironmentVariableValidation.*1\.32/);
    // Rejected at every version: no word about the gate.
    assert.doesNotMatch(analyse(withEnv('"A=B"'), { kubernetesVersion: '1.30' }).findings[0]!.message, /RelaxedEnvironmentVariableValidation/);
  });

  test('an envFrom prefix is checked like a name, and an empty prefix is fine', () => {
    const text = (prefix: string): string => variant(['          ports:\n', `          envFrom:\n            - prefix: ${prefix}\n              configMapRef: {name: agent}\n          ports:\n`]);
    assert.deepEqual(check(text('"A="')), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: '"A="' }]);
    assert.deepEqual(check(text('"1_"'), { kubernetesVersion: '1.31' }).map((f) => f.text), ['"1_"']);
    assert.deepEqual(check(text('"1_"')), []);
    assert.deepEqual(check(text('""')), []);
  });

  test('valid port names: none', () => {
    assert.deepEqual(check(withPorts('metrics', 'http-metrics', 'h2c', 'a23456789012345')), []);
  });

  test('IANA_SVC_NAME: too long, uppercase or `_`, no letter, `--`, leading or trailing `-`: on the name', () => {
    for (const name of ['a234567890123456', 'Metrics', 'http_metrics', '"9100"', 'http--metrics', '-metrics', 'metrics-']) {
      const text = withPorts(name);
      assert.deepEqual(check(text), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: name }], name);
    }
    assert.match(analyse(withPorts('Http_Metrics')).findings[0]!.message, /lowercase letters, digits and `-`/);
  });

  test('one port name twice in a container: on the second; in two containers: fine', () => {
    const text = withPorts('metrics', 'metrics');
    assert.deepEqual(check(text), [{ code: 'daemonset.pod-template-invalid', severity: 'error', text: 'metrics' }]);
    assert.equal(analyse(text).findings[0]!.span.start, offsetOf(text, 'metrics', 1));
    // An invalid name is reported once, as invalid, not again as a duplicate.
    assert.deepEqual(invalid(withPorts('Metrics', 'Metrics')), ['Metrics', 'Metrics']);
    const twoContainers = withPorts('metrics').replace('      containers:\n', '      initContainers:\n        - name: setup\n          image: busybox:1.36\n          restartPolicy: Always\n          ports:\n            - name: metrics\n              containerPort: 9200\n      containers:\n');
    assert.deepEqual(invalid(twoContainers), []);
  });

  test('init containers are checked too', () => {
    const text = variant(['      containers:\n', '      initContainers:\n        - name: setup\n          image: busybox:1.36\n          env:\n            - name: "A=B"\n      containers:\n']);
    assert.deepEqual(invalid(text), ['"A=B"']);
  });
});

// pkg/apis/core/validation/validation.go validateContainers / validateInitContainers:
// checkHostPortConflicts (AccumulateUniqueHostPorts), keyed by protocol, hostIP and hostPort.
/** A minimal DaemonSet whose pod spec is `podSpec` (lines at its indentation). */
const minimalDaemonSet = (podSpec: string): string => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
${podSpec}`;

describe('host ports (checkHostPortConflicts, AccumulateUniqueHostPorts)', () => {
  const daemonSet = (containers: string, initContainers = ''): string => minimalDaemonSet(`${initContainers}      containers:\n${containers}`);
  const hostPortFindings = (text: string): Spotted[] => spotted(text, 'daemonset.pod-template-invalid');

  test('one host port twice across the regular containers: an error on the later hostPort, naming the holder', () => {
    const text = daemonSet(`        - name: a
          image: a:1
          ports: [{containerPort: 9100, hostPort: 9100}]
        - name: b
          image: b:1
          ports:
            - {containerPort: 9200, hostPort: 9100, protocol: TCP}
`);
    const found = hostPortFindings(text);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'error');
    assert.equal(found[0]!.text, '9100');
    assert.equal(found[0]!.start, offsetOf(text, 'hostPort: 9100, protocol') + 'hostPort: '.length);
    assert.equal(
      found[0]!.message,
      'Host port 9100/TCP of container b is already taken by container a: a host port (with its protocol and hostIP) must be unique in the pod, so the API server rejects the DaemonSet.',
    );
  });

  test('no error for another protocol, another hostIP, hostPort 0 or absent, or the same port in two init containers', () => {
    const text = daemonSet(
      `        - name: a
          image: a:1
          ports:
            - {containerPort: 53, hostPort: 53}
            - {containerPort: 53, hostPort: 53, protocol: UDP}
            - {containerPort: 54, hostPort: 53, hostIP: 10.0.0.1}
            - {containerPort: 80, hostPort: 0}
            - {containerPort: 81}
        - name: b
          image: b:1
          ports: [{containerPort: 82, hostPort: 0}, {containerPort: 83}]
`,
      `      initContainers:
        - name: i1
          image: i:1
          ports: [{containerPort: 53, hostPort: 53}]
        - name: i2
          image: i:1
          ports: [{containerPort: 53, hostPort: 53}]
`,
    );
    assert.deepEqual(hostPortFindings(text), []);
  });

  test('twice within one init container, and twice within one container on the same hostIP: errors', () => {
    const text = daemonSet(
      `        - name: a
          image: a:1
          ports:
            - {containerPort: 9100, hostPort: 9100, hostIP: 10.0.0.1}
            - {containerPort: 9101, hostPort: 9100, hostIP: 10.0.0.1}
`,
      `      initContainers:
        - name: setup
          image: i:1
          ports:
            - {containerPort: 70, hostPort: 7000, protocol: UDP}
            - {containerPort: 71, hostPort: 7000, protocol: UDP}
`,
    );
    assert.deepEqual(
      hostPortFindings(text).map((f) => f.message),
      [
        "Host port 7000/UDP of container setup is already taken by another of its ports: a host port (with its protocol and hostIP) must be unique in the pod's init container, so the API server rejects the DaemonSet.",
        'Host port 9100/TCP on 10.0.0.1 of container a is already taken by another of its ports: a host port (with its protocol and hostIP) must be unique in the pod, so the API server rejects the DaemonSet.',
      ],
    );
  });
});

// CHANGELOG-1.28 (#117696): before 1.28, pkg/apis/core/v1/defaults.go SetDefaults_PodSpec ran
// defaultHostNetworkPorts on a hostNetwork pod template, and validation (checkHostPortConflicts)
// saw the defaulted hostPorts.
describe('host ports and daemonscope.kubernetesVersion (CHANGELOG-1.28 #117696: hostPort defaulted in hostNetwork pod templates before 1.28)', () => {
  const daemonSet = (hostNetwork: boolean, initContainers = ''): string =>
    minimalDaemonSet(`${hostNetwork ? '      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n' : ''}${initContainers}      containers:
        - name: a
          image: a:1
          ports: [{containerPort: 9100}]
        - name: b
          image: b:1
          ports: [{containerPort: 9100, name: metrics}]
`);
  const at = (text: string, version: string): { text: string; start: number; message: string }[] =>
    only(analyse(text, { rules: practiceOff, kubernetesVersion: version }).findings, 'daemonset.pod-template-invalid').map((f) => ({ text: text.slice(f.span.start, f.span.end), start: f.span.start, message: f.message }));

  test('one containerPort in two containers with hostNetwork: rejected before 1.28 (on the later containerPort, saying why), accepted from 1.28', () => {
    const text = daemonSet(true);
    const old = at(text, '1.27');
    assert.deepEqual(old.map((f) => [f.text, f.start]), [['9100', offsetOf(text, '9100', 1)]]);
    assert.equal(
      old[0]!.message,
      'Host port 9100/TCP of container b is already taken by container a: a host port (with its protocol and hostIP) must be unique in the pod, so the API server rejects the DaemonSet. With `hostNetwork: true`, Kubernetes 1.27 (daemonscope.kubernetesVersion) sets a missing `hostPort` to the `containerPort` in the template; 1.28 and later no longer do.',
    );
    assert.deepEqual(at(text, '1.28'), []);
    assert.deepEqual(at(text, '1.35'), []);
    assert.deepEqual(at(daemonSet(false), '1.27'), []);
  });

  test('before 1.28, an init container\'s defaulted port does not collide with a regular container\'s', () => {
    const text = daemonSet(true, '      initContainers:\n        - name: setup\n          image: s:1\n          ports: [{containerPort: 9100}]\n').replace('ports: [{containerPort: 9100, name: metrics}]', 'ports: [{containerPort: 9200}]');
    assert.deepEqual(at(text, '1.27'), []);
  });
});

// pkg/apis/core/validation/validation.go validatePodHostNetworkDeps (ValidatePodSpec): with
// hostNetwork, a regular container's hostPort must be 0 or its containerPort in a pod template.
describe('hostPort under hostNetwork (validatePodHostNetworkDeps)', () => {
  const daemonSet = (hostNetwork: boolean, ports: string, initPorts = ''): string =>
    minimalDaemonSet(`${hostNetwork ? '      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n' : ''}${
      initPorts === '' ? '' : `      initContainers:\n        - name: setup\n          image: busybox:1.36\n          ports: ${initPorts}\n`
    }      containers:\n        - name: agent\n          image: agent:1\n          ports: ${ports}\n`);
  const invalid = (text: string, version = '1.35'): Spotted[] =>
    only(analyse(text, { rules: practiceOff, kubernetesVersion: version }).findings, 'daemonset.pod-template-invalid').map((f) => ({
      code: f.code,
      text: text.slice(f.span.start, f.span.end),
      start: f.span.start,
      severity: f.severity,
      message: f.message,
    }));

  test('a hostPort other than its containerPort is rejected, on the hostPort, at every version', () => {
    const text = daemonSet(true, '[{containerPort: 9100, hostPort: 19100}]');
    for (const version of ['1.27', '1.35']) {
      const found = invalid(text, version);
      assert.deepEqual(
        found.map((f) => [f.text, f.start, f.severity]),
        [['19100', offsetOf(text, '19100'), 'error']],
        version,
      );
      assert.equal(
        found[0]!.message,
        "hostPort 19100 of container agent differs from its containerPort 9100: with `hostNetwork: true` the container listens on the node's port 9100 itself, so the API server rejects the DaemonSet (hostPort must match containerPort). Set hostPort to 9100 or remove it.",
      );
    }
  });

  test('accepted: hostPort equal to containerPort or unset, no hostNetwork, or an init container (not checked there)', () => {
    assert.deepEqual(invalid(daemonSet(true, '[{containerPort: 9100, hostPort: 9100}, {containerPort: 9200}]')), []);
    assert.deepEqual(invalid(daemonSet(false, '[{containerPort: 9100, hostPort: 19100}]')), []);
    assert.deepEqual(invalid(daemonSet(true, '[{containerPort: 9100}]', '[{containerPort: 8080, hostPort: 18080}]')), []);
  });
});
