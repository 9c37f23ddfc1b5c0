/**
 * Rollout tree rows from a preview result: per DaemonSet the strategy and resolved budget
 * ("RollingUpdate, maxUnavailable 25% of 8 → 2"), the waves with their nodes, the estimated
 * duration, and a stall in warning colour; for OnDelete one row saying nothing changes until pods
 * are deleted. Pure: the waves are the engine's, shown as they come.
 */
import type { EditorDaemonSetPreview, EditorPreviewResult } from '../../../server/src/protocol';
import { countPlacements, daemonSetKey, describeStrategy, formatDuration, plural } from './summary';
import type { DaemonSetRef, TreeNodeModel } from './treeModel';

/** The rows of the Rollout view for one document; `[]` when it has no DaemonSet (welcome shows). */
export function buildRolloutTree(result: EditorPreviewResult | null): TreeNodeModel[] {
  if (result === null) return [];
  const showNamespace = new Set(result.daemonsets.map((ds) => ds.namespace)).size > 1;
  return result.daemonsets.map((ds) => daemonSetRow(result.uri, ds, showNamespace));
}

function daemonSetRow(uri: string, ds: EditorDaemonSetPreview, showNamespace: boolean): TreeNodeModel {
  const id = `rollout:${daemonSetKey(ds)}`;
  const ref: DaemonSetRef = { uri, name: ds.name, namespace: ds.namespace };
  const stalled = ds.rollout.stall !== null;
  return {
    id,
    label: showNamespace ? `${ds.name} · ${ds.namespace}` : ds.name,
    description: describeStrategy(ds),
    tooltip: `DaemonSet ${daemonSetKey(ds)}\n${describeStrategy(ds)}`,
    icon: stalled ? { id: 'warning', color: 'list.warningForeground' } : { id: 'sync' },
    contextValue: 'daemonset',
    expanded: true,
    command: { command: 'daemonscope.revealDaemonSet', title: 'Reveal DaemonSet', arguments: [ref] },
    ref,
    children: ds.rollout.strategy === 'OnDelete' || ds.rollout.waves === null ? [onDeleteRow(id)] : rollingRows(id, ds),
  };
}

function onDeleteRow(parent: string): TreeNodeModel {
  return {
    id: `${parent}/ondelete`,
    label: 'Nothing changes until pods are deleted',
    tooltip:
      'updateStrategy OnDelete: a template change reaches a node only when someone deletes its daemon pod; ' +
      'the controller then creates the new version there. There are no waves to show.',
    icon: { id: 'info' },
    contextValue: 'ondelete',
    children: [],
  };
}

function rollingRows(parent: string, ds: EditorDaemonSetPreview): TreeNodeModel[] {
  const waves = ds.rollout.waves ?? [];
  const rows: TreeNodeModel[] = [];
  if (waves.length === 0 && ds.rollout.stall === null) {
    rows.push({
      id: `${parent}/empty`,
      label: 'Nothing to roll: no node should run this pod',
      icon: { id: 'info' },
      contextValue: 'empty',
      children: [],
    });
  }
  waves.forEach((nodes, i) => {
    const id = `${parent}/wave:${i + 1}`;
    rows.push({
      id,
      label: `Wave ${i + 1}`,
      description: `${nodes.length} ${plural(nodes.length, 'node')}: ${nodes.join(', ')}`,
      tooltip: `Step ${i + 1} of the controller's rollingUpdate replaces the pods on:\n${nodes.join('\n')}`,
      icon: { id: 'debug-step-over' },
      contextValue: 'wave',
      expanded: false,
      children: nodes.map((node) => ({ id: `${id}/node:${node}`, label: node, icon: { id: 'server' }, contextValue: 'wave.node', children: [] })),
    });
  });
  const duration = formatDuration(ds.rollout.estimatedSeconds);
  if (duration !== '') {
    rows.push({
      id: `${parent}/duration`,
      label: `Estimated duration ${duration}`,
      tooltip:
        `${waves.length} ${plural(waves.length, 'wave')} for ${countPlacements(ds).should} ${plural(countPlacements(ds).should, 'node')}; ` +
        'each wave waits for its pods to start and become available (setting daemonscope.podStartSeconds, plus minReadySeconds).',
      icon: { id: 'clock' },
      contextValue: 'duration',
      children: [],
    });
  }
  const stall = ds.rollout.stall;
  if (stall !== null) {
    rows.push({
      id: `${parent}/stall`,
      label: `Stalls: ${stall.nodes.length} ${plural(stall.nodes.length, 'node')} never updated`,
      description: stall.reason,
      tooltip: stall.reason,
      icon: { id: 'warning', color: 'list.warningForeground' },
      contextValue: 'stall',
      expanded: true,
      children: stall.nodes.map((node) => ({
        id: `${parent}/stall/node:${node}`,
        label: node,
        description: 'stays on the old version',
        icon: { id: 'warning', color: 'list.warningForeground' },
        contextValue: 'stall.node',
        children: [],
      })),
    });
  }
  return rows;
}
