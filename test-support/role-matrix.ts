import { expect } from 'vitest';
import type { TestApp, TestClient } from './test-app.ts';

export const personas = ['anonymous', 'admin', 'editor', 'analyst', 'provider'] as const;
export type Persona = (typeof personas)[number];
export type RouteCase = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string>; allowed: readonly Persona[] };

/** One signed-in client per role (editor bound to `test-org`, provider to `test-provider`). */
export async function clientsPerPersona(t: TestApp): Promise<Record<Persona, TestClient>> {
  const out = { anonymous: t.client() } as Record<Persona, TestClient>;
  for (const role of ['admin', 'editor', 'analyst', 'provider'] as const) {
    const u = await t.addUser({
      email: `${role}-${Math.random().toString(36).slice(2, 8)}@koers.test`,
      role,
      ...(role === 'editor' ? { organisationId: 'test-org' } : {}),
      ...(role === 'provider' ? { providerId: 'test-provider' } : {}),
    });
    const client = t.client();
    const res = await client.login(u.email, u.password);
    expect(res.statusCode, `login as ${role}`).toBe(200);
    out[role] = client;
  }
  return out;
}

/**
 * Calls every route as every persona. A persona outside `allowed` must get 401 (anonymous) or
 * 403 (signed in); one inside must get past authorization (neither 401 nor 403).
 */
export async function expectRoleMatrix(t: TestApp, cases: RouteCase[]): Promise<void> {
  const clients = await clientsPerPersona(t);
  const seen: string[] = [];
  const wrong: string[] = [];
  for (const c of cases) {
    for (const p of personas) {
      const res = await clients[p].request({ method: c.method, url: c.url, payload: c.payload as never, headers: c.headers });
      const allowed = c.allowed.includes(p);
      const expected = allowed ? 'allowed' : p === 'anonymous' ? '401' : '403';
      const got = res.statusCode === 401 ? '401' : res.statusCode === 403 ? '403' : 'allowed';
      const line = `${c.method} ${c.url} as ${p}: expected ${expected}, got ${res.statusCode}`;
      seen.push(line);
      if (got !== expected) wrong.push(line);
    }
  }
  expect(wrong, seen.join('\n')).toEqual([]);
}
