/** Paths into a document (`['spec', 'template', 'spec', 'containers', 0, 'name']`) and how we print them. */
import type { PathSegment } from './schemaTypes';

export type { PathSegment };

const plainKey = /^[A-Za-z_$][\w$-]*$/;

/**
 * A path as people read it: `spec.template.spec.containers[0].name`; keys that are not plain
 * words are quoted (`metadata.labels["app.kubernetes.io/name"]`). `[]` prints as `DaemonSet`.
 */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'DaemonSet';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (plainKey.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Turns an ajv `instancePath` (JSON pointer) into a path, using `value` to tell array indexes
 * from map keys that look like numbers.
 */
export function pathFromPointer(pointer: string, value: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let current: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(key);
      path.push(index);
      current = current[index];
    } else {
      path.push(key);
      current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
    }
  }
  return path;
}

/** The value at `path` in plain JSON data, or undefined. */
export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
