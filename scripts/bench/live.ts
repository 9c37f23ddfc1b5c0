/**
 * Bench section "live": loads a generated fake cluster (default 5,000 nodes and 150,000 pods of
 * about 4 KB of JSON each, as real pods with status and managedFields are) through the live
 * source, in a child process so its peak RSS is the loader's alone, and measures what
 * `@kubernetes/client-node` adds to a minified bundle.
 *   npx tsx scripts/bench/live.ts [NODES] [PODS_PER_NODE]
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { startFakeKubeApi, writeKubeconfig } from '../../test/helpers/fakeKubeApi';
import type { BenchSection } from '../bench';

/** What the live section measured. */
export interface LiveBenchResult {
  nodes: number;
  pods: number;
  /** Wall-clock seconds to list and reduce everything (one run; the machine is shared). */
  loadSeconds: number;
  /** CPU seconds the loading process spent (the fake server's own work excluded). */
  cpuSeconds: number;
  /** Peak resident set of the loading process while listing, MB, and its RSS after loading the library only. */
  peakRssMB: number;
  /** Peak resident set once the engine's cluster was also built from the snapshot, MB. */
  peakWithClusterMB: number;
  baselineRssMB: number;
  /** Heap used by the reduced snapshot after a GC, MB. */
  heapAfterMB: number;
  /** Median ms to build the engine's cluster from the snapshot (what each re-simulation after a change costs). */
  buildClusterMs: number;
  /** The live model (live/liveClusterModel.ts): ms to build it in slices, the longest the event loop was blocked meanwhile, the first cluster() after it. */
  modelBuildMs: number;
  sliceMaxMs: number;
  firstClusterMs: number;
  /** Median ms to apply one watch event and get the new cluster: a pod moved, a node tainted, a node joined. */
  podEventMs: number;
  nodeEventMs: number;
  nodeJoinMs: number;
  /** `@kubernetes/client-node`'s KubeConfig module bundled and minified, KB, and gzipped. */
  libraryMinKB: number;
  libraryGzipKB: number;
  /** Human-readable lines for the bench report. */
  lines: string[];
}

const root = resolve(process.env.DAEMONSCOPE_REPO_ROOT ?? process.cwd());

// The child: load the library, note RSS, take the snapshot, report.
const loader = `
import { fetchLiveSnapshot } from './server/src/live/liveSource';
import { loadKubeClient } from './server/src/live/kubeconfig';
import { clusterFromSnapshot } from './server/src/live/clusterFromSnapshot';
import { buildLiveClusterModel } from './server/src/live/liveClusterModel';
import { monitorEventLoopDelay } from 'node:perf_hooks';
(async () => {
  await loadKubeClient();
  const baseline = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await fetchLiveSnapshot({ kubeconfig: process.argv[2], context: 'bench', policy: { workspaceTrusted: true, contextChosenByUser: true }, timeoutSeconds: 120 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  if (!result.ok) { console.error(result.error.message); process.exit(2); }
  const peak = process.resourceUsage().maxRSS * 1024;
  globalThis.gc?.();
  const heap = process.memoryUsage().heapUsed;
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    const built = clusterFromSnapshot(result.value);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (!built.ok) { console.error(built.problems.join('; ')); process.exit(2); }
  }
  times.sort((a, b) => a - b);
  // The live model: built in slices (the longest time the event loop is blocked is what an LSP
  // request may wait), then one watch event at a time applied without a rebuild.
  const snapshot = result.value;
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let t = process.hrtime.bigint();
  const model = await buildLiveClusterModel(snapshot);
  const modelBuildMs = Number(process.hrtime.bigint() - t) / 1e6;
  loop.disable();
  const sliceMaxMs = loop.max / 1e6;
  t = process.hrtime.bigint();
  if (!model.cluster().result.ok) { console.error('model build failed'); process.exit(2); }
  const firstClusterMs = Number(process.hrtime.bigint() - t) / 1e6;
  const eventTimes = (apply) => {
    const out = [];
    for (let i = 0; i < 21; i++) {
      const t0 = process.hrtime.bigint();
      apply(i);
      if (!model.cluster().result.ok) { console.error('event failed'); process.exit(2); }
      out.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return out.sort((a, b) => a - b)[10];
  };
  const podEventMs = eventTimes((i) => {
    const pod = snapshot.pods[i * 7000];
    const moved = { ...pod, spec: { ...pod.spec, nodeName: snapshot.nodes[(i * 13) % snapshot.nodes.length].metadata.name } };
    model.apply('pods', pod.metadata.namespace + '/' + pod.metadata.name, moved);
  });
  const nodeEventMs = eventTimes((i) => {
    const node = snapshot.nodes[i * 200];
    model.apply('nodes', node.metadata.name, { ...node, spec: { ...node.spec, taints: [{ key: 'bench', value: String(i), effect: 'NoSchedule' }] } });
  });
  const nodeJoinMs = eventTimes((i) => {
    const node = snapshot.nodes[0];
    model.apply('nodes', 'joined-' + i, { ...node, metadata: { ...node.metadata, name: 'joined-' + i } });
  });
  console.log(JSON.stringify({ modelBuildMs, sliceMaxMs, firstClusterMs, podEventMs, nodeEventMs, nodeJoinMs, buildMs: times[2], seconds, cpuSeconds, nodes: result.value.nodes.length, pods: result.value.pods.length, baseline, peak, peakWithCluster: process.resourceUsage().maxRSS * 1024, heap }));
})();
`;

/** Runs the live section; `nodes` × `podsPerNode` pods in `nodes / 10` namespaces. */
export async function benchLive(nodes = 5000, podsPerNode = 30): Promise<LiveBenchResult> {
  const outdir = join(root, '.bench');
  mkdirSync(outdir, { recursive: true });
  const loaderFile = join(outdir, 'liveLoad.js');
  await esbuild.build({ stdin: { contents: loader, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: loaderFile, logLevel: 'warning' });

  const library = await esbuild.build({ stdin: { contents: "export * from '@kubernetes/client-node/dist/config.js';", resolveDir: root }, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, write: false, logLevel: 'warning' });
  const libraryBytes = library.outputFiles[0]!.contents;

  const api = await startFakeKubeApi({ generated: { nodes, podsPerNode, namespaces: Math.max(1, Math.round(nodes / 10)) } });
  try {
    const kubeconfig = writeKubeconfig([{ name: 'bench', server: api.url, token: 'good-token' }]);
    const measured = await runChild(loaderFile, kubeconfig);
    const mb = (bytes: number): number => Math.round(bytes / 1048576);
    const result: LiveBenchResult = {
      nodes: measured.nodes,
      pods: measured.pods,
      loadSeconds: Math.round(measured.seconds * 10) / 10,
      cpuSeconds: Math.round(measured.cpuSeconds * 10) / 10,
      peakRssMB: mb(measured.peak),
      peakWithClusterMB: mb(measured.peakWithCluster),
      baselineRssMB: mb(measured.baseline),
      heapAfterMB: mb(measured.heap),
      buildClusterMs: Math.round(measured.buildMs),
      modelBuildMs: Math.round(measured.modelBuildMs),
      sliceMaxMs: Math.round(measured.sliceMaxMs),
      firstClusterMs: Math.round(measured.firstClusterMs),
      podEventMs: Math.round(measured.podEventMs * 100) / 100,
      nodeEventMs: Math.round(measured.nodeEventMs * 100) / 100,
      nodeJoinMs: Math.round(measured.nodeJoinMs * 100) / 100,
      libraryMinKB: Math.round(libraryBytes.length / 1024),
      libraryGzipKB: Math.round(gzipSync(libraryBytes, { level: 9 }).length / 1024),
      lines: [],
    };
    result.lines = [
      `live: ${result.nodes} nodes, ${result.pods} pods listed (pages of 500) and reduced in ${result.loadSeconds} s (${result.cpuSeconds} s CPU in the loader; the fake server shares the machine)`,
      `live: building the engine's cluster from the snapshot takes ${result.buildClusterMs} ms (median of 5); peak RSS then ${result.peakWithClusterMB} MB`,
      `live: the incremental model: built in ${result.modelBuildMs} ms in slices (event loop blocked at most ${result.sliceMaxMs} ms), first cluster ${result.firstClusterMs} ms; then a watch event to a new cluster: pod moved ${result.podEventMs} ms, node tainted ${result.nodeEventMs} ms, node joined ${result.nodeJoinMs} ms (medians of 21)`,
      `live: peak RSS ${result.peakRssMB} MB (${result.baselineRssMB} MB with the library loaded, before listing); reduced snapshot heap ${result.heapAfterMB} MB`,
      `live: @kubernetes/client-node (KubeConfig only) costs ${result.libraryMinKB} KB minified, ${result.libraryGzipKB} KB gzipped`,
    ];
    return result;
  } finally {
    await api.close();
  }
}

function runChild(file: string, kubeconfig: string): Promise<{ modelBuildMs: number; sliceMaxMs: number; firstClusterMs: number; podEventMs: number; nodeEventMs: number; nodeJoinMs: number; buildMs: number; seconds: number; cpuSeconds: number; nodes: number; pods: number; baseline: number; peak: number; peakWithCluster: number; heap: number }> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['--expose-gc', file, kubeconfig], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => (code === 0 ? done(JSON.parse(out)) : failed(new Error(`live bench child exited ${code}: ${err}`))));
  });
}

/** `npm run bench -- live`: one load of the full-size fake cluster (a single run: it takes seconds). */
export const section: BenchSection = {
  name: 'live',
  async run(bench) {
    const result = await benchLive();
    bench.record('load 5,000 nodes and 150,000 pods (list, reduce)', {
      nodes: result.nodes,
      pods: result.pods,
      seconds: result.loadSeconds,
      cpuSeconds: result.cpuSeconds,
      peakRssMB: result.peakRssMB,
      peakWithClusterMB: result.peakWithClusterMB,
      baselineRssMB: result.baselineRssMB,
      snapshotHeapMB: result.heapAfterMB,
      buildClusterMs: result.buildClusterMs,
      modelBuildMs: result.modelBuildMs,
      modelSliceMaxMs: result.sliceMaxMs,
      firstClusterMs: result.firstClusterMs,
      podEventMs: result.podEventMs,
      nodeEventMs: result.nodeEventMs,
      nodeJoinMs: result.nodeJoinMs,
      note: 'one run in a child process; the fake server shares the machine',
    });
    bench.record('@kubernetes/client-node bundle (dist/kubeClient.js)', { minifiedKB: result.libraryMinKB, gzipKB: result.libraryGzipKB, target: '.vsix < 2 MB' });
    for (const line of result.lines) console.error(`# ${line}`);
  },
};

if (process.argv[1]?.endsWith('live.ts')) {
  const [nodes, perNode] = process.argv.slice(2).map(Number);
  benchLive(nodes || undefined, perNode || undefined).then(
    (result) => console.log(result.lines.join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
