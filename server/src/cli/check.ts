/**
 * `daemonscope check FILE|DIR|-... [--format text|json|sarif] [--config FILE] [--cluster NODES]
 * [--pods PODS] [--kubeconfig FILE] [--context NAME] [--fix [--dry-run]]`: the editor's
 * diagnostics on the command line, cluster-aware rules included (on the embedded cluster unless a
 * cluster file or a live context is given). Directories are searched for `*.yaml`/`*.yml`; `-`
 * reads stdin. Exit status: 0 no error-severity finding, 1 at least one, 2 usage, an unreadable
 * file or a bad cluster file (2 wins over 1). Files are reported in the order given.
 * `--fix` applies the preferred quick fixes in place and reports what is left (the exit status
 * is that of a check of the fixed files); `--dry-run` prints the diff instead of writing.
 */
import { access, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { analyseText, type FileAnalysis } from '../analysis/analyse';
import type { ClusterContext } from '../analysis/clusterContext';
import { applyPreferredFixes } from '../analysis/codeActions/fixAll';
import { createSchemaValidator } from '../analysis/validator';
import type { ClusterResult } from '../engine';
import { defaultSettings, type Settings } from '../protocol';
import packageJson from '../../../package.json';
import { formatJson, formatSarif, formatText, type FileResult } from './checkFormats';
import { ConfigFinder, loadConfig } from './config';
import { findingIdentity } from './fingerprint';
import { describeFsError, expandInputs, readInput, type Input } from './inputs';
import type { CliIo } from './io';
import { UsageError } from './io';
import { createLineIndex } from './lineIndex';
import { assertOneClusterSource, isLive, loadClusterFlags, parseTimeoutSeconds } from './sources';
import { unifiedDiff } from './unifiedDiff';

const usage =
  'usage: daemonscope check FILE|DIR|-... [--format text|json|sarif] [--config FILE] [--cluster NODES] [--pods PODS] [--kubeconfig FILE] [--context NAME] [--timeout SECONDS] [--fix [--dry-run]]';

type Format = 'text' | 'json' | 'sarif';

interface CheckArgs {
  files: string[];
  format: Format;
  config?: string;
  cluster?: string;
  pods?: string;
  kubeconfig?: string;
  context?: string;
  timeoutSeconds?: number;
  fix: boolean;
  dryRun: boolean;
}

const valueFlags = new Set(['--format', '--config', '--cluster', '--pods', '--kubeconfig', '--context', '--timeout']);

/** Parses the arguments; throws UsageError on anything it does not know. */
export function parseCheckArgs(args: readonly string[]): CheckArgs {
  const parsed: CheckArgs = { files: [], format: 'text', fix: false, dryRun: false };
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      parsed.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '--fix' || arg === '--dry-run') {
      parsed[arg === '--fix' ? 'fix' : 'dryRun'] = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!valueFlags.has(name)) throw new UsageError(`unknown option "${arg}"\n${usage}`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value\n${usage}`);
    if (name === '--format') {
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${value}"`);
      parsed.format = value;
    } else if (name === '--config') parsed.config = value;
    else if (name === '--cluster') parsed.cluster = value;
    else if (name === '--pods') parsed.pods = value;
    else if (name === '--kubeconfig') parsed.kubeconfig = value;
    else if (name === '--timeout') parsed.timeoutSeconds = parseTimeoutSeconds(value);
    else parsed.context = value;
  }
  if (parsed.files.length === 0) throw new UsageError(`no files to check\n${usage}`);
  if (parsed.dryRun && !parsed.fix) throw new UsageError(`--dry-run goes with --fix\n${usage}`);
  if (parsed.dryRun && parsed.format !== 'text') throw new UsageError('--fix --dry-run prints a diff; it takes no --format');
  if (parsed.fix && !parsed.dryRun && parsed.files.includes('-')) throw new UsageError('--fix cannot write to stdin; add --dry-run to see the diff');
  // Empty values are refused above, so "given" and "non-empty" are the same here.
  assertOneClusterSource(parsed);
  return parsed;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Runs `check`; returns the exit status. */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const options = parseCheckArgs(args);
  const problems: string[] = [];
  const cluster = await loadClusterFor(options, io.cwd);
  if (!cluster.ok) problems.push(...cluster.problems.map((problem) => `${problem} (cluster-aware checks skipped)`));
  let fixedSettings: Settings | undefined;
  if (options.config !== undefined) {
    const loaded = await loadConfig(resolve(io.cwd, options.config));
    if ('problem' in loaded) throw new UsageError(loaded.problem);
    fixedSettings = loaded.settings;
  }
  const finder = new ConfigFinder(exists);
  const configs = new Map<string, Promise<Settings | string>>();
  const settingsFor = async (input: Input): Promise<Settings | string> => {
    if (fixedSettings) return fixedSettings;
    const path = await finder.nearest(input.absolute ? dirname(input.absolute) : io.cwd);
    if (path === undefined) return defaultSettings;
    let settings = configs.get(path);
    if (!settings) {
      settings = loadConfig(path).then((loaded) => ('problem' in loaded ? loaded.problem : loaded.settings));
      configs.set(path, settings);
    }
    return settings;
  };

  const { inputs, problems: inputProblems } = await expandInputs(options.files, io.cwd);
  problems.push(...inputProblems);
  const validator = createSchemaValidator();
  const results: FileResult[] = [];
  const diffs: string[] = [];
  let fixedCount = 0;
  let fixedFiles = 0;
  for (const input of inputs) {
    const settings = await settingsFor(input);
    if (typeof settings === 'string') {
      problems.push(settings);
      continue;
    }
    let text: string;
    try {
      text = await readInput(input, io.stdin);
    } catch (error) {
      problems.push(`${input.path}: ${describeFsError(error)}`);
      continue;
    }
    const clusterContext: ClusterContext | undefined = cluster.ok ? { cluster: cluster.cluster, label: cluster.label, simulation: { podStartSeconds: settings.podStartSeconds } } : undefined;
    const analyse = (source: string): FileAnalysis => analyseText(source, { options: settings, validator, ...(clusterContext ? { cluster: clusterContext } : {}) });
    if (!options.fix) {
      results.push(positioned(input.path, text, analyse(text)));
      continue;
    }
    const fixed = applyPreferredFixes(text, analyse);
    if (fixed.text !== text) {
      fixedCount += fixed.fixed.length;
      fixedFiles++;
      if (options.dryRun) diffs.push(unifiedDiff(input.path, text, fixed.text));
      else {
        try {
          await writeFile(input.absolute!, fixed.text, 'utf8');
        } catch (error) {
          problems.push(`${input.path}: cannot write the fixed file (${describeFsError(error)})`);
        }
      }
    }
    results.push(positioned(input.path, fixed.text, fixed.analysis));
  }

  if (options.dryRun) io.stdout.write(diffs.join(''));
  else io.stdout.write(options.format === 'json' ? formatJson(results) : options.format === 'sarif' ? formatSarif(results, packageJson.version) : formatText(results));
  if (options.fix) {
    const what = `${fixedCount} finding${fixedCount === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}`;
    io.stderr.write(`daemonscope check: ${options.dryRun ? `would fix ${what} (dry run, nothing written)` : `fixed ${what}`}\n`);
  }
  for (const problem of [...new Set(problems)]) io.stderr.write(`daemonscope check: ${problem}\n`);
  if (problems.length > 0) return 2;
  return results.some((file) => file.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

/**
 * The cluster the checks simulate on, and its name in messages: the embedded cluster by default,
 * `--cluster`/`--pods` files, or a live `--kubeconfig`/`--context` source (read-only).
 */
async function loadClusterFor(options: CheckArgs, cwd: string): Promise<(ClusterResult & { ok: false }) | { ok: true; cluster: ClusterContext['cluster']; label: string }> {
  const loaded = await loadClusterFlags(options, cwd);
  if (!loaded.ok) return loaded;
  const label = isLive(options) ? loaded.cluster.source : options.cluster === undefined ? 'the embedded cluster' : `cluster file ${options.cluster}`;
  return { ok: true, cluster: loaded.cluster, label };
}

/** Positions one file's findings (1-based lines, UTF-16 columns). */
function positioned(path: string, text: string, analysis: FileAnalysis): FileResult {
  const { findings } = analysis;
  const index = createLineIndex(text);
  return {
    path,
    findings: findings.map((finding) => {
      const start = index.position(finding.span.start);
      const end = index.position(finding.span.end);
      return {
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        severity: finding.severity,
        code: finding.code,
        message: finding.message,
        fixable: finding.fixable ?? false,
        identity: findingIdentity(analysis, finding),
      };
    }),
  };
}
