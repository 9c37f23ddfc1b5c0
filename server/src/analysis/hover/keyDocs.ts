/**
 * What the bundled schema says about a key, as Markdown for hover and completion: the official
 * description, the type, the default, and a link to the kubernetes.io API reference of the
 * object that holds the key.
 */
import { schemaAt, type SchemaNode } from '../schema';
import type { PathSegment } from '../schemaTypes';

/** Everything shown about one key. */
export interface KeyDoc {
  name: string;
  /** `string`, `integer | string`, `[]Toleration`, `map[string]string`, `DaemonSetSpec`... */
  type: string;
  required: boolean;
  deprecated: boolean;
  /** The default as the API states it (schema default or the description's "Defaults to ..."). */
  default: string | undefined;
  description: string | undefined;
  /** The kubernetes.io reference page (with anchor) of the object that holds the key. */
  reference: { title: string; url: string } | undefined;
}

const referenceBase = 'https://kubernetes.io/docs/reference/kubernetes-api/';

// Pages of the API reference (kubernetes/website content/en/docs/reference/kubernetes-api/),
// by the definition that owns them; nested types are described on their owner's page under an
// anchor named after the type (`#RollingUpdateDaemonSet`, `#Toleration`).
const pages: Record<string, string> = {
  'io.k8s.api.apps.v1.DaemonSet': 'workload-resources/daemon-set-v1/',
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': 'common-definitions/object-meta/',
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector': 'common-definitions/label-selector/',
  'io.k8s.api.core.v1.PodTemplateSpec': 'workload-resources/pod-template-v1/',
  'io.k8s.api.core.v1.PodSpec': 'workload-resources/pod-v1/',
  'io.k8s.api.core.v1.Volume': 'config-and-storage-resources/volume/',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'common-definitions/quantity/',
};

/** The last dotted part of a definition name: `io.k8s.api.core.v1.Toleration` → `Toleration`. */
export function shortName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

/** A readable type for a schema node. */
export function typeLabel(node: SchemaNode): string {
  const { schema, definition } = node;
  if (definition?.endsWith('.Quantity')) return 'quantity (string or number)';
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (schema.type === 'array') {
    return `[]${schema.items ? itemLabel(schema.items.allOf?.[0]?.$ref ?? schema.items.$ref, schema.items.type) : 'any'}`;
  }
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') {
    const value = schema.additionalProperties;
    return `map[string]${itemLabel(value.allOf?.[0]?.$ref ?? value.$ref, value.type)}`;
  }
  if (definition && schema.properties) return shortName(definition);
  return typeof schema.type === 'string' ? schema.type : 'any';
}

function itemLabel(ref: string | undefined, type: string | string[] | undefined): string {
  if (ref) {
    const name = shortName(ref);
    return name === 'Quantity' ? 'quantity' : name;
  }
  return Array.isArray(type) ? type.join(' | ') : (type ?? 'any');
}

const defaultSentence = /\bDefaults? (?:to|is|value is) (.*?)(?:\.(?:\s|$)|\s+More info)/;

function defaultOf(node: SchemaNode): string | undefined {
  // The OpenAPI states Go zero values (`0`, `""`, `false`, `{}`) as defaults of fields that are
  // not pointers; they say nothing about API defaulting, so the description's sentence wins.
  const stated = node.default;
  const zero = stated === 0 || stated === '' || stated === false || (typeof stated === 'object' && stated !== null && Object.keys(stated).length === 0);
  if (stated !== undefined && !zero) {
    return typeof stated === 'string' ? stated : JSON.stringify(stated);
  }
  const match = node.description ? defaultSentence.exec(node.description) : null;
  return match ? match[1]!.replace(/^"(.+)"$/, '$1').trim() : undefined;
}

/**
 * The reference page for the object at `containerPath` (the mapping that holds a key): the page of
 * the nearest owning definition, anchored at the container's own type.
 */
export function referenceFor(containerPath: readonly PathSegment[]): KeyDoc['reference'] {
  let page: string | undefined;
  let anchor: string | undefined;
  for (let depth = 0; depth <= containerPath.length; depth++) {
    const definition = schemaAt(containerPath.slice(0, depth))?.definition;
    if (definition === undefined) continue;
    page = pages[definition] ?? page;
    anchor = shortName(definition);
  }
  if (page === undefined || anchor === undefined) return undefined;
  return { title: `${anchor} reference`, url: `${referenceBase}${page}#${anchor}` };
}

/** Sentences of official descriptions that are out of date, replaced where they are shown. */
const corrections: { path: string; stale: RegExp; note: string }[] = [
  {
    // kubernetes/kubernetes pkg/features/kube_features.go PodLevelResources: alpha 1.32,
    // beta and on by default since 1.34; the 1.35 OpenAPI description still says alpha.
    path: 'spec.template.spec.resources',
    stale: /\s*This is an alpha field and requires enabling the PodLevelResources feature gate\.?/,
    note: '**Beta, on by default since Kubernetes 1.34** (feature gate `PodLevelResources`; the 1.35 API description still calls it alpha). Pod-level requests replace the sum of the containers\' cpu, memory and hugepages requests when the scheduler fits the pod.',
  },
];

/** The documentation of the key at `path` (its last segment is the key), or undefined off the schema. */
export function keyDoc(path: readonly PathSegment[]): KeyDoc | undefined {
  const name = path[path.length - 1];
  if (typeof name !== 'string') return undefined;
  const node = schemaAt(path);
  if (node === undefined) return undefined;
  const containerPath = path.slice(0, -1);
  const container = schemaAt(containerPath);
  let description = node.description;
  const dotted = path.filter((segment) => typeof segment === 'string').join('.');
  for (const correction of corrections) {
    if (correction.path === dotted && description) description = `${description.replace(correction.stale, '')}\n\n${correction.note}`;
  }
  return {
    name,
    type: typeLabel(node),
    required: container?.schema.required?.includes(name) ?? false,
    deprecated: /^(?:Deprecated|DEPRECATED)\b/.test(description ?? '') || /\bDeprecated:/.test(description ?? ''),
    default: defaultOf(node),
    description,
    reference: container?.schema.properties?.[name] ? referenceFor(containerPath) : undefined,
  };
}

/** Markdown for a key: name, type, required, default, description, reference link. */
export function formatKeyDoc(doc: KeyDoc): string {
  const head = [`**${doc.name}**`, `\`${doc.type}\``];
  if (doc.required) head.push('required');
  if (doc.default !== undefined) head.push(`default \`${doc.default}\``);
  const parts = [head.join(' · ')];
  if (doc.description) parts.push(doc.description);
  if (doc.reference) parts.push(`[${doc.reference.title}](${doc.reference.url})`);
  return parts.join('\n\n');
}
