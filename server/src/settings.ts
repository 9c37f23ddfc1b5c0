/**
 * Settings normalisation: raw `daemonscope.*` values (from `workspace/configuration`, or a
 * `.daemonscope.json` for the CLI) become a complete, type-checked `Settings`. Anything missing
 * or of the wrong type takes its default; unknown rule severities are dropped. Never throws.
 */
import { defaultSettings, type RuleSeverity, type Settings } from './protocol';

const ruleSeverities: readonly RuleSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function numberOr(value: unknown, fallback: number, minimum = 0): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= minimum ? value : fallback;
}

/** `rules` keeps only entries whose value is a known severity (`info` is accepted for `information`). */
export function normalizeRules(raw: unknown): Record<string, RuleSeverity> {
  const rules: Record<string, RuleSeverity> = {};
  if (!isRecord(raw)) return rules;
  for (const [code, value] of Object.entries(raw)) {
    const severity = value === 'info' ? 'information' : value;
    if (typeof severity === 'string' && (ruleSeverities as readonly string[]).includes(severity)) rules[code] = severity as RuleSeverity;
  }
  return rules;
}

/** A complete `Settings` from whatever the client or a config file sent (`null`, partial, wrong types). */
export function normalizeSettings(raw: unknown): Settings {
  const input = isRecord(raw) ? raw : {};
  return {
    clusterFile: stringOr(input.clusterFile, defaultSettings.clusterFile),
    podsFile: stringOr(input.podsFile, defaultSettings.podsFile),
    clusterContext: stringOr(input.clusterContext, defaultSettings.clusterContext),
    podStartSeconds: numberOr(input.podStartSeconds, defaultSettings.podStartSeconds),
    rules: normalizeRules(input.rules),
    kubernetesVersion: typeof input.kubernetesVersion === 'string' && /^1\.\d+$/.test(input.kubernetesVersion) ? input.kubernetesVersion : defaultSettings.kubernetesVersion,
    rolloutDurationThresholdMinutes: numberOr(input.rolloutDurationThresholdMinutes, defaultSettings.rolloutDurationThresholdMinutes),
    maxFileSize: numberOr(input.maxFileSize, defaultSettings.maxFileSize, 1),
    schemaValidation: typeof input.schemaValidation === 'boolean' ? input.schemaValidation : defaultSettings.schemaValidation,
  };
}
