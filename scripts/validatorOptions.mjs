// The ajv options of the DaemonSet validator (scripts/generateValidator.mjs), apart so that tests
// can compile the schema at run time the same way and compare.

/** How the schema is validated: every error, strict schema checks, no formats (as the API server). */
export const ajvOptions = { allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false, messages: true };

/** OpenAPI extensions the schema keeps for hover: keywords without validation for ajv's strict mode. */
export const extensionKeywords = [
  'x-kubernetes-group-version-kind',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-unions',
];
