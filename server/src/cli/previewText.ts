/**
 * The human-readable `daemonscope preview` output: per DaemonSet a header with counts, a table of
 * nodes (placement, reason, detail wrapped to the width), the rollout waves and an estimate.
 * Colour only when asked (a TTY without NO_COLOR).
 */
import { describeOverhead } from '../engine';
import type { DaemonSetSimulation, IntOrPercent, PreviewResult } from '../engine';

export interface TextOptions {
  color: boolean;
  /** Maximum line width in columns. */
  width: number;
  podStartSeconds: number;
}

/** Colour on a TTY unless NO_COLOR is set to a non-empty value (https://no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

type Paint = (text: string) => string;
const ansi = (code: string): Paint => (text) => `\u001b[${code}m${text}\u001b[0m`;

/** `1 min 45 s`, `2 h 5 min`, `40 s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** Splits text into lines of at most `width` columns at spaces; a word longer than a line is cut. */
export function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  const words = text.split(' ').flatMap((w) => (w.length <= width ? [w] : (w.match(new RegExp(`.{1,${Math.max(1, width)}}`, 'g')) ?? [w])));
  for (const word of words) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Joins names into lines no wider than `width`, each continuation indented by `indent`. */
function wrapList(items: string[], width: number, indent: string): string[] {
  return wrap(items.join(', '), width - indent.length).map((l, i) => (i === 0 ? l : indent + l));
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Renders the whole preview as text, one block per DaemonSet. */
export function formatPreviewText(result: PreviewResult, simulations: DaemonSetSimulation[], options: TextOptions): string {
  const c = options.color;
  const bold: Paint = c ? ansi('1') : (t) => t;
  const green: Paint = c ? ansi('32') : (t) => t;
  const yellow: Paint = c ? ansi('33') : (t) => t;
  const red: Paint = c ? ansi('31') : (t) => t;
  const dim: Paint = c ? ansi('2') : (t) => t;
  const out: string[] = [];
  const source = result.cluster.source === 'embedded' ? 'the embedded default cluster' : result.cluster.source;
  out.push(`Cluster: ${source} (${plural(result.cluster.nodes, 'node')})`);
  for (const sim of simulations) {
    const ds = sim.preview;
    const { runs, pending, skipped } = sim.counts;
    out.push('');
    out.push(`${bold(ds.name || '(unnamed)')} ${dim(`(${ds.namespace})`)}: runs on ${runs} of ${plural(ds.nodes.length, 'node')}, ${pending} pending, ${skipped} skipped`);
    const nodeWidth = Math.max(4, ...ds.nodes.map((n) => n.node.length));
    const reasonWidth = Math.max(6, ...ds.nodes.map((n) => (n.reason ?? '').length));
    const detailColumn = 2 + nodeWidth + 2 + 9 + 2 + reasonWidth + 2;
    const detailWidth = options.width - detailColumn;
    out.push(dim(`  ${'NODE'.padEnd(nodeWidth)}  ${'PLACEMENT'}  ${'REASON'.padEnd(reasonWidth)}  DETAIL`));
    for (const n of ds.nodes) {
      const paint = n.placement === 'runs' ? green : n.placement === 'pending' ? yellow : dim;
      const prefix = `  ${n.node.padEnd(nodeWidth)}  ${paint(n.placement.padEnd(9))}  ${(n.reason ?? '').padEnd(reasonWidth)}  `;
      const detail = n.detail;
      if (detailWidth >= 30) {
        const lines = detail ? wrap(detail, detailWidth) : [''];
        out.push((prefix + lines[0]).trimEnd());
        for (const line of lines.slice(1)) out.push(' '.repeat(detailColumn) + line);
      } else {
        out.push(prefix.trimEnd());
        if (detail) for (const line of wrap(detail, options.width - 6)) out.push(`      ${line}`);
      }
    }
    out.push(...wrap(`${bold('Overhead')}: ${describeOverhead(ds.overhead)}`, options.width - 2 + (c ? 8 : 0)).map((line) => `  ${line}`));
    out.push(...formatRollout(sim, options, { bold, red, yellow, dim }));
    for (const finding of sim.findings) {
      if (finding.code === 'rollout.stall' || finding.code === 'placement.no-nodes') continue;
      const paint = finding.severity === 'error' ? red : yellow;
      for (const [i, line] of wrap(`${finding.severity}: ${finding.message}`, options.width - 4).entries()) out.push(`  ${i === 0 ? paint('! ') : '  '}${line}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function formatRollout(sim: DaemonSetSimulation, options: TextOptions, paint: { bold: Paint; red: Paint; yellow: Paint; dim: Paint }): string[] {
  const out: string[] = [];
  const rollout = sim.preview.rollout;
  const minReady = sim.model.minReadySeconds;
  if (rollout.strategy === 'OnDelete') {
    out.push(`  ${paint.bold('Rollout')}: OnDelete — a node gets the new template only when someone deletes its pod; no waves.`);
    return out;
  }
  const desired = sim.counts.runs + sim.counts.pending;
  const explain = (value: IntOrPercent, resolved: number): string => (value.percent ? ` (${value.value}% of ${desired}, rounded up)` : resolved !== value.value ? ' (the controller\'s fallback)' : '');
  out.push(
    `  ${paint.bold('Rollout')}: RollingUpdate, maxUnavailable ${rollout.maxUnavailable}${explain(sim.model.maxUnavailable, rollout.maxUnavailable)}, ` +
      `maxSurge ${rollout.maxSurge}${explain(sim.model.maxSurge, rollout.maxSurge)}${minReady ? `, minReadySeconds ${minReady}` : ''}`,
  );
  const waves = rollout.waves ?? [];
  if (waves.length === 0 && !rollout.stall) {
    out.push('    no node should run the pod, so there is nothing to roll');
    return out;
  }
  const pending = new Set(sim.preview.nodes.filter((n) => n.placement === 'pending').map((n) => n.node));
  const label = (i: number): string => `    wave ${String(i + 1).padStart(String(waves.length).length)}  `;
  const shown = waves.length > 12 ? [...waves.slice(0, 10).map((w, i) => [w, i] as const), ...[[waves[waves.length - 1]!, waves.length - 1] as const]] : waves.map((w, i) => [w, i] as const);
  for (const [k, [wave, i]] of shown.entries()) {
    if (waves.length > 12 && k === 10) out.push(paint.dim(`    … ${waves.length - 11} more waves …`));
    const names = wave.map((n) => (pending.has(n) ? `${n} (pending)` : n));
    const prefix = label(i);
    const lines = wrapList(names, options.width - prefix.length, '');
    out.push(prefix + lines[0]);
    for (const line of lines.slice(1)) out.push(' '.repeat(prefix.length) + line);
  }
  if (rollout.stall) {
    const indent = '    ';
    out.push(`  ${paint.red('Stall')}: ${plural(rollout.stall.nodes.length, 'node')} never updated: ${rollout.stall.nodes.length <= 8 ? rollout.stall.nodes.join(', ') : `${rollout.stall.nodes.slice(0, 8).join(', ')}, …`}`);
    for (const line of wrap(rollout.stall.reason, options.width - indent.length)) out.push(indent + line);
  } else if (rollout.estimatedSeconds !== null) {
    const timed = rollout.estimatedSeconds / Math.max(1, options.podStartSeconds + minReady);
    const perWave = `${options.podStartSeconds} s pod start${minReady ? ` + ${minReady} s minReadySeconds` : ''}`;
    if (rollout.maxSurge === 0 && pending.size > 0 && waves.length > 1) {
      const stuck = [...pending];
      const who = stuck.length <= 3 ? stuck.join(', ') : `${stuck.slice(0, 3).join(', ')} and ${stuck.length - 3} more`;
      const note = `${who} ${stuck.length === 1 ? 'stays' : 'stay'} Pending, holding ${stuck.length} of the ${rollout.maxUnavailable} unavailable slots; later waves take ${plural(rollout.maxUnavailable - stuck.length, 'node')} each.`;
      for (const line of wrap(note, options.width - 4)) out.push(`    ${paint.yellow(line)}`);
    }
    // Only pending nodes to replace: their new pods stay Pending too, so there is nothing to wait for.
    const why = Math.round(timed) === 0 && waves.length > 0 ? 'only pending pods are replaced, and their new pods cannot start either' : `${plural(Math.round(timed), 'wave')} × (${perWave})`;
    out.push(`  Estimated: ${formatDuration(rollout.estimatedSeconds)} (${why})`);
  }
  out.push(paint.dim('  Waves list nodes in name order; the controller walks nodes in no fixed order.'));
  return out;
}
