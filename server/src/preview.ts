/**
 * The `daemonscope/preview` answer for one document: the engine's simulations of its DaemonSets
 * (computed once per analysis, shared with diagnostics), as the preview JSON contract plus each
 * DaemonSet's range and what the views need of the cluster. Conversion only; no simulation here.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from './analysis/analyse';
import type { DaemonSetModel } from './analysis/model';
import type { ResolvedCluster } from './clusterService';
import { toRange } from './convert';
import { describeOverhead, describeOverheadShort } from './engine';
import type { ClusterNodeInfo, EditorDaemonSetPreview, EditorPreviewResult } from './protocol';

/** Builds the preview result of `document` from its analysis on `cluster`. */
export function buildEditorPreview(document: TextDocument, analysis: FileAnalysis, cluster: ResolvedCluster): EditorPreviewResult {
  const problems: string[] = [];
  const daemonsets: EditorDaemonSetPreview[] = [];
  if (!cluster.ok) problems.push(cluster.message);
  else if (analysis.skipped === 'too-large') problems.push('This file is larger than daemonscope.maxFileSize, so it is not simulated.');
  else if (analysis.skipped === 'templated') problems.push('This file contains template syntax ({{ }}), so it is not simulated.');
  for (const model of analysis.daemonSets) {
    const simulation = analysis.simulations?.of(model);
    if (!simulation) {
      if (cluster.ok) problems.push(`${describe(model)} is not simulated: fix its YAML errors first.`);
      continue;
    }
    // JSON round trip: NodeResult builds its `detail` lazily and serialises through toJSON.
    const preview = JSON.parse(JSON.stringify(simulation.preview)) as EditorDaemonSetPreview;
    preview.range = toRange(document, model.span);
    if (preview.overhead) preview.overheadText = { sentence: describeOverhead(preview.overhead), short: describeOverheadShort(preview.overhead) };
    const written = writtenBudget(model);
    if (written) preview.written = written;
    daemonsets.push(preview);
  }
  daemonsets.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
  const clusterInfo = cluster.ok ? { source: cluster.source, nodes: cluster.context.cluster.nodes.length } : { source: '', nodes: 0 };
  const result: EditorPreviewResult = { uri: document.uri, version: document.version, cluster: clusterInfo, daemonsets, problems };
  if (cluster.ok) result.clusterNodes = cluster.context.cluster.nodes.map(toNodeInfo);
  return result;
}

function toNodeInfo(node: { name: string; labels: Readonly<Record<string, string>>; taints: readonly { key: string; value: string; effect: string }[]; unschedulable: boolean }): ClusterNodeInfo {
  return {
    name: node.name,
    labels: { ...node.labels },
    // Every taint the controller sees, including those Kubernetes derives from a cordon or a condition.
    taints: node.taints.map((t) => (t.value === '' ? { key: t.key, effect: t.effect } : { key: t.key, value: t.value, effect: t.effect })),
    ...(node.unschedulable ? { unschedulable: true } : {}),
  };
}

/** `maxUnavailable`/`maxSurge` as the manifest writes them (for "25% of 8 → 2"). */
function writtenBudget(model: DaemonSetModel): EditorDaemonSetPreview['written'] | undefined {
  const spec = model.value?.spec as { updateStrategy?: { rollingUpdate?: Record<string, unknown> } } | undefined;
  const rolling = spec?.updateStrategy?.rollingUpdate;
  if (!rolling || typeof rolling !== 'object') return undefined;
  const written: NonNullable<EditorDaemonSetPreview['written']> = {};
  for (const key of ['maxUnavailable', 'maxSurge'] as const) {
    const value = rolling[key];
    if (typeof value === 'string' || typeof value === 'number') written[key] = String(value);
  }
  return Object.keys(written).length > 0 ? written : undefined;
}

function describe(model: DaemonSetModel): string {
  return model.name ? `DaemonSet ${model.namespace ? `${model.namespace}/` : ''}${model.name}` : `The DaemonSet in document ${model.index + 1}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
