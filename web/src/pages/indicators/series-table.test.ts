import { describe, expect, it } from 'vitest';
import type { Observation } from '../../api/indicator-types.ts';
import { breakYears, nextSort, seriesPoints, seriesRows, sortRows } from './series-table.ts';

const obs = (geo: string, period: number, value: number | null, flags: Observation['flags'] = []): Observation => ({
  geo,
  period,
  value,
  flags,
  breakdown: { sex: 'T' },
  source: 'https://ec.europa.eu/eurostat',
});

const observations = [
  obs('BE2', 2022, 10.7),
  obs('BE2', 2021, 10.8, ['b']),
  obs('EU27_2020', 2021, 10.8, ['b']),
  obs('BE2', 2023, 11.2),
  obs('EU27_2020', 2023, 12.8),
  obs('EU27_2020', 2022, null, ['c']),
];

describe('seriesRows', () => {
  it('makes one row per period, oldest first, with a cell per geo that has one', () => {
    const rows = seriesRows(observations);
    expect(rows.map((row) => row.period)).toEqual([2021, 2022, 2023]);
    expect(rows[0]?.cells.BE2).toEqual({ value: 10.8, flags: ['b'] });
    expect(rows[1]?.cells.EU27_2020).toEqual({ value: null, flags: ['c'] });
    expect(rows[1]?.cells.FR).toBeUndefined();
  });
});

describe('sortRows', () => {
  const rows = seriesRows(observations);
  const periods = (sorted: ReturnType<typeof sortRows>) => sorted.map((row) => row.period);

  it('sorts by period both ways', () => {
    expect(periods(sortRows(rows, { column: 'period', direction: 'descending' }))).toEqual([2023, 2022, 2021]);
    expect(periods(sortRows(rows, { column: 'period', direction: 'ascending' }))).toEqual([2021, 2022, 2023]);
  });

  it('sorts by a geo value, empty cells last either way, ties by period', () => {
    expect(periods(sortRows(rows, { column: 'EU27_2020', direction: 'descending' }))).toEqual([2023, 2021, 2022]);
    expect(periods(sortRows(rows, { column: 'EU27_2020', direction: 'ascending' }))).toEqual([2021, 2023, 2022]);
    expect(periods(sortRows(rows, { column: 'BE2', direction: 'ascending' }))).toEqual([2022, 2021, 2023]);
  });

  it('does not change its input', () => {
    sortRows(rows, { column: 'period', direction: 'descending' });
    expect(periods(rows)).toEqual([2021, 2022, 2023]);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts values high-first', () => {
    expect(nextSort({ column: 'period', direction: 'ascending' }, 'period')).toEqual({ column: 'period', direction: 'descending' });
    expect(nextSort({ column: 'period', direction: 'ascending' }, 'BE2')).toEqual({ column: 'BE2', direction: 'descending' });
    expect(nextSort({ column: 'BE2', direction: 'descending' }, 'period')).toEqual({ column: 'period', direction: 'ascending' });
  });
});

describe('seriesPoints and breakYears', () => {
  it('keeps values only, oldest first, and finds breaks', () => {
    expect(seriesPoints(observations, 'EU27_2020').map((p) => p.period)).toEqual([2021, 2023]);
    expect(breakYears(observations, 'BE2')).toEqual([2021]);
    expect(breakYears(observations, 'FR')).toEqual([]);
  });
});
