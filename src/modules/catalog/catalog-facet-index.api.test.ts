import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test-support/test-app.ts';
import { createSearchFixtureApp } from './catalog-search-app.test-support.ts';

// The in-process index (KOERS_SEARCH_ENGINE=index: waits for its loads) against the SQL engine (=sql):
// random searches over the fixture of catalog-search.api.test.ts must answer exactly the same
// (hits and their order, total, facets, suggestions, errors), also after a write.

const today = new Date().toISOString().slice(0, 10);
let t: TestApp;
const engineBefore = process.env.KOERS_SEARCH_ENGINE;

async function searchWith(engine: 'sql' | 'index', qs: string) {
  process.env.KOERS_SEARCH_ENGINE = engine;
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/offers?${qs}`, headers: { 'cache-control': 'no-cache' } });
  return { status: res.statusCode, body: res.json() };
}

async function expectSame(qs: string) {
  const sqlAnswer = await searchWith('sql', qs);
  const indexAnswer = await searchWith('index', qs);
  expect(indexAnswer, qs).toEqual(sqlAnswer);
  return indexAnswer;
}

beforeAll(async () => {
  ({ t } = await createSearchFixtureApp(today));
}, 180_000);
afterEach(() => {
  if (engineBefore === undefined) delete process.env.KOERS_SEARCH_ENGINE;
  else process.env.KOERS_SEARCH_ENGINE = engineBefore;
});
afterAll(async () => t?.close());

// most filters unused in a search, so that answers are not all empty
const some = <T,>(values: readonly T[]) =>
  fc.oneof({ weight: 8, arbitrary: fc.constant([] as T[]) }, { weight: 1, arbitrary: fc.subarray([...values], { minLength: 1, maxLength: 3 }) });
const searchQuery = fc
  .record({
    q: fc.constantFrom(null, null, null, null, 'lassen', 'lasen', 'soudage', 'boekhouding', 'welding', 'lasser', 'cursus', 'lassen bij Gent', 'programmeren', 'toneelmeester', 'xyzzy', 'de'),
    near: fc.constantFrom(null, null, null, '9000', '1000', 'Antwerpen', '4000', '3500'),
    km: fc.constantFrom(null, 5, 20, 60, 150),
    format: some(['in-person', 'online', 'blended']),
    level: some(['2', '3', '4', '5', '6']),
    lang: some(['nl', 'fr', 'en']),
    schedule: some(['day', 'evening', 'weekend']),
    province: some(['Oost-Vlaanderen', 'Antwerpen', 'Luik', 'Henegouwen']),
    region: some(['flanders', 'wallonia', 'brussels']),
    price: some(['free', 'lt-100', '100-500', '500-1000', 'gte-1000', 'unknown']),
    incentive: some(['vov', 'vouchers', 'training-credit', 'kmo']),
    providerKind: some(['syntra', 'adult-education-centre', 'private', 'university']),
    startWithin: fc.constantFrom(null, '4', '8', '26'),
    shortage: fc.constantFrom(null, 'true', 'false'),
    sort: fc.constantFrom(null, 'relevance', 'start', 'price', 'distance'),
    page: fc.constantFrom(1, 1, 2, 3),
    pageSize: fc.constantFrom(3, 7, 20, 100),
  })
  .map((r) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(r)) {
      if (v === null) continue;
      if (Array.isArray(v)) for (const x of v) qs.append(k, x);
      else qs.append(k, String(v));
    }
    return qs.toString();
  });

describe('facet index vs SQL engine', () => {
  it('answers a few dozen random searches identically (hits, order, total, facets, suggestions)', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(searchQuery, async (qs) => {
        const a = await expectSame(qs);
        if (a.status === 200 && a.body.total > 0) nonEmpty++;
      }),
      { numRuns: 100, seed: 20261129 },
    );
    // and a fixed set that is sure to have hits, with every sort
    for (const qs of ['pageSize=100', 'sort=price&pageSize=100', 'q=lassen&pageSize=100', 'near=9000&km=60&sort=distance&pageSize=100', 'q=lasser',
      'near=Gent&km=150&sort=price', 'q=lassen&near=9000&km=60&sort=start', 'format=in-person&incentive=vov&pageSize=100', 'page=2&pageSize=5&sort=start',
      // each facet filtered alone: its own counts are over the rows failing only that filter
      'format=online', 'level=3', 'lang=fr', 'schedule=evening', 'province=Antwerpen', 'region=wallonia', 'price=100-500', 'startWithin=4',
      'incentive=vouchers', 'incentive=kmo', 'providerKind=syntra', 'shortage=true']) {
      const a = await expectSame(qs);
      expect(a.status).toBe(200);
      expect(a.body.total, qs).toBeGreaterThan(0);
    }
    expect(nonEmpty, 'some random searches have hits').toBeGreaterThan(15);
  }, 120_000);

  it('follows a write: the index reloads for the new catalogue version', async () => {
    const before = await expectSame('sort=price&pageSize=100');
    const cheapest = before.body.hits.at(-1).id as string; // the dearest (or unpriced) offer becomes free
    await sql`UPDATE catalog_offer SET price_eur = 0 WHERE id = ${cheapest}::uuid`.execute(t.database.db);
    const after = await expectSame('sort=price&pageSize=100');
    const free = after.body.facets.priceBand.find((x: { value: string }) => x.value === 'free').count as number;
    const at = after.body.hits.findIndex((h: { id: string }) => h.id === cheapest);
    expect(after.body.hits[at].priceEur).toBe(0);
    expect(at).toBeLessThan(free); // among the free offers, which sort first
    await sql`UPDATE catalog_offer SET status = 'archived' WHERE id = ${cheapest}::uuid`.execute(t.database.db);
    const archived = await expectSame('pageSize=100');
    expect(archived.body.total).toBe(before.body.total - 1);
    expect(archived.body.hits.map((h: { id: string }) => h.id)).not.toContain(cheapest);
  });
});
