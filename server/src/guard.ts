/**
 * `guard(name, fallback, fn)`: every LSP handler runs inside it, so a bug in one request logs its
 * stack and answers with the empty result instead of taking the server down.
 */

/** Where guard reports failures (the connection's console in the server). */
export type ErrorLog = (message: string) => void;

/** A guard bound to a log. */
export type Guard = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) => (...args: A) => R | Promise<R>;

/** Makes a `guard` that logs to `log`. Synchronous and asynchronous failures both give `fallback`. */
export function createGuard(log: ErrorLog): Guard {
  return (name, fallback, fn) =>
    (...args) => {
      const fail = (error: unknown) => {
        log(`Daemonscope: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      };
      try {
        const result = fn(...args);
        return result instanceof Promise ? result.catch(fail) : result;
      } catch (error) {
        return fail(error);
      }
    };
}
