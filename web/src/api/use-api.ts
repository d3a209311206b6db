import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './client.ts';

export type ApiData<T> =
  | { state: 'loading'; data: null; error: null }
  | { state: 'ready'; data: T; error: null }
  | { state: 'error'; data: null; error: unknown };

/**
 * GETs a path on mount and whenever reload() or refresh() is called; ignores replies that arrive
 * after unmount. reload() shows the loading state again; refresh() keeps the current data on screen
 * until the new reply arrives (after a change made on the page itself, so focus and messages stay).
 */
export function useApi<T>(path: string): ApiData<T> & { reload: () => void; refresh: () => void } {
  const [result, setResult] = useState<ApiData<T>>({ state: 'loading', data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const quiet = useRef(false);

  useEffect(() => {
    let live = true;
    if (!quiet.current) setResult({ state: 'loading', data: null, error: null });
    quiet.current = false;
    api.get<T>(path).then(
      (data) => live && setResult({ state: 'ready', data, error: null }),
      (error: unknown) => live && setResult({ state: 'error', data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => {
    quiet.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return { ...result, reload, refresh };
}
