/**
 * The DaemonSet model: one per YAML document whose `kind` is `DaemonSet` (served by apps/v1, or
 * one of the removed versions), and one per DaemonSet item of a list document (`kind: List`).
 * Holds the document with its positions and the value the API server would decode from it.
 */
import { isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';
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
  /** 0-based position of the document in its file (shared by the items of one list). */
  index: number;
  /** The DaemonSet's document; for an item of a list, the item as a document of its own (`itemDocument`). */
  document: Document.Parsed;
  /** The DaemonSet's range in the file: its document, or its item of a list. */
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
  if (isMap(contents)) return isDaemonSetMap(contents);
  if (parsed.document.errors.length === 0) return false;
  const source = text.slice(parsed.span.start, parsed.span.end);
  if (!kindLine.test(source)) return false;
  const apiVersion = apiVersionLine.exec(source)?.[1];
  return apiVersion === undefined || !isCustomGroup(apiVersion);
}

/** Whether a mapping is a DaemonSet we analyse (see `isDaemonSetDocument`). */
function isDaemonSetMap(map: YAMLMap): boolean {
  const kind = findPair(map, 'kind')?.value;
  if (!isScalar(kind) || kind.value !== 'DaemonSet') return false;
  const apiVersion = findPair(map, 'apiVersion')?.value;
  return !(isScalar(apiVersion) && typeof apiVersion.value === 'string' && isCustomGroup(apiVersion.value));
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
  if (isFatal(document) || !contents) return model;
  const decoded = decode(document);
  if ('problem' in decoded) model.problem = { message: decoded.problem, span: anchor };
  else setValue(model, decoded.value);
  return model;
}

/**
 * The DaemonSets of one document: the document itself when it is one (`isDaemonSetDocument`),
 * else the DaemonSet items of a list document (`kind: List` as `kubectl get daemonsets -o yaml`
 * prints it, or `DaemonSetList`, with `items: [...]`, lists nested in lists included), each with
 * its own model. kubectl applies the items of a list one by one
 * (staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go, `FlattenListVisitor.Visit`), so each is
 * judged as a DaemonSet written on its own. [] for any other document. Never throws.
 */
export function daemonSetModels(parsed: ParsedDocument, text: string): DaemonSetModel[] {
  if (isDaemonSetDocument(parsed, text)) return [buildModel(parsed, text)];
  return listItemModels(parsed);
}

/** How deep lists nested in lists are followed. */
const maxListDepth = 8;

/** A DaemonSet mapping inside a list document, and its route: the `items` indexes leading to it. */
interface ListItem {
  map: YAMLMap;
  route: number[];
}

function collectListItems(node: unknown, route: number[], found: ListItem[]): void {
  if (!isMap(node) || route.length >= maxListDepth) return;
  const kind = findPair(node, 'kind')?.value;
  if (!isScalar(kind) || typeof kind.value !== 'string' || !kind.value.endsWith('List')) return;
  const items = findPair(node, 'items')?.value;
  if (!isSeq(items)) return;
  items.items.forEach((item, i) => {
    if (isMap(item) && isDaemonSetMap(item)) found.push({ map: item, route: [...route, i] });
    else collectListItems(item, [...route, i], found);
  });
}

/** The models of the DaemonSet items of a list document (see `daemonSetModels`). */
function listItemModels(parsed: ParsedDocument): DaemonSetModel[] {
  const { document, index } = parsed;
  const found: ListItem[] = [];
  collectListItems(document.contents, [], found);
  if (found.length === 0) return [];
  // The list decodes as a whole (an alias in an item may point anywhere in it), once.
  const decoded = isFatal(document) ? undefined : decode(document);
  // Each item reports the YAML problems inside it; the first also those elsewhere in the list.
  const within = (pos: [number, number], map: YAMLMap): boolean => !!map.range && map.range[0] <= pos[0] && pos[0] < map.range[2];
  const outside = (pos: [number, number]): boolean => !found.some(({ map }) => within(pos, map));
  return found.map(({ map, route }, i) => {
    const mine = (problem: { pos: [number, number] }): boolean => within(problem.pos, map) || (i === 0 && outside(problem.pos));
    const view = itemDocument(document, map, document.errors.filter(mine), document.warnings.filter(mine));
    const kindPair = findPair(map, 'kind')!;
    const anchor = (isScalar(kindPair.key) ? nodeSpan(kindPair.key) : undefined) ?? { start: map.range![0], end: map.range![0] + 1 };
    const apiVersionNode = findPair(map, 'apiVersion')?.value;
    const apiVersion = isScalar(apiVersionNode) ? (apiVersionNode.value ?? undefined) : apiVersionNode ? '' : undefined;
    const span = { start: map.range![0], end: map.range![2] };
    const model: DaemonSetModel = { index, document: view, span, anchor, apiVersion, value: undefined, name: undefined, namespace: undefined };
    if (decoded === undefined) return model;
    if ('problem' in decoded) model.problem = { message: decoded.problem, span: anchor };
    else setValue(model, route.reduce<unknown>((list, at) => ((list as { items?: unknown[] } | undefined)?.items ?? [])[at], decoded.value));
    return model;
  });
}

/**
 * One item of a list document as a document of its own: its contents are the item's mapping
 * (shared with the list, so positions move with it), its errors and warnings those given. Rules,
 * hover and quick fixes read it with paths from the DaemonSet's root, as a top-level DaemonSet.
 */
export function itemDocument(document: Document.Parsed, item: YAMLMap, errors: Document.Parsed['errors'], warnings: Document.Parsed['warnings']): Document.Parsed {
  const view = Object.create(document) as Document.Parsed;
  Object.defineProperties(view, {
    contents: { value: item, writable: true, enumerable: true, configurable: true },
    errors: { value: errors, writable: true, enumerable: true, configurable: true },
    warnings: { value: warnings, writable: true, enumerable: true, configurable: true },
    range: { get: () => item.range ?? document.range, enumerable: true, configurable: true },
  });
  return view;
}

/**
 * The DaemonSet item of a list document that holds `offset`, as a document of its own
 * (`itemDocument`, without errors), with its route (the `items` indexes leading to it in the
 * decoded list). Undefined when `document` is not a list or no DaemonSet item holds `offset`.
 */
export function listItemAt(document: Document.Parsed, offset: number): { document: Document.Parsed; route: number[] } | undefined {
  const found: ListItem[] = [];
  collectListItems(document.contents, [], found);
  const item = found.find(({ map }) => !!map.range && map.range[0] <= offset && offset <= map.range[2]);
  return item ? { document: itemDocument(document, item.map, [], []), route: item.route } : undefined;
}

/** True when `document` has a syntax error (a duplicate key alone still decodes: the last wins). */
function isFatal(document: Document.Parsed): boolean {
  return document.errors.some((error) => error.code !== 'DUPLICATE_KEY');
}

/** `document` as the API server decodes it, or why it cannot be (an alias bomb). */
export function decode(document: Document.Parsed): { value: unknown } | { problem: string } {
  try {
    return plainDecode(document) ?? { value: decodeWithYaml(document) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      problem: /resource exhaustion/.test(message)
        ? `This document expands aliases more than ${maxAliasCount} times (an alias bomb?), so it is not analysed.`
        : `This document cannot be read: ${message}`,
    };
  }
}

/** What `plainValue` returns for a node it does not decode. */
const unsupported: unique symbol = Symbol('unsupported');

/**
 * `document` decoded as `decodeWithYaml` decodes it, in one walk, for what manifests are made
 * of: mappings with string keys, sequences and scalars. Undefined for anything else (an alias, a
 * merge key, a tag on a collection, a key that is not a string, a duplicate key), which yaml
 * decodes. yaml's `toJS` (with its anchors, merge keys and key stringifying) followed by a second
 * walk for the reviver (a call and an entries array per value, and a `delete` per null field,
 * which turns the object into a slow dictionary) took a fifth of the model's time on the
 * 500-document file (issue #9). A unit test compares both on every corpus and yaml-test-suite
 * document.
 */
export function plainDecode(document: Document.Parsed): { value: unknown } | undefined {
  if (document.errors.length > 0) return undefined;
  const value = plainValue(document.contents);
  if (value === unsupported) return undefined;
  // The reviver drops a null root too.
  return { value: value === null ? undefined : value };
}

function plainValue(node: unknown): unknown {
  // instanceof, not isScalar/isMap/isSeq (a symbol read per node): the walk visits every node of
  // every document once, and yaml composes only these classes (YAMLSet and YAMLOMap extend them but are tagged).
  if (node instanceof Scalar) return node.value;
  if (node instanceof YAMLMap) {
    if (node.tag !== undefined) return unsupported;
    const out: JsonObject = {};
    for (const { key, value: valueNode } of node.items) {
      if (!(key instanceof Scalar) || typeof key.value !== 'string' || key.value === '<<') return unsupported;
      const value = plainValue(valueNode);
      if (value === unsupported) return unsupported;
      // dropNullFields: `null` means absent.
      if (value === null) continue;
      // As yaml's addPairToJSMap: a key Object.prototype has (`constructor`) becomes an own property.
      if (key.value in out) Object.defineProperty(out, key.value, { value, writable: true, enumerable: true, configurable: true });
      else out[key.value] = value;
    }
    return out;
  }
  if (node instanceof YAMLSeq) {
    if (node.tag !== undefined) return unsupported;
    const out: unknown[] = [];
    for (const item of node.items) {
      const value = plainValue(item);
      if (value === unsupported) return unsupported;
      out.push(value);
    }
    return out;
  }
  // A key with no value (`key:`).
  if (node === null) return null;
  return unsupported;
}

/** `document` decoded by yaml (`toJS` with the alias bound, then `dropNullFields`); throws as `toJS` does. */
export function decodeWithYaml(document: Document.Parsed): unknown {
  return document.toJS({ maxAliasCount, reviver: dropNullFields }) as unknown;
}

/** Sets the model's value (when `value` is a mapping), and what is read from it. */
function setValue(model: DaemonSetModel, value: unknown): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    model.value = value as JsonObject;
    // As decoded: `apiVersion:` (null) is absent, a mapping stays a mapping.
    model.apiVersion = model.value.apiVersion;
  }
  model.name = stringAt(model.value, 'name');
  model.namespace = stringAt(model.value, 'namespace');
}

/** The `kind: DaemonSet` line of a document found by its text, else the document's first character. */
function textAnchor(text: string, span: Span): Span {
  const source = text.slice(span.start, span.end);
  const match = kindLine.exec(source);
  if (match) return { start: span.start + match.index, end: span.start + match.index + 'kind'.length };
  return { start: span.start, end: Math.min(span.end, span.start + 1) };
}
