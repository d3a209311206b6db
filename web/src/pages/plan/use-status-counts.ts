import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { StatusCounts } from '../../api/plan-types.ts';

export type StatusCountsState =
  | { state: 'loading'; byYear: null }
  | { state: 'ready'; byYear: ReadonlyMap<number, StatusCounts> }
  | { state: 'error'; byYear: null };

/**
 * The status counts of every year of the plan, fetched together (a handful of small replies), so
 * the page can open on the latest year with data and switch years without waiting.
 */
export function useStatusCounts(years: readonly number[]): StatusCountsState & { reload: () => void } {
  const [result, setResult] = useState<StatusCountsState>({ state: 'loading', byYear: null });
  const [attempt, setAttempt] = useState(0);
  const key = years.join(',');

  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',').map(Number) : [];
    setResult({ state: 'loading', byYear: null });
    Promise.all(wanted.map((year) => api.get<StatusCounts>(`/api/v1/plan/status-counts?year=${year}`))).then(
      (replies) => live && setResult({ state: 'ready', byYear: new Map(replies.map((reply, index) => [wanted[index] ?? reply.year, reply])) }),
      () => live && setResult({ state: 'error', byYear: null }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}
