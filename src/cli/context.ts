import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.ts';

/** Runs `fn` with the configured database and closes it afterwards, whatever happens. */
export async function withDatabase<T>(fn: (db: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(handle, config);
  } finally {
    await handle.close();
  }
}

export function fail(message: string): never {
  process.stderr.write(`koers: ${message}\n`);
  process.exit(1);
}
