import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickNodeFixes } from '../../../../client/src/views/nodeFixes';

const taintDiagnostic = {
  source: 'daemonscope',
  message: 'Skipped on 2 nodes of the embedded cluster: taint node-role.kubernetes.io/control-plane:NoSchedule (cp-1), taint nvidia.com/gpu=present:NoSchedule (gpu-1) are not tolerated. Add tolerations if the pod belongs there.',
};
const actions = [
  { title: 'Add a toleration for node-role.kubernetes.io/control-plane:NoSchedule', diagnostics: [taintDiagnostic] },
  { title: 'Add a toleration for nvidia.com/gpu=present:NoSchedule', diagnostics: [taintDiagnostic] },
  { title: 'Add tolerations for all 2 taints', diagnostics: [taintDiagnostic] },
  { title: 'Rename `maxUnavilable` to `maxUnavailable`', diagnostics: [{ source: 'daemonscope', message: 'Unknown field `maxUnavilable`' }] },
];

test("a node's taint key in the title picks that fix only, even when one diagnostic names several nodes", () => {
  assert.deepEqual(pickNodeFixes(actions, 'gpu-1', ['nvidia.com/gpu']).map((a) => a.title), ['Add a toleration for nvidia.com/gpu=present:NoSchedule']);
  assert.deepEqual(pickNodeFixes(actions, 'cp-1', ['node-role.kubernetes.io/control-plane']).map((a) => a.title), ['Add a toleration for node-role.kubernetes.io/control-plane:NoSchedule']);
});

test('without a title match, fixes of a Daemonscope diagnostic naming the node', () => {
  const fixes = [{ title: 'Lower the memory request', diagnostics: [{ source: 'daemonscope', message: 'Pending on edge-1: requests 512Mi memory' }] }, { title: 'Other', diagnostics: [{ source: 'yaml', message: 'edge-1' }] }];
  assert.deepEqual(pickNodeFixes(fixes, 'edge-1', []).map((a) => a.title), ['Lower the memory request']);
});

test('no fix for the node: none offered', () => {
  assert.deepEqual(pickNodeFixes(actions, 'worker-9', ['dedicated']), []);
  assert.deepEqual(pickNodeFixes(actions, 'worker-9', ['']), []);
});
