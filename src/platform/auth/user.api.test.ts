import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test-support/test-app.ts';
import { expectRoleMatrix } from '../../../test-support/role-matrix.ts';

describe('accounts API', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    await t.addUser({ email: 'admin@koers.test', role: 'admin' });
    admin = t.client();
    await admin.login('admin@koers.test');
  });
  afterAll(async () => t?.close());

  it('adds an editor bound to an organisation, who can then log in; disabling ends it', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'Ed@Syntra.test', password: 'a long enough password', role: 'editor', organisationId: 'syntra' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ email: 'ed@syntra.test', role: 'editor', organisationId: 'syntra' });
    expect(JSON.stringify(res.json())).not.toContain('password');
    const ed = t.client();
    expect((await ed.login('ed@syntra.test', 'a long enough password')).statusCode).toBe(200);

    const list = (await admin.request({ method: 'GET', url: '/api/v1/users' })).json();
    expect(list.items.map((u: { email: string }) => u.email)).toEqual(['admin@koers.test', 'ed@syntra.test']);

    const off = await admin.request({ method: 'POST', url: `/api/v1/users/${res.json().id}/disable` });
    expect(off.statusCode).toBe(200);
    expect((await ed.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user).toBeNull();
  });

  it('names what is wrong with a new account', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'nope', password: 'short', role: 'editor' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.email', 'body.organisationId', 'body.password']);
    const twice = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'admin@koers.test', password: 'a long enough password', role: 'analyst' } });
    expect(twice.statusCode).toBe(409);
    expect((await admin.request({ method: 'POST', url: '/api/v1/users/not-a-uuid/disable' })).statusCode).toBe(400);
    expect((await admin.request({ method: 'POST', url: '/api/v1/users/00000000-0000-4000-8000-000000000000/disable' })).statusCode).toBe(404);
  });

  it('is for admins only', async () => {
    await expectRoleMatrix(t, [
      { method: 'GET', url: '/api/v1/users', allowed: ['admin'] },
      { method: 'POST', url: '/api/v1/users', payload: { email: `n${Date.now()}@koers.test`, password: 'a long enough password', role: 'analyst' }, allowed: ['admin'] },
      { method: 'POST', url: '/api/v1/users/00000000-0000-4000-8000-000000000000/disable', allowed: ['admin'] },
    ]);
  });
});
