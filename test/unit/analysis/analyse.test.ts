import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { dedent, offsetOf } from '../../helpers/text';
import { analyse, check, practiceOff, validDaemonSet } from '../../helpers/analysis';

/** `validDaemonSet` with `from` replaced by `to` (which must change it). */
function variant(from: string, to: string): string {
  assert.ok(validDaemonSet.includes(from), `validDaemonSet has no ${JSON.stringify(from)}`);
  return validDaemonSet.replace(from, to);
}

describe('valid manifests', () => {
  test('a valid apps/v1 DaemonSet has no findings', () => {
    assert.deepEqual(check(validDaemonSet), []);
  });

  test('documents that are not DaemonSets stay silent, even when wrong', () => {
    const text = dedent(`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        replicas: 3
        bogus: true
      ---
      kind: ConfigMap
      data: [
    `);
    assert.deepEqual(check(text), []);
  });

  test('YAML that is not Kubernetes at all, and an empty file, stay silent', () => {
    assert.deepEqual(check('name: x\nsteps: [1, 2\n'), []);
    assert.deepEqual(check(''), []);
    assert.deepEqual(check('\n---\n---\n'), []);
  });

  test('a DaemonSet custom resource in another group (OpenKruise) is not ours', () => {
    assert.deepEqual(check(variant('apiVersion: apps/v1', 'apiVersion: apps.kruise.io/v1alpha1').replace('maxUnavailable', 'partition')), []);
    assert.deepEqual(check('apiVersion: apps.kruise.io/v1alpha1\nkind: DaemonSet\nspec:\n  replicas: 3\n'), []);
  });

  test('null means absent, as the API server decodes it (realworld/SOURCES.md edge cases)', () => {
    const text = variant('      tolerations:\n        - key: node-role.kubernetes.io/control-plane\n          operator: Exists\n          effect: NoSchedule\n', '      tolerations:\n      securityContext: ~\n')
      .replace('  namespace: monitoring\n', '  namespace: monitoring\n  creationTimestamp: null\n');
    assert.deepEqual(check(text), []);
  });

  test('a status block as kubectl prints it is allowed', () => {
    const text = `${validDaemonSet}status:\n  currentNumberScheduled: 0\n  desiredNumberScheduled: 0\n  numberMisscheduled: 0\n  numberReady: 0\n`;
    assert.deepEqual(check(text), []);
  });

  test('anchors, aliases and merge keys are expanded before validation', () => {
    const text = variant('      containers:\n', '      <<: &host {hostNetwork: true, dnsPolicy: ClusterFirstWithHostNet}\n      containers:\n')
      .replace('          resources:\n            requests:\n              cpu: 50m\n              memory: 64Mi\n            limits:\n              memory: 128Mi\n', '          resources:\n            requests: &req {cpu: 50m, memory: 64Mi}\n            limits: *req\n');
    assert.deepEqual(check(text), []);
  });

  test('flow style and JSON are analysed like block style', () => {
    const flow = '{apiVersion: apps/v1, kind: DaemonSet, metadata: {name: a}, spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i, imagePullPolicy: always}]}}}}\n';
    assert.deepEqual(check(flow, { rules: practiceOff }), [{ code: 'schema.enum', severity: 'error', text: 'always' }]);
    const json = JSON.stringify({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'a' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'c', imagePullPolicy: 'Allways' }] } } } }, null, 2);
    assert.deepEqual(check(json, { rules: practiceOff }), [
      { code: 'daemonset.selector-empty', severity: 'error', text: '"selector"' },
      { code: 'schema.enum', severity: 'error', text: '"Allways"' },
    ]);
  });

  test('YAML 1.1 as kubectl reads it: dates and times stay strings, yes is a boolean', () => {
    const text = variant('  namespace: monitoring\n', '  namespace: monitoring\n  annotations:\n    released: 2024-01-01\n    window: 12:30\n');
    assert.deepEqual(check(text), []);
    // sigs.k8s.io/yaml (go-yaml v2, YAML 1.1) turns `yes` into true, which a string map rejects.
    const yes = variant('      containers:\n', '      nodeSelector:\n        ssd: yes\n      containers:\n');
    assert.deepEqual(check(yes), [{ code: 'schema.type', severity: 'error', text: 'yes' }]);
  });
});

describe('schema findings at the exact key or value', () => {
  test('misspelt field: unknown field with a did-you-mean, on the key (the popular tutorial typo)', () => {
    const text = variant('maxUnavailable: 1', 'maxUnavilable: 1');
    const [finding, ...rest] = analyse(text).findings;
    assert.equal(rest.length, 0);
    assert.equal(finding.code, 'schema.unknown-field');
    assert.deepEqual(finding.span, { start: offsetOf(text, 'maxUnavilable'), end: offsetOf(text, 'maxUnavilable') + 'maxUnavilable'.length });
    assert.match(finding.message, /Unknown field `maxUnavilable` in rollingUpdate\. Did you mean `maxUnavailable`\?/);
    assert.deepEqual(finding.data, { path: ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavilable'], suggestion: 'maxUnavailable' });
  });

  test('replicas under spec gets its own message, not "unknown field"', () => {
    const text = variant('  selector:\n', '  replicas: 3\n  selector:\n');
    const findings = analyse(text).findings;
    assert.deepEqual(findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)]), [['daemonset.replicas', 'replicas']]);
    assert.match(findings[0].message, /one pod on every eligible node/);
  });

  test('wrong types are reported on the value', () => {
    assert.deepEqual(check(variant('maxUnavailable: 1', 'maxUnavailable: [1]')), [{ code: 'schema.type', severity: 'error', text: '[1]' }]);
    const containers = dedent(`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: a}
      spec:
        selector: {matchLabels: {app: a}}
        template:
          metadata: {labels: {app: a}}
          spec:
            containers: {}
    `);
    const findings = analyse(containers, { rules: practiceOff }).findings;
    assert.deepEqual(findings.map((f) => [f.code, containers.slice(f.span.start, f.span.end)]), [['schema.type', '{}']]);
    assert.match(findings[0].message, /`spec\.template\.spec\.containers` must be a list, not a mapping/);
  });

  test('int-or-string accepts both, and a percent string', () => {
    assert.deepEqual(check(variant('maxUnavailable: 1', 'maxUnavailable: 25%')), []);
    assert.deepEqual(check(variant('maxUnavailable: 1', 'maxUnavailable: true')), [{ code: 'schema.type', severity: 'error', text: 'true' }]);
  });

  test('bad enum value: suggests the right spelling', () => {
    const text = variant('type: RollingUpdate', 'type: Rollingupdate');
    const [finding] = analyse(text).findings;
    assert.equal(finding.code, 'schema.enum');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'Rollingupdate');
    assert.match(finding.message, /Did you mean `RollingUpdate`\?/);
    assert.deepEqual((finding.data as { suggestion: string }).suggestion, 'RollingUpdate');
  });

  test('curated enums: toleration operator and effect, protocol, imagePullPolicy, hostPath type', () => {
    assert.deepEqual(check(variant('operator: Exists', 'operator: exists')), [{ code: 'schema.enum', severity: 'error', text: 'exists' }]);
    assert.deepEqual(check(variant('effect: NoSchedule', 'effect: NoSchedul')), [{ code: 'schema.enum', severity: 'error', text: 'NoSchedul' }]);
    assert.deepEqual(check(variant('protocol: TCP', 'protocol: tcp')), [{ code: 'schema.enum', severity: 'error', text: 'tcp' }]);
    const volume = variant('      containers:\n', '      volumes:\n        - name: sock\n          hostPath: {path: /run/x.sock, type: socket}\n      containers:\n');
    assert.deepEqual(check(volume), [{ code: 'schema.enum', severity: 'error', text: 'socket' }]);
  });

  test('missing spec.selector: reported on the spec key, naming the path', () => {
    const text = variant('  selector:\n    matchLabels:\n      app: agent\n', '');
    const findings = analyse(text).findings;
    assert.deepEqual(findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)]), [['schema.required', 'spec']]);
    assert.equal(findings[0].span.start, offsetOf(text, 'spec:'));
    assert.match(findings[0].message, /`spec\.selector`/);
  });

  test('missing spec.template and missing spec altogether', () => {
    const noTemplate = validDaemonSet.slice(0, validDaemonSet.indexOf('  template:'));
    assert.deepEqual(check(noTemplate), [{ code: 'schema.required', severity: 'error', text: 'spec' }]);
    const noSpec = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\n';
    assert.deepEqual(check(noSpec), [
      { code: 'schema.required', severity: 'error', text: 'kind' },
      { code: 'schema.required', severity: 'error', text: 'kind' },
    ]);
    assert.deepEqual(analyse(noSpec).findings.map((f) => f.message).sort(), ['Missing required field `spec.selector`.', 'Missing required field `spec.template`.']);
  });

  test('missing containers, on the pod spec key; `containers:` with nothing is missing too', () => {
    const noContainers = dedent(`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: a}
      spec:
        selector: {matchLabels: {app: a}}
        template:
          metadata: {labels: {app: a}}
          spec:
            hostNetwork: true
    `);
    const findings = analyse(noContainers, { rules: practiceOff }).findings;
    assert.deepEqual(findings.map((f) => f.code), ['schema.required']);
    assert.equal(findings[0].span.start, offsetOf(noContainers, 'spec:', 1));
    assert.match(findings[0].message, /`spec\.template\.spec\.containers`/);
    const empty = noContainers.replace('hostNetwork: true', 'containers:');
    assert.deepEqual(check(empty, { rules: practiceOff }), [{ code: 'schema.required', severity: 'error', text: 'containers' }]);
  });

  test("a container without a name: reported on the item's first key", () => {
    const text = variant('        - name: agent\n          image: example/agent:1.0\n', '        - image: example/agent:1.0\n');
    const findings = analyse(text).findings;
    assert.deepEqual(findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)]), [['schema.required', 'image']]);
    assert.match(findings[0].message, /`spec\.template\.spec\.containers\[0\]\.name`/);
  });

  test('a boolean where a string is needed says to quote it', () => {
    const text = variant('      containers:\n', '      nodeSelector:\n        ssd: true\n      containers:\n');
    const [finding] = analyse(text).findings;
    assert.equal(finding.code, 'schema.type');
    assert.match(finding.message, /Quote the value/);
    assert.match(finding.message, /`spec\.template\.spec\.nodeSelector\.ssd`/);
  });

  test('an unknown field under a label key path prints the key quoted', () => {
    const text = variant('      app: agent\n  updateStrategy', '      app.kubernetes.io/name: 1\n  updateStrategy');
    const findings = analyse(text).findings;
    assert.equal(findings[0].code, 'schema.type');
    assert.match(findings[0].message, /spec\.selector\.matchLabels\["app\.kubernetes\.io\/name"\]/);
  });

  test('schemaValidation: false turns schema findings off, keeps the DaemonSet rules', () => {
    const text = variant('  selector:\n', '  replicas: 2\n  bogus: 1\n  selector:\n');
    assert.deepEqual(check(text, { schemaValidation: false }).map((f) => f.code), ['daemonset.replicas']);
    assert.deepEqual(check(text).map((f) => f.code), ['daemonset.replicas', 'schema.unknown-field']);
  });
});

describe('apiVersion', () => {
  for (const removed of ['extensions/v1beta1', 'apps/v1beta2']) {
    test(`${removed} is reported as removed (Kubernetes 1.16), on the value`, () => {
      const text = variant('apiVersion: apps/v1', `apiVersion: ${removed}`);
      const findings = analyse(text).findings;
      assert.deepEqual(findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)]), [['daemonset.api-version-removed', removed]]);
      assert.match(findings[0].message, /apps\/v1/);
      assert.match(findings[0].message, /1\.16/);
      assert.match(findings[0].message, /spec\.selector/);
    });
  }

  test('a misspelt core apiVersion is an error with a suggestion; a missing one is required', () => {
    const text = variant('apiVersion: apps/v1', 'apiVersion: app/v1');
    const findings = analyse(text).findings;
    assert.deepEqual(findings.map((f) => [f.code, text.slice(f.span.start, f.span.end)]), [['schema.enum', 'app/v1']]);
    assert.match(findings[0].message, /Did you mean `apps\/v1`/);
    assert.deepEqual(check(variant('apiVersion: apps/v1\n', '')), [{ code: 'schema.required', severity: 'error', text: 'kind' }]);
    assert.deepEqual(check(variant('apiVersion: apps/v1\n', 'apiVersion:\n')), [{ code: 'schema.required', severity: 'error', text: 'apiVersion' }]);
    assert.deepEqual(check(variant('apiVersion: apps/v1\n', 'apiVersion: {group: apps}\n')), [{ code: 'schema.type', severity: 'error', text: '{group: apps}' }]);
  });
});

describe('YAML problems', () => {
  test('duplicate keys are reported on the repeated key', () => {
    const text = variant('  name: agent\n', '  name: agent\n  name: other\n');
    const findings = analyse(text).findings;
    assert.deepEqual(findings.map((f) => f.code), ['yaml.duplicate-key']);
    assert.equal(findings[0].span.start, offsetOf(text, 'name: other'));
    assert.equal(text.slice(findings[0].span.start, findings[0].span.end), 'name');
  });

  test('a syntax error in a DaemonSet is reported at its offset, and no schema noise follows', () => {
    const text = variant('          image: example/agent:1.0\n', '          image: [example/agent:1.0\n');
    const findings = analyse(text).findings;
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.code === 'yaml.syntax'), JSON.stringify(findings));
    assert.ok(findings[0].span.start >= offsetOf(text, '[example'));
  });

  test('tabs as indentation', () => {
    const text = 'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n\tselector: {}\n';
    const findings = analyse(text).findings;
    assert.equal(findings[0].code, 'yaml.syntax');
    assert.equal(findings[0].span.start, text.indexOf('\t'));
  });

  test('broken documents between good ones: each good DaemonSet is still analysed', () => {
    const bad = validDaemonSet.replace('maxUnavailable: 1', 'maxUnavilable: 1').replace('namespace: monitoring', 'namespace: logging');
    const text = `${validDaemonSet}---\nkind: ConfigMap\ndata: [\n---\napiVersion: apps/v1\nkind: DaemonSet\nspec: [oops\n---\n${bad}`;
    const result = analyse(text);
    assert.equal(result.daemonSets.length, 3);
    assert.deepEqual(result.findings.map((f) => f.code), ['yaml.syntax', 'schema.unknown-field']);
    assert.equal(result.findings[1].span.start, text.lastIndexOf('maxUnavilable'));
  });

  test('an alias bomb gives one finding and no expansion', () => {
    let bomb = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  annotations:\n    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let previous = 'a';
    for (const name of 'bcdefghi') {
      bomb += `    ${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
      previous = name;
    }
    assert.deepEqual(check(bomb), [{ code: 'yaml.syntax', severity: 'error', text: 'kind' }]);
  });

  test('an alias to a missing anchor is one finding', () => {
    assert.deepEqual(check('apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: *nope\n').map((f) => f.code), ['yaml.syntax']);
  });

  test('binary junk and very deep nesting do not throw', () => {
    let junk = '';
    for (let i = 0; i < 4000; i++) junk += String.fromCharCode((i * 7919) % 65536);
    assert.doesNotThrow(() => analyse(`${junk}\nkind: DaemonSet\n${junk}`));
    const deep = `kind: DaemonSet\nx: ${'['.repeat(50000)}${']'.repeat(50000)}\n`;
    assert.doesNotThrow(() => analyse(deep));
  });
});

describe('files that are not analysed', () => {
  test('a templated file gets one information finding on the first template action', () => {
    const text = variant('  name: agent', '  name: {{ .Release.Name }}-agent\n{{- if .Values.x }}');
    const findings = analyse(text).findings;
    assert.deepEqual(findings.map((f) => [f.code, f.severity, text.slice(f.span.start, f.span.end)]), [['file.templated', 'info', '{{ .Release.Name }}']]);
  });

  test('{{ }} inside quoted strings, block scalars and comments is data, not templating', () => {
    const text = variant('          image: example/agent:1.0\n', `          image: example/agent:1.0\n          args: ["--format={{.Name}}", '{{ x }}']\n          command:\n            - |\n              echo {{ y }}\n          # {{ not a template }}\n`);
    assert.deepEqual(check(text), []);
  });

  test('a templated file without a DaemonSet stays silent', () => {
    assert.deepEqual(check('kind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n'), []);
  });

  test('a file over maxFileSize gets one information finding and is not parsed', () => {
    const filler = `# ${'x'.repeat(98)}\n`.repeat(110_000);
    const text = `${validDaemonSet.replace('maxUnavailable: 1', 'maxUnavilable: 1')}---\n${filler}`;
    assert.ok(text.length > 10 * 1024 * 1024);
    const result = analyse(text);
    assert.equal(result.skipped, 'too-large');
    assert.deepEqual(summariseCodes(result.findings), [['file.too-large', 'info']]);
    assert.equal(result.findings[0].span.start, text.indexOf('kind'));
    assert.deepEqual(summariseCodes(analyse(text, { maxFileSize: 20 * 1024 * 1024 }).findings), [['schema.unknown-field', 'error']]);
  });
});

function summariseCodes(findings: readonly { code: string; severity: string }[]): string[][] {
  return findings.map((f) => [f.code, f.severity]);
}
