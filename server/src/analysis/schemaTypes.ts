/**
 * The subset of JSON Schema (draft-07) that scripts/generateSchema.mjs emits for the DaemonSet
 * schema, plus the Kubernetes OpenAPI extensions it keeps. Shared by validation, hover and completion.
 */
export interface JsonSchema {
  $comment?: string;
  $ref?: string;
  allOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  description?: string;
  default?: unknown;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  /** `false` for closed objects; a schema for maps (labels, resource lists). */
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  [extension: `x-kubernetes-${string}`]: unknown;
}

/** One step of a path into a document: a mapping key or a sequence index. */
export type PathSegment = string | number;
