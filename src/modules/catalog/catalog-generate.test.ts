import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootDir } from '../../platform/config.ts';
import { placeRows, type Place } from './catalog-places.ts';
import { buildCatalog, prng, type GenOccupation } from './catalog-generate.service.ts';
import { offerInputSchema, providerInputSchema } from './catalog.schema.ts';
import { isValidEnterpriseNumber } from './enterprise-number.ts';

// The generator without a database: real places from data/be/geo, a few ESCO-shaped occupations.
const places: Place[] = placeRows(fs.readFileSync(path.join(rootDir, 'data', 'be', 'geo', 'belgian-cities-geocoded.csv'), 'utf8')).map((r, i) => ({
  id: i + 1, postalCode: r.postal_code, name: r.name, lat: r.lat, lng: r.lng, province: r.province, region: r.region,
}));
const skill = (n: number) => ({ uri: `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, label: `skill ${n}` });
const occupations: GenOccupation[] = [
  { uri: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b', labelNl: 'lasser', labelEn: 'welder', skills: [1, 2, 3, 4, 5, 6, 7, 8, 9].map(skill) },
  { uri: 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000002', labelNl: 'kok', labelEn: 'cook', skills: [10, 11, 12, 13].map(skill) },
];
const today = '2026-11-29';

describe('catalog generator (synthetic data)', () => {
  it('is deterministic: the same seed gives the same providers and offers, another seed others', () => {
    const a = buildCatalog({ count: 300, seed: 42, today, occupations, places });
    const b = buildCatalog({ count: 300, seed: 42, today, occupations, places });
    const c = buildCatalog({ count: 300, seed: 43, today, occupations, places });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.offers.slice(0, 5).map((o) => o.id)).toEqual(b.offers.slice(0, 5).map((o) => o.id));
    expect(c.offers.slice(0, 5).map((o) => o.id)).not.toEqual(a.offers.slice(0, 5).map((o) => o.id));
    expect(prng(1).next()).toBe(prng(1).next());
    // equal weights draw exactly as pick does, so weights of 1 leave a catalogue unchanged
    const a1 = prng(5), b1 = prng(5);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const even = a1.pickWeighted(items, () => 1);
    expect(Array.from({ length: 200 }, () => even())).toEqual(Array.from({ length: 200 }, () => b1.pick(items)));
  });

  it('builds offers that pass the API input schema and providers that pass theirs, all labelled synthetic', () => {
    const { providers, offers } = buildCatalog({ count: 2000, seed: 7, today, occupations, places });
    expect(providers.length).toBe(20);
    for (const p of providers) {
      const r = providerInputSchema.safeParse(p.input);
      expect(r.success, `${p.id}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
      expect(p.input.name).toMatch(/ \(synthetic\)$/);
      expect(isValidEnterpriseNumber(p.input.enterpriseNumber!)).toBe(true);
      expect(p.input.enterpriseNumber!.startsWith('1999')).toBe(true);
    }
    expect(new Set(providers.map((p) => p.input.name)).size).toBe(providers.length);
    const bad = offers.flatMap((o) => {
      const r = offerInputSchema.safeParse(o.input);
      return r.success ? [] : [`${o.input.externalId}: ${JSON.stringify(r.error.issues)}`];
    });
    expect(bad).toEqual([]);
    expect(new Set(offers.map((o) => o.id)).size).toBe(offers.length);
    expect(new Set(offers.map((o) => o.input.externalId)).size).toBe(offers.length);
  });

  it('draws believable distributions: mostly Dutch, in-person and published; prices and hours in range', () => {
    const { offers } = buildCatalog({ count: 5000, seed: 42, today, occupations, places });
    const share = (f: (o: (typeof offers)[number]) => boolean) => offers.filter(f).length / offers.length;
    expect(share((o) => o.input.language === 'nl')).toBeGreaterThan(0.8);
    expect(share((o) => o.input.format === 'in-person')).toBeGreaterThan(0.5);
    expect(share((o) => o.status === 'published')).toBeGreaterThan(0.93);
    expect(share((o) => o.input.incentiveDb !== null)).toBeGreaterThan(0.2);
    expect(share((o) => o.input.locations.length > 0)).toBeGreaterThan(0.75);
    expect(offers.every((o) => o.input.priceEur! >= 0 && (o.input.kind === 'degree' || o.input.priceEur! <= 4000))).toBe(true);
    expect(offers.every((o) => o.input.kind === 'degree' ? o.input.studyCredits! >= 60 : o.input.contactHours! >= 3 && o.input.contactHours! <= 900)).toBe(true);
    expect(offers.filter((o) => o.input.title.nl).slice(0, 50).every((o) => /(lasser|kok)$/.test(o.input.title.nl!))).toBe(true);
    // VOV needs ≥ 32 contact hours or ≥ 3 study credits: the generator registers no shorter offer
    expect(offers.filter((o) => o.input.incentiveDb).every((o) => (o.input.contactHours ?? 0) >= 32 || (o.input.studyCredits ?? 0) >= 3)).toBe(true);
  });

  it('gives an occupation offers in proportion to its weight, and names part of its courses after its topics in each language', () => {
    const topics = [{ nl: 'TIG-lassen', fr: 'soudage TIG', en: 'TIG welding' }];
    const weighted = [{ ...occupations[0]!, weight: 3, topics }, occupations[1]!];
    const { offers } = buildCatalog({ count: 4000, seed: 42, today, occupations: weighted, places });
    const welding = offers.filter((o) => o.input.occupations[0] === occupations[0]!.uri);
    expect(welding.length / offers.length).toBeGreaterThan(0.7); // 3 : 1 → 0.75
    expect(welding.length / offers.length).toBeLessThan(0.8);
    const byTopic = welding.filter((o) => o.input.title.nl?.includes('TIG-lassen') || o.input.title.fr === 'Formation soudage TIG');
    expect(byTopic.length).toBeGreaterThan(0);
    expect(byTopic.every((o) => o.input.kind === 'course')).toBe(true);
    expect(welding.some((o) => o.input.title.fr === 'Formation soudage TIG')).toBe(true);
    expect(welding.some((o) => o.input.title.en === 'TIG welding')).toBe(true);
    // the kok offers have no topics: their titles still name the occupation
    expect(offers.filter((o) => o.input.occupations[0] !== occupations[0]!.uri && o.input.title.nl).every((o) => o.input.title.nl!.endsWith('kok'))).toBe(true);
  });
});
