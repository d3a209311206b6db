import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test-support/test-app.ts';
import { expectRoleMatrix } from '../../../test-support/role-matrix.ts';

const report = { status: 'implementing', progress: 30, narrative: { en: 'Under way.' } };

describe('plan administration API', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    await t.addUser({ email: 'admin@koers.test', role: 'admin' });
    admin = t.client();
    await admin.login('admin@koers.test');
  });
  afterAll(async () => t?.close());

  it('approves a report, and an edit afterwards asks for approval again', async () => {
    await admin.request({ method: 'PUT', url: '/api/v1/plan/actions/K-16/reports/2026', payload: report });
    const ok = await admin.request({ method: 'POST', url: '/api/v1/plan/actions/K-16/reports/2026/approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    const approved = (await t.client().request({ method: 'GET', url: '/api/v1/plan/actions/K-16' })).json().reports.find((r: { year: number }) => r.year === 2026);
    expect(approved.approvedAt).toEqual(ok.json().approvedAt);
    await admin.request({ method: 'PUT', url: '/api/v1/plan/actions/K-16/reports/2026', payload: { ...report, progress: 35 } });
    const edited = (await t.client().request({ method: 'GET', url: '/api/v1/plan/actions/K-16' })).json().reports.find((r: { year: number }) => r.year === 2026);
    expect(edited.approvedAt).toBeNull();
    expect((await admin.request({ method: 'POST', url: '/api/v1/plan/actions/K-16/reports/2029/approve' })).statusCode).toBe(404);
  });

  it('keeps the status catalogue editable by admins, validated field by field', async () => {
    const res = await admin.request({ method: 'PUT', url: '/api/v1/plan/statuses/on-hold', payload: { name: { nl: 'on hold', fr: 'en attente', en: 'on hold' }, defaultProgress: null } });
    expect(res.statusCode, res.body).toBe(200);
    const plan = (await t.client().request({ method: 'GET', url: '/api/v1/plan' })).json();
    expect(plan.statuses.map((s: { key: string }) => s.key)).toContain('on-hold');
    const bad = await admin.request({ method: 'PUT', url: '/api/v1/plan/statuses/x', payload: { name: { nl: '', fr: 'a', en: '<b>b</b>' }, defaultProgress: 120 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.defaultProgress', 'body.name.en', 'body.name.nl']);
  });

  it('adds stakeholders and milestones, and audits them', async () => {
    expect((await admin.request({ method: 'PUT', url: '/api/v1/plan/stakeholders/test-centre', payload: { name: 'Testcentrum', kind: 'training-provider' } })).statusCode).toBe(200);
    const m = await admin.request({ method: 'POST', url: '/api/v1/plan/actions/K-16/milestones', payload: { date: '2024-06-01', title: { nl: 'Nieuwe versie online' }, link: 'https://www.vdab.be' } });
    expect(m.statusCode, m.body).toBe(201);
    const a = (await t.client().request({ method: 'GET', url: '/api/v1/plan/actions/K-16' })).json();
    expect(a.milestones).toContainEqual({ date: '2024-06-01', title: { nl: 'Nieuwe versie online' }, description: {}, link: 'https://www.vdab.be' });
    const audit = (await admin.request({ method: 'GET', url: '/api/v1/audit?entityType=plan_stakeholder&entityId=test-centre' })).json();
    expect(audit.items[0]).toMatchObject({ action: 'create', after: { name: 'Testcentrum', kind: 'training-provider' } });
  });

  it('checks every administration route for every role', async () => {
    await t.database.db.insertInto('plan_stakeholder').values({ id: 'test-org', name: 'Test org', kind: 'other', sources: '[]', abbreviation: null, note: null }).onConflict((oc) => oc.doNothing()).execute();
    await t.database.db.insertInto('plan_action_stakeholder').values({ reference: 'K-02', stakeholder_id: 'test-org', role: 'lead' }).onConflict((oc) => oc.doNothing()).execute();
    const milestone = { date: '2025-01-01', title: { en: 'Step' } };
    await expectRoleMatrix(t, [
      { method: 'POST', url: '/api/v1/plan/actions/K-16/reports/2026/approve', allowed: ['admin'] },
      { method: 'PUT', url: '/api/v1/plan/statuses/paused', payload: { name: { nl: 'gepauzeerd', fr: 'en pause', en: 'paused' }, defaultProgress: null }, allowed: ['admin'] },
      { method: 'PUT', url: '/api/v1/plan/stakeholders/another', payload: { name: 'Another', kind: 'other' }, allowed: ['admin'] },
      { method: 'POST', url: '/api/v1/plan/actions/K-02/milestones', payload: milestone, allowed: ['admin', 'editor'] },
      { method: 'POST', url: '/api/v1/plan/actions/K-16/milestones', payload: milestone, allowed: ['admin'] },
    ]);
  });
});
