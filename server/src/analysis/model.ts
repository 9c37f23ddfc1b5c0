/**
 * The DaemonSet model: one per YAML document whose `kind` is `DaemonSet` (served by apps/v1, or
 * one of the removed versions). Holds the document with its positions and the value the API
 * server would decode from it.
 */
import { isMap, isScalar, type Document } from 'yaml';
import { findPair, nodeSpan } from './locate';
import type { ParsedDocument } from './parse';
import type { Span } from './types';

/** The only API version that serves DaemonSet today. */
export const currentApiVersion = 'apps/v1';

/** API versions that once served DaemonSet and were removed in Kubernetes 1.16. */
export const removedApiVersions: readonly string[] = ['extensions/v1beta1', 'apps/v1beta2'];

/** Plain JSON as decoded from YAML. */
export type JsonObject = Record<string, unknown>;

/** One DaemonSet document of a file. */
export interface DaemonSetModel {
  /** 0-based position of the document in its file. */
  index: number;
  document: Document.Parsed;
  /** The document's range in the file. */
  span: Span;
  /** The `kind: DaemonSet` key: where document-level findings go. */
  anchor: Span;
  /** `apiVersion` as decoded (any type; a scalar's value when the document did not decode), undefined when absent. */
  apiVersion: unknown;
  /**
   * The DaemonSet as the API server decodes it: plain JSON with null-valued fields removed
   * (`null` means absent). Undefined when the document has syntax errors or cannot be expanded
   * (alias limit); `problem` then says why.
   */
  value: JsonObject | undefined;
  /** Why `value` is missing, when it is. */
  problem?: { message: string; span: Span };
  /** `metadata.name` and `metadata.namespace` when they are strings. */
  name: string | undefined;
  namespace: string | undefined;
}

/** How far aliases may expand before a document counts as an alias bomb (yaml's `maxAliasCount`). */
export const maxAliasCount = 1000;

const kindLine = /^kind:[ \t]*(["']?)DaemonSet\1[ \t]*(?:#.*)?$/m;
const apiVersionLine = /^apiVersion:[ \t]*["']?([^\s"'#]+)/m;

/**
 * Whether a document is a Kubernetes DaemonSet we analyse: `kind: DaemonSet` and an apiVersion
 * whose group has no dot (a dotted group such as `apps.kruise.io` is a custom resource). A
 * document too broken to have a mapping at its root is judged from its text.
 */
export function isDaemonSetDocument(parsed: ParsedDocument, text: string): boolean {
  const contents = parsed.document.contents;
  if (isMap(contents)) {
    const kind = findPair(contents, 'kind')?.value;
    if (!isScalar(kind) || kind.value !== 'DaemonSet') return false;
    const apiVersion = findPair(contents, 'apiVersion')?.value;
    return !(isScalar(apiVersion) && typeof apiVersion.value === 'string' && isCustomGroup(apiVersion.value));
  }
  if (parsed.document.errors.length === 0) return false;
  const source = text.slice(parsed.span.start, parsed.span.end);
  if (!kindLine.test(source)) return false;
  const apiVersion = apiVersionLine.exec(source)?.[1];
  return apiVersion === undefined || !isCustomGroup(apiVersion);
}

function isCustomGroup(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  return slash > 0 && apiVersion.slice(0, slash).includes('.');
}

// JSON.parse-style reviver: `key: null` in a mapping means the field is absent, as Go's JSON
// decoding leaves a nil pointer/slice/map. Sequence items are kept (holes would break indexes).
function dropNullFields(this: unknown, _key: unknown, value: unknown): unknown {
  return value === null && !Array.isArray(this) ? undefined : value;
}

function stringAt(value: JsonObject | undefined, key: string): string | undefined {
  const metadata = value?.metadata;
  if (metadata === null || typeof metadata !== 'object') return undefined;
  const field = (metadata as JsonObject)[key];
  return typeof field === 'string' ? field : undefined;
}

/**
 * Builds the model of a DaemonSet document (call only when `isDaemonSetDocument` holds). Never
 * throws: a document with syntax errors gets `value: undefined`, an alias bomb a `problem`.
 */
export function buildModel(parsed: ParsedDocument, text: string): DaemonSetModel {
  const { document, index, span } = parsed;
  const contents = isMap(document.contents) ? document.contents : undefined;
  const kindPair = contents ? findPair(contents, 'kind') : undefined;
  const kindKey = kindPair && isScalar(kindPair.key) ? nodeSpan(kindPair.key) : undefined;
  const anchor = kindKey ?? textAnchor(text, span);
  const apiVersionNode = contents ? findPair(contents, 'apiVersion')?.value : undefined;
  const apiVersion = isScalar(apiVersionNode) ? (apiVersionNode.value ?? undefined) : apiVersionNode ? '' : undefined;
  const model: DaemonSetModel = { index, document, span, anchor, apiVersion, value: undefined, name: undefined, namespace: undefined };
  const fatal = document.errors.some((error) => error.code !== 'DUPLICATE_KEY');
  if (fatal || !contents) return model;
  try {
    const value = document.toJS({ maxAliasCount, reviver: dropNullFields }) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      model.value = value as JsonObject;
      // As decoded: `apiVersion:` (null) is absent, a mapping stays a mapping.
      model.apiVersion = model.value.apiVersion;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    model.problem = {
      message: /resource exhaustion/.test(message)
        ? `This document expands aliases more than ${maxAliasCount} times (an alias bomb?), so it is not analysed.`
        : `This document cannot be read: ${message}`,
      span: anchor,
    };
  }
  model.name = stringAt(model.value, 'name');
  model.namespace = stringAt(model.value, 'namespace');
  return model;
}

/** The `kind: DaemonSet` line of a document found by its text, else the document's first character. */
function textAnchor(text: string, span: Span): Span {
  const source = text.slice(span.start, span.end);
  const match = kindLine.exec(source);
  if (match) return { start: span.start + match.index, end: span.start + match.index + 'kind'.length };
  return { start: span.start, end: Math.min(span.end, span.start + 1) };
}
