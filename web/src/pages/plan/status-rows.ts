import type { PlanStatus, StatusCounts } from '../../api/plan-types.ts';

/** One status in the distribution: the recorded count and the official one, never added together. */
export type StatusRow = {
  key: string;
  recorded: number;
  /** null: the official totals do not give this status (or there are none for the year). */
  official: number | null;
};

/** Rows in the catalogue's order, then any status key the counts use that the catalogue lacks. */
export function statusRows(counts: StatusCounts, statuses: readonly PlanStatus[]): StatusRow[] {
  const keys = statuses.map((status) => status.key);
  for (const key of [...Object.keys(counts.recorded.counts), ...Object.keys(counts.official?.counts ?? {})]) {
    if (!keys.includes(key)) keys.push(key);
  }
  return keys.map((key) => ({
    key,
    recorded: counts.recorded.counts[key] ?? 0,
    official: counts.official ? (counts.official.counts[key] ?? null) : null,
  }));
}

/** Recorded actions with a report for the year (with or without a status). */
export function reportedCount(counts: StatusCounts): number {
  const withStatus = Object.values(counts.recorded.counts).reduce((sum, n) => sum + n, 0);
  return withStatus + counts.recorded.withoutStatus;
}

/** Recorded actions without a report for the year (`recorded.actions` counts every recorded action). */
export function unreportedCount(counts: StatusCounts): number {
  return Math.max(0, counts.recorded.actions - reportedCount(counts));
}

/** A year has something to show: published totals, or recorded actions with a report that year. */
export function hasStatusData(counts: StatusCounts): boolean {
  return counts.official !== null || reportedCount(counts) > 0;
}

/** The latest year with data, else the first year asked for. */
export function defaultStatusYear(byYear: ReadonlyMap<number, StatusCounts>, years: readonly number[]): number | null {
  const withData = years.filter((year) => {
    const counts = byYear.get(year);
    return counts ? hasStatusData(counts) : false;
  });
  return withData.at(-1) ?? years[0] ?? null;
}
