/**
 * The one-line story of a simulated DaemonSet, for hover on its `kind` or name: "runs on 7 of 10
 * nodes (the embedded cluster); 1 pending on edge-1 (memory); 2 skipped: cp-1 (taint), win-1
 * (nodeSelector); rollout: 4 waves, about 2 min", its fleet overhead, then the nodes that do not
 * run it and why.
 */
import { describeOverhead, inspectNode, type DaemonSetSimulation, type NodeResult, type Resources } from '../../engine';
import { listNames } from '../completion/clusterFacts';

/** "about 40 s", "about 2 min", "about 1 h 20 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `about ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min`;
  return `about ${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** The first resource whose request exceeds what is free on the node, or undefined. */
function shortResource(requests: Resources, free: Resources | null): string | undefined {
  if (!free) return undefined;
  if (requests.cpu > free.cpu) return 'cpu';
  if (requests.memory > free.memory) return 'memory';
  if (requests.ephemeralStorage > free.ephemeralStorage) return 'ephemeral-storage';
  for (const [name, amount] of Object.entries(requests.scalars ?? {})) if (amount > (free.scalars?.[name] ?? 0)) return name;
  return undefined;
}

/** Why a node does not run the pod, in a word or two: `taint`, `memory`, `hostPort 9100`. */
export function shortReason(simulation: DaemonSetSimulation, node: NodeResult): string {
  switch (node.reason) {
    case 'resources': {
      const inspection = inspectNode(simulation, node.node);
      return shortResource(simulation.requests, inspection?.free ?? null) ?? 'resources';
    }
    case 'hostPort': {
      const conflict = inspectNode(simulation, node.node)?.hostPortConflict;
      return conflict ? `hostPort ${conflict.port}` : 'hostPort';
    }
    case 'podCount':
      return 'pod slots';
    case 'namespaceNodeSelector':
      return 'namespace node selector';
    default:
      return node.reason ?? '';
  }
}

function withReasons(simulation: DaemonSetSimulation, nodes: readonly NodeResult[], max = 4): string {
  const shown = nodes.slice(0, max).map((node) => `${node.node} (${shortReason(simulation, node)})`);
  return nodes.length > max ? `${shown.join(', ')} and ${nodes.length - max} more` : shown.join(', ');
}

/** The rollout part: "4 waves, about 2 min", "OnDelete: …", "stalls: …". */
export function rolloutPhrase(simulation: DaemonSetSimulation): string {
  const plan = simulation.preview.rollout;
  if (plan.strategy === 'OnDelete') return 'OnDelete (pods are replaced only when someone deletes them)';
  if (plan.stall) return `stalls with ${plan.stall.nodes.length} node${plan.stall.nodes.length === 1 ? '' : 's'} never updated`;
  const waves = plan.waves?.length ?? 0;
  const duration = plan.estimatedSeconds === null ? '' : `, ${formatDuration(plan.estimatedSeconds)}`;
  return `${waves} wave${waves === 1 ? '' : 's'}${duration}`;
}

/** The summary line (without the DaemonSet's name). */
export function summaryLine(simulation: DaemonSetSimulation, clusterLabel: string): string {
  const { counts } = simulation;
  const nodes: readonly NodeResult[] = simulation.preview.nodes;
  const total = nodes.length;
  const pending = nodes.filter((node) => node.placement === 'pending');
  const skipped = nodes.filter((node) => node.placement === 'skipped');
  const parts = [`runs on ${counts.runs} of ${total} node${total === 1 ? '' : 's'} (${clusterLabel})`];
  if (pending.length > 0) parts.push(`${pending.length} pending on ${withReasons(simulation, pending)}`);
  if (skipped.length > 0) parts.push(`${skipped.length} skipped: ${withReasons(simulation, skipped)}`);
  parts.push(`rollout: ${rolloutPhrase(simulation)}`);
  return parts.join('; ');
}

/**
 * Markdown: the summary, the fleet overhead ("Reserves 1.6 CPU and 3.2 GiB across 32 nodes — 0.6%
 * of their CPU"), then each node that does not run the pod with the engine's sentence, and a stall.
 */
export function daemonSetSummary(title: string, simulation: DaemonSetSimulation, clusterLabel: string): string {
  const sections = [`**${title}** — ${summaryLine(simulation, clusterLabel)}`];
  const overhead = describeOverhead(simulation.preview.overhead);
  sections.push(`${overhead.charAt(0).toUpperCase()}${overhead.slice(1)}.`);
  const notRunning = simulation.preview.nodes.filter((node) => node.placement !== 'runs');
  if (notRunning.length > 0) {
    const rows = notRunning.slice(0, 12).map((node) => `- \`${node.node}\` ${node.placement}: ${node.detail || node.reason}`);
    if (notRunning.length > 12) rows.push(`- … and ${notRunning.length - 12} more`);
    sections.push(rows.join('\n'));
  }
  const stall = simulation.preview.rollout.stall;
  if (stall) sections.push(`Rollout stalls: ${stall.reason} (never updated: ${listNames(stall.nodes, 8)})`);
  return sections.join('\n\n');
}
