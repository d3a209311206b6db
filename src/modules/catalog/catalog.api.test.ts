import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test-support/test-app.ts';
import { expectRoleMatrix } from '../../../test-support/role-matrix.ts';
import path from 'node:path';
import { rootDir } from '../../platform/config.ts';
import { addProvider, countRows, offerInput, signIn, WELDER, welderSkills } from './catalog.test-support.ts';
import { placeFor } from './catalog.service.ts';
import { loadPlaces } from './catalog-places.ts';

describe('catalog offers and providers API', () => {
  let t: TestApp;
  let admin: TestClient;
  let provider: TestClient; // bound to test-provider
  let other: TestClient; // bound to other-provider
  let skills: string[];
  let published: string; // test-provider's published offer
  let draft: string; // test-provider's draft

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t, 'admin');
    await addProvider(admin, 'test-provider', { enterpriseNumber: '0123.456.749' });
    await addProvider(admin, 'other-provider', { kmoRegistered: false, kind: 'private' });
    provider = await signIn(t, 'provider', 'test-provider');
    other = await signIn(t, 'provider', 'other-provider');
    skills = await welderSkills(t);
    const a = await provider.request({ method: 'POST', url: '/api/v1/catalog/offers', payload: offerInput(skills) });
    expect(a.statusCode, a.body).toBe(201);
    published = a.json().id;
    const b = await provider.request({ method: 'POST', url: '/api/v1/catalog/offers', payload: offerInput(skills, { externalId: 'LAS-002', status: 'draft' }) });
    expect(b.statusCode, b.body).toBe(201);
    draft = b.json().id;
  });
  afterAll(async () => t?.close());

  it('returns a published offer to anyone, with sessions, places, labelled ESCO skills, attribution and incentives', async () => {
    const res = await t.client().request({ method: 'GET', url: `/api/v1/catalog/offers/${published}` });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({ externalId: 'LAS-001', title: { nl: 'Opleiding lasser', en: 'Welding course' }, status: 'published', synthetic: false, shortage: true, priceEur: 180, contactHours: 120 });
    expect(o.provider).toMatchObject({ id: 'test-provider', enterpriseNumber: '0123456749', kmoRegistered: true, synthetic: false });
    expect(o.skills).toHaveLength(4);
    expect(o.skills.every((s: { label: string | null }) => typeof s.label === 'string' && s.label.length > 0)).toBe(true);
    expect(o.occupations).toEqual([{ uri: WELDER, label: 'lasser', labelLang: 'nl' }]);
    expect(o.esco.text).toMatch(/ESCO/);
    expect(o.locations).toEqual([{ postalCode: '9000', place: 'Gent', lat: 51.0678307, lng: 3.7290914, province: 'Oost-Vlaanderen', region: 'flanders' }]);
    expect(o.sessions.map((s: { startsOn: string }) => s.startsOn)).toEqual(['2027-01-10', '2027-02-01']);
    expect(o.nextStart).toBe('2027-01-10');
    expect(o.schedules).toEqual(['evening', 'weekend']);
    const flags = Object.fromEntries(o.incentives.map((f: { key: string; unlocked: boolean }) => [f.key, f.unlocked]));
    expect(flags).toEqual({ vov: true, vouchers: true, 'training-credit': false, 'kmo-portefeuille': true });
    expect(o.incentives.every((f: { reason: string }) => f.reason.length > 5)).toBe(true);
  });

  it('writes the denormalised search columns and an audit entry with the offer', async () => {
    const row = await t.database.db.selectFrom('catalog_offer').selectAll().where('id', '=', published).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ provider_name: 'Testcentrum test-provider', provider_kind: 'adult-education-centre', next_start: '2027-01-10', shortage: true });
    expect(row.occupation_labels).toBe('lasser | welder');
    expect(row.skill_labels.split(' | ')).toHaveLength(4);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'catalog_offer').where('entity_id', '=', published).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('shows a draft only to its own provider and admins', async () => {
    expect((await t.client().request({ method: 'GET', url: `/api/v1/catalog/offers/${draft}` })).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: `/api/v1/catalog/offers/${draft}` })).statusCode).toBe(404);
    expect((await provider.request({ method: 'GET', url: `/api/v1/catalog/offers/${draft}` })).statusCode).toBe(200);
    expect((await admin.request({ method: 'GET', url: `/api/v1/catalog/offers/${draft}` })).json().status).toBe('draft');
    expect((await t.client().request({ method: 'GET', url: '/api/v1/catalog/offers/not-a-uuid' })).statusCode).toBe(400);
    expect((await t.client().request({ method: 'GET', url: '/api/v1/catalog/offers/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });

  it("lists a provider's own offers in every status, to that provider and admins only", async () => {
    const own = await provider.request({ method: 'GET', url: '/api/v1/catalog/providers/test-provider/offers' });
    expect(own.statusCode, own.body).toBe(200);
    const ids = own.json().items.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([published, draft]));
    expect(own.json().items.find((o: { id: string }) => o.id === draft).status).toBe('draft');
    const drafts = (await admin.request({ method: 'GET', url: '/api/v1/catalog/providers/test-provider/offers?status=draft' })).json();
    expect(drafts.items.every((o: { status: string }) => o.status === 'draft')).toBe(true);
    expect((await other.request({ method: 'GET', url: '/api/v1/catalog/providers/test-provider/offers' })).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url: '/api/v1/catalog/providers/nobody/offers' })).statusCode).toBe(404);
  });

  it('never lets a provider touch another provider\'s offers, and writes nothing when it tries', async () => {
    const before = await countRows(t, 'audit_log');
    const put = await other.request({ method: 'PUT', url: `/api/v1/catalog/offers/${published}`, payload: offerInput(skills, { title: { nl: 'Gekaapt' } }) });
    expect(put.statusCode).toBe(403);
    expect((await other.request({ method: 'POST', url: `/api/v1/catalog/offers/${published}/archive` })).statusCode).toBe(403);
    expect((await other.request({ method: 'POST', url: '/api/v1/catalog/offers?provider=test-provider', payload: offerInput(skills, { externalId: 'X-1' }) })).statusCode).toBe(403);
    const imp = await other.request({ method: 'POST', url: '/api/v1/catalog/import?provider=test-provider', payload: [offerInput(skills, { externalId: 'LAS-001', title: { nl: 'Gekaapt' } })] });
    expect(imp.statusCode).toBe(403);
    // its own import with the same externalId creates its own offer; test-provider's stays as it was
    const own = await other.request({ method: 'POST', url: '/api/v1/catalog/import', payload: [offerInput(skills, { externalId: 'LAS-001', title: { nl: 'Eigen lasopleiding' } })] });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().summary.create).toBe(1);
    expect((await t.client().request({ method: 'GET', url: `/api/v1/catalog/offers/${published}` })).json().title.nl).toBe('Opleiding lasser');
    expect(await countRows(t, 'audit_log')).toBe(before + 1);
  });

  it('lets the owning provider update and archive; archived offers leave the public catalogue', async () => {
    const res = await provider.request({ method: 'PUT', url: `/api/v1/catalog/offers/${draft}`, payload: offerInput(skills, { externalId: 'LAS-002', status: 'draft', title: { nl: 'Basiscursus lasser' }, locations: [{ postalCode: '2000' }, { postalCode: '9000', place: 'Gent' }] }) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().title).toEqual({ nl: 'Basiscursus lasser' });
    expect(res.json().locations.map((l: { postalCode: string }) => l.postalCode)).toEqual(['2000', '9000']);
    const clash = await provider.request({ method: 'PUT', url: `/api/v1/catalog/offers/${draft}`, payload: offerInput(skills, { externalId: 'LAS-001' }) });
    expect(clash.statusCode).toBe(409);
    const dup = await provider.request({ method: 'POST', url: '/api/v1/catalog/offers', payload: offerInput(skills) });
    expect(dup.statusCode).toBe(409);
    const arch = await provider.request({ method: 'POST', url: `/api/v1/catalog/offers/${draft}/archive` });
    expect(arch.statusCode).toBe(200);
    expect(arch.json().status).toBe('archived');
    expect((await t.client().request({ method: 'GET', url: `/api/v1/catalog/offers/${draft}` })).statusCode).toBe(404);
  });

  it('refuses bad offers with 400/422 naming each field, and writes nothing', async () => {
    const offers = await countRows(t, 'catalog_offer');
    const cases: Array<[Record<string, unknown>, string, number]> = [
      [{ title: {} }, 'body.title', 400],
      [{ title: { nl: '<script>alert(1)</script>' } }, 'body.title.nl', 400],
      [{ summary: { en: 'a > b' } }, 'body.summary.en', 400],
      [{ levelEqf: 9 }, 'body.levelEqf', 400],
      [{ priceEur: -1 }, 'body.priceEur', 400],
      [{ url: 'javascript:alert(1)' }, 'body.url', 400],
      [{ url: 'ftp://example.com/x' }, 'body.url', 400],
      [{ sessions: [{ startsOn: '2027-02-01', endsOn: '2027-01-01', schedule: 'day' }] }, 'body.sessions.0.endsOn', 400],
      [{ sessions: [{ startsOn: '2027-02-30', endsOn: '2027-03-01', schedule: 'day' }] }, 'body.sessions.0.startsOn', 400],
      [{ locations: [{ postalCode: '9000', lat: 48.85, lng: 2.35 }] }, 'body.locations.0.lat', 400],
      [{ locations: [{ postalCode: '9000', lat: 51.05, lng: 7.2 }] }, 'body.locations.0.lng', 400],
      [{ locations: [{ postalCode: '0999' }] }, 'body.locations.0.postalCode', 400],
      [{ kind: 'webinar' }, 'body.kind', 400],
      [{ skills: ['http://example.com/skill'] }, 'body.skills.0', 400],
      [{ unknownField: 1 }, 'body', 400],
      [{ locations: [{ postalCode: '9999' }] }, 'body.locations.0.postalCode', 422],
      [{ locations: [{ postalCode: '9000', place: 'Atlantis' }] }, 'body.locations.0.place', 422],
      [{ skills: ['http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000'] }, 'body.skills.0', 422],
    ];
    for (const [over, field, status] of cases) {
      const res = await provider.request({ method: 'POST', url: '/api/v1/catalog/offers', payload: offerInput(skills, { externalId: 'BAD-1', ...over } as never) });
      expect(res.statusCode, `${JSON.stringify(over)}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(over)).toContain(field);
    }
    expect(await countRows(t, 'catalog_offer')).toBe(offers);
  });

  it('exports schema.org Course JSON-LD and ELM-compatible JSON', async () => {
    const ld = await t.client().request({ method: 'GET', url: `/api/v1/catalog/offers/${published}/jsonld` });
    expect(ld.statusCode).toBe(200);
    expect(ld.headers['content-type']).toMatch(/application\/ld\+json/);
    expect(ld.json()).toMatchObject({ '@context': 'https://schema.org', '@type': 'Course', name: 'Opleiding lasser', provider: { '@type': 'Organization' }, offers: { price: 180, priceCurrency: 'EUR' } });
    expect(ld.json().hasCourseInstance).toHaveLength(2);
    expect(ld.json().teaches).toHaveLength(4);
    const elm = await t.client().request({ method: 'GET', url: `/api/v1/catalog/offers/${published}/elm` });
    expect(elm.statusCode).toBe(200);
    const e = elm.json();
    expect(e).toMatchObject({ type: 'LearningOpportunity', title: { nl: 'Opleiding lasser', en: 'Welding course' }, providedBy: { type: 'Organisation', registration: { notation: '0123.456.749' } }, language: 'nl' });
    expect(e.learningAchievementSpecification.learningOutcome.map((x: { relatedESCOSkill: string }) => x.relatedESCOSkill)).toEqual(skills);
    expect(e.priceDetail.amount).toEqual({ type: 'Amount', value: 180, unit: 'EUR' });
    expect(e.temporal).toHaveLength(2);
    expect((await t.client().request({ method: 'GET', url: `/api/v1/catalog/offers/${draft}/elm` })).statusCode).toBe(404);
  });

  it('serves the seeded synthetic offers labelled synthetic', async () => {
    const row = await t.database.db.selectFrom('catalog_offer').select('id').where('synthetic', '=', true).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    const o = (await t.client().request({ method: 'GET', url: `/api/v1/catalog/offers/${row.id}` })).json();
    expect(o.synthetic).toBe(true);
    expect(o.provider.synthetic).toBe(true);
    expect(o.provider.name).toMatch(/\(synthetic\)$/);
    expect(o.skills.length).toBeGreaterThanOrEqual(3);
  });

  it('lets admins manage providers: enterprise number checked and normalised, unique, names kept in step on offers', async () => {
    const bad = await admin.request({ method: 'PUT', url: '/api/v1/catalog/providers/new-one', payload: { name: 'Nieuw', kind: 'syntra', enterpriseNumber: '0123.456.748' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.enterpriseNumber', reason: expect.stringMatching(/mod-97/) });
    const taken = await admin.request({ method: 'PUT', url: '/api/v1/catalog/providers/new-one', payload: { name: 'Nieuw', kind: 'syntra', enterpriseNumber: 'BE 0123 456 749' } });
    expect(taken.statusCode).toBe(409);
    expect((await admin.request({ method: 'PUT', url: '/api/v1/catalog/providers/new-one', payload: { name: 'Nieuw <b>', kind: 'syntra' } })).statusCode).toBe(400);
    expect((await admin.request({ method: 'PUT', url: '/api/v1/catalog/providers/Bad_Id', payload: { name: 'Nieuw', kind: 'syntra' } })).statusCode).toBe(400);
    const ok = await admin.request({ method: 'PUT', url: '/api/v1/catalog/providers/test-provider', payload: { name: 'Testcentrum Gent', kind: 'adult-education-centre', enterpriseNumber: '0123456749', kmoRegistered: true, contact: { website: 'https://voorbeeld.example' } } });
    expect(ok.statusCode, ok.body).toBe(200);
    const row = await t.database.db.selectFrom('catalog_offer').select('provider_name').where('id', '=', published).executeTakeFirstOrThrow();
    expect(row.provider_name).toBe('Testcentrum Gent');
    const list = await admin.request({ method: 'GET', url: '/api/v1/catalog/providers?q=testcentrum&synthetic=false' });
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain('test-provider');
    expect(list.json().items.find((p: { id: string }) => p.id === 'test-provider').offerCount).toBe(2);
    expect((await admin.request({ method: 'GET', url: '/api/v1/catalog/providers/test-provider' })).json().name).toBe('Testcentrum Gent');
    expect((await admin.request({ method: 'GET', url: '/api/v1/catalog/providers/nobody' })).statusCode).toBe(404);
  });

  it('finds places for "near": a postal code or a name, with province and region corrected at load; loading again adds nothing', async () => {
    const db = t.database.db;
    expect(await placeFor(db, '9000')).toEqual({ postalCode: '9000', name: 'Gent', lat: 51.0678307, lng: 3.7290914, province: 'Oost-Vlaanderen', region: 'flanders' });
    expect((await placeFor(db, 'gent'))?.postalCode).toBe('9000');
    expect(await placeFor(db, '1000')).toMatchObject({ name: 'Brussel', province: null, region: 'brussels' });
    expect(await placeFor(db, 'Holsbeek')).toMatchObject({ postalCode: '3220', province: 'Vlaams-Brabant' });
    expect((await placeFor(db, '2890'))?.name).toBe('Puurs-Sint-Amands');
    expect(await placeFor(db, 'Liège')).toMatchObject({ postalCode: '4000', name: 'Liège', region: 'wallonia' });
    expect((await placeFor(db, 'liege'))?.postalCode).toBe('4000');
    expect((await placeFor(db, '4000'))?.name).toBe('Liège');
    for (const q of ['Atlantis', '0000', '', 'x'.repeat(10_000)]) expect(await placeFor(db, q), q).toBeNull();
    const places = await countRows(t, 'catalog_offer_location');
    expect(await loadPlaces(db, path.join(rootDir, 'data', 'be', 'geo', 'belgian-cities-geocoded.csv'))).toMatchObject({ inserted: 0 });
    expect(await countRows(t, 'catalog_offer_location')).toBe(places);
  });

  it('authorizes every route by role (provider persona bound to test-provider)', async () => {
    const mine = (await provider.request({ method: 'POST', url: '/api/v1/catalog/offers', payload: offerInput(skills, { externalId: 'MATRIX-1' }) })).json().id;
    await expectRoleMatrix(t, [
      { method: 'GET', url: `/api/v1/catalog/offers/${published}`, allowed: ['anonymous', 'admin', 'editor', 'analyst', 'provider'] },
      { method: 'GET', url: `/api/v1/catalog/offers/${published}/jsonld`, allowed: ['anonymous', 'admin', 'editor', 'analyst', 'provider'] },
      { method: 'GET', url: `/api/v1/catalog/offers/${published}/elm`, allowed: ['anonymous', 'admin', 'editor', 'analyst', 'provider'] },
      { method: 'POST', url: '/api/v1/catalog/offers', payload: offerInput(skills, { externalId: 'MATRIX-2' }), allowed: ['admin', 'provider'] },
      { method: 'PUT', url: `/api/v1/catalog/offers/${mine}`, payload: offerInput(skills, { externalId: 'MATRIX-1' }), allowed: ['admin', 'provider'] },
      { method: 'POST', url: `/api/v1/catalog/offers/${mine}/archive`, allowed: ['admin', 'provider'] },
      { method: 'POST', url: '/api/v1/catalog/import?dryRun=true', payload: [offerInput(skills, { externalId: 'MATRIX-3' })], allowed: ['admin', 'provider'] },
      { method: 'GET', url: '/api/v1/catalog/providers', allowed: ['admin'] },
      { method: 'GET', url: '/api/v1/catalog/providers/test-provider/offers', allowed: ['admin', 'provider'] },
      { method: 'GET', url: '/api/v1/catalog/providers/test-provider', allowed: ['admin'] },
      { method: 'PUT', url: '/api/v1/catalog/providers/matrix-provider', payload: { name: 'Matrix', kind: 'other' }, allowed: ['admin'] },
    ]);
  });
});
