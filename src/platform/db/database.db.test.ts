import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from './database.ts';
import { createTestDatabase } from '../../../test-support/test-db.ts';

describe(`Kysely on ${process.env.KOERS_TEST_DB === 'pg' ? 'PostgreSQL' : 'PGlite'}`, () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
    await sql`create table t (id int primary key, v text, n numeric, d date, c bigint)`.execute(h.db);
  });
  afterAll(async () => h?.close());

  it('reports affected rows for insert, update and delete', async () => {
    const db = h.db as unknown as Kysely<{ t: { id: number; v: string; n: number; d: string; c: number } }>;
    const ins = await db.insertInto('t').values([{ id: 1, v: 'a', n: 1.5, d: '2025-09-01', c: 7 }, { id: 2, v: 'b', n: 2, d: '2025-08-31', c: 8 }]).executeTakeFirst();
    expect(Number(ins.numInsertedOrUpdatedRows)).toBe(2);
    const upd = await db.updateTable('t').set({ v: 'z' }).where('id', '>=', 1).executeTakeFirst();
    expect(Number(upd.numUpdatedRows)).toBe(2);
    const none = await db.updateTable('t').set({ v: 'y' }).where('id', '=', 99).executeTakeFirst();
    expect(Number(none.numUpdatedRows)).toBe(0);
    const row = await db.selectFrom('t').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    // same JavaScript types as the pg driver gets: numbers, and dates as calendar strings
    expect(row).toEqual({ id: 1, v: 'z', n: 1.5, d: '2025-09-01', c: 7 });
    const del = await db.deleteFrom('t').where('id', '=', 2).executeTakeFirst();
    expect(Number(del.numDeletedRows)).toBe(1);
  });

  // PGlite is one connection: a transaction holds it and other queries wait for the commit.
  // A server pool answers at once from another connection, which must not see uncommitted rows.
  it('keeps a transaction to itself until it commits', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const trx = h.db.transaction().execute(async (tx) => {
      await sql`insert into t (id, v) values (10, 'in-trx')`.execute(tx);
      order.push('trx wrote');
      await gate;
      order.push('trx commits');
    });
    await new Promise((r) => setTimeout(r, 20));
    const outside = sql<{ n: number }>`select count(*)::int as n from t where id = 10`.execute(h.db).then((r) => {
      order.push(`outside saw ${r.rows[0]!.n}`);
    });
    // A server answers while the transaction is still open (awaited, so load cannot reorder it);
    // PGlite cannot answer until the commit, so it only gets a moment to (wrongly) try.
    if (h.kind === 'postgres') await outside;
    else await new Promise((r) => setTimeout(r, 50));
    release();
    await Promise.all([trx, outside]);
    expect(order).toEqual(
      h.kind === 'pglite' ? ['trx wrote', 'trx commits', 'outside saw 1'] : ['trx wrote', 'outside saw 0', 'trx commits'],
    );
  });

  it('rolls a failed transaction back', async () => {
    await expect(
      h.db.transaction().execute(async (tx) => {
        await sql`insert into t (id, v) values (20, 'lost')`.execute(tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const r = await sql<{ n: number }>`select count(*)::int as n from t where id = 20`.execute(h.db);
    expect(r.rows[0]!.n).toBe(0);
  });
});
