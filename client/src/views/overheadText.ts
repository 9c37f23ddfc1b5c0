/**
 * Fleet overhead as the CodeLens and the panel word it (issue #10), from the server's
 * `overhead` ("reserves 1.6 CPU and 3.2 GiB across 32 nodes — 0.6% of their CPU"). Pure; the
 * same wording as the engine's `describeOverhead` (a test keeps them equal), since the client
 * imports nothing of the server but protocol.ts. Only formats what the server computed.
 */
import type { FleetOverhead } from '../../../server/src/protocol';

function cpuText(milli: number): string {
  return milli < 1000 ? `${milli}m CPU` : `${Math.round(milli / 100) / 10} CPU`;
}

const byteUnits: [string, number][] = [['TiB', 2 ** 40], ['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]];

function memoryText(bytes: number): string {
  for (const [unit, size] of byteUnits) if (bytes >= size) return `${Math.round((bytes * 10) / size) / 10} ${unit}`;
  return `${bytes} B`;
}

function shareText(used: number, of: string | undefined): string | null {
  const total = Number(of);
  if (of === undefined || !(total > 0)) return null;
  const percent = (used / total) * 100;
  if (percent === 0) return '0%';
  if (percent < 0.1) return '<0.1%';
  return percent < 10 ? `${Math.round(percent * 10) / 10}%` : `${Math.round(percent)}%`;
}

/** "reserves 700m CPU and 1.4 GiB across 7 nodes — 1.9% of their CPU, 0.9% of their memory". */
export function describeOverhead(overhead: FleetOverhead): string {
  const cpu = Number(overhead.cpu);
  const memory = Number(overhead.memory);
  const nodes = `${overhead.nodes} node${overhead.nodes === 1 ? '' : 's'}`;
  if (overhead.nodes === 0) return 'reserves nothing: it runs on no node';
  if (cpu === 0 && memory === 0) return `reserves no CPU or memory across ${nodes}: it requests none`;
  const amounts = [cpu > 0 ? cpuText(cpu) : '', memory > 0 ? memoryText(memory) : ''].filter((a) => a !== '');
  const cpuShare = cpu > 0 ? shareText(cpu, overhead.allocatable?.cpu) : null;
  const memoryShare = memory > 0 ? shareText(memory, overhead.allocatable?.memory) : null;
  const shares = [cpuShare === null ? '' : `${cpuShare} of their CPU`, memoryShare === null ? '' : `${memoryShare} of their memory`].filter((s) => s !== '');
  return `reserves ${amounts.join(' and ')} across ${nodes}${shares.length > 0 ? ` — ${shares.join(', ')}` : ''}`;
}

/** For the CodeLens: "reserves 700m CPU, 1.4 GiB (1.9% of CPU)"; "" when it reserves nothing. */
export function shortOverhead(overhead: FleetOverhead | undefined): string {
  if (overhead === undefined || overhead.nodes === 0) return '';
  const cpu = Number(overhead.cpu);
  const memory = Number(overhead.memory);
  if (cpu === 0 && memory === 0) return '';
  const amounts = [cpu > 0 ? cpuText(cpu) : '', memory > 0 ? memoryText(memory) : ''].filter((a) => a !== '');
  const share = cpu > 0 ? shareText(cpu, overhead.allocatable?.cpu) : null;
  return `reserves ${amounts.join(', ')}${share === null ? '' : ` (${share} of CPU)`}`;
}
