/**
 * The client words fleet overhead exactly as the engine does (issue #10): it cannot import the
 * engine (STYLE.md: the client imports protocol.ts only), so this keeps the two copies equal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeOverhead, shortOverhead } from '../../../../client/src/views/overheadText';
import { describeLens } from '../../../../client/src/views/summary';
import { loadPreview } from './fixtures';
import { describeOverhead as engineDescribe } from '../../../../server/src/engine';
import type { FleetOverhead } from '../../../../server/src/protocol';

const overheadArb: fc.Arbitrary<FleetOverhead> = fc
  .record({
    perPodCpu: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4000 })),
    perPodMemory: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 ** 34 })),
    nodes: fc.integer({ min: 0, max: 5000 }),
    nodeCpu: fc.integer({ min: 0, max: 128_000 }),
    nodeMemory: fc.integer({ min: 0, max: 2 ** 40 }),
    known: fc.boolean(),
  })
  .map(({ perPodCpu, perPodMemory, nodes, nodeCpu, nodeMemory, known }) => ({
    cpu: String(perPodCpu * nodes),
    memory: String(perPodMemory * nodes),
    nodes,
    ...(known ? { allocatable: { cpu: String(nodeCpu * nodes), memory: String(nodeMemory * nodes) } } : {}),
  }));

test('describeOverhead: the same sentence as the engine for any overhead', () => {
  fc.assert(fc.property(overheadArb, (o) => describeOverhead(o) === engineDescribe(o)), { numRuns: 500 });
});

test('shortOverhead for the CodeLens: amounts and the CPU share; nothing when it reserves nothing or is unknown', () => {
  assert.equal(shortOverhead({ cpu: '700', memory: '1468006400', nodes: 7, allocatable: { cpu: '37370', memory: '160559865856' } }), 'reserves 700m CPU, 1.4 GiB (1.9% of CPU)');
  assert.equal(shortOverhead({ cpu: '1600', memory: '0', nodes: 32 }), 'reserves 1.6 CPU');
  assert.equal(shortOverhead({ cpu: '0', memory: '0', nodes: 3 }), '');
  assert.equal(shortOverhead({ cpu: '0', memory: '0', nodes: 0 }), '');
  assert.equal(shortOverhead(undefined), '');
});

test('the CodeLens ends with the overhead when the server sent one', () => {
  const [fluentd] = loadPreview('two-daemonsets').daemonsets;
  fluentd!.overhead = { cpu: '700', memory: '1468006400', nodes: 7, allocatable: { cpu: '37370', memory: '160559865856' } };
  assert.equal(describeLens(fluentd!), 'runs on 7/10 nodes · 1 pending · rollout 4 waves, ~2 min · reserves 700m CPU, 1.4 GiB (1.9% of CPU)');
});
