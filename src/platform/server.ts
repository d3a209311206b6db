import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateUp } from './migrations/migrator.ts';
import { describeSeed, seedAll } from './seed/seed.service.ts';
import { buildApp } from './http/app.ts';
import type { KoersApp } from './module.ts';
import { modules } from '../modules/index.ts';

export type RunningKoers = { app: KoersApp; url: string; database: DatabaseHandle; close(): Promise<void> };

/** Opens the database, brings it up to date, loads the region's data and starts listening. */
export async function startKoers(
  config: Config,
  options: { seed?: boolean; report?: (line: string) => void } = {},
): Promise<RunningKoers> {
  const report = options.report ?? (() => {});
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateUp(database.db);
    report(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
    if (options.seed !== false) await seedAll(database.db, config, modules, (_step, results) => describeSeed(results).forEach(report));
    const app = await buildApp({ config, db: database.db, modules });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
    return {
      app,
      url: `http://${shownHost}:${port}`,
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
