import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';

/**
 * GETs a path whenever it changes, keeping the last reply on screen until the new one arrives, so a
 * chart and its controls do not vanish (and lose focus) on every change of the view.
 */
export function useKeptApi<T>(path: string): { data: T | null; error: unknown; loading: boolean } {
  const [result, setResult] = useState<{ path: string | null; data: T | null; error: unknown }>({ path: null, data: null, error: null });
  useEffect(() => {
    let live = true;
    api.get<T>(path).then(
      (data) => live && setResult({ path, data, error: null }),
      (error: unknown) => live && setResult((previous) => ({ path, data: previous.data, error })),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return { data: result.data, error: result.path === path ? result.error : null, loading: result.path !== path };
}
