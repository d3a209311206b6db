import { useCallback, useEffect, useState } from 'react';
import { api } from './client.ts';

export type ApiData<T> =
  | { state: 'loading'; data: null; error: null }
  | { state: 'ready'; data: T; error: null }
  | { state: 'error'; data: null; error: unknown };

/** GETs a path on mount and whenever reload() is called; ignores replies that arrive after unmount. */
export function useApi<T>(path: string): ApiData<T> & { reload: () => void } {
  const [result, setResult] = useState<ApiData<T>>({ state: 'loading', data: null, error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setResult({ state: 'loading', data: null, error: null });
    api.get<T>(path).then(
      (data) => live && setResult({ state: 'ready', data, error: null }),
      (error: unknown) => live && setResult({ state: 'error', data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}
