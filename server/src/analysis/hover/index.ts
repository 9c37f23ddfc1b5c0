/**
 * Hover in DaemonSet manifests: `hoverAt(analysis, offset)` finds the key or value under the
 * cursor and explains it. On `kind` or the name: the simulation's summary. On a nodeSelector entry,
 * a node affinity expression or a toleration: which nodes it matches or tolerates. On
 * `maxUnavailable`/`maxSurge`: the resolved number. On `OnDelete`: what it means. On any key: the
 * official description, type, default and reference link. Uses the analysis's cached parse and
 * memoised simulation; never re-validates. Never throws for bad input.
 */
import type { FileAnalysis } from '../analyse';
import type { DaemonSetModel } from '../model';
import { valueAt } from '../path';
import type { PathSegment } from '../schemaTypes';
import type { Span } from '../types';
import { formatKeyDoc, keyDoc } from './keyDocs';
import { nodeAt } from './nodeAt';
import { intOrPercentHover, strategyHover } from './rollout';
import { expressionHover, selectorEntryHover, selectorHover, tolerationHover } from './scheduling';
import { daemonSetSummary } from './summary';

/** A hover: Markdown and the span it is about. */
export interface HoverResult {
  contents: string;
  span: Span;
}

function modelAt(analysis: FileAnalysis, offset: number): DaemonSetModel | undefined {
  return analysis.daemonSets.find((model) => model.span.start <= offset && offset <= model.span.end);
}

const podSpecPath = ['spec', 'template', 'spec'];

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/** The index of the first `name` segment followed by an index, for list items (tolerations[i]). */
function itemPrefix(path: readonly PathSegment[], name: string): PathSegment[] | undefined {
  const at = path.indexOf(name);
  return at >= 0 && typeof path[at + 1] === 'number' ? path.slice(0, at + 2) : undefined;
}

/** The Markdown sections about `path` that need the simulation or the cluster. */
function clusterSections(analysis: FileAnalysis, model: DaemonSetModel, path: readonly PathSegment[]): string[] {
  const simulations = analysis.simulations;
  const value = model.value;
  if (!simulations || value === undefined) return [];
  const simulation = simulations.of(model);
  const { cluster, label } = simulations.context;
  if (!simulation) return [];
  const sections: string[] = [];
  const dotted = path.join('.');
  if (dotted === 'kind' || dotted === 'metadata.name') {
    const title = `DaemonSet ${simulation.preview.namespace}/${simulation.preview.name || '(unnamed)'}`;
    sections.push(daemonSetSummary(title, simulation, label));
  }
  if (dotted === 'spec.updateStrategy.rollingUpdate.maxUnavailable' || dotted === 'spec.updateStrategy.rollingUpdate.maxSurge') {
    sections.push(intOrPercentHover(path[3] as 'maxUnavailable' | 'maxSurge', valueAt(value, path), simulation));
  }
  if (dotted === 'spec.updateStrategy.type') {
    const strategy = strategyHover(valueAt(value, path), simulation);
    if (strategy) sections.push(strategy);
  }
  if (startsWith(path, [...podSpecPath, 'nodeSelector'])) {
    const selector = valueAt(value, [...podSpecPath, 'nodeSelector']);
    if (path.length === 5) sections.push(selectorEntryHover(path[4] as string, valueAt(value, path), cluster, label));
    else if (selector !== null && typeof selector === 'object') sections.push(selectorHover(selector as Record<string, unknown>, cluster, label));
  }
  if (startsWith(path, [...podSpecPath, 'affinity', 'nodeAffinity'])) {
    for (const list of ['matchExpressions', 'matchFields']) {
      const prefix = itemPrefix(path, list);
      if (prefix) sections.push(expressionHover(valueAt(value, prefix), list === 'matchFields', prefix, cluster, label));
    }
  }
  if (startsWith(path, [...podSpecPath, 'tolerations'])) {
    const prefix = itemPrefix(path, 'tolerations');
    if (prefix) sections.push(tolerationHover(valueAt(value, prefix), cluster, label));
  }
  return sections.filter((section) => section !== '');
}

/**
 * The hover at `offset` (0-based UTF-16) in the analysed file, or undefined outside DaemonSets,
 * on nothing, or where there is nothing to say.
 */
export function hoverAt(analysis: FileAnalysis, offset: number): HoverResult | undefined {
  const model = modelAt(analysis, offset);
  if (!model) return undefined;
  const at = nodeAt(model.document, offset);
  if (!at) return undefined;
  const sections = clusterSections(analysis, model, at.path);
  if (at.path.join('.') === 'spec.updateStrategy.type' && at.on === 'value' && !analysis.simulations) {
    const strategy = strategyHover(valueAt(model.value, at.path) ?? model.document.getIn(at.path), undefined);
    if (strategy) sections.push(strategy);
  }
  if (at.on === 'key') {
    const doc = keyDoc(at.path);
    if (doc?.reference) sections.push(formatKeyDoc(doc));
  }
  return sections.length === 0 ? undefined : { contents: sections.join('\n\n---\n\n'), span: at.span };
}
