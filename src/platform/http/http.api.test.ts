import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { migrateDown, migrateUp } from '../migrations/migrator.ts';

describe('HTTP edge: bad input, headers, OpenAPI, health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { bodyLimit: 4096 } });
    await t.addUser({ email: 'admin@koers.test', role: 'admin' });
  });
  afterAll(async () => t?.close());

  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, title: expect.any(String), type: expect.stringMatching(/^urn:koers:problem:/) });
  };

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await t.client().request({ method: 'GET', url: '/api/v1/no-such-thing' });
    expectProblem(res, 404);
    expect(res.json().instance).toBe('/api/v1/no-such-thing');
    expectProblem(await t.client().request({ method: 'DELETE', url: '/api/v1/portal' }), 404);
  });

  it('refuses malformed JSON, wrong content types and oversized bodies with 4xx, never 500', async () => {
    const c = t.client();
    const post = (payload: string, type: string) =>
      c.request({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'content-type': type } });
    expectProblem(await post('{"email":', 'application/json'), 400);
    expectProblem(await post('email=a&password=b', 'application/x-www-form-urlencoded'), 415);
    expectProblem(await post('hello', 'text/plain'), 415);
    const big = JSON.stringify({ email: 'a@b.be', password: 'x'.repeat(10_000) });
    expectProblem(await post(big, 'application/json'), 413);
    expectProblem(await post('[]', 'application/json'), 400);
    expectProblem(await post('null', 'application/json'), 400);
  });

  it('names the invalid query parameter', async () => {
    const c = t.client();
    await c.login('admin@koers.test');
    for (const q of ['limit=abc', 'limit=0', 'limit=100000', 'cursor=drop%20table']) {
      const res = await c.request({ method: 'GET', url: `/api/v1/audit?${q}` });
      expectProblem(res, 400);
      expect(res.json().errors[0].field).toBe(`querystring.${q.split('=')[0]}`);
    }
  });

  it('sends security headers with a strict Content-Security-Policy and a request id', async () => {
    const res = await t.client().request({ method: 'GET', url: '/api/v1/portal', headers: { 'x-request-id': 'trace-123' } });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-request-id']).toBe('trace-123');
    const fresh = await t.client().request({ method: 'GET', url: '/api/v1/portal', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await t.client().request({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/me', '/api/v1/audit', '/api/v1/portal', '/api/v1/sources', '/healthz', '/readyz']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '429']));
  });

  it('serves the API docs page from the server itself, without a CDN', async () => {
    const res = await t.client().request({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-ui');
    expect(res.body).not.toMatch(/src="https?:\/\//);
    expect(res.body).not.toMatch(/href="https?:\/\//);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self';");
    const asset = await t.client().request({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(asset.statusCode).toBe(200);
  });

  it('is healthy, and ready only while every migration has run', async () => {
    expect((await t.client().request({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.client().request({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ database: 'ok', migrations: 'ok' });

    const [reverted] = await migrateDown(t.database.db);
    try {
      const notReady = await t.client().request({ method: 'GET', url: '/readyz' });
      expect(notReady.statusCode).toBe(503);
      expect(notReady.json().checks.migrations).toContain(reverted);
    } finally {
      await migrateUp(t.database.db);
    }
  });
});
