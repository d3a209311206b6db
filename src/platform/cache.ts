/**
 * Keeps the result of `load` for `ttlMs`, sharing one load among concurrent callers. For public
 * reads that change rarely: a change shows within ttlMs on every process, at once on this one
 * after clear().
 */
export function memo<T>(ttlMs: number, load: () => Promise<T>) {
  let value: Promise<T> | undefined;
  let loadedAt = 0;
  return {
    get(): Promise<T> {
      if (!value || Date.now() - loadedAt > ttlMs) {
        loadedAt = Date.now();
        value = load().catch((err) => {
          value = undefined; // never keep a failure
          throw err;
        });
      }
      return value;
    },
    clear(): void {
      value = undefined;
    },
  };
}
