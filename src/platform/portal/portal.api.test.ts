import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { seedAll } from '../seed/seed.service.ts';
import { modules } from '../../modules/index.ts';

describe('portal and the bundled Flanders data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('describes the region and its plan, with a tile only for each module that declares one', async () => {
    const res = await t.client().request({ method: 'GET', url: '/api/v1/portal' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.region).toEqual({ id: 'flanders', name: { nl: 'Vlaanderen', fr: 'Flandre', en: 'Flanders' } });
    expect(body.plan.title.nl).toBe('Actieplan levenslang leren. Koers zetten naar een lerend Vlaanderen');
    expect(body.plan.period).toEqual({ from: 2021, to: 2030 });
    expect(body.plan.adopted).toBe('2021-12-17');
    expect(body.plan.translationNotes.fr).toMatch(/not an official title/);
    expect(body.modules.map((m: { id: string }) => m.id)).toEqual(modules.filter((m) => m.tile).map((m) => m.id));
    for (const m of body.modules) expect(Object.keys(m.title)).toEqual(['nl', 'fr', 'en']);
  });

  it('lists every data source with its URL, licence and date', async () => {
    const { items } = (await t.client().request({ method: 'GET', url: '/api/v1/sources' })).json();
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const s of items) {
      expect(s.url).toMatch(/^https:\/\//);
      expect(s.licence.length).toBeGreaterThan(0);
      expect(s.usedFor).toEqual({ nl: expect.any(String), fr: expect.any(String), en: expect.any(String) });
      expect(s.synthetic).toBe(false);
    }
    expect(items.map((s: { id: string }) => s.id)).toContain('cedefop-timeline-43782');
  });

  it('loads idempotently: a second seed changes nothing and keeps later edits', async () => {
    await sql`update data_source set name = 'edited by an admin' where id = 'cedefop-timeline-43782'`.execute(t.database.db);
    const auditBefore = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.database.db);
    const results = await seedAll(t.database.db, t.config, []);
    expect(results.every((r) => r.inserted === 0)).toBe(true);
    const auditAfter = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.database.db);
    expect(auditAfter.rows[0]!.n).toBe(auditBefore.rows[0]!.n);
    const row = await t.database.db.selectFrom('data_source').select('name').where('id', '=', 'cedefop-timeline-43782').executeTakeFirstOrThrow();
    expect(row.name).toBe('edited by an admin');
  });
});
