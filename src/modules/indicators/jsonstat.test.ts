import { describe, expect, it } from 'vitest';
import JSONstat from 'jsonstat-toolkit';
import { parseJsonStat, toJsonStat } from './jsonstat.ts';
import type { Observation } from './indicators.schema.ts';

const observations: Observation[] = [
  { geo: 'BE2', period: 2021, breakdown: { sex: 'T' }, value: 10.8, flags: ['b'], source: 'x' },
  { geo: 'BE2', period: 2022, breakdown: { sex: 'T' }, value: 10.7, flags: [], source: 'x' },
  { geo: 'BE2', period: 2022, breakdown: { sex: 'F' }, value: 11.1, flags: [], source: 'x' },
  { geo: 'EU27_2020', period: 2021, breakdown: { sex: 'T' }, value: null, flags: ['c'], source: 'x' },
];
const dataset = () => toJsonStat({ id: 'lfs-4w', label: 'test', source: 'Eurostat', updated: '2026-11-29', breakdowns: ['sex'], geoNames: new Map([['BE2', 'Vlaams Gewest']]), observations });

describe('JSON-stat 2.0', () => {
  it('exports a dataset that jsonstat-toolkit reads back with the same values and flags', () => {
    const ds = JSONstat(dataset());
    expect(ds.class).toBe('dataset');
    for (const o of observations) {
      const cell = ds.Data({ sex: o.breakdown.sex!, geo: o.geo, time: String(o.period) });
      expect(cell?.value).toBe(o.value);
      expect(cell?.status ?? '').toBe(o.flags.join(''));
    }
    expect(ds.Data({ sex: 'F', geo: 'BE2', time: '2021' })?.value).toBeNull();
    expect(ds.Dimension('geo').Category('BE2').label).toBe('Vlaams Gewest');
  });

  it('round-trips: export, parse, same observations', () => {
    const { rows, problems } = parseJsonStat(JSON.stringify(dataset()), ['sex']);
    expect(problems).toEqual([]);
    const key = (o: { geo: string; period: number; breakdown: { sex?: string }; value: number | null; flags: string[] }) => `${o.geo}|${o.period}|${o.breakdown.sex}|${o.value}|${o.flags.join('')}`;
    expect(rows.map(key).sort()).toEqual(observations.map(key).sort());
  });

  it('refuses sizes that disagree with the values, and unknown flags', () => {
    const ds = dataset() as { value: unknown[]; size: number[]; status: Record<string, string> };
    const short = { ...ds, value: ds.value.slice(1) };
    expect(parseJsonStat(JSON.stringify(short), ['sex']).problems[0]?.reason).toMatch(/values where the sizes give/);
    const wrongSize = { ...ds, size: [9, ...ds.size.slice(1)] };
    expect(parseJsonStat(JSON.stringify(wrongSize), ['sex']).problems[0]?.reason).toMatch(/categories but size says 9/);
    const badFlag = { ...ds, status: { 0: 'q' } };
    expect(parseJsonStat(JSON.stringify(badFlag), ['sex']).problems[0]?.reason).toMatch(/unknown flag "q"/);
    expect(parseJsonStat('{not json', ['sex']).problems[0]?.reason).toMatch(/not JSON/);
    expect(parseJsonStat('{"version":"2.0","class":"collection"}', ['sex']).problems[0]?.reason).toMatch(/not a JSON-stat 2.0 dataset/);
  });
});
