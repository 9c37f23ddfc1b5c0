import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../../../server/src/analysis/analyse';
import { IncrementalAnalyser } from '../../../../server/src/analysis/incrementalAnalyser';
import { hidesEarlierDefinition } from '../../../../server/src/analysis/rules/envDuplicate';
import { defaultSettings } from '../../../../server/src/protocol';
import { analyse, testValidator, validDaemonSet } from '../../../helpers/analysis';
import { lineAt, offsetOf } from '../../../helpers/text';
import { fixesFor } from '../codeActions/fixes';
import { type Spotted, spotted, variant } from './variant';

const code = 'daemonset.env-duplicate';

/** `validDaemonSet` with `env` (block lines at the container's indentation) in its container, and `extra` after it. */
function withEnv(env: string, extra = ''): string {
  return variant(['          image: example/agent:1.0\n', `          image: example/agent:1.0\n          env:\n${env}${extra}`]);
}

/** The findings of this rule in `text`. */
const envFindings = (text: string): Spotted[] => spotted(text, code);


// pkg/api/pod/warnings.go warningsForPodSpecAndMeta, "duplicate containers[*].env":
// "hides previous definition of %q, which may be dropped when using apply".
describe('duplicate env var names (pkg/api/pod/warnings.go warningsForPodSpecAndMeta)', () => {
  test('a name defined twice: a warning on the later name, naming the variable, the container and the first line', () => {
    const text = withEnv('            - name: LOG_LEVEL\n              value: info\n            - name: MODE\n              value: fast\n            - name: LOG_LEVEL\n              value: debug\n');
    const findings = envFindings(text);
    assert.deepEqual(findings.map((f) => [f.text, f.start, f.severity]), [['LOG_LEVEL', offsetOf(text, 'LOG_LEVEL', 1), 'warning']]);
    const firstLine = lineAt(text, offsetOf(text, 'LOG_LEVEL'));
    assert.equal(firstLine, 27);
    assert.equal(findings[0]!.message, `Environment variable \`LOG_LEVEL\` is defined again in container agent (first on line ${firstLine}): the later definition wins, and \`kubectl apply\` may drop one of them. Remove one.`);
    assert.match(findings[0]!.message, /^[\x20-\x7e]*$/);
    // Not an error: the API server accepts it.
    assert.deepEqual(analyse(text).findings.filter((f) => f.severity === 'error'), []);
  });

  test('each container on its own: containers, an init container and a sidecar each with their own duplicate', () => {
    const perContainer = (name: string, variable: string): string =>
      `        - name: ${name}\n          image: example/${name}:1.0\n          env:\n            - name: ${variable}\n              value: a\n            - name: ${variable}\n              value: b\n`;
    const text = variant(
      ['          image: example/agent:1.0\n', '          image: example/agent:1.0\n          env:\n            - name: AGENT_A\n              value: "1"\n            - name: AGENT_A\n              value: "2"\n'],
      ['      priorityClassName:', `${perContainer('shipper', 'SHIPPER_B')}      initContainers:\n${perContainer('setup', 'SETUP_C')}${perContainer('proxy', 'PROXY_D').replace('          env:\n', '          restartPolicy: Always\n          env:\n')}      priorityClassName:`],
    );
    const findings = envFindings(text);
    // In position order; each on the second occurrence of its own name.
    assert.deepEqual(
      findings.map((f) => [f.text, f.start === offsetOf(text, `name: ${f.text}`, 1) + 'name: '.length]),
      [['AGENT_A', true], ['SHIPPER_B', true], ['SETUP_C', true], ['PROXY_D', true]],
    );
    assert.match(findings[1]!.message, / in container shipper \(first on line \d+\)/);
    assert.match(findings[2]!.message, / in init container setup \(first on line \d+\)/);
    assert.match(findings[3]!.message, / in init container proxy \(first on line \d+\)/);
  });

  test('no finding for distinct names, or for one name in two different containers', () => {
    assert.deepEqual(envFindings(withEnv('            - name: A\n              value: "1"\n            - name: B\n              value: "1"\n')), []);
    const twoContainers = variant(
      ['          image: example/agent:1.0\n', '          image: example/agent:1.0\n          env:\n            - name: NODE_NAME\n              value: x\n'],
      ['      priorityClassName:', '        - name: shipper\n          image: example/shipper:1.0\n          env:\n            - name: NODE_NAME\n              value: x\n      initContainers:\n        - name: setup\n          image: example/setup:1.0\n          env:\n            - name: NODE_NAME\n              value: x\n      priorityClassName:'],
    );
    assert.deepEqual(envFindings(twoContainers), []);
  });

  test('valueFrom counts: a literal then a fieldRef, or two valueFrom entries', () => {
    const text = withEnv(
      '            - name: NODE_NAME\n              value: localhost\n            - name: NODE_NAME\n              valueFrom:\n                fieldRef:\n                  fieldPath: spec.nodeName\n' +
        '            - name: POD_IP\n              valueFrom:\n                fieldRef:\n                  fieldPath: status.podIP\n            - name: POD_IP\n              valueFrom:\n                fieldRef:\n                  fieldPath: status.hostIP\n',
    );
    assert.deepEqual(envFindings(text).map((f) => [f.text, f.start]), [
      ['NODE_NAME', offsetOf(text, 'NODE_NAME', 1)],
      ['POD_IP', offsetOf(text, 'POD_IP', 1)],
    ]);
  });

  test('a later value that builds on the earlier one ($(PATH):/opt/bin) is not reported; $(X) alone is', () => {
    const builds = withEnv('            - name: PATH\n              value: /usr/bin\n            - name: PATH\n              value: $(PATH):/opt/bin\n');
    assert.deepEqual(envFindings(builds), []);
    const alone = withEnv('            - name: PATH\n              value: /usr/bin\n            - name: PATH\n              value: $(PATH)\n');
    assert.deepEqual(envFindings(alone).map((f) => f.text), ['PATH']);
    // The API server's test, case by case (its TestWarnings "duplicate env" cases).
    assert.equal(hidesEarlierDefinition('a', 'a', undefined), true);
    assert.equal(hidesEarlierDefinition('a', '', undefined), true);
    assert.equal(hidesEarlierDefinition('a', undefined, undefined), true);
    assert.equal(hidesEarlierDefinition('a', '$(a)', undefined), true);
    assert.equal(hidesEarlierDefinition('a', '$(a) $(a)', undefined), false);
    assert.equal(hidesEarlierDefinition('a', '$(a)x', {}), true);
    assert.equal(hidesEarlierDefinition('a', '$(a)x', null), false);
  });

  test('three definitions: the second and the third, each pointing at the first', () => {
    const text = withEnv('            - name: X\n              value: "1"\n            - name: X\n              value: "2"\n            - name: X\n              value: "3"\n');
    const findings = envFindings(text);
    const firstLine = lineAt(text, offsetOf(text, 'name: X'));
    assert.deepEqual(findings.map((f) => [f.start, f.message.includes(`(first on line ${firstLine})`)]), [
      [offsetOf(text, 'name: X', 1) + 'name: '.length, true],
      [offsetOf(text, 'name: X', 2) + 'name: '.length, true],
    ]);
  });

  test('flow style: on the later name', () => {
    const text = variant(['          image: example/agent:1.0\n', '          image: example/agent:1.0\n          env: [{name: TZ, value: UTC}, {name: TZ, value: CET}]\n']);
    assert.deepEqual(envFindings(text).map((f) => [f.text, f.start]), [['TZ', offsetOf(text, 'TZ', 1)]]);
  });

  test('entries without a string name are left to the schema; an empty env or one entry says nothing', () => {
    const text = withEnv('            - value: a\n            - value: b\n            - name: 5\n              value: a\n            - name: 5\n              value: b\n');
    assert.deepEqual(envFindings(text), []);
    assert.deepEqual(envFindings(withEnv('            - name: A\n              value: a\n')), []);
    assert.deepEqual(envFindings(variant(['          image: example/agent:1.0\n', '          image: example/agent:1.0\n          env: []\n'])), []);
  });

  test('no quick fix: which definition to keep is the user\'s choice', () => {
    const text = withEnv('            - name: A\n              value: a\n            - name: A\n              value: b\n');
    assert.deepEqual(fixesFor(text, code), []);
  });

  test('the line in the message follows edits above it when the analysis is incremental', () => {
    const context = { options: defaultSettings, validator: testValidator() };
    const duplicate = withEnv('            - name: A\n              value: a\n            - name: A\n              value: b\n').replace('name: agent\n', 'name: last\n');
    const text = `${validDaemonSet}---\n${validDaemonSet.replace('name: agent\n', 'name: middle\n')}---\n${duplicate}`;
    const analyser = new IncrementalAnalyser();
    const messages = (findings: readonly { code: string; message: string }[]): string[] => findings.filter((f) => f.code === code).map((f) => f.message);
    assert.deepEqual(messages(analyser.analyse(text, context).findings), messages(analyseText(text, context).findings));
    // Two lines more in the first document: the third is reused, but its message must say the new line.
    const edited = text.replace('  namespace: monitoring\n', '  namespace: monitoring\n  labels:\n    team: a\n');
    const incremental = messages(analyser.analyse(edited, context).findings);
    const whole = messages(analyseText(edited, context).findings);
    assert.equal(whole.length, 1);
    assert.notDeepEqual(whole, messages(analyseText(text, context).findings));
    assert.deepEqual(incremental, whole);
  });
});
