import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test-support/test-app.ts';
import { addProvider, countRows, offerInput, signIn, WELDER, welderSkills } from './catalog.test-support.ts';
import { csvColumns } from './catalog-csv.ts';

describe('catalog import (CSV and JSON)', () => {
  let t: TestApp;
  let admin: TestClient;
  let provider: TestClient;
  let skills: string[];
  const csv = (rows: Array<Partial<Record<(typeof csvColumns)[number], string>>>, sep = ',') => {
    const q = (v: string) => (/[",;\n|]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return [csvColumns.join(sep), ...rows.map((r) => csvColumns.map((c) => q(r[c] ?? '')).join(sep))].join('\r\n');
  };
  const row = (n: number, over: Partial<Record<(typeof csvColumns)[number], string>> = {}) => ({
    external_id: `CSV-${n}`, status: 'published', title_nl: `Opleiding lasser ${n}`, title_fr: n === 2 ? 'Formation soudeur; niveau 1' : '',
    summary_nl: 'Lassen, "MIG/MAG" en TIG', kind: 'course', level_eqf: '3', language: 'nl', format: 'in-person', contact_hours: '40', price_eur: '125,50',
    incentive_db_id: n === 1 ? 'OD-1' : '', incentive_db_valid_from: n === 1 ? '2025-09-01' : '', vouchers: n === 1 ? 'ja' : 'nee', training_credit: 'false',
    skills: skills.slice(0, 2).join('|'), occupations: WELDER, url: 'https://voorbeeld.example/csv', locations: n === 3 ? '9000:Gent|2000' : '9000',
    sessions: '2027-03-01/2027-05-31/evening/12|2027-09-01/2027-12-15/day//2000', ...over,
  });
  const post = (client: TestClient, body: string | Buffer | unknown, opts: { type?: string; query?: string } = {}) =>
    client.request({ method: 'POST', url: `/api/v1/catalog/import${opts.query ?? ''}`, payload: body as never, headers: { 'content-type': opts.type ?? 'text/csv' } });
  const mine = async () => (await t.database.db.selectFrom('catalog_offer').select((eb) => eb.fn.countAll<number>().as('n')).where('provider_id', '=', 'test-provider').executeTakeFirstOrThrow()).n;

  beforeAll(async () => {
    t = await createTestApp({ config: { bodyLimit: 1_048_576 } });
    admin = await signIn(t, 'admin');
    await addProvider(admin, 'test-provider');
    provider = await signIn(t, 'provider', 'test-provider');
    skills = await welderSkills(t);
  });
  afterAll(async () => t?.close());

  it('imports a CSV (BOM, semicolons, quoted cells, decimal comma), then re-imports it as all unchanged — no duplicates', async () => {
    const file = `\uFEFF${csv([row(1), row(2), row(3)], ';')}`;
    const dry = await post(provider, file, { query: '?dryRun=true' });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ ok: true, dryRun: true, format: 'csv', summary: { create: 3, update: 0, unchanged: 0, error: 0 } });
    expect(await mine()).toBe(0);

    const first = await post(provider, file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().summary).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(await mine()).toBe(3);
    const offers = await t.database.db.selectFrom('catalog_offer').selectAll().where('provider_id', '=', 'test-provider').orderBy('external_id').execute();
    expect(offers.map((o) => o.price_eur)).toEqual([125.5, 125.5, 125.5]);
    expect(offers[1]!.title).toEqual({ nl: 'Opleiding lasser 2', fr: 'Formation soudeur; niveau 1' });
    expect(offers[0]!.vouchers).toBe(true);
    const got = (await provider.request({ method: 'GET', url: `/api/v1/catalog/offers/${offers[2]!.id}` })).json();
    expect(got.locations.map((l: { place: string }) => l.place)).toEqual(['Antwerpen', 'Gent']);
    expect(got.sessions[1]).toEqual({ startsOn: '2027-09-01', endsOn: '2027-12-15', schedule: 'day', seatsLeft: null, postalCode: '2000' });

    const audit = await countRows(t, 'audit_log');
    const again = await post(provider, file);
    expect(again.json().summary).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
    expect(await mine()).toBe(3);
    expect(await countRows(t, 'audit_log')).toBe(audit);

    const changed = await post(provider, csv([row(1), row(2, { price_eur: '99' }), row(3)]));
    expect(changed.json().summary).toEqual({ create: 0, update: 1, unchanged: 2, error: 0 });
    expect(changed.json().rows.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'update', 'unchanged']);
    expect(await mine()).toBe(3);
  });

  it('imports JSON in the API input shape, upserting by externalId; admins name the provider', async () => {
    const body = [offerInput(skills, { externalId: 'JSON-1' }), offerInput(skills, { externalId: 'JSON-2', format: 'online', locations: [] })];
    const res = await post(provider, body, { type: 'application/json' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'json', summary: { create: 2 } });
    const again = await post(admin, body, { type: 'application/json', query: '?provider=test-provider' });
    expect(again.json().summary).toMatchObject({ create: 0, unchanged: 2 });
    expect((await post(admin, body, { type: 'application/json' })).statusCode).toBe(400);
    expect((await post(admin, body, { type: 'application/json', query: '?provider=nobody' })).statusCode).toBe(409);
  });

  it('rejects the whole file when one row is bad, naming line, column and reason; nothing is written', async () => {
    const offers = await countRows(t, 'catalog_offer');
    const audit = await countRows(t, 'audit_log');
    const file = csv([
      row(10),
      row(11, { kind: 'webinar', sessions: '2027-03-01/2027-02-01/evening' }),
      row(12, { locations: '9999' }),
      row(13, { title_nl: '<b>Lassen</b>', url: 'javascript:alert(1)' }),
      row(10, { title_nl: 'Dubbel' }),
      row(14, { level_eqf: 'drie', vouchers: 'misschien', skills: 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000' }),
    ]);
    const res = await post(provider, file);
    expect(res.statusCode).toBe(422);
    const r = res.json();
    expect(r.ok).toBe(false);
    expect(r.summary).toMatchObject({ create: 1, error: 5 });
    const errors = (line: number) => r.rows.find((x: { line: number }) => x.line === line).errors.map((e: { column: string }) => e.column);
    expect(errors(3)).toEqual(expect.arrayContaining(['kind', 'sessions']));
    expect(errors(4)).toEqual(['locations']);
    expect(errors(5)).toEqual(expect.arrayContaining(['title_nl', 'url']));
    expect(r.rows.find((x: { line: number }) => x.line === 6).errors[0].reason).toMatch(/duplicates line 2/);
    expect(errors(7)).toEqual(expect.arrayContaining(['level_eqf', 'vouchers']));
    expect(await countRows(t, 'catalog_offer')).toBe(offers);
    expect(await countRows(t, 'audit_log')).toBe(audit);

    const skill = await post(provider, csv([row(15, { skills: 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000' })]));
    expect(skill.json().rows[0].errors).toEqual([{ column: 'skills', reason: expect.stringMatching(/unknown ESCO skill/) }]);
  });

  it('rejects coordinates outside Belgium and unknown postal codes in JSON with the field path', async () => {
    const res = await post(provider, [
      offerInput(skills, { externalId: 'GEO-1', locations: [{ postalCode: '9000', lat: 48.8566, lng: 2.3522 }] }),
      offerInput(skills, { externalId: 'GEO-2', locations: [{ postalCode: '9999' }] }),
      'not an offer',
    ], { type: 'application/json' });
    expect(res.statusCode).toBe(422);
    const rows = res.json().rows;
    expect(rows[0].errors).toContainEqual({ column: 'locations.0.lat', reason: 'lies outside Belgium' });
    expect(rows[1].errors).toEqual([{ column: 'locations.0.postalCode', reason: 'unknown postal code 9999' }]);
    expect(rows[2].outcome).toBe('error');
    expect((await post(provider, { not: 'an array' }, { type: 'application/json' })).json().problems[0].reason).toMatch(/array/);
  });

  it('answers broken files with a 4xx, never a 500, and writes nothing', async () => {
    const offers = await countRows(t, 'catalog_offer');
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe, 0x00]);
    const bin = await post(provider, binary);
    expect(bin.statusCode).toBe(422);
    expect(bin.json().problems[0].reason).toMatch(/binary/);
    const latin1 = await post(provider, Buffer.concat([Buffer.from(csvColumns.join(',') + '\n'), Buffer.from([0x65, 0xe9, 0x0a])]));
    expect(latin1.json().problems[0].reason).toMatch(/UTF-8/);
    const header = await post(provider, 'title,foo\nx,y\n');
    expect(header.statusCode).toBe(422);
    expect(header.json().problems.map((p: { column: string }) => p.column)).toEqual(expect.arrayContaining(['external_id', 'foo']));
    expect((await post(provider, '')).statusCode).toBeLessThan(500);
    expect((await post(provider, '{"broken json', { type: 'application/json' })).statusCode).toBe(400);
    const quote = await post(provider, `${csvColumns.join(',')}\n"unterminated,quote\n`);
    expect(quote.statusCode).toBe(422);
    expect((await post(provider, 'x', { type: 'text/plain' })).statusCode).toBe(415);
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 0x61);
    expect((await post(provider, big)).statusCode).toBe(413);
    expect(await countRows(t, 'catalog_offer')).toBe(offers);
  });
});
