/**
 * Features newer than the target Kubernetes version (`daemonscope.kubernetesVersion`, default the
 * bundled schema's 1.35). Stages from the feature-gate pages of kubernetes.io
 * (kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/*.md).
 * Before a feature is on by default the API server drops its fields (or rejects them before they
 * exist): a warning. While it is beta and on by default: information, since a cluster may turn it
 * off.
 */
import { DiagnosticCode } from '../codes';
import type { JsonObject } from '../model';
import type { PathSegment } from '../path';
import type { Finding } from '../types';
import { findingAt, longRunningContainers, podSpecPath, record, recordAt } from './fields';
import type { Rule } from './rule';
import { rollingUpdatePath } from './rollingUpdate';
import { surges } from './surgeHostPort';

interface Feature {
  /** What the user wrote, in words. */
  name: string;
  gate: string;
  /** First minor version where it is on by default (beta or GA). */
  onByDefault: number;
  /** First minor version where it is GA; undefined while it is still beta. */
  ga?: number;
  /** Where the manifest uses it, if it does. */
  find: (value: JsonObject) => PathSegment[] | undefined;
}

function firstContainer(value: JsonObject, test: (container: JsonObject) => PathSegment[] | undefined): PathSegment[] | undefined {
  for (const ref of longRunningContainers(value)) {
    const found = test(ref.container);
    if (found) return [...ref.path, ...found];
  }
  return undefined;
}

const features: Feature[] = [
  {
    name: '`maxSurge` for DaemonSets',
    gate: 'DaemonSetUpdateSurge',
    onByDefault: 22,
    ga: 25,
    find: (value) => (surges(value) ? [...rollingUpdatePath, 'maxSurge'] : undefined),
  },
  {
    name: 'sidecar containers (`restartPolicy: Always` on an init container)',
    gate: 'SidecarContainers',
    onByDefault: 29,
    ga: 33,
    find: (value) => longRunningContainers(value).find((ref) => ref.list === 'initContainers')?.path.concat('restartPolicy'),
  },
  {
    name: 'pod-level `resources`',
    gate: 'PodLevelResources',
    onByDefault: 34,
    find: (value) => (recordAt(value, podSpecPath)?.resources !== undefined ? [...podSpecPath, 'resources'] : undefined),
  },
  {
    name: 'in-place resize (`resizePolicy`)',
    gate: 'InPlacePodVerticalScaling',
    onByDefault: 33,
    find: (value) => firstContainer(value, (c) => (c.resizePolicy !== undefined ? ['resizePolicy'] : undefined)),
  },
  {
    name: 'the `sleep` lifecycle action',
    gate: 'PodLifecycleSleepAction',
    onByDefault: 30,
    ga: 34,
    find: (value) =>
      firstContainer(value, (c) => {
        const lifecycle = record(c.lifecycle);
        for (const hook of ['preStop', 'postStart']) if (record(lifecycle?.[hook])?.sleep !== undefined) return ['lifecycle', hook, 'sleep'];
        return undefined;
      }),
  },
];

/** The minor version of a `1.NN` setting, or undefined. */
export function minorVersion(version: string): number | undefined {
  const match = /^1\.(\d+)$/.exec(version);
  return match ? Number(match[1]) : undefined;
}

export const featureVersionRule: Rule = {
  name: 'featureVersion',
  codes: [DiagnosticCode.FeatureVersion],
  check(model, context) {
    const target = minorVersion(context.options.kubernetesVersion);
    if (target === undefined) return [];
    const findings: Finding[] = [];
    for (const feature of features) {
      if (feature.ga !== undefined && target >= feature.ga) continue;
      const path = feature.find(model.value);
      if (!path) continue;
      const off = target < feature.onByDefault;
      const stage = off
        ? `off by default before Kubernetes 1.${feature.onByDefault} (feature gate ${feature.gate}), so the API server drops or rejects it`
        : `beta in Kubernetes 1.${target} (on by default${feature.ga !== undefined ? `, GA in 1.${feature.ga}` : ''}; feature gate ${feature.gate}), so a cluster may have it off`;
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.FeatureVersion,
          severity: off ? 'warning' : 'info',
          message: `${feature.name.charAt(0).toUpperCase()}${feature.name.slice(1)}: ${stage}. The target version is 1.${target} (daemonscope.kubernetesVersion).`,
          path,
        }),
      );
    }
    return findings;
  },
};
