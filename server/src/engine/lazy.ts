/** Lazily computed own properties, for results that are large but often only partly read. */

/**
 * Defines `key` on `target` as an own enumerable property computed on first read, then stored as
 * a plain data property (so later reads, spread and JSON cost nothing more).
 */
export function defineLazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      const value = compute();
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
  });
}
