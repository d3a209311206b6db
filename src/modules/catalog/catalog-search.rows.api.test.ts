import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test-support/test-app.ts';
import type { SearchResult } from './catalog-search.schema.ts';
import { catalogMigrationsDir } from './catalog-search.test-support.ts';
import { addProvider, offerInput, signIn, welderSkills } from './catalog.test-support.ts';

// The narrow search rows (catalog_offer_search) follow every write in its own transaction: created,
// updated, imported, archived offers and changed providers. Checked two ways: the rows equal what
// catalog_search_refresh computes afresh, and searches (which keep answers per catalogue version)
// see each change at once.

let t: TestApp;
let admin: TestClient;
let provider: TestClient;
let skills: string[];
const WORD = 'zzrowstest'; // a title word no other offer has

type Row = { offer_id: string; mask: string; provinces: string[]; next_start: string | null; starts: string[]; vov: boolean; price_eur: number | null };
const rows = async (): Promise<Row[]> =>
  (await sql<Row>`SELECT offer_id, mask::text AS mask, provinces, next_start, starts::text[] AS starts, vov, price_eur FROM catalog_offer_search
    WHERE offer_id IN (SELECT id FROM catalog_offer WHERE provider_id = 'rows-provider') ORDER BY offer_id`.execute(t.database.db)).rows;
/** The stored rows equal a fresh computation from the offers, locations, sessions and providers. */
async function expectInSync() {
  const before = await rows();
  await sql`SELECT catalog_search_refresh(ARRAY(SELECT id FROM catalog_offer WHERE provider_id = 'rows-provider'))`.execute(t.database.db);
  expect(before).toEqual(await rows());
  const published = await sql<{ n: number }>`SELECT count(*)::int AS n FROM catalog_offer WHERE provider_id = 'rows-provider' AND status = 'published'`.execute(t.database.db);
  expect(before).toHaveLength(published.rows[0]!.n);
}
const search = async (qs: string): Promise<SearchResult> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/offers?${qs}` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
};
const count = (r: SearchResult, facet: keyof SearchResult['facets'], value: string) => r.facets[facet].find((x) => x.value === value)?.count ?? 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, 'admin');
  await addProvider(admin, 'rows-provider', { kmoRegistered: false });
  provider = await signIn(t, 'provider', 'rows-provider');
  skills = await welderSkills(t);
});
afterAll(async () => t?.close());

describe('search rows follow the writes', () => {
  let id: string;

  it('after a create and an update (format, place, price, sessions, title)', async () => {
    const created = await provider.request({ method: 'POST', url: '/api/v1/catalog/offers', payload: offerInput(skills, { externalId: 'ROW-1', title: { nl: `Lassen ${WORD}` } }) });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    await expectInSync();
    const first = await search(`q=${WORD}`);
    expect(first.hits.map((h) => h.id)).toEqual([id]);
    expect([count(first, 'format', 'in-person'), count(first, 'region', 'flanders'), count(first, 'priceBand', '100-500'), count(first, 'schedule', 'evening')]).toEqual([1, 1, 1, 1]);
    expect(count(first, 'province', 'Oost-Vlaanderen')).toBe(1);

    const updated = await provider.request({
      method: 'PUT', url: `/api/v1/catalog/offers/${id}`,
      payload: offerInput(skills, { externalId: 'ROW-1', title: { nl: `Lassen ${WORD}` }, format: 'online', locations: [], priceEur: 0, sessions: [{ startsOn: '2027-04-01', endsOn: '2027-04-30', schedule: 'day' }] }),
    });
    expect(updated.statusCode, updated.body).toBe(200);
    await expectInSync();
    const after = await search(`q=${WORD}`); // the same search: the kept answer is not used after a write
    expect(after.total).toBe(1);
    expect([count(after, 'format', 'online'), count(after, 'format', 'in-person'), count(after, 'priceBand', 'free'), count(after, 'schedule', 'day'), count(after, 'schedule', 'evening')]).toEqual([1, 0, 1, 1, 0]);
    expect(after.facets.region).toEqual([]);
    expect(after.facets.province).toEqual([]);
    expect((await search(`q=${WORD}&format=in-person`)).total).toBe(0);
  });

  it('after a change of the provider (KMO registration) and an archive', async () => {
    expect(count(await search(`q=${WORD}`), 'incentive', 'kmo')).toBe(0);
    await addProvider(admin, 'rows-provider', { kmoRegistered: true });
    await expectInSync();
    expect(count(await search(`q=${WORD}`), 'incentive', 'kmo')).toBe(1);
    expect((await provider.request({ method: 'POST', url: `/api/v1/catalog/offers/${id}/archive` })).statusCode).toBe(200);
    await expectInSync();
    expect((await search(`q=${WORD}`)).total).toBe(0);
  });

  it('after an import that creates and one that updates', async () => {
    const body = (price: number, place: string) => [
      offerInput(skills, { externalId: 'ROW-IMP-1', title: { nl: `Lassen ${WORD} import` }, priceEur: price, locations: [{ postalCode: place }] }),
      offerInput(skills, { externalId: 'ROW-IMP-2', title: { nl: `Solderen ${WORD} import` }, format: 'blended', locations: [{ postalCode: '2000' }] }),
    ];
    const imp = async (b: unknown) => provider.request({ method: 'POST', url: '/api/v1/catalog/import', payload: b as never, headers: { 'content-type': 'application/json' } });
    const first = await imp(body(180, '9000'));
    expect(first.statusCode, first.body).toBe(200);
    await expectInSync();
    let r = await search(`q=${WORD}`);
    expect(r.total).toBe(2);
    expect([count(r, 'province', 'Oost-Vlaanderen'), count(r, 'province', 'Antwerpen'), count(r, 'priceBand', '100-500')]).toEqual([1, 1, 2]);

    const second = await imp(body(1500, '2000'));
    expect(second.json().summary).toMatchObject({ update: 1, unchanged: 1 });
    await expectInSync();
    r = await search(`q=${WORD}`);
    expect([count(r, 'province', 'Oost-Vlaanderen'), count(r, 'province', 'Antwerpen'), count(r, 'priceBand', 'gte-1000'), count(r, 'priceBand', '100-500')]).toEqual([0, 2, 1, 1]);
    expect((await search(`q=${WORD}&province=Antwerpen&price=gte-1000`)).total).toBe(1);
  });

  it('answers the same with and without the kept answers', async () => {
    for (const qs of [`q=${WORD}`, 'format=online&level=3', 'q=lassen&near=9000&km=30&sort=distance']) {
      const kept = await search(qs);
      const fresh = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/offers?${qs}`, headers: { 'cache-control': 'no-cache' } });
      expect(fresh.json(), qs).toEqual(kept);
    }
  });
});

describe('migration 202611291500-catalog-search-rows', () => {
  it('goes down and up again, building the rows of every published offer', async () => {
    const file = (which: 'up' | 'down') => fs.readFile(path.join(catalogMigrationsDir, `202611291500-catalog-search-rows.${which}.sql`), 'utf8');
    const tables = async () => (await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.tables WHERE table_name IN ('catalog_offer_search', 'catalog_search_version') ORDER BY 1`.execute(t.database.db)).rows.map((r) => r.t);
    const before = await search('format=online&level=3');
    await sql.raw(await file('down')).execute(t.database.db);
    expect(await tables()).toEqual([]);
    await sql.raw(await file('up')).execute(t.database.db);
    expect(await tables()).toEqual(['catalog_offer_search', 'catalog_search_version']);
    const n = async (q: string) => (await sql<{ n: number }>`${sql.raw(q)}`.execute(t.database.db)).rows[0]!.n;
    expect(await n('SELECT count(*)::int AS n FROM catalog_offer_search')).toBe(await n("SELECT count(*)::int AS n FROM catalog_offer WHERE status = 'published'"));
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/offers?format=online&level=3', headers: { 'cache-control': 'no-cache' } });
    expect(again.json()).toEqual(before);
  });
});
