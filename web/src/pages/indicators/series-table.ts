import type { Flag, Observation } from '../../api/indicator-types.ts';

export type SeriesCell = { value: number | null; flags: Flag[] };
/** One period of the table: a cell per geo (undefined when the source has nothing for it). */
export type SeriesRow = { period: number; cells: Partial<Record<string, SeriesCell>> };

/** 'period' or a geo code (geo codes are upper case, so they never clash with it). */
export type SortColumn = string;
export type SortDirection = 'ascending' | 'descending';
export type SortState = { column: SortColumn; direction: SortDirection };

export const periodColumn = 'period';
export const defaultSort: SortState = { column: periodColumn, direction: 'ascending' };

/** Period rows × geo columns from the observations of one breakdown, oldest period first. */
export function seriesRows(observations: readonly Observation[]): SeriesRow[] {
  const byPeriod = new Map<number, SeriesRow>();
  for (const observation of observations) {
    let row = byPeriod.get(observation.period);
    if (!row) byPeriod.set(observation.period, (row = { period: observation.period, cells: {} }));
    row.cells[observation.geo] = { value: observation.value, flags: observation.flags };
  }
  return [...byPeriod.values()].sort((a, b) => a.period - b.period);
}

function sortValue(row: SeriesRow, column: SortColumn): number | null {
  return column === periodColumn ? row.period : (row.cells[column]?.value ?? null);
}

/** Rows sorted by a column; empty cells always go last, ties keep the period order. */
export function sortRows(rows: readonly SeriesRow[], sort: SortState): SeriesRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    if (x === null || y === null) return x === y ? a.period - b.period : x === null ? 1 : -1;
    return x === y ? a.period - b.period : (x - y) * sign;
  });
}

/** The sort after a click on a column's button: the same column flips, another starts ascending (periods) or descending (values). */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: column === periodColumn ? 'ascending' : 'descending' };
}

/** Points of one geo with a value, oldest first: what the chart draws and the summary describes. */
export function seriesPoints(observations: readonly Observation[], geo: string): { period: number; value: number; flags: Flag[] }[] {
  return observations
    .filter((observation): observation is Observation & { value: number } => observation.geo === geo && observation.value !== null)
    .map(({ period, value, flags }) => ({ period, value, flags }))
    .sort((a, b) => a.period - b.period);
}

/** Years with a break in series (flag b) among the observations of a geo. */
export function breakYears(observations: readonly Observation[], geo: string): number[] {
  return observations
    .filter((observation) => observation.geo === geo && observation.flags.includes('b'))
    .map((observation) => observation.period)
    .sort((a, b) => a - b);
}
