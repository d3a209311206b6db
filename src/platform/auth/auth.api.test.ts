import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test-support/test-app.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';

const count = async (t: TestApp, table: 'auth_session' | 'audit_log' | 'login_attempt') =>
  Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('auth API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { login: { max: 3, windowSeconds: 900 } } });
    await t.addUser({ email: 'admin@koers.test', role: 'admin' });
    await t.addUser({ email: 'editor@koers.test', role: 'editor', organisationId: 'vdab' });
  });
  afterAll(async () => t?.close());

  it('logs in, tells who is signed in, and logs out', async () => {
    const c = t.client();
    const anon = await c.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anon.json()).toMatchObject({ user: null, csrfToken: expect.any(String) });

    const res = await c.login('Admin@Koers.test');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: 'admin@koers.test', role: 'admin', organisationId: null });
    const cookie = (res.cookies as Array<{ name: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }>).find((x) => x.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookie.secure).toBeFalsy();

    const me = await c.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user.email).toBe('admin@koers.test');
    expect(me.headers['cache-control']).toBe('no-store');

    const out = await c.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect((await c.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user).toBeNull();
  });

  it('marks the session cookie Secure when served over https', async () => {
    const secure = await createTestApp({ config: { trustProxy: true } });
    try {
      await secure.addUser({ email: 'admin@koers.test', role: 'admin' });
      const c = secure.client();
      const res = await c.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'admin@koers.test', password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = (res.cookies as Array<{ name: string; secure?: boolean }>).find((x) => x.name === SESSION_COOKIE)!;
      expect(cookie.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('gives a new session id at every login and ends the one the browser brought', async () => {
    const c = t.client();
    await c.login('admin@koers.test');
    const first = c.cookies.get(SESSION_COOKIE)!;
    await c.login('admin@koers.test');
    const second = c.cookies.get(SESSION_COOKIE)!;
    expect(second).not.toBe(first);
    const stale = t.client();
    stale.cookies.set(SESSION_COOKIE, first);
    expect((await stale.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user).toBeNull();
  });

  it('refuses a wrong password or an unknown address with the same 401', async () => {
    const wrong = await t.client().login('admin@koers.test', 'not the password');
    const unknown = await t.client().login('nobody@koers.test', 'not the password');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toBe('The email address or password is not correct.');
    }
  });

  it('refuses a state-changing request without a valid CSRF token, and writes nothing', async () => {
    const before = { sessions: await count(t, 'auth_session'), audit: await count(t, 'audit_log') };
    const c = t.client();
    const missing = await c.request({ method: 'POST', url: '/api/v1/auth/login', csrf: false, payload: { email: 'admin@koers.test', password: TEST_PASSWORD } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ status: 403, type: 'urn:koers:problem:csrf' });
    const forged = await c.request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-csrf-token': 'forged' }, payload: { email: 'admin@koers.test', password: TEST_PASSWORD } });
    expect(forged.statusCode).toBe(403);
    expect({ sessions: await count(t, 'auth_session'), audit: await count(t, 'audit_log') }).toEqual(before);
  });

  it('refuses a logout without a CSRF token and keeps the session', async () => {
    const c = t.client();
    await c.login('admin@koers.test');
    const res = await c.request({ method: 'POST', url: '/api/v1/auth/logout', csrf: false });
    expect(res.statusCode).toBe(403);
    expect((await c.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user?.email).toBe('admin@koers.test');
  });

  it('rate-limits failed logins per address with a clear message and Retry-After', async () => {
    await t.addUser({ email: 'target@koers.test', role: 'analyst' });
    const c = t.client();
    for (let i = 0; i < 3; i++) expect((await c.login('target@koers.test', `guess ${i}`)).statusCode).toBe(401);
    const blocked = await c.login('target@koers.test', TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().detail).toMatch(/Too many failed login attempts\. Try again in \d+ minute/);
    // another account is not locked by it
    expect((await t.client().login('admin@koers.test')).statusCode).toBe(200);
  });

  it('lets nobody log in to a disabled account, and ends its sessions', async () => {
    const u = await t.addUser({ email: 'leaver@koers.test', role: 'analyst' });
    const c = t.client();
    await c.login(u.email);
    await t.auth.disableUser({ email: u.email }, { kind: 'cli', userId: null, email: null });
    expect((await c.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user).toBeNull();
    expect((await t.client().login(u.email)).statusCode).toBe(401);
  });

  it('names each invalid field', async () => {
    const res = await t.client().request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'not-an-email' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body.email', reason: 'must be an email address' },
      { field: 'body.password', reason: expect.any(String) },
    ]);
  });
});
