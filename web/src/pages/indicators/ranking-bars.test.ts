import { describe, expect, it } from 'vitest';
import type { Ranking } from '../../api/indicator-types.ts';
import { rankingBars } from './ranking-bars.ts';

const row = (rank: number, geo: string, value: number, highlighted = false): Ranking['rows'][number] => ({
  rank,
  geo,
  name: geo === 'XX' ? null : `Name ${geo}`,
  country: geo.slice(0, 2),
  value,
  flags: [],
  highlighted,
});

describe('rankingBars', () => {
  const ranking = {
    rows: [row(1, 'SE11', 40), row(2, 'BE21', 12, true), row(3, 'XX', 9), row(4, 'RO11', 2)],
    references: [
      { geo: 'EU27_2020', name: 'EU-27', value: 12.8, flags: [] },
      { geo: 'BE', name: 'België', value: 11.1, flags: [] },
      { geo: 'BE3', name: null, value: null, flags: [] },
    ],
  };

  it('keeps the rank order and slots references in by value', () => {
    const bars = rankingBars(ranking, (name) => `${name} (ref)`);
    expect(bars.map((bar) => bar.key)).toEqual(['SE11', 'EU27_2020', 'BE21', 'BE', 'XX', 'RO11']);
    expect(bars[1]).toEqual({ key: 'EU27_2020', label: 'EU-27 (ref)', value: 12.8, kind: 'reference', rank: null });
  });

  it('marks the home areas, names unnamed regions by code, and leaves out references without a value', () => {
    const bars = rankingBars(ranking, (name) => name);
    expect(bars.find((bar) => bar.key === 'BE21')?.kind).toBe('home');
    expect(bars.find((bar) => bar.key === 'XX')?.label).toBe('XX');
    expect(bars.some((bar) => bar.key === 'BE3')).toBe(false);
  });

  it('keeps a reference apart from a ranked row with the same code', () => {
    const bars = rankingBars({ rows: [row(1, 'BE21', 12, true)], references: [{ geo: 'BE21', name: 'Antwerpen', value: 12, flags: [] }] }, (name) => name);
    expect(bars.map((bar) => bar.key)).toEqual(['BE21', 'ref:BE21']);
  });
});
