/**
 * `daemonscope check FILE|DIR|-... [--format text|json|sarif] [--config FILE] [--cluster NODES]
 * [--pods PODS]`: the editor's diagnostics on the command line. Directories are searched for
 * `*.yaml`/`*.yml`; `-` reads stdin. Exit status: 0 no error-severity finding, 1 at least one,
 * 2 usage or an unreadable file (2 wins over 1). Files are reported in the order given.
 */
import { access, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { analyseText } from '../analysis/analyse';
import { createSchemaValidator } from '../analysis/validator';
import { defaultSettings, type Settings } from '../protocol';
import packageJson from '../../../package.json';
import { formatJson, formatSarif, formatText, type FileResult } from './checkFormats';
import { ConfigFinder, loadConfig } from './config';
import { describeFsError, expandInputs, readInput, type Input } from './inputs';
import type { CliIo } from './io';
import { UsageError } from './io';
import { createLineIndex } from './lineIndex';

const usage = 'usage: daemonscope check FILE|DIR|-... [--format text|json|sarif] [--config FILE] [--cluster NODES] [--pods PODS]';

type Format = 'text' | 'json' | 'sarif';

interface CheckArgs {
  files: string[];
  format: Format;
  config?: string;
  cluster?: string;
  pods?: string;
}

const valueFlags = new Set(['--format', '--config', '--cluster', '--pods', '--kubeconfig', '--context']);

/** Parses the arguments; throws UsageError on anything it does not know. */
export function parseCheckArgs(args: readonly string[]): CheckArgs {
  const parsed: CheckArgs = { files: [], format: 'text' };
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
    if (arg === '--fix' || arg === '--dry-run') throw new UsageError(`${arg} is not available yet\n${usage}`);
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
    // --kubeconfig/--context (a live source) are accepted; they matter once checks use a cluster.
  }
  if (parsed.files.length === 0) throw new UsageError(`no files to check\n${usage}`);
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
  // Cluster-aware checks come with the engine; until then the files only have to be readable.
  for (const [flag, path] of [['--cluster', options.cluster], ['--pods', options.pods]] as const) {
    if (path === undefined) continue;
    try {
      await readFile(resolve(io.cwd, path));
    } catch (error) {
      problems.push(`${flag} ${path}: ${describeFsError(error)}`);
    }
  }
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
    results.push(checkText(input.path, text, settings, validator));
  }

  const output =
    options.format === 'json' ? formatJson(results) : options.format === 'sarif' ? formatSarif(results, packageJson.version) : formatText(results);
  io.stdout.write(output);
  for (const problem of [...new Set(problems)]) io.stderr.write(`daemonscope check: ${problem}\n`);
  if (problems.length > 0) return 2;
  return results.some((file) => file.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

/** Analyses one file's text and positions its findings. */
function checkText(path: string, text: string, settings: Settings, validator: ReturnType<typeof createSchemaValidator>): FileResult {
  const { findings } = analyseText(text, { options: settings, validator });
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
      };
    }),
  };
}
