import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootDir } from '../../platform/config.ts';
import { fixCapitals, placeRows, regionOf } from './catalog-places.ts';

const rows = placeRows(fs.readFileSync(path.join(rootDir, 'data', 'be', 'geo', 'belgian-cities-geocoded.csv'), 'utf8'));

describe('Belgian postal places (data/be/geo)', () => {
  it('derives the region from the postal code', () => {
    expect(['1000', '1299', '1300', '1499', '1500', '3999', '4000', '7999', '8000', '9999'].map(regionOf)).toEqual(
      ['brussels', 'brussels', 'wallonia', 'wallonia', 'flanders', 'flanders', 'wallonia', 'wallonia', 'flanders', 'flanders'],
    );
  });

  it('splits multi-code fields into one row per postal code (2,787 rows + 8 extra codes − duplicates)', () => {
    expect(rows.filter((r) => r.name === 'Puurs-Sint-Amands').map((r) => r.postal_code).sort()).toEqual(['2870', '2890']);
    expect(rows.filter((r) => r.name === 'Lievegem').map((r) => r.postal_code).sort()).toEqual(['9920', '9930', '9950']);
    expect(rows.every((r) => /^[1-9]\d{3}$/.test(r.postal_code))).toBe(true);
    expect(new Set(rows.map((r) => `${r.postal_code}/${r.name.toLowerCase()}`)).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(2787);
  });

  it('corrects the known province errors of SOURCE.md: Brussels has none; 3220/3221 lie in Vlaams-Brabant', () => {
    const brussels = rows.filter((r) => r.region === 'brussels');
    expect(brussels.length).toBe(22);
    expect(brussels.every((r) => r.province === null)).toBe(true);
    for (const name of ['Holsbeek', 'Kortrijk-Dutsel', 'Sint-Pieters-Rode', 'Nieuwrode']) expect(rows.find((r) => r.name === name)!.province, name).toBe('Vlaams-Brabant');
    expect(rows.filter((r) => r.province === 'West-Vlaanderen').every((r) => r.postal_code >= '8000')).toBe(true);
  });

  it('lower-cases accented capitals inside a word (LiÈge → Liège) and nothing else', () => {
    expect(['LiÈge', 'HÉlÉcine', 'Braine-Le-ChÂteau', 'Écaussinnes', 'Sint-Jans-Molenbeek'].map(fixCapitals)).toEqual(['Liège', 'Hélécine', 'Braine-Le-Château', 'Écaussinnes', 'Sint-Jans-Molenbeek']);
    expect(rows.some((r) => /\p{L}[À-ÖØ-Þ]/u.test(r.name))).toBe(false);
  });

  it('keeps every coordinate inside Belgium', () => {
    expect(rows.every((r) => r.lat > 49.49 && r.lat < 51.51 && r.lng > 2.54 && r.lng < 6.41)).toBe(true);
  });
});
