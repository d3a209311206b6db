import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlitePool } from './pglite-pool.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type DbKind = 'pglite' | 'postgres';
/** `dump` (PGlite only) snapshots the data folder, e.g. as a template for test databases. */
export type DatabaseHandle = { db: Db; kind: DbKind; close(): Promise<void>; dump?: () => Promise<Blob> };

// Both drivers return the same JavaScript types: bigint counts as numbers, numeric as numbers,
// dates as 'YYYY-MM-DD' strings (a calendar date has no time zone), timestamps as Date.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers = {
  [INT8]: (v: string) => Number(v),
  [NUMERIC]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
};

/** Subscribes to a notification channel; the returned function unsubscribes. */
export type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;
const inProcess = new WeakMap<Db, Listen>();

/**
 * Listening on the embedded database (null on a server): PGlite runs in this process, which is its
 * only writer, and calls listeners when a transaction commits, before the write returns — so a
 * listener knows of every write before anyone can ask about it. (On a server, other processes write
 * and notifications arrive later: there is no such guarantee.)
 */
export function inProcessListen(db: Db): Listen | null {
  return inProcess.get(db) ?? null;
}

export type DatabaseOptions = {
  databaseUrl?: string;
  dataDir?: string;
  inMemory?: boolean;
  /** A PGlite data folder (from dumpDataDir) to start from instead of running initdb. */
  template?: Blob;
};

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPGlite(options.inMemory ? undefined : options.dataDir, options.template);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      (parsers as Record<number, (v: string) => unknown>)[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types: types as pg.CustomTypesConfig });
  // An idle connection the server drops (restart, pg_terminate_backend) emits an error on the pool;
  // unhandled, it would crash the process. The pool discards that client and the next query reconnects.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL closed an idle connection: ${err.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPGlite(dataDir: string | undefined, template?: Blob): Promise<DatabaseHandle> {
  let dir: string | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'pgdata');
    fs.mkdirSync(dir, { recursive: true });
  }
  // pg_trgm: trigram search (typo-tolerant labels); a migration runs CREATE EXTENSION.
  const client = await PGlite.create({ dataDir: dir, parsers, loadDataDir: template, extensions: { pg_trgm } });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(client) }) });
  inProcess.set(db, (channel, onNotify) => client.listen(channel, () => onNotify()));
  return { db, kind: 'pglite', close: () => db.destroy(), dump: () => client.dumpDataDir('none') };
}
