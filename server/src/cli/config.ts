/**
 * `.daemonscope.json` for the CLI: the same settings as `daemonscope.*` in the editor (per-rule
 * severities under `rules`, `maxFileSize`, `schemaValidation`, ...). `--config FILE` names one; by
 * default the nearest `.daemonscope.json` in the checked file's directory or above is used.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Settings } from '../protocol';
import { normalizeSettings } from '../settings';
import { describeFsError } from './inputs';

/** The config file name looked up from each checked file's directory upwards. */
export const configFileName = '.daemonscope.json';

/** Settings from one config file, or what is wrong with it (names the file). */
export async function loadConfig(path: string): Promise<{ settings: Settings } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { problem: `${path}: ${describeFsError(error)}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problem: `${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { problem: `${path}: expected a JSON object such as {"rules": {"daemonset.replicas": "warning"}}` };
  return { settings: normalizeSettings(raw) };
}

/** Finds the nearest config file at or above `directory`, caching lookups per directory. */
export class ConfigFinder {
  private readonly found = new Map<string, Promise<string | undefined>>();

  constructor(private readonly exists: (path: string) => Promise<boolean>) {}

  nearest(directory: string): Promise<string | undefined> {
    let result = this.found.get(directory);
    if (!result) {
      result = this.exists(join(directory, configFileName)).then((here) => {
        if (here) return join(directory, configFileName);
        const parent = dirname(directory);
        return parent === directory ? undefined : this.nearest(parent);
      });
      this.found.set(directory, result);
    }
    return result;
  }
}
