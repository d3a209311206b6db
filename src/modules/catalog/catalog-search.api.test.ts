import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test-support/test-app.ts';
import { createSearchFixtureApp } from './catalog-search-app.test-support.ts';
import { haversineKm, OFFERS, PLACES, PROVIDERS, type FixtureOffer } from './catalog-search.test-support.ts';
import { FACETS, type SearchResult } from './catalog-search.schema.ts';

// Catalogue search over a fixed fixture of 42 offers (nl, fr, en), on a database with ESCO loaded.

const today = new Date().toISOString().slice(0, 10);

let t: TestApp;
let ids: Map<string, string>;
let keyOf: Map<string, string>;
const get = async (url: string) => t.app.inject({ method: 'GET', url });
const search = async (qs: string): Promise<SearchResult> => {
  const res = await get(`/api/v1/catalog/offers?${qs}`);
  expect(res.statusCode, `${qs}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json();
};
const keys = (r: SearchResult) => r.hits.map((h) => keyOf.get(h.id) ?? h.id);

beforeAll(async () => {
  ({ t, ids } = await createSearchFixtureApp(today));
  keyOf = new Map([...ids].map(([k, id]) => [id, k]));
}, 180_000);
afterAll(async () => t?.close());

describe('relevance: a dozen queries in Dutch, French and English', () => {
  const cases: Array<{ q: string; top: string[]; also?: string[] }> = [
    // the Dutch courses first; then, through its agent noun "lasser" (= ESCO welder), courses whose text lacks the word
    { q: 'lassen', top: ['weld-gent', 'weld-mig-gent', 'weld-tig-antw', 'weld-aalst'], also: ['weld-en', 'weld-namur'] },
    { q: 'lasen', top: ['weld-gent', 'weld-mig-gent', 'weld-tig-antw', 'weld-aalst'] }, // typo
    { q: 'soudage', top: ['weld-liege', 'weld-namur'] },
    { q: 'welding', top: ['weld-en'] },
    { q: 'boekhouding', top: ['acc-nl', 'acc-nl-2'] },
    { q: 'boekhoudng', top: ['acc-nl', 'acc-nl-2'] }, // typo
    { q: 'comptabilité', top: ['acc-fr', 'acc-fr-2'] },
    { q: 'accounting', top: ['acc-en'] },
    { q: 'programmeren', top: ['prog-py', 'prog-js'] },
    { q: 'programmeur', top: ['prog-fr'] },
    { q: 'toneelmeester', top: ['stage'] }, // ESCO alternative label of "technical director"
    { q: 'lasser', top: [], also: ['weld-en', 'weld-namur'] }, // ESCO: lasser = welder, also offers whose text lacks it
    { q: 'heftruk', top: ['forklift'] }, // typo
    { q: 'projectmanagment', top: ['pm-nl'] }, // typo
    { q: 'cuisine professionnelle', top: ['cook-fr'] },
    { q: 'Professional cooking', top: ['cook-en'] },
  ];
  for (const c of cases) {
    it(`"${c.q}" finds ${[...c.top, ...(c.also ?? [])].join(', ')}`, async () => {
      const r = await search(`q=${encodeURIComponent(c.q)}`);
      const got = keys(r);
      expect(new Set(got.slice(0, c.top.length)), `${c.q}: ${got.join(', ')}`).toEqual(new Set(c.top));
      for (const k of c.also ?? []) expect(got, c.q).toContain(k);
      expect(got).not.toContain('weld-draft');
      expect(got).not.toContain('weld-archived');
      expect(r.hits.every((h) => typeof h.score === 'number')).toBe(true);
    });
  }

  it('"lassen bij Gent" searches welding near Gent (20 km): Gent yes, Aalst (≈ 26 km) and Antwerp no', async () => {
    const r = await search(`q=${encodeURIComponent('lassen bij Gent')}`);
    expect(r.near).toMatchObject({ name: 'Gent', postalCode: '9000', km: 20, fromQuery: true });
    expect(r.q).toBe('lassen');
    expect(new Set(keys(r))).toEqual(new Set(['weld-gent', 'weld-mig-gent']));
    expect(r.hits.every((h) => h.distanceKm !== null && h.distanceKm < 1)).toBe(true);
    const wider = await search(`q=${encodeURIComponent('lassen bij Gent')}&km=30`);
    expect(new Set(keys(wider))).toEqual(new Set(['weld-gent', 'weld-mig-gent', 'weld-aalst']));
    // a word that is not a place stays text
    expect((await search(`q=${encodeURIComponent('cursus in Excel')}`)).near).toBeNull();
  });

  it('answers nothing but published offers, with provider, next session, incentives and the synthetic flag', async () => {
    const r = await search('pageSize=100');
    const published = OFFERS.filter((o) => (o.status ?? 'published') === 'published');
    expect(r.total).toBe(published.length);
    const gent = r.hits.find((h) => keyOf.get(h.id) === 'weld-gent')!;
    expect(gent).toMatchObject({
      title: { nl: 'Lassen voor beginners' }, provider: { id: 'fx-cvo-gent', kind: 'adult-education-centre' }, format: 'in-person', level: 3,
      priceEur: 450, place: { name: 'Gent', postalCode: '9000' }, incentives: { vov: true, vouchers: true, trainingCredit: false, kmo: false }, shortage: true, synthetic: true,
    });
    expect(gent.nextSession).toMatchObject({ schedule: 'evening', seatsLeft: 12 });
    expect(r.hits.find((h) => keyOf.get(h.id) === 'weld-aalst')!.incentives.vov).toBe(false); // registration expired
    expect(r.synthetic).toBe(true);
  });
});

// ---- facets against a brute-force count ----

type Filters = Partial<Record<'format' | 'level' | 'lang' | 'schedule' | 'province' | 'region' | 'price' | 'incentive' | 'providerKind' | 'startWithin' | 'shortage', string[]>>;
const days = (o: FixtureOffer) => o.starts.map(([d]) => d).filter((d) => d >= 0);
const band = (p: number | null) => (p === null ? 'unknown' : p === 0 ? 'free' : p < 100 ? 'lt-100' : p < 500 ? '100-500' : p < 1000 ? '500-1000' : 'gte-1000');
/** The values an offer has for each facet (several for schedule, incentive, province, region, startWithin). */
function valuesOf(o: FixtureOffer): Record<(typeof FACETS)[number], string[]> {
  const p = PROVIDERS.find((x) => x.id === o.provider)!;
  const next = days(o).length ? Math.min(...days(o)) : null;
  return {
    format: [o.format],
    level: o.level === null ? [] : [String(o.level)],
    language: [o.language],
    schedule: [...new Set(o.starts.map(([, s]) => s))],
    province: [...new Set(o.places.map((c) => PLACES[c].province).filter((x): x is NonNullable<typeof x> => !!x))],
    region: [...new Set(o.places.map((c) => PLACES[c].region))],
    priceBand: [band(o.price)],
    startWithin: next === null ? [] : ['4', '8', '12', '26'].filter((w) => next <= Number(w) * 7),
    incentive: [o.vov === 'valid' && 'vov', o.vouchers && 'vouchers', o.trainingCredit && 'training-credit', p.kmo && 'kmo'].filter((x): x is string => !!x),
    providerKind: [p.kind],
    shortage: [String(o.shortage ?? false)],
  };
}
const paramToFacet = { format: 'format', level: 'level', lang: 'language', schedule: 'schedule', province: 'province', region: 'region', price: 'priceBand', incentive: 'incentive', providerKind: 'providerKind', startWithin: 'startWithin', shortage: 'shortage' } as const;

function bruteForce(base: FixtureOffer[], filters: Filters) {
  const passes = (o: FixtureOffer, except: string | null) =>
    Object.entries(filters).every(([param, chosen]) => {
      const facet = paramToFacet[param as keyof typeof paramToFacet];
      return facet === except || !chosen?.length || valuesOf(o)[facet].some((v) => chosen.includes(v));
    });
  const facets = Object.fromEntries(FACETS.map((f) => {
    const counts = new Map<string, number>();
    for (const o of base) if (passes(o, f)) for (const v of valuesOf(o)[f]) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [f, counts];
  }));
  return { total: base.filter((o) => passes(o, null)).length, facets };
}

describe('facet counts: each facet over every other filter, checked by brute force', () => {
  const published = OFFERS.filter((o) => (o.status ?? 'published') === 'published');
  const combos: Array<{ q?: string; filters: Filters }> = [
    { filters: {} },
    { filters: { format: ['in-person'] } },
    { filters: { format: ['online', 'blended'], level: ['5'] } },
    { filters: { incentive: ['vouchers', 'vov'], region: ['flanders'] } },
    { filters: { schedule: ['evening'], price: ['100-500', 'lt-100'], shortage: ['true'] } },
    { filters: { province: ['Oost-Vlaanderen', 'Antwerpen'], providerKind: ['syntra', 'adult-education-centre'], startWithin: ['8'] } },
    { filters: { lang: ['fr'], price: ['free'] } },
    { q: 'lassen', filters: {} },
    { q: 'lassen', filters: { format: ['in-person'], incentive: ['vouchers'] } },
  ];
  for (const c of combos) {
    it(`${c.q ? `q=${c.q} ` : ''}${JSON.stringify(c.filters)}`, async () => {
      const qs = new URLSearchParams({ pageSize: '100', ...(c.q ? { q: c.q } : {}) });
      for (const [k, vs] of Object.entries(c.filters)) for (const v of vs) qs.append(k, v);
      const r = await search(qs.toString());
      // the base set (text only) comes from the API itself; the facet semantics are checked on it
      const base = c.q ? keys(await search(`q=${c.q}&pageSize=100`)).map((k) => OFFERS.find((o) => o.key === k)!) : published;
      const want = bruteForce(base, c.filters);
      expect(r.total).toBe(want.total);
      expect(r.hits).toHaveLength(Math.min(100, want.total));
      for (const f of FACETS) {
        const got = new Map(r.facets[f].filter((x) => x.count > 0).map((x) => [x.value, x.count]));
        expect(got, f).toEqual(want.facets[f]);
      }
    });
  }

  it('lists every value of a fixed facet, zero counts included, and a chosen province even when empty', async () => {
    const r = await search('province=Henegouwen');
    expect(r.total).toBe(0);
    expect(r.facets.format.map((x) => x.value)).toEqual(['in-person', 'online', 'blended']);
    expect(r.facets.province).toContainEqual({ value: 'Henegouwen', count: 0 });
  });
});

describe('distance', () => {
  it('measures Gent–Brussel as about 50 km, and filters and sorts by it', async () => {
    expect(haversineKm(PLACES['9000'], PLACES['1000'])).toBeGreaterThan(45);
    expect(haversineKm(PLACES['9000'], PLACES['1000'])).toBeLessThan(55);
    const r = await search('near=9000&km=60&sort=distance&pageSize=100');
    expect(r.near).toMatchObject({ name: 'Gent', km: 60, fromQuery: false });
    const d = r.hits.map((h) => h.distanceKm!);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    const brussels = r.hits.find((h) => keyOf.get(h.id) === 'acc-fr')!;
    expect(brussels.distanceKm).toBeCloseTo(haversineKm(PLACES['9000'], PLACES['1000']), 0);
    // every in-person offer within 60 km of Gent, none beyond, no online-only offer
    const want = OFFERS.filter((o) => (o.status ?? 'published') === 'published' && o.places.some((c) => haversineKm(PLACES['9000'], PLACES[c]) <= 60)).map((o) => o.key);
    expect(new Set(keys(r))).toEqual(new Set(want));
    const byName = await search('near=Gent&km=60');
    expect(byName.total).toBe(r.total);
    // the nearest location shows, with its distance
    const care = (await search('near=9300&km=5')).hits.find((h) => keyOf.get(h.id) === 'care-nl')!;
    expect(care.place).toEqual({ name: 'Aalst', postalCode: '9300' });
  });

  it('sorts by price and start date with a stable tiebreaker', async () => {
    const byPrice = (await search('sort=price&pageSize=100')).hits.map((h) => h.priceEur ?? Infinity);
    expect(byPrice).toEqual([...byPrice].sort((a, b) => a - b));
    const byStart = (await search('sort=start&pageSize=100')).hits.map((h) => h.nextSession?.startsOn ?? '9999');
    expect(byStart).toEqual([...byStart].sort());
  });
});

describe('pagination', () => {
  for (const sort of ['start', 'price', 'relevance']) {
    it(`concatenating pages gives each offer once (sort=${sort})`, async () => {
      const q = sort === 'relevance' ? '&q=lassen%20cursus%20boekhouding' : '';
      const all = await search(`sort=${sort}&pageSize=100${q}`);
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(all.total / 7) + 1; page++) {
        const r = await search(`sort=${sort}&pageSize=7&page=${page}${q}`);
        expect(r.total).toBe(all.total);
        seen.push(...r.hits.map((h) => h.id));
      }
      expect(seen).toEqual(all.hits.map((h) => h.id));
      expect(new Set(seen).size).toBe(seen.length);
    });
  }

  it('answers a page past the end with no hits and the right total', async () => {
    const r = await search('page=50&pageSize=10');
    expect(r.hits).toEqual([]);
    expect(r.total).toBe(OFFERS.filter((o) => (o.status ?? 'published') === 'published').length);
  });
});

describe('zero results', () => {
  it('suggests which single filter to relax, with counts', async () => {
    const r = await search('q=soudage&format=online&region=wallonia');
    expect(r.total).toBe(0);
    expect(r.suggestions).toEqual([{ relax: 'format', count: 2 }]); // the two welding courses in Wallonia; none online anywhere
    const withNear = await search('q=soudage&near=9000&km=5&lang=fr');
    expect(withNear.suggestions).toEqual([{ relax: 'near', count: 2 }]); // km 10 or no language filter still finds nothing
    const km = await search('q=zorgkundige&near=2000&km=30');
    expect(km.suggestions).toContainEqual({ relax: 'km', km: 60, count: 1 });
  });
});

describe('bad input: a 400 naming the field or an empty answer, never a 500', () => {
  it('takes quotes, operators, emoji, other scripts and long text', async () => {
    const odd = ['"lassen"', "o'neill", 'lassen & | ! :* ( )', '!!!', "'; DROP TABLE catalog_offer; --", 'las* OR 1=1', '100%_\\', 'сварка', '🔥', '🔥 lassen', '<script>', 'ﷺ', '\u0000x', 'a'.repeat(200), `${'lassen '.repeat(28)}`];
    for (const q of odd) {
      const res = await get(`/api/v1/catalog/offers?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q.slice(0, 40)).toBeLessThan(500);
      if (res.statusCode === 200) expect(Array.isArray(res.json().hits)).toBe(true);
    }
    // quotes and emoji are separators: the same answer as the word alone
    const plain = (await search('q=lassen')).total;
    expect(plain).toBeGreaterThan(0);
    expect((await search(`q=${encodeURIComponent('"lassen"')}`)).total).toBe(plain);
    expect((await search(`q=${encodeURIComponent('🔥 lassen')}`)).total).toBe(plain);
    expect((await search(`q=${encodeURIComponent('сварка')}`)).total).toBe(0);
  });

  it('answers 400 with the field for long text, bad distances, unknown places and values', async () => {
    const cases: Array<[string, string]> = [
      [`q=${'a'.repeat(10_000)}`, 'q'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['near=9000&km=-5', 'km'],
      ['near=9000&km=0', 'km'],
      ['near=9000&km=100000', 'km'],
      ['near=9000&km=abc', 'km'],
      ['near=Atlantis', 'near'],
      ['near=0000', 'near'],
      ['sort=distance', 'sort'],
      ['sort=random', 'sort'],
      ['format=hologram', 'format'],
      ['level=9', 'level'],
      ['lang=xx', 'lang'],
      ['incentive=free-money', 'incentive'],
      ['startWithin=3', 'startWithin'],
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['page=1e9', 'page'],
      ['pageSize=1000', 'pageSize'],
      ['shortage=maybe', 'shortage'],
    ];
    for (const [qs, field] of cases) {
      const res = await get(`/api/v1/catalog/offers?${qs}`);
      expect(res.statusCode, qs.slice(0, 60)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(JSON.stringify(res.json().errors), qs.slice(0, 60)).toContain(field);
    }
    // an unknown province is a value the data may simply not have: an empty answer
    expect((await search('province=Atlantis')).total).toBe(0);
  });
});

describe('autocomplete', () => {
  it('suggests titles by prefix and word prefix, and ESCO occupations, at most 10, typed', async () => {
    const items = async (q: string) => {
      const res = await get(`/api/v1/catalog/suggest?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      return res.json().items as Array<{ type: string; label: string }>;
    };
    const las = await items('las');
    expect(las.length).toBeLessThanOrEqual(10);
    expect(las.filter((i) => i.type === 'title').map((i) => i.label)).toEqual(expect.arrayContaining(['Lassen voor beginners', 'Lassen in de bouw', 'MIG/MAG-lassen']));
    expect(las.map((i) => i.label)).not.toContain('Lassen (concept)'); // a draft
    expect(las.some((i) => i.type === 'occupation' && i.label === 'lasser')).toBe(true);
    expect((await items('Comp')).map((i) => i.label)).toContain('Comptabilité générale');
    expect((await items('ex')).map((i) => i.label)).toEqual(expect.arrayContaining(['Excel voor gevorderden', 'Excel pour débutants']));
    for (const q of ['🔥', 'сва', '%', '"\'']) expect((await get(`/api/v1/catalog/suggest?q=${encodeURIComponent(q)}`)).statusCode, q).toBe(200);
    for (const q of ['', 'a'.repeat(101)]) expect((await get(`/api/v1/catalog/suggest?q=${q}`)).statusCode).toBe(400);
  });
});
