import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { expectRoleMatrix } from '../../../test-support/role-matrix.ts';
import type { AuditEntry } from './audit.schema.ts';

describe('audit log API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.addUser({ email: 'admin@koers.test', role: 'admin' });
  });
  afterAll(async () => t?.close());

  it('records who changed what, when, with before and after values, and never a secret', async () => {
    const c = t.client();
    await c.login('admin@koers.test');
    const page = (await c.request({ method: 'GET', url: '/api/v1/audit?limit=200' })).json() as { items: AuditEntry[] };

    const created = page.items.find((e) => e.action === 'create' && e.entityType === 'user');
    expect(created).toMatchObject({ actor: { kind: 'cli', email: null }, before: null, after: { email: 'admin@koers.test', role: 'admin' } });
    expect(JSON.stringify(page.items)).not.toMatch(/argon2|password_hash/);

    const login = page.items.find((e) => e.action === 'login')!;
    expect(login.actor).toMatchObject({ kind: 'user', email: 'admin@koers.test' });
    expect(login.requestId).toEqual(expect.any(String));
    expect(Date.now() - new Date(login.at).getTime()).toBeLessThan(60_000);

    const seeded = page.items.filter((e) => e.actor.kind === 'seed').map((e) => e.entityType);
    expect(seeded).toEqual(expect.arrayContaining(['region', 'data_source']));
  });

  it('records a disable with the state before and after', async () => {
    const u = await t.addUser({ email: 'temp@koers.test', role: 'analyst' });
    await t.auth.disableUser({ email: u.email }, { kind: 'cli', userId: null, email: null });
    const c = t.client();
    await c.login('admin@koers.test');
    const res = await c.request({ method: 'GET', url: `/api/v1/audit?entityType=user&entityId=${u.id}` });
    const actions = (res.json().items as AuditEntry[]).map((e) => [e.action, (e.before as { disabled?: boolean } | null)?.disabled, (e.after as { disabled?: boolean }).disabled]);
    expect(actions).toEqual([
      ['disable', false, true],
      ['create', undefined, undefined],
    ]);
  });

  it('pages newest first with a cursor and filters by actor', async () => {
    const c = t.client();
    await c.login('admin@koers.test');
    const first = (await c.request({ method: 'GET', url: '/api/v1/audit?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].id).toBeGreaterThan(first.items[1].id);
    const second = (await c.request({ method: 'GET', url: `/api/v1/audit?limit=2&cursor=${first.nextCursor}` })).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    const mine = (await c.request({ method: 'GET', url: '/api/v1/audit?actorEmail=ADMIN@koers.test' })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e: AuditEntry) => e.actor.email === 'admin@koers.test')).toBe(true);
  });

  it('is readable by admins only; every role is checked', async () => {
    await expectRoleMatrix(t, [
      { method: 'GET', url: '/api/v1/audit', allowed: ['admin'] },
      { method: 'GET', url: '/api/v1/portal', allowed: ['anonymous', 'admin', 'editor', 'analyst', 'provider'] },
      { method: 'GET', url: '/api/v1/sources', allowed: ['anonymous', 'admin', 'editor', 'analyst', 'provider'] },
      { method: 'POST', url: '/api/v1/auth/logout', allowed: ['anonymous', 'admin', 'editor', 'analyst', 'provider'] },
    ]);
  });

  it('tells an editor calling an admin route why it is refused', async () => {
    await t.addUser({ email: 'editor@koers.test', role: 'editor', organisationId: 'syntra' });
    const c = t.client();
    await c.login('editor@koers.test');
    const res = await c.request({ method: 'GET', url: '/api/v1/audit' });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('This needs the role admin.');
  });
});
