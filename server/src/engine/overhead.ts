/**
 * Fleet overhead (issue #10): what a node agent reserves across the fleet — its effective
 * requests (the scheduler's `PodRequests`, RuntimeClass overhead included) times the nodes that
 * run it — and the share of those nodes' allocatable. Pending pods reserve nothing: the scheduler
 * never bound them, so no node accounts for their requests (NodeResourcesFit sums bound pods only).
 */
import type { FleetOverhead } from '../protocol';
import type { Resources } from './types';

/** What the simulation adds up over the nodes that run the pod (cheap: two sums and two counts). */
export interface RunsTotals {
  /** Nodes that run the pod. */
  runs: number;
  /** Sum of their allocatable cpu (millicores) and memory (bytes), over the nodes that report allocatable. */
  allocatableCpu: number;
  allocatableMemory: number;
  /** Nodes that run the pod but report neither allocatable nor capacity. */
  unknownAllocatable: number;
}

/**
 * The preview's `overhead`: requests × nodes that run the pod, as decimal strings (millicores,
 * bytes), and the allocatable of those nodes — left out when one of them reports none, since a
 * share would then be wrong.
 */
export function fleetOverhead(requests: Resources, totals: RunsTotals): FleetOverhead {
  const overhead: FleetOverhead = {
    cpu: String(requests.cpu * totals.runs),
    memory: String(requests.memory * totals.runs),
    nodes: totals.runs,
  };
  if (totals.unknownAllocatable === 0) overhead.allocatable = { cpu: String(totals.allocatableCpu), memory: String(totals.allocatableMemory) };
  return overhead;
}

/** Shares (0..1) of the nodes' allocatable cpu and memory; null where unknown or the nodes have none. */
export function overheadShare(overhead: FleetOverhead): { cpu: number | null; memory: number | null } {
  const ratio = (used: string, of: string | undefined): number | null => {
    const total = Number(of);
    return of === undefined || !(total > 0) ? null : Number(used) / total;
  };
  return { cpu: ratio(overhead.cpu, overhead.allocatable?.cpu), memory: ratio(overhead.memory, overhead.allocatable?.memory) };
}

/** Millicores for people: `250m CPU`, `1.6 CPU`, `12 CPU`. */
export function formatCpuTotal(milli: number): string {
  if (milli < 1000) return `${milli}m CPU`;
  return `${Math.round(milli / 100) / 10} CPU`;
}

const byteUnits: [string, number][] = [['TiB', 2 ** 40], ['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]];

/** Bytes for people, one decimal at most: `3.2 GiB`, `640 MiB`, `512 B`. */
export function formatMemoryTotal(bytes: number): string {
  for (const [unit, size] of byteUnits) if (bytes >= size) return `${Math.round((bytes * 10) / size) / 10} ${unit}`;
  return `${bytes} B`;
}

/** A share for people: `0%`, `<0.1%`, `0.6%`, `12%`. */
export function formatShare(share: number): string {
  const percent = share * 100;
  if (percent === 0) return '0%';
  if (percent < 0.1) return '<0.1%';
  return percent < 10 ? `${Math.round(percent * 10) / 10}%` : `${Math.round(percent)}%`;
}

/** For a CodeLens: "reserves 700m CPU, 1.4 GiB (1.9% of CPU)"; '' when it reserves nothing. */
export function describeOverheadShort(overhead: FleetOverhead): string {
  const cpu = Number(overhead.cpu);
  const memory = Number(overhead.memory);
  if (overhead.nodes === 0 || (cpu === 0 && memory === 0)) return '';
  const amounts = [cpu > 0 ? formatCpuTotal(cpu) : '', memory > 0 ? formatMemoryTotal(memory) : ''].filter((a) => a !== '');
  const share = overheadShare(overhead).cpu;
  return `reserves ${amounts.join(', ')}${cpu > 0 && share !== null ? ` (${formatShare(share)} of CPU)` : ''}`;
}

/**
 * One phrase: "reserves 1.6 CPU and 3.2 GiB across 32 nodes — 0.6% of their CPU, 1.1% of their
 * memory"; "reserves nothing: it runs on no node"; "reserves no CPU or memory: it requests none".
 */
export function describeOverhead(overhead: FleetOverhead): string {
  const cpu = Number(overhead.cpu);
  const memory = Number(overhead.memory);
  const nodes = `${overhead.nodes} node${overhead.nodes === 1 ? '' : 's'}`;
  if (overhead.nodes === 0) return 'reserves nothing: it runs on no node';
  if (cpu === 0 && memory === 0) return `reserves no CPU or memory across ${nodes}: it requests none`;
  const amounts = [cpu > 0 ? formatCpuTotal(cpu) : '', memory > 0 ? formatMemoryTotal(memory) : ''].filter((a) => a !== '');
  const share = overheadShare(overhead);
  const shares = [
    cpu > 0 && share.cpu !== null ? `${formatShare(share.cpu)} of their CPU` : '',
    memory > 0 && share.memory !== null ? `${formatShare(share.memory)} of their memory` : '',
  ].filter((s) => s !== '');
  return `reserves ${amounts.join(' and ')} across ${nodes}${shares.length > 0 ? ` — ${shares.join(', ')}` : ''}`;
}
