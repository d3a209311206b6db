import path from 'node:path';
import { Migrator } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { migrationDirs, SqlFileMigrationProvider } from '../../platform/migrations/migrator.ts';
import { rootDir } from '../../platform/config.ts';
import { bundledEscoDir } from './esco-source.ts';

export const escoMigrationsDir = path.join(import.meta.dirname, 'migrations');
export const escoDataDir = bundledEscoDir(rootDir);

/**
 * Runs every migration including this module's, whether or not the module is registered yet in
 * src/modules/index.ts (then its migration is not among migrationDirs()).
 */
export async function migrateWithEsco(db: Db): Promise<void> {
  const dirs = migrationDirs();
  const migrator = new Migrator({
    db,
    provider: new SqlFileMigrationProvider(dirs.includes(escoMigrationsDir) ? dirs : [...dirs, escoMigrationsDir]),
    migrationTableName: 'koers_migration',
    migrationLockTableName: 'koers_migration_lock',
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
