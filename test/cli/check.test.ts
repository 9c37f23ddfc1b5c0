import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliProcess } from '../helpers/cliProcess';
import { validDaemonSet } from '../helpers/analysis';

// Four API errors and nothing else (no practice advice, quiet on the embedded cluster).
const mistakes = 'test/fixtures/check/typos.yaml';
const textLine = /^(.+):(\d+):(\d+): (error|warning|info|hint) ([a-z.-]+): (.+)$/;

const scratch = mkdtempSync(join(tmpdir(), 'daemonscope-check-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function write(relative: string, text: string): string {
  const path = join(scratch, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('exit status', () => {
  test('0 and no output for a file without findings', async () => {
    const run = await runCliProcess(['check', 'samples/ssd-cache.yaml']);
    assert.deepEqual(run, { status: 0, stdout: '', stderr: '' });
  });

  test('1 when there is an error-severity finding', async () => {
    assert.equal((await runCliProcess(['check', mistakes])).status, 1);
  });

  test('0 when the only findings are information (a templated file)', async () => {
    const run = await runCliProcess(['check', 'test/fixtures/realworld/templated/amazon-vpc-cni-k8s-chart-daemonset.yaml']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^test\/fixtures\/realworld\/templated\/amazon-vpc-cni-k8s-chart-daemonset\.yaml:\d+:\d+: info file\.templated: /);
    assert.equal(run.stdout.trim().split('\n').length, 1);
  });

  test('0 for the whole real-world corpus directory (no error-severity finding)', async () => {
    const run = await runCliProcess(['check', 'test/fixtures/realworld', '--format', 'json']);
    const json = JSON.parse(run.stdout) as { files: { path: string }[]; summary: { error: number } };
    assert.equal(json.summary.error, 0);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(json.files.length >= 24);
  });

  test('2 for usage errors, with a message on stderr', async () => {
    for (const args of [['check'], ['check', '--format', 'xml', mistakes], ['check', '--bogus', mistakes], ['check', '--dry-run', mistakes], ['check', mistakes, '--format']]) {
      const run = await runCliProcess(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /daemonscope check: /);
      assert.equal(run.stdout, '');
    }
  });

  test('2 wins over 1: a missing file is named on stderr, the others are still checked', async () => {
    const run = await runCliProcess(['check', 'nope.yaml', mistakes]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /nope\.yaml: no such file or directory/);
    assert.equal(run.stdout.trim().split('\n').length, 4);
  });

  test('2 for an unreadable cluster file, a directory without YAML, or a broken config', async () => {
    const cluster = await runCliProcess(['check', '--cluster', 'missing-nodes.yaml', 'samples/ssd-cache.yaml']);
    assert.equal(cluster.status, 2);
    assert.match(cluster.stderr, /missing-nodes\.yaml: cluster file not found/);
    mkdirSync(join(scratch, 'empty'), { recursive: true });
    const empty = await runCliProcess(['check', join(scratch, 'empty')]);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /no \*\.yaml or \*\.yml files/);
    const config = write('badconfig.json', '{ rules: ');
    const broken = await runCliProcess(['check', '--config', config, mistakes]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /badconfig\.json: not valid JSON/);
  });
});

describe('formats', () => {
  test('text: path:line:col: severity code: message, by position', async () => {
    const run = await runCliProcess(['check', mistakes]);
    const lines = run.stdout.trim().split('\n');
    assert.deepEqual(
      lines.map((line) => textLine.exec(line)?.slice(1, 6)),
      [
        [mistakes, '8', '3', 'error', 'daemonset.replicas'],
        [mistakes, '9', '3', 'error', 'daemonset.selector-mismatch'],
        [mistakes, '13', '11', 'error', 'schema.enum'],
        [mistakes, '15', '7', 'error', 'schema.unknown-field'],
      ],
    );
    assert.match(lines[3], /Did you mean `maxUnavailable`\?$/);
  });

  test('json: files in the order given, findings with 1-based positions, a summary', async () => {
    const run = await runCliProcess(['check', mistakes, 'samples/ssd-cache.yaml', '--format', 'json']);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(json), ['files', 'summary']);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), [mistakes, 'samples/ssd-cache.yaml']);
    assert.deepEqual(json.files[0].findings[3], {
      line: 15,
      column: 7,
      endLine: 15,
      endColumn: 20,
      severity: 'error',
      code: 'schema.unknown-field',
      message: 'Unknown field `maxUnavilable` in rollingUpdate. Did you mean `maxUnavailable`?',
      fixable: true,
    });
    assert.deepEqual(json.files[1].findings, []);
    assert.deepEqual(json.summary, { error: 4, warning: 0, info: 0, hint: 0 });
  });

  test('sarif: a SARIF 2.1.0 log with real regions and levels', async () => {
    const run = await runCliProcess(['check', mistakes, '--format=sarif']);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const [runLog] = sarif.runs;
    assert.equal(runLog.tool.driver.name, 'daemonscope');
    assert.equal(runLog.columnKind, 'utf16CodeUnits');
    assert.equal(runLog.results.length, 4);
    const result = runLog.results[3];
    assert.equal(result.ruleId, 'schema.unknown-field');
    assert.equal(runLog.tool.driver.rules[result.ruleIndex].id, 'schema.unknown-field');
    assert.equal(result.level, 'error');
    assert.match(result.message.text, /maxUnavilable/);
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: mistakes, uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 15, startColumn: 7, endLine: 15, endColumn: 20 },
    });
    assert.deepEqual(runLog.artifacts, [{ location: { uri: mistakes, uriBaseId: '%SRCROOT%' } }]);
  });

  test('sarif for GitHub code scanning: every rule described (title, description, help, docs link, level), unique tags', async () => {
    const run = await runCliProcess(['check', `./${mistakes}`, '-', '--format=sarif'], { stdin: validDaemonSet.replace('maxUnavailable', 'maxSurge') });
    const sarif = JSON.parse(run.stdout);
    const [runLog] = sarif.runs;
    interface Rule {
      id: string;
      shortDescription: { text: string };
      fullDescription: { text: string };
      help: { text: string; markdown: string };
      helpUri: string;
      defaultConfiguration: { level: string };
      properties: { tags: string[] };
    }
    const rules = runLog.tool.driver.rules as Rule[];
    assert.ok(rules.length >= 40);
    assert.deepEqual(rules.map((r) => r.id), [...rules.map((r) => r.id)].sort());
    for (const rule of rules) {
      // GitHub's required reportingDescriptor properties (docs: "SARIF support for code scanning").
      assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text, rule.id);
      assert.ok(!rule.fullDescription.text.includes('`'), `${rule.id}: plain text`);
      assert.match(rule.helpUri, /^https:\/\/github\.com\/daemonscope\/daemonscope\/blob\/main\/docs\/rules\.md#[a-z-]+$/);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
      assert.equal(new Set(rule.properties.tags).size, rule.properties.tags.length, `${rule.id}: unique tags (SARIF uniqueItems)`);
    }
    const bothSet = rules.find((r) => r.id === 'daemonset.rolling-update-both-set')!;
    assert.equal(bothSet.shortDescription.text, 'maxUnavailable and maxSurge both non-zero');
    assert.match(bothSet.help.markdown, /Quick fix: add `maxUnavailable: 0`/);
    assert.equal(bothSet.helpUri, 'https://github.com/daemonscope/daemonscope/blob/main/docs/rules.md#what-the-api-server-would-reject-error');
    assert.equal(bothSet.defaultConfiguration.level, 'error');
    assert.equal(rules.find((r) => r.id === 'daemonset.priority-class-missing')!.defaultConfiguration.level, 'note');
    // `./` dropped from a relative path; stdin has no base.
    assert.deepEqual(runLog.artifacts, [{ location: { uri: mistakes, uriBaseId: '%SRCROOT%' } }, { location: { uri: 'stdin' } }]);
    for (const result of runLog.results) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId);
      assert.ok(result.message.text && result.locations[0].physicalLocation.region.startLine >= 1);
    }
    assert.ok(runLog.results.some((r: { ruleId: string }) => r.ruleId === 'daemonset.rolling-update-both-set'));
  });

  test('sarif partialFingerprints (daemonscope/v1): the same when lines are inserted above, different for different findings', async () => {
    interface Result {
      ruleId: string;
      partialFingerprints: Record<string, string>;
      locations: { physicalLocation: { region: { startLine: number } } }[];
    }
    const run = async (text: string): Promise<Result[]> => JSON.parse((await runCliProcess(['check', '-', '--format=sarif'], { stdin: text })).stdout).runs[0].results;
    const fileText = readFileSync(mistakes, 'utf8');
    // Two DaemonSets with the same four mistakes, and the same DaemonSet again (daemonset.duplicate-name, whose message names a line).
    const exporter = fileText.replaceAll('log-agent', 'exporter');
    const text = `${fileText}---\n${exporter}---\n${exporter}`;
    const before = await run(text);
    assert.ok(before.length >= 9, `${before.length} results`);
    const prints = before.map((r) => r.partialFingerprints['daemonscope/v1']!);
    for (const fingerprint of prints) assert.match(fingerprint, /^[0-9a-f]{64}$/);
    assert.equal(new Set(prints).size, prints.length, 'one fingerprint per finding');
    // The same mistake in two DaemonSets: different fingerprints.
    const unknown = before.filter((r) => r.ruleId === 'schema.unknown-field');
    assert.equal(unknown.length, 3);
    assert.ok(before.some((r) => r.ruleId === 'daemonset.duplicate-name'));

    // Comments and blank lines above and inside the DaemonSets: every line moves, no fingerprint does.
    const moved = `# header\n\n${text.replace('spec:\n', '# the spec\nspec:\n\n').replaceAll('  template:\n', '\n  # the pod\n  template:\n')}`;
    const after = await run(moved);
    assert.deepEqual(after.map((r) => r.ruleId), before.map((r) => r.ruleId));
    after.forEach((r, i) => assert.notEqual(r.locations[0]!.physicalLocation.region.startLine, before[i]!.locations[0]!.physicalLocation.region.startLine));
    assert.deepEqual(after.map((r) => r.partialFingerprints), before.map((r) => r.partialFingerprints));

    // Another file path, or a changed finding: another fingerprint.
    const other = JSON.parse((await runCliProcess(['check', mistakes, '--format=sarif'])).stdout).runs[0].results as Result[];
    assert.notEqual(other[0]!.partialFingerprints['daemonscope/v1'], prints[0]);
    const renamed = await run(text.replace('maxUnavilable', 'maxUnavialable'));
    assert.deepEqual(renamed.map((r) => r.ruleId), before.map((r) => r.ruleId));
    const changed = renamed.flatMap((r, i) => (r.partialFingerprints['daemonscope/v1'] !== prints[i] ? [r.ruleId] : []));
    assert.deepEqual(changed, ['schema.unknown-field']);
  });

  test('stdin with -, reported as <stdin>; columns count UTF-16 code units', async () => {
    const text = validDaemonSet.replace('metadata:\n  name: agent\n  namespace: monitoring\n', 'metadata: {name: "🚀", labelz: {}}\n');
    const run = await runCliProcess(['check', '-', '--format', 'json'], { stdin: text });
    const json = JSON.parse(run.stdout);
    assert.equal(json.files[0].path, '<stdin>');
    // (The rocket is not a valid DaemonSet name either: daemonset.name-invalid comes first.)
    const finding = json.files[0].findings.find((f: { code: string }) => f.code === 'schema.unknown-field');
    assert.equal(finding.code, 'schema.unknown-field');
    // `metadata: {name: "🚀", ` is 23 UTF-16 units (the rocket is 2), so labelz starts at column 24.
    assert.equal(finding.column, text.split('\n')[2].indexOf('labelz') + 1);
    assert.equal(finding.column, 24);
  });
});

describe('kubectl output', () => {
  test('a kind: List as `kubectl get daemonsets -o yaml` prints it: each DaemonSet item is checked, at its lines', async () => {
    const item = (text: string): string => text.trimEnd().split('\n').map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`)).join('\n');
    const exporter = validDaemonSet.replaceAll('agent', 'exporter').replace('maxUnavailable: 1', 'maxUnavilable: 1');
    const text = `apiVersion: v1\nitems:\n${item(validDaemonSet)}\n${item(exporter)}\nkind: List\nmetadata:\n  resourceVersion: ""\n`;
    const run = await runCliProcess(['check', '-'], { stdin: text });
    assert.equal(run.status, 1, run.stderr);
    const line = text.split('\n').findIndex((l) => l.includes('maxUnavilable')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('maxUnavilable') + 1;
    const lines = run.stdout.trim().split('\n');
    assert.deepEqual(
      lines.filter((l) => l.includes(' error ')),
      [`<stdin>:${line}:${column}: error schema.unknown-field: Unknown field \`maxUnavilable\` in rollingUpdate. Did you mean \`maxUnavailable\`?`],
    );
    // Both items are simulated on the embedded cluster (its full node stalls each rollout).
    const second = text.split('\n').findIndex((l) => l.includes('name: exporter')) + 1;
    const stalls = lines.filter((l) => l.includes(' rollout.stall: ')).map((l) => Number(l.split(':')[1]));
    assert.equal(stalls.length, 2);
    assert.ok(stalls[0]! < second && stalls[1]! > second, stalls.join());
  });
});

describe('directories and configuration', () => {
  test('a directory is searched recursively for *.yaml and *.yml, sorted, skipping node_modules', async () => {
    write('tree/b.yml', validDaemonSet.replace('maxUnavailable', 'maxUnavilable'));
    write('tree/a/x.yaml', validDaemonSet);
    write('tree/notes.txt', 'kind: DaemonSet\nbogus: 1\n');
    write('tree/node_modules/dep.yaml', 'kind: DaemonSet\nbogus: 1\n');
    const run = await runCliProcess(['check', join(scratch, 'tree'), '--format', 'json']);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), [join(scratch, 'tree', 'a', 'x.yaml'), join(scratch, 'tree', 'b.yml')]);
    assert.equal(run.status, 1);
  });

  test('the nearest .daemonscope.json sets rule severities; --config overrides it', async () => {
    const file = write('project/deploy/ds.yaml', readFileSync(mistakes, 'utf8'));
    write('project/.daemonscope.json', JSON.stringify({ rules: { 'daemonset.replicas': 'off', 'daemonset.selector-mismatch': 'off', 'schema.enum': 'warning', 'schema.unknown-field': 'information' } }));
    const nearest = await runCliProcess(['check', file]);
    assert.equal(nearest.status, 0, nearest.stdout);
    assert.deepEqual(nearest.stdout.trim().split('\n').map((line) => textLine.exec(line)?.slice(4, 6)), [['warning', 'schema.enum'], ['info', 'schema.unknown-field']]);
    const other = write('other.json', JSON.stringify({ rules: {} }));
    const overridden = await runCliProcess(['check', '--config', other, file]);
    assert.equal(overridden.status, 1);
    assert.equal(overridden.stdout.trim().split('\n').length, 4);
  });
});
