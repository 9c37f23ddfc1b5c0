/**
 * Wording of the live cluster status ("context prod-eu · 120 nodes · 12 s ago") for the status
 * bar and the views. Pure (no `vscode` import), so it is unit-tested without an editor.
 */
import type { ClusterInfo, KubeContextItem, LiveStatus } from '../../server/src/protocol';
import { describeCluster } from './views/summary';

/** "just now", "12 s ago", "3 min ago", "2 h ago"; `ms` is the age in milliseconds (negative = now). */
export function formatAge(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 2) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

/** Status bar text, tooltip and whether to show it in warning colour; null when the source is off. */
export interface LiveStatusText {
  text: string;
  tooltip: string;
  warning: boolean;
}

/** Describes `status` at time `now` (ms since the epoch). */
export function describeLiveStatus(status: LiveStatus, now: number): LiveStatusText | null {
  if (status.state === 'off' || status.context === '') return null;
  const nodes = `${status.nodes} node${status.nodes === 1 ? '' : 's'}`;
  const age = status.fetchedAt === null ? '' : ` · ${formatAge(now - status.fetchedAt)}`;
  const base = `context ${status.context}`;
  switch (status.state) {
    case 'connecting':
      return { text: `$(sync~spin) ${base} · connecting…`, tooltip: `Daemonscope is reading the cluster of context ${status.context} (read-only).`, warning: false };
    case 'live':
      return { text: `$(cloud) ${base} · ${nodes}${age}`, tooltip: `Live cluster (read-only, watched): ${nodes}, ${status.pods} running pods. Click to read it again.`, warning: false };
    case 'reconnecting':
      return { text: `$(warning) ${base} · ${nodes}${age}`, tooltip: `Lost the watch on context ${status.context}; retrying. ${status.message ?? ''} Showing the last snapshot. Click to read it again.`.trim(), warning: true };
    case 'error':
      return status.fetchedAt === null
        ? { text: `$(error) ${base} · unavailable`, tooltip: `${status.message ?? 'The live cluster is unavailable.'} Using the cluster file or the embedded cluster instead. Click to try again.`, warning: true }
        : { text: `$(warning) ${base} · ${nodes}${age}`, tooltip: `${status.message ?? 'Reading the cluster again failed.'} Showing the last snapshot. Click to try again.`, warning: true };
  }
}

/** A quick-pick row for one context: the current one marked. */
export function describeContextItem(context: KubeContextItem, following: string): { label: string; description: string; detail?: string } {
  const marks = [context.current ? 'current' : '', context.name === following ? 'in use' : ''].filter(Boolean).join(', ');
  return {
    label: context.name,
    description: [context.cluster, context.namespace ? `namespace ${context.namespace}` : ''].filter(Boolean).join(' · '),
    ...(marks ? { detail: marks } : {}),
  };
}

/**
 * The views' cluster line: `describeCluster`, plus the snapshot's age at `now` (ms since the
 * epoch) when the preview was computed on the live context being followed ("context prod-eu · 120
 * nodes · 12 s ago"), and "reconnecting" while the watch is lost. Other sources are unchanged.
 */
export function describeViewCluster(cluster: ClusterInfo, live: LiveStatus, now: number): string {
  const base = describeCluster(cluster);
  if (live.state === 'off' || live.fetchedAt === null || cluster.source !== `context ${live.context}`) return base;
  const age = formatAge(now - live.fetchedAt);
  return live.state === 'live' ? `${base} · ${age}` : `${base} · ${age} (${live.state === 'reconnecting' ? 'reconnecting' : 'last snapshot'})`;
}
