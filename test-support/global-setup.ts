import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateUp } from '../src/platform/migrations/migrator.ts';
import { seedAll } from '../src/platform/seed/seed.service.ts';
import { modules } from '../src/modules/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgliteSeededTemplate: string;
    pgSeededTemplate: string;
  }
}

const rootDir = path.resolve(import.meta.dirname, '..');

/**
 * Migrates and loads the bundled region, as `koers serve` does on first start, with ESCO's small
 * test sample instead of the whole release (which would make every test database 100+ MB).
 */
async function migrateAndSeed(handle: Awaited<ReturnType<typeof openDatabase>>) {
  const before = process.env.KOERS_ESCO_DIR;
  process.env.KOERS_ESCO_DIR = path.join(rootDir, 'test-support', 'esco-sample', 'v1.1.1'); // as vitest.config.ts gives the workers
  try {
    await migrateUp(handle.db);
    await seedAll(handle.db, { rootDir, region: 'flanders' }, modules);
  } finally {
    if (before === undefined) delete process.env.KOERS_ESCO_DIR;
    else process.env.KOERS_ESCO_DIR = before;
  }
}

// initdb, migrations and loading the bundled data take seconds; do them once per run and let every
// test file start from a copy: an empty cluster for migration tests, a seeded one for the rest.
export default async function setup(project: TestProject) {
  if (process.env.KOERS_TEST_DB === 'pg') return setupPostgres(project);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koers-pglite-'));
  const empty = path.join(dir, 'empty.tar');
  const pg = await PGlite.create();
  await fs.writeFile(empty, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  await pg.close();
  project.provide('pgliteTemplate', empty);

  const seeded = path.join(dir, 'seeded.tar');
  const handle = await openDatabase({ inMemory: true, template: new Blob([await fs.readFile(empty)]) });
  await migrateAndSeed(handle);
  await fs.writeFile(seeded, Buffer.from(await (await handle.dump!()).arrayBuffer()));
  await handle.close();
  project.provide('pgliteSeededTemplate', seeded);
  return async () => fs.rm(dir, { recursive: true, force: true });
}

/** On PostgreSQL: one seeded database that test databases are created from (CREATE DATABASE … TEMPLATE). */
async function setupPostgres(project: TestProject) {
  const adminUrl = process.env.KOERS_TEST_DATABASE_URL;
  if (!adminUrl) return;
  const name = `koers_template_${crypto.randomBytes(6).toString('hex')}`;
  const run = async (query: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  try {
    await migrateAndSeed(handle);
  } finally {
    await handle.close();
  }
  project.provide('pgSeededTemplate', name);
  return async () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
