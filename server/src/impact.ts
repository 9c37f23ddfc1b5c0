/**
 * The `daemonscope/impact` answer for one document (issue #10): what applying it does compared
 * with its last committed text, DaemonSet by DaemonSet, computed by the engine's `diffDaemonSets`
 * (the code behind `daemonscope diff`) on the document's cluster, plus where each DaemonSet is.
 * The committed text is read by the client (VS Code's git extension) and passed in.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from './analysis/analyse';
import { daemonSetModels } from './analysis/model';
import { parseYamlFile } from './analysis/parse';
import type { ResolvedCluster } from './clusterService';
import { toRange } from './convert';
import { diffDaemonSets } from './engine';
import type { EditorDaemonSetImpact, EditorImpactResult } from './protocol';

/** The DaemonSets of the committed text as decoded values, or why they cannot be compared. */
function baseDaemonSets(baseText: string): { values: unknown[] } | { problem: string } {
  const file = parseYamlFile(baseText);
  const values: unknown[] = [];
  for (const parsed of file.documents) {
    for (const model of daemonSetModels(parsed, baseText)) {
      if (model.value === undefined) return { problem: 'The committed version of this file has a DaemonSet that does not parse, so the edit is not compared with it.' };
      values.push(model.value);
    }
  }
  return { values };
}

/** Builds the impact of `document` (its analysis on `cluster`) against `baseText`. */
export function buildEditorImpact(document: TextDocument, analysis: FileAnalysis, cluster: ResolvedCluster, baseText: string): EditorImpactResult {
  const result: EditorImpactResult = {
    uri: document.uri,
    version: document.version,
    cluster: cluster.ok ? { source: cluster.source, nodes: cluster.context.cluster.nodes.length } : { source: '', nodes: 0 },
    daemonsets: [],
    problems: [],
  };
  if (!cluster.ok) return { ...result, problems: [cluster.message] };
  if (analysis.skipped) return { ...result, problems: ['This file is not simulated, so its rollout impact is not computed.'] };
  if (analysis.daemonSets.some((model) => model.value === undefined)) {
    return { ...result, problems: ['Fix the YAML errors first: the rollout impact compares whole DaemonSets.'] };
  }
  const base = baseDaemonSets(baseText);
  if ('problem' in base) return { ...result, problems: [base.problem] };
  const current = analysis.daemonSets.map((model) => model.value);
  const diff = diffDaemonSets(base.values, current, cluster.context.cluster, cluster.context.simulation);
  const spans = new Map<string, (typeof analysis.daemonSets)[number][]>();
  for (const model of analysis.daemonSets) {
    const key = `${model.namespace || 'default'}/${model.name ?? ''}`;
    spans.set(key, [...(spans.get(key) ?? []), model]);
  }
  result.daemonsets = diff.daemonsets.map((impact): EditorDaemonSetImpact => {
    // The k-th DaemonSet of a name pairs with the k-th model of that name (diffDaemonSets' order).
    const model = impact.status === 'removed' ? undefined : spans.get(`${impact.namespace}/${impact.name}`)?.shift();
    return { ...impact, range: model ? toRange(document, model.span) : null };
  });
  return result;
}
