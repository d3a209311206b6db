import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEurostatTsv } from './eurostat-tsv.ts';

const file = readFileSync(new URL('../../../data/eu/eurostat/trng_lfse_04.tsv', import.meta.url), 'utf8');
const header = 'freq,unit,sex,age,geo\\TIME_PERIOD\t2021 \t2022 \t2023 ';

describe('Eurostat TSV importer', () => {
  const { rows, problems } = parseEurostatTsv(file, ['sex']);
  const find = (geo: string, period: number, sex = 'T') => rows.find((r) => r.geo === geo && r.period === period && r.breakdown.sex === sex);

  it('reads the real trng_lfse_04 file without a problem', () => {
    expect(problems).toEqual([]);
    // 36,288 cells; the ':' cells without a flag carry nothing and are not stored
    expect(rows.length).toBeGreaterThan(30_000);
    expect(rows.length).toBeLessThan(36_288);
    expect(new Set(rows.map((r) => r.geo)).size).toBe(504);
  });

  it('keeps the values and flags the source publishes', () => {
    expect(find('BE2', 2023)).toMatchObject({ value: 11.2, flags: [] });
    expect(find('BE2', 2021)).toMatchObject({ value: 10.8, flags: ['b'] });
    expect(find('BE2', 2023, 'F')?.value).toBe(11.8);
    expect(find('EU27_2020', 2023)?.value).toBe(12.8);
    expect(find('SE11', 2023)?.value).toBe(41.3);
    expect(find('AT11', 2000, 'F')).toMatchObject({ value: 4.2, flags: ['u'] });
    // age and unit hold one value in the file; they describe the indicator, not a breakdown
    expect(find('BE2', 2023)?.breakdown).toEqual({ sex: 'T' });
  });

  it('reports wrong column counts, non-numeric cells and unknown flags by line and column', () => {
    const bad = [header, 'A,PC,T,Y25-64,BE2\t10.8 b\t10.7 ', 'A,PC,T,Y25-64,BE3\t7.5 \tabc \t9.1 ', 'A,PC,T,Y25-64,BE1\t14.6 x\t: \t15.6 '].join('\n');
    const { problems } = parseEurostatTsv(bad, ['sex']);
    expect(problems).toEqual([
      { line: 2, column: '-', reason: '3 fields where the header has 4' },
      { line: 3, column: '3', reason: '"abc" is not a number or ":"' },
      { line: 4, column: '2', reason: 'unknown flag "x" (known: b, u, e, p, c, d, n, r, s, z)' },
    ]);
  });

  it('refuses a file that is not a Eurostat TSV, and a dimension that varies where the indicator has no breakdown', () => {
    expect(parseEurostatTsv('geo,period,value\nBE2,2023,11.2', ['sex']).problems[0]?.reason).toMatch(/not a Eurostat TSV/);
    const twoAges = [header, 'A,PC,T,Y25-64,BE2\t1.0 \t2.0 \t3.0 ', 'A,PC,T,Y18-24,BE2\t1.0 \t2.0 \t3.0 '].join('\n');
    expect(parseEurostatTsv(twoAges, ['sex']).problems[0]?.reason).toMatch(/no age breakdown/);
    expect(parseEurostatTsv(header.replace('sex', 'colour'), ['sex']).problems[0]?.reason).toMatch(/unknown dimension "colour"/);
  });

  it('accepts CRLF line ends and a BOM', () => {
    const text = `\uFEFF${[header, 'A,PC,T,Y25-64,BE2\t10.8 b\t10.7 \t11.2 '].join('\r\n')}\r\n`;
    const parsed = parseEurostatTsv(text, ['sex']);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.value)).toEqual([10.8, 10.7, 11.2]);
  });
});
