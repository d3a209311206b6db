import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import { createTestDatabase } from '../../../test-support/test-db.ts';
import { migrateDown, migrateUp, migrationStatus, pendingMigrations } from './migrator.ts';

async function tables(h: DatabaseHandle): Promise<string[]> {
  const r = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'koers_migration%' order by table_name`.execute(h.db);
  return r.rows.map((x) => x.table_name);
}

describe(`migrations on ${process.env.KOERS_TEST_DB === 'pg' ? 'PostgreSQL' : 'PGlite'}`, () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(async () => h?.close());

  it('go up, all the way down, and up again', async () => {
    const all = (await migrationStatus(h.db)).map((m) => m.name);
    expect(all.length).toBeGreaterThan(0);
    expect(await pendingMigrations(h.db)).toEqual(all);

    expect(await migrateUp(h.db)).toEqual(all);
    const created = await tables(h);
    expect(created).toEqual(expect.arrayContaining(['audit_log', 'auth_session', 'data_source', 'koers_user', 'region']));
    expect(await pendingMigrations(h.db)).toEqual([]);
    expect(await migrateUp(h.db)).toEqual([]);

    expect(await migrateDown(h.db, Infinity)).toEqual([...all].reverse());
    expect(await tables(h)).toEqual([]);

    expect(await migrateUp(h.db)).toEqual(all);
    expect(await tables(h)).toEqual(created);
  });

  it('reverts one step at a time', async () => {
    const all = (await migrationStatus(h.db)).map((m) => m.name);
    const last = all[all.length - 1]!;
    expect(await migrateDown(h.db)).toEqual([last]);
    expect(await pendingMigrations(h.db)).toEqual([last]);
    expect(await migrateUp(h.db)).toEqual([last]);
  });
});
