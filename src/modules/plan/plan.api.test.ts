import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { expectRoleMatrix } from '../../../test-support/role-matrix.ts';
import { seedAll } from '../../platform/seed/seed.service.ts';
import { modules } from '../index.ts';

// K-16 (VDAB's competence check) is led by VDAB in the bundled data; K-03 has no stakeholder.
const OWN = 'K-16';
const OTHER = 'K-03';
const report = { status: 'implementing', progress: 40, narrative: { nl: 'Loopt volgens plan.' }, evidenceLinks: [{ url: 'https://www.vdab.be', title: 'VDAB' }], obstacles: [{ text: 'Te weinig begeleiders', severity: 'medium' }] };

describe('plan API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.addUser({ email: 'admin@koers.test', role: 'admin' });
    await t.addUser({ email: 'vdab@koers.test', role: 'editor', organisationId: 'vdab' });
  });
  afterAll(async () => t?.close());

  it('serves the Flemish structure with its sources, and says how many of the 47 actions are recorded', async () => {
    const plan = (await t.client().request({ method: 'GET', url: '/api/v1/plan' })).json();
    expect(plan.goals).toHaveLength(10);
    expect(plan.flagships.map((f: { title: { en: string } }) => f.title.en)).toContain('knowledge agenda for LLL');
    expect(plan.targetGroups).toHaveLength(4);
    expect(plan.announcedActionCount).toBe(47);
    expect(plan.recordedActionCount).toBeGreaterThan(10);
    expect(plan.recordedActionCount).toBeLessThan(47);
    expect(plan.sources.map((s: { id: string }) => s.id)).toContain('cedefop-43782');
  });

  it('filters actions by text, flagship, stakeholder and year, and pages them', async () => {
    const get = async (q: string) => (await t.client().request({ method: 'GET', url: `/api/v1/plan/actions?${q}` })).json();
    const text = await get('q=competence%20check');
    expect(text.items.map((a: { reference: string }) => a.reference)).toContain(OWN);
    const byOrg = await get('stakeholder=vdab');
    expect(byOrg.items.every((a: { stakeholders: Array<{ id: string }> }) => a.stakeholders.some((s) => s.id === 'vdab'))).toBe(true);
    const flagship = await get('flagship=a');
    expect(flagship.items.every((a: { flagship: { code: string } }) => a.flagship.code === 'a')).toBe(true);
    const y2023 = await get('year=2023');
    expect(y2023.total).toBeGreaterThan(0);
    const all = await get('pageSize=5&page=1');
    const next = await get('pageSize=5&page=2');
    expect(all.items).toHaveLength(5);
    expect(next.items[0].reference > all.items[4].reference).toBe(true);
    expect((await get('q=%25%25%25_')).items).toEqual([]);
    const bad = await t.client().request({ method: 'GET', url: '/api/v1/plan/actions?page=0' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows an action with its reports, and 404 for an unknown reference', async () => {
    const a = (await t.client().request({ method: 'GET', url: `/api/v1/plan/actions/${OWN}` })).json();
    expect(a.stakeholders).toEqual([{ id: 'vdab', role: 'lead' }]);
    expect(a.reports.length).toBeGreaterThan(0);
    expect(a.flagship.assignedBy).toBe('koers-editors');
    const missing = await t.client().request({ method: 'GET', url: '/api/v1/plan/actions/A9.99' });
    expect(missing.statusCode).toBe(404);
    expect((await t.client().request({ method: 'GET', url: '/api/v1/plan/actions/%3Cscript%3E' })).statusCode).toBe(400);
  });

  it("lets an editor report on their organisation's action, keeps history, audits, and rolls progress up", async () => {
    const c = t.client();
    await c.login('vdab@koers.test');
    const res = await c.request({ method: 'PUT', url: `/api/v1/plan/actions/${OWN}/reports/2025`, payload: report });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2025, status: 'implementing', progress: 40, obstacles: [{ text: 'Te weinig begeleiders', severity: 'medium', owner: null, resolved: false }], version: 1 });
    const again = await c.request({ method: 'PUT', url: `/api/v1/plan/actions/${OWN}/reports/2025`, payload: { ...report, progress: 60 } });
    expect(again.json()).toMatchObject({ progress: 60, version: 2 });

    const a = (await t.client().request({ method: 'GET', url: `/api/v1/plan/actions/${OWN}` })).json();
    expect(a.latestReport).toEqual({ year: 2025, status: 'implementing', progress: 60 });
    expect(a.history.filter((h: { year: number }) => h.year === 2025).map((h: { version: number }) => h.version)).toEqual([2, 1]);

    const plan = (await t.client().request({ method: 'GET', url: '/api/v1/plan' })).json();
    const d = plan.flagships.find((f: { code: string }) => f.code === a.flagship.code);
    expect(d.progress).toEqual(expect.any(Number));

    const admin = t.client();
    await admin.login('admin@koers.test');
    const audit = (await admin.request({ method: 'GET', url: `/api/v1/audit?entityType=plan_report&entityId=${OWN}/2025` })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.items[0].before.progress).toBe(40);
    expect(audit.items[0].after.progress).toBe(60);
  });

  it("refuses an editor on another organisation's action, and writes nothing", async () => {
    const c = t.client();
    await c.login('vdab@koers.test');
    const res = await c.request({ method: 'PUT', url: `/api/v1/plan/actions/${OTHER}/reports/2025`, payload: report });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('is not a lead or partner');
    const a = (await t.client().request({ method: 'GET', url: `/api/v1/plan/actions/${OTHER}` })).json();
    expect(a.reports.some((r: { year: number }) => r.year === 2025)).toBe(false);
  });

  it('refuses bad reports field by field: unknown status, progress out of range, markup, years outside the plan', async () => {
    const c = t.client();
    await c.login('admin@koers.test');
    const put = (year: number, body: unknown) => c.request({ method: 'PUT', url: `/api/v1/plan/actions/${OWN}/reports/${year}`, payload: body as object });
    const cases: Array<[number, unknown, string]> = [
      [2025, { ...report, status: 'finished' }, 'body.status'],
      [2025, { ...report, progress: 101 }, 'body.progress'],
      [2025, { ...report, narrative: { en: '<script>alert(1)</script>' } }, 'body.narrative.en'],
      [2025, { ...report, evidenceLinks: [{ url: 'javascript:alert(1)' }] }, 'body.evidenceLinks.0.url'],
      [2025, { ...report, obstacles: [{ text: '<img src=x onerror=alert(1)>', severity: 'low' }] }, 'body.obstacles.0.text'],
      [2025, { ...report, obstacles: [{ text: 'ok', severity: 'urgent' }] }, 'body.obstacles.0.severity'],
      [2019, report, 'params.year'],
      [2031, report, 'params.year'],
    ];
    for (const [year, body, field] of cases) {
      const res = await put(year, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('keeps official counts beside the recorded ones, never added together', async () => {
    const r = (await t.client().request({ method: 'GET', url: '/api/v1/plan/status-counts?year=2022' })).json();
    expect(r.official).toMatchObject({ counts: { realised: 1, implementing: 27, launching: 9, preparing: 10 }, total: 47, verification: 'unverified' });
    expect(Object.values(r.recorded.counts as Record<string, number>).reduce((a, b) => a + b, 0) + r.recorded.withoutStatus).toBeLessThan(47);
    const none = (await t.client().request({ method: 'GET', url: '/api/v1/plan/status-counts?year=2025' })).json();
    expect(none.official).toBeNull();
    expect(none.recorded.counts.implementing).toBeGreaterThanOrEqual(1);
    expect((await t.client().request({ method: 'GET', url: '/api/v1/plan/status-counts' })).statusCode).toBe(400);
  });

  it('filters by theme, and by "none" on the matrix axes', async () => {
    await t.database.db.insertInto('plan_theme').values({ code: 'test-theme', position: 99, title: JSON.stringify({ en: 'Test theme' }) }).execute();
    await t.database.db.insertInto('plan_action_theme').values({ reference: OWN, theme_code: 'test-theme' }).execute();
    await t.database.db.insertInto('plan_action_target_group').values({ reference: OWN, target_group_code: 'individual' }).execute();
    const get = async (q: string) => (await t.client().request({ method: 'GET', url: `/api/v1/plan/actions?pageSize=200&${q}` })).json();
    const refs = (page: { items: Array<{ reference: string }> }) => page.items.map((a) => a.reference);
    const all = await get('');
    expect(refs(await get('theme=test-theme'))).toEqual([OWN]);
    expect(refs(await get('theme=other-theme'))).toEqual([]);
    const none = await get('theme=none');
    expect(none.total).toBe(all.total - 1);
    expect(refs(none)).not.toContain(OWN);
    expect((await get('theme=test-theme,none')).total).toBe(all.total);
    expect(refs(await get('targetGroup=individual&theme=test-theme'))).toEqual([OWN]);
    expect(refs(await get('targetGroup=none'))).not.toContain(OWN);
    const noFlagship = await get('flagship=none');
    expect(noFlagship.items.every((a: { flagship: unknown }) => a.flagship === null)).toBe(true);
    expect((await t.client().request({ method: 'GET', url: `/api/v1/plan/actions?theme=${'x,'.repeat(300)}` })).statusCode).toBe(400);
  });

  it('counts actions per target group x theme or flagship, and every cell drills down to the same count', async () => {
    const get = async (url: string) => (await t.client().request({ method: 'GET', url })).json();
    const byTheme = await get('/api/v1/plan/matrix?by=theme');
    expect(byTheme.by).toBe('theme');
    expect(byTheme.rows.map((r: { code: string }) => r.code)).toEqual(['individual', 'organisation', 'provision', 'society']);
    expect(byTheme.columns.map((c: { code: string }) => c.code)).toContain('test-theme');
    expect(byTheme.cells).toHaveLength((byTheme.rows.length + 1) * (byTheme.columns.length + 1));
    expect(byTheme.cells).toContainEqual({ row: 'individual', column: 'test-theme', count: 1 });
    expect(byTheme.announcedActionCount).toBe(47);
    expect(byTheme.withoutRow).toBe(byTheme.recordedActionCount - 1);
    expect(byTheme.withoutColumn).toBe(byTheme.recordedActionCount - 1);
    expect((await get('/api/v1/plan/matrix')).by).toBe('theme');

    const byFlagship = await get('/api/v1/plan/matrix?by=flagship');
    expect(byFlagship.columns).toHaveLength(7);
    expect(byFlagship.withoutColumn).toBe((await get('/api/v1/plan/actions?flagship=none')).total);
    type Cell = { row: string | null; column: string | null; count: number };
    // one flagship per action and (here) at most one target group: the cells add up to the actions
    expect(byFlagship.cells.reduce((sum: number, c: Cell) => sum + c.count, 0)).toBe(byFlagship.recordedActionCount);
    for (const cell of byFlagship.cells.filter((c: Cell) => c.count > 0)) {
      const list = await get(`/api/v1/plan/actions?targetGroup=${cell.row ?? 'none'}&flagship=${cell.column ?? 'none'}`);
      expect(list.total, `${cell.row} x ${cell.column}`).toBe(cell.count);
    }
    expect((await t.client().request({ method: 'GET', url: '/api/v1/plan/matrix?by=goal' })).statusCode).toBe(400);
  });

  it('checks every route for every role', async () => {
    const everyone = ['anonymous', 'admin', 'editor', 'analyst', 'provider'] as const;
    await t.database.db.insertInto('plan_stakeholder').values({ id: 'test-org', name: 'Test organisation', kind: 'other', sources: '[]', abbreviation: null, note: null }).onConflict((oc) => oc.doNothing()).execute();
    await t.database.db.insertInto('plan_action_stakeholder').values({ reference: 'K-01', stakeholder_id: 'test-org', role: 'partner' }).onConflict((oc) => oc.doNothing()).execute();
    await expectRoleMatrix(t, [
      { method: 'GET', url: '/api/v1/plan', allowed: everyone },
      { method: 'GET', url: '/api/v1/plan/actions', allowed: everyone },
      { method: 'GET', url: `/api/v1/plan/actions/${OWN}`, allowed: everyone },
      { method: 'GET', url: '/api/v1/plan/status-counts?year=2023', allowed: everyone },
      { method: 'GET', url: '/api/v1/plan/matrix?by=flagship', allowed: everyone },
      { method: 'GET', url: '/api/v1/plan/actions?theme=none', allowed: everyone },
      // the matrix's editor is bound to test-org, a partner of K-01 only
      { method: 'PUT', url: '/api/v1/plan/actions/K-01/reports/2026', payload: report, allowed: ['admin', 'editor'] },
      { method: 'PUT', url: `/api/v1/plan/actions/${OTHER}/reports/2026`, payload: report, allowed: ['admin'] },
    ]);
  });

  it('seeds idempotently and keeps what editors changed', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from plan_report`.execute(t.database.db);
    const results = await seedAll(t.database.db, t.config, modules);
    expect(results.every((r) => r.inserted === 0)).toBe(true);
    const after = await sql<{ n: number }>`select count(*)::int as n from plan_report`.execute(t.database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    const a = (await t.client().request({ method: 'GET', url: `/api/v1/plan/actions/${OWN}` })).json();
    expect(a.latestReport.progress).toBe(60);
  });
});
