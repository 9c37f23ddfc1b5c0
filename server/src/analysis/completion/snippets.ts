/**
 * Snippet text for completion (LSP snippet syntax: `$1`, `${1:default}`, `${1|a,b|}`): the
 * structure inserted with an object or list key, curated bodies for the types people write most,
 * and the DaemonSet skeleton for an empty document. Continuation lines are indented relative to
 * the cursor line's own indentation, as editors re-indent snippet lines to it.
 */
import type { JsonSchema } from '../schemaTypes';
import { schemaAt, type SchemaNode } from '../schema';
import type { PathSegment } from '../schemaTypes';

/** Escapes text so a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A choice placeholder `${n|a,b|}` (commas, pipes and backslashes escaped). */
export function choice(index: number, values: readonly string[]): string {
  return `\${${index}|${values.map((v) => v.replace(/[\\,|$}]/g, (c) => `\\${c}`)).join(',')}|}`;
}

// Bodies written as the children of the key (2 spaces per level); sequences inside use `- `.
// Keyed by definition; chosen for the DaemonSet fields people write by hand most often.
const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const nodeOperators = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];
const curated: Record<string, string> = {
  'io.k8s.api.core.v1.Toleration': `key: $1\noperator: ${choice(2, ['Exists', 'Equal'])}\neffect: ${choice(3, taintEffects)}`,
  'io.k8s.api.core.v1.NodeSelectorRequirement': `key: $1\noperator: ${choice(2, nodeOperators)}\nvalues:\n  - $3`,
  'io.k8s.api.core.v1.NodeSelectorTerm': `matchExpressions:\n  - key: $1\n    operator: ${choice(2, nodeOperators)}\n    values:\n      - $3`,
  'io.k8s.api.core.v1.Affinity': `nodeAffinity:\n  requiredDuringSchedulingIgnoredDuringExecution:\n    nodeSelectorTerms:\n      - matchExpressions:\n          - key: $1\n            operator: ${choice(2, nodeOperators)}\n            values:\n              - $3`,
  'io.k8s.api.core.v1.NodeAffinity': `requiredDuringSchedulingIgnoredDuringExecution:\n  nodeSelectorTerms:\n    - matchExpressions:\n        - key: $1\n          operator: ${choice(2, nodeOperators)}\n          values:\n            - $3`,
  'io.k8s.api.core.v1.Container': 'name: $1\nimage: $2\nresources:\n  requests:\n    cpu: ${3:50m}\n    memory: ${4:64Mi}\n  limits:\n    memory: ${5:128Mi}',
  'io.k8s.api.core.v1.ResourceRequirements': 'requests:\n  cpu: ${1:50m}\n  memory: ${2:64Mi}\nlimits:\n  memory: ${3:128Mi}',
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy': `type: ${choice(1, ['RollingUpdate', 'OnDelete'])}\nrollingUpdate:\n  maxUnavailable: \${2:1}`,
  'io.k8s.api.apps.v1.RollingUpdateDaemonSet': 'maxUnavailable: ${1:1}',
  'io.k8s.api.core.v1.ContainerPort': `containerPort: $1\nprotocol: ${choice(2, ['TCP', 'UDP', 'SCTP'])}`,
  'io.k8s.api.core.v1.EnvVar': 'name: $1\nvalue: $2',
  'io.k8s.api.core.v1.VolumeMount': 'name: $1\nmountPath: $2',
  'io.k8s.api.core.v1.Volume': 'name: $1\nhostPath:\n  path: $2',
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector': 'matchLabels:\n  $1: $2',
};

/** The curated body for a type, if any. */
export function curatedBody(definition: string | undefined): string | undefined {
  return definition ? curated[definition] : undefined;
}

/** Whether a node is an object with fields (not a map, not a scalar). */
export function isObject(schema: JsonSchema): boolean {
  return schema.properties !== undefined;
}

/** Whether a node is a map (`additionalProperties` schema: labels, nodeSelector, resource lists). */
export function isMap(schema: JsonSchema): boolean {
  return schema.type === 'object' && typeof schema.additionalProperties === 'object';
}

/** The body of a new item of the list at `path` (a curated one, else its required keys); '' if none. */
export function itemBody(path: readonly PathSegment[]): string {
  const item = schemaAt([...path, 0]);
  if (!item) return '';
  const curatedItem = curatedBody(item.definition);
  if (curatedItem) return curatedItem;
  if (!isObject(item.schema)) return '';
  return requiredKeys(item).map((key, i) => `${key}: $${i + 1}`).join('\n');
}

function requiredKeys(node: SchemaNode): string[] {
  return [...(node.schema.required ?? [])].sort();
}

/** The body of the object at `path` (curated), else ''. */
export function objectBody(node: SchemaNode): string {
  return curatedBody(node.definition) ?? '';
}

/** Indents every line of `body` after the first by `pad` spaces (the first goes after the key or dash). */
export function indentBody(body: string, pad: number): string {
  const spaces = ' '.repeat(Math.max(0, pad));
  return body.split('\n').map((line, i) => (i === 0 ? line : `\n${spaces}${line}`)).join('');
}

/**
 * The snippet a DaemonSet skeleton inserts: apps/v1, matching selector and labels, a priority
 * class, a container with requests and a memory limit, RollingUpdate. It passes every rule.
 */
export const daemonSetSkeleton = [
  'apiVersion: apps/v1',
  'kind: DaemonSet',
  'metadata:',
  '  name: ${1:node-agent}',
  '  namespace: ${2:default}',
  '  labels:',
  '    app.kubernetes.io/name: ${1}',
  'spec:',
  '  selector:',
  '    matchLabels:',
  '      app.kubernetes.io/name: ${1}',
  '  updateStrategy:',
  '    type: RollingUpdate',
  '    rollingUpdate:',
  '      maxUnavailable: ${3:1}',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app.kubernetes.io/name: ${1}',
  '    spec:',
  '      priorityClassName: ${8|system-node-critical,system-cluster-critical|}',
  '      containers:',
  '        - name: ${1}',
  '          image: ${4:registry.example.com/node-agent:1.0.0}',
  '          resources:',
  '            requests:',
  '              cpu: ${5:50m}',
  '              memory: ${6:64Mi}',
  '            limits:',
  '              memory: ${7:128Mi}',
  '$0',
].join('\n');
