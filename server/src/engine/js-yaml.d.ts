/** The part of js-yaml 4's API the engine uses (the package ships no types). */
declare module 'js-yaml' {
  export interface LoadOptions {
    filename?: string;
    schema?: unknown;
    /** Duplicate keys override instead of throwing. */
    json?: boolean;
  }
  /** YAML 1.2 core schema: the `yaml` package's default too. */
  export const CORE_SCHEMA: unknown;
  /** Parses every document; throws a YAMLException on bad YAML. */
  export function loadAll(text: string, iterator?: null, options?: LoadOptions): unknown[];
}
