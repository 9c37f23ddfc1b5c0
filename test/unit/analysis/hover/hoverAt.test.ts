import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText, type FileAnalysis } from '../../../../server/src/analysis/analyse';
import { hoverAt } from '../../../../server/src/analysis/hover';
import { defaultSettings } from '../../../../server/src/protocol';
import { testValidator, validDaemonSet } from '../../../helpers/analysis';
import type { ClusterContext } from '../../../../server/src/analysis/clusterContext';
import { clusterContext, inlineCluster } from '../../../helpers/cluster';
import { offsetOf } from '../../../helpers/text';

function analysed(text: string, cluster: ClusterContext | null = clusterContext()): FileAnalysis {
  return analyseText(text, { options: defaultSettings, validator: testValidator(), ...(cluster ? { cluster } : {}) });
}

/** Hover on the first character of the `occurrence`-th `needle`: its Markdown and the text it covers. */
function hover(text: string, needle: string, analysis = analysed(text), occurrence = 0): { contents: string; covers: string } | undefined {
  const result = hoverAt(analysis, offsetOf(text, needle, occurrence));
  return result && { contents: result.contents, covers: text.slice(result.span.start, result.span.end) };
}

// A node agent restricted to Linux with no tolerations, on the embedded cluster (clusters/).
const agent = validDaemonSet
  .replace('maxUnavailable: 1', 'maxUnavailable: 25%')
  .replace('      tolerations:\n        - key: node-role.kubernetes.io/control-plane\n          operator: Exists\n          effect: NoSchedule\n', '      nodeSelector:\n        kubernetes.io/os: linux\n      tolerations:\n        - key: nvidia.com/gpu\n          operator: Exists\n')
  .replace('memory: 64Mi', 'memory: 512Mi');

describe('hover on the DaemonSet', () => {
  test('kind and name summarise the simulation: runs, pending with the resource, skipped with the reason, rollout', () => {
    const onKind = hover(agent, 'kind')!;
    assert.equal(onKind.covers, 'kind');
    assert.match(
      onKind.contents,
      /^\*\*DaemonSet monitoring\/agent\*\* — runs on 6 of 10 nodes \(the embedded cluster\); 2 pending on edge-1 \(memory\), worker-c-1 \(pod slots\); 2 skipped: cp-1 \(taint\), win-1 \(nodeSelector\); rollout: stalls with 6 nodes never updated/,
    );
    assert.match(onKind.contents, /- `edge-1` pending: requests 512Mi memory/);
    // Fleet overhead (issue #10): the 6 nodes that run it; pending pods reserve nothing.
    assert.match(onKind.contents, /\n\nReserves 300m CPU and 3 GiB across 6 nodes — [0-9.]+% of their CPU, [0-9.]+% of their memory\.\n/);
    assert.match(onKind.contents, /Rollout stalls: /);
    assert.match(onKind.contents, /\[DaemonSet reference\]\(https:\/\/kubernetes\.io\/docs\/reference\/kubernetes-api\/workload-resources\/daemon-set-v1\/#DaemonSet\)/);
    const onName = hover(agent, 'agent\n  namespace')!;
    assert.equal(onName.covers, 'agent');
    assert.match(onName.contents, /^\*\*DaemonSet monitoring\/agent\*\* — runs on 6 of 10 nodes/);
  });

  test('a held host port shows as the pending reason', () => {
    const text = validDaemonSet.replace('containerPort: 9100', 'containerPort: 9100\n              hostPort: 9100');
    assert.match(hover(text, 'kind')!.contents, /pending on worker-a-2 \(hostPort 9100\)/);
  });

  test('waves and duration when the rollout finishes', () => {
    // The pending node (worker-c-1, pod slots full) holds one unit of budget, so 3 leaves 2 per wave.
    const text = validDaemonSet.replace('maxUnavailable: 1', 'maxUnavailable: 3');
    assert.match(hover(text, 'kind')!.contents, /rollout: 4 waves, about 40 s/);
  });
});

describe('hover on scheduling constraints', () => {
  test('a nodeSelector entry: which nodes match it', () => {
    const result = hover(agent, 'kubernetes.io/os: linux')!;
    assert.equal(result.covers, 'kubernetes.io/os');
    assert.match(result.contents, /^`kubernetes\.io\/os=linux` matches 9 of 10 nodes: arm-1, cp-1, edge-1, gpu-1, worker-a-1, worker-a-2, worker-b-1, worker-b-2 and worker-c-1 \(the embedded cluster\)/);
    assert.match(hover(agent, 'linux')!.contents, /matches 9 of 10 nodes/);
  });

  test('the nodeSelector key: all entries together, then the key docs', () => {
    const result = hover(agent, 'nodeSelector')!;
    assert.match(result.contents, /^This nodeSelector matches 9 of 10 nodes/);
    assert.match(result.contents, /\*\*nodeSelector\*\* · `map\[string\]string`/);
  });

  test('a toleration: which nodes\' taints it tolerates, or none', () => {
    const result = hover(agent, 'nvidia.com/gpu')!;
    assert.match(result.contents, /^This toleration tolerates taints on 1 of 10 nodes \(the embedded cluster\):\n\n- `gpu-1`: `nvidia\.com\/gpu=present:NoSchedule`/);
    const none = validDaemonSet.replace('key: node-role.kubernetes.io/control-plane', 'key: example.com/none');
    assert.match(hover(none, 'example.com/none')!.contents, /^This toleration tolerates none of the taints in the embedded cluster/);
  });

  test('a node affinity expression: which nodes match, with the engine\'s semantics', () => {
    const text = validDaemonSet.replace(
      '      tolerations:',
      '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - key: kubernetes.io/arch\n                    operator: In\n                    values: [arm64]\n                  - key: ssd\n                    operator: Exists\n                    values: [x]\n      tolerations:',
    );
    assert.match(hover(text, 'kubernetes.io/arch')!.contents, /^`kubernetes\.io\/arch In \[arm64\]` matches 1 of 10 nodes: arm-1 \(the embedded cluster\)/);
    assert.match(hover(text, 'arm64')!.contents, /matches 1 of 10 nodes: arm-1/);
    // component-helpers nodeaffinity: Exists takes no values, so the term matches nothing.
    assert.match(hover(text, 'ssd')!.contents, /^This expression matches no node: Exists takes no values/);
  });
});

describe('hover on the update strategy', () => {
  test('maxUnavailable: the percentage resolved against the nodes that should run the pod, rounded up', () => {
    const text = validDaemonSet.replace('maxUnavailable: 1', 'maxUnavailable: 25%');
    const result = hover(text, 'maxUnavailable')!;
    // validDaemonSet runs on 7 nodes and is pending on 1 of the embedded cluster: 25% of 8 = 2.
    assert.match(result.contents, /^\*\*maxUnavailable: 2\*\* — 25% of 8 nodes = 2 \(the nodes that should run the pod: 7 running, 1 pending\)/);
    const odd = validDaemonSet.replace('maxUnavailable: 1', 'maxUnavailable: 30%');
    assert.match(hover(odd, '30%')!.contents, /30% of 8 nodes = 3, rounded up/);
    assert.match(result.contents, /\*\*maxUnavailable\*\* · `integer \| string` · default `1`/);
  });

  test('maxSurge with maxUnavailable 0, and OnDelete', () => {
    const surge = validDaemonSet.replace('maxUnavailable: 1', 'maxUnavailable: 0\n      maxSurge: 1');
    assert.match(hover(surge, 'maxSurge')!.contents, /^\*\*maxSurge: 1\*\* — 1 \(/);
    const onDelete = validDaemonSet.replace('type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1', 'type: OnDelete');
    assert.match(hover(onDelete, 'OnDelete')!.contents, /^\*\*OnDelete\*\*: template changes reach running pods only when someone deletes them/);
    assert.match(hover(onDelete, 'OnDelete', analysed(onDelete, null))!.contents, /only when someone deletes them/, 'without a cluster too');
  });
});

describe('hover on keys', () => {
  test('any key: description, type, default and the reference of the object holding it', () => {
    const result = hover(validDaemonSet, 'image')!;
    assert.equal(result.covers, 'image');
    assert.match(result.contents, /^\*\*image\*\* · `string`\n\nContainer image name\./);
    assert.match(result.contents, /\[Container reference\]\(https:\/\/kubernetes\.io\/docs\/reference\/kubernetes-api\/workload-resources\/pod-v1\/#Container\)$/);
  });

  test('pod-level resources: beta and on by default since 1.34, although the 1.35 API text says alpha', () => {
    const text = validDaemonSet.replace('      containers:', '      resources:\n        requests:\n          cpu: 100m\n      containers:');
    const result = hover(text, 'resources')!;
    assert.match(result.contents, /Beta, on by default since Kubernetes 1\.34/);
    assert.doesNotMatch(result.contents, /This is an alpha field/);
    assert.doesNotMatch(hover(text, 'resources', undefined, 1)!.contents, /Beta, on by default/, 'container resources are not pod-level');
  });

  test('nothing on values without a story, outside DaemonSets, or between nodes', () => {
    assert.equal(hover(validDaemonSet, 'example/agent'), undefined);
    const text = `apiVersion: v1\nkind: ConfigMap\n---\n${validDaemonSet}`;
    assert.equal(hover(text, 'ConfigMap'), undefined);
    assert.ok(hover(text, 'DaemonSet'));
  });

  test('no cluster: key docs still work, summaries are left out', () => {
    const analysis = analysed(validDaemonSet, null);
    assert.match(hover(validDaemonSet, 'kind', analysis)!.contents, /^\*\*kind\*\* · `string`/);
    assert.equal(hover(validDaemonSet, 'agent\n  namespace', analysis), undefined);
  });

  test('a document with a syntax error still has key docs', () => {
    const broken = validDaemonSet.replace('    type: RollingUpdate', '    type: [RollingUpdate');
    const analysis = analysed(broken);
    assert.equal(analysis.daemonSets[0]?.value, undefined);
    assert.match(hover(broken, 'selector', analysis)?.contents ?? '', /^\*\*selector\*\* · `LabelSelector` · required/);
  });
});

test('an inline cluster is named by its label', () => {
  const cluster = clusterContext(inlineCluster('apiVersion: v1\nkind: NodeList\nitems:\n  - metadata: {name: only, labels: {kubernetes.io/os: linux}}\n'), 'cluster file nodes.yaml');
  assert.match(hover(validDaemonSet, 'kind', analysed(validDaemonSet, cluster))!.contents, /runs on 1 of 1 node \(cluster file nodes\.yaml\)/);
});
