import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateUp } from './migrations/migrator.ts';
import { describeSeed, seedAll } from './seed/seed.service.ts';
import { buildApp } from './http/app.ts';
import type { KoersApp } from './module.ts';
import { modules } from '../modules/index.ts';

export type RunningKoers = { app: KoersApp; url: string; database: DatabaseHandle; close(): Promise<void> };

/** Brings the database up to date and loads the region's data (also once for several processes). */
async function prepare(database: DatabaseHandle, config: Config, options: { seed?: boolean; report?: (line: string) => void }) {
  const report = options.report ?? (() => {});
  const applied = await migrateUp(database.db);
  report(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
  if (options.seed !== false) await seedAll(database.db, config, modules, (_step, results) => describeSeed(results).forEach(report));
}

/** Prepares the database and closes it: what the first process does before it starts the others. */
export async function prepareDatabase(config: Config, options: { seed?: boolean; report?: (line: string) => void } = {}): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepare(database, config, options);
  } finally {
    await database.close();
  }
}

/**
 * Opens the database, brings it up to date, loads the region's data and starts listening.
 * `prepared`: another process did the migrations and the seed (several processes, see cluster.ts).
 */
export async function startKoers(
  config: Config,
  options: { seed?: boolean; report?: (line: string) => void; prepared?: boolean } = {},
): Promise<RunningKoers> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (!options.prepared) await prepare(database, config, options);
    const app = await buildApp({ config, db: database.db, modules });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      url: shownUrl(config.host, port),
      database,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

export const shownUrl = (host: string, port: number) => `http://${['0.0.0.0', '::'].includes(host) ? 'localhost' : host}:${port}`;
