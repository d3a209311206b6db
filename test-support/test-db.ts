import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.ts';

/**
 * A fresh database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server in KOERS_TEST_DATABASE_URL when KOERS_TEST_DB=pg. Dropped on close.
 * Empty by default; `seeded` starts from a copy of one migrated database with the bundled region
 * loaded (made once per run by global-setup.ts), which is much quicker than seeding per file.
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<DatabaseHandle & { url?: string }> {
  if (process.env.KOERS_TEST_DB !== 'pg') {
    const file = inject(options.seeded ? 'pgliteSeededTemplate' : 'pgliteTemplate');
    const template = file ? new Blob([await fs.readFile(file)]) : undefined;
    return openDatabase({ inMemory: true, template });
  }
  const adminUrl = process.env.KOERS_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('KOERS_TEST_DB=pg needs KOERS_TEST_DATABASE_URL (a server where this user may create databases)');
  const name = `koers_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const template = options.seeded ? inject('pgSeededTemplate') : undefined;
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
