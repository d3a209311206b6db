import type { LightMyRequestResponse, InjectOptions } from 'fastify';
import { loadConfig, type Config } from '../src/platform/config.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { migrateUp } from '../src/platform/migrations/migrator.ts';
import { seedAll } from '../src/platform/seed/seed.service.ts';
import { createAuthService, type AuthService } from '../src/platform/auth/auth.service.ts';
import { systemActor } from '../src/platform/audit/audit.schema.ts';
import type { AddUserInput } from '../src/platform/auth/auth.schema.ts';
import type { KoersApp, KoersModule } from '../src/platform/module.ts';
import { modules as allModules } from '../src/modules/index.ts';
import { createTestDatabase } from './test-db.ts';

export type TestApp = {
  app: KoersApp;
  database: DatabaseHandle;
  config: Config;
  auth: AuthService;
  addUser(input: Omit<AddUserInput, 'password'> & { password?: string }): Promise<{ id: string; email: string; password: string }>;
  /** A cookie-keeping client, like one browser. */
  client(): TestClient;
  close(): Promise<void>;
};

export const TEST_PASSWORD = 'correct horse battery staple';

/** The whole app on a fresh migrated and seeded test database, without a listening socket. */
export async function createTestApp(options: { config?: Partial<Config>; modules?: KoersModule[]; seed?: boolean } = {}): Promise<TestApp> {
  const modules = options.modules ?? allModules;
  // The seeded template holds every module's tables and data; a custom module list starts empty.
  const seeded = options.seed !== false && !options.modules;
  const database = await createTestDatabase({ seeded });
  // the cheapest argon2id cost the config allows (OWASP's minimum): the real algorithm, hashed quicker
  const config = loadConfig({ KOERS_LOG_LEVEL: 'silent', KOERS_ARGON2_MEMORY_KIB: '19456', KOERS_ARGON2_PASSES: '2' }, options.config);
  if (!seeded) {
    await migrateUp(database.db);
    if (options.seed !== false) await seedAll(database.db, config, modules);
  }
  const app = await buildApp({ config, db: database.db, modules, logger: false });
  await app.ready();
  const auth = createAuthService(database.db, config);
  return {
    app,
    database,
    config,
    auth,
    async addUser(input) {
      const password = input.password ?? TEST_PASSWORD;
      const u = await auth.addUser({ ...input, password }, systemActor('cli'));
      return { id: u.id, email: u.email, password };
    },
    client: () => new TestClient(app),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(private readonly app: KoersApp) {}

  async request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    const method = (opts.method ?? 'GET').toUpperCase();
    if (opts.csrf !== false && !['GET', 'HEAD', 'OPTIONS'].includes(method)) {
      headers['x-csrf-token'] ??= await this.csrfToken();
    }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({ ...opts, headers });
    for (const c of res.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>) {
      const expired = (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0 || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const res = await this.request({ method: 'GET', url: '/api/v1/auth/me' });
      this.csrf = res.json().csrfToken;
    }
    return this.csrf!;
  }

  login(email: string, password = TEST_PASSWORD) {
    return this.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  }
}
