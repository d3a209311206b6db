import { describe, expect, it } from 'vitest';
import type { PlanStatus, StatusCounts } from '../../api/plan-types.ts';
import { defaultStatusYear, hasStatusData, reportedCount, statusRows, unreportedCount } from './status-rows.ts';

const names = { nl: 'x', fr: 'x', en: 'x' };
const statuses: PlanStatus[] = ['preparing', 'launching', 'implementing', 'realised', 'stopped'].map((key) => ({
  key,
  name: names,
  defaultProgress: null,
}));

function counts(year: number, recorded: Record<string, number>, official: Record<string, number> | null, withoutStatus = 0): StatusCounts {
  return {
    year,
    announcedActionCount: 47,
    recorded: { counts: recorded, withoutStatus, actions: 27 },
    official: official && { counts: official, total: 47, sources: ['cedefop-43782'], verification: 'unverified', note: null },
  };
}

describe('statusRows', () => {
  it('keeps the two series apart, in the catalogue order', () => {
    const rows = statusRows(counts(2022, { realised: 2 }, { realised: 1, implementing: 27, launching: 9, preparing: 10 }), statuses);
    expect(rows).toEqual([
      { key: 'preparing', recorded: 0, official: 10 },
      { key: 'launching', recorded: 0, official: 9 },
      { key: 'implementing', recorded: 0, official: 27 },
      { key: 'realised', recorded: 2, official: 1 },
      { key: 'stopped', recorded: 0, official: null },
    ]);
  });

  it('has no official values without official totals, and adds keys the catalogue lacks', () => {
    const rows = statusRows(counts(2024, { paused: 1 }, null), statuses);
    expect(rows.map((row) => row.official)).toEqual([null, null, null, null, null, null]);
    expect(rows.at(-1)).toEqual({ key: 'paused', recorded: 1, official: null });
  });
});

describe('reported and unreported actions', () => {
  it('splits the recorded actions into those with a report for the year and those without', () => {
    const year = counts(2023, { realised: 2, implementing: 1 }, null, 4);
    expect(reportedCount(year)).toBe(7);
    expect(unreportedCount(year)).toBe(20);
  });
});

describe('defaultStatusYear', () => {
  it('picks the latest year that has official totals or recorded reports', () => {
    const byYear = new Map([
      [2021, counts(2021, {}, null)],
      [2022, counts(2022, {}, { realised: 1 })],
      [2023, counts(2023, {}, null, 3)],
      [2024, counts(2024, {}, null)],
    ]);
    expect(hasStatusData(byYear.get(2021)!)).toBe(false);
    expect(defaultStatusYear(byYear, [2021, 2022, 2023, 2024])).toBe(2023);
    expect(defaultStatusYear(new Map(), [2021, 2022])).toBe(2021);
  });
});
