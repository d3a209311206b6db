import fs from 'node:fs/promises';
import path from 'node:path';
import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from '../db/database.ts';
import { modules } from '../../modules/index.ts';

const platformDir = path.join(import.meta.dirname, 'sql');

// Every folder that holds migrations: the platform's own, then each module's. Names are
// `YYYYMMDDHHMM-what.up.sql` with a matching `.down.sql`, ordered by name across all folders.
export function migrationDirs(): string[] {
  return [platformDir, ...modules.flatMap((m) => (m.migrationsDir ? [m.migrationsDir] : []))];
}

export class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dirs: string[]) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const dir of this.dirs) {
      const files = await fs.readdir(dir);
      for (const file of files.filter((f) => f.endsWith('.up.sql'))) {
        const name = file.slice(0, -'.up.sql'.length);
        const downFile = path.join(dir, `${name}.down.sql`);
        const up = await fs.readFile(path.join(dir, file), 'utf8');
        const down = await fs.readFile(downFile, 'utf8').catch(() => {
          throw new Error(`Migration ${name} has no down file (${downFile})`);
        });
        if (migrations[name]) throw new Error(`Two migrations are named ${name}`);
        migrations[name] = {
          up: async (db) => void (await sql.raw(up).execute(db)),
          down: async (db) => void (await sql.raw(down).execute(db)),
        };
      }
    }
    return migrations;
  }
}

export function createMigrator(db: Db, dirs = migrationDirs()): Migrator {
  return new Migrator({
    db,
    provider: new SqlFileMigrationProvider(dirs),
    migrationTableName: 'koers_migration',
    migrationLockTableName: 'koers_migration_lock',
  });
}

export type MigrationStatus = { name: string; executedAt: Date | null };

export async function migrationStatus(db: Db): Promise<MigrationStatus[]> {
  const list = await createMigrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  return (await migrationStatus(db)).filter((m) => !m.executedAt).map((m) => m.name);
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    err.message = `Migration ${failed?.migrationName ?? ''} failed: ${err.message}`;
    throw err;
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Applies every pending migration, one at a time so that `onApplied` can show progress. */
export async function migrateUp(db: Db, onApplied: (name: string, index: number, total: number) => void = () => {}): Promise<string[]> {
  const migrator = createMigrator(db);
  const total = (await pendingMigrations(db)).length;
  const applied: string[] = [];
  for (let i = 0; i < total; i++) {
    const done = unwrap(await migrator.migrateUp());
    if (done.length === 0) break;
    applied.push(...done);
    done.forEach((name) => onApplied(name, applied.length, total));
  }
  return applied;
}

/** Reverts the latest migration, or `steps` of them, or all with steps = Infinity. */
export async function migrateDown(db: Db, steps = 1): Promise<string[]> {
  const migrator = createMigrator(db);
  const reverted: string[] = [];
  for (let i = 0; i < steps; i++) {
    const done = unwrap(await migrator.migrateDown());
    if (done.length === 0) break;
    reverted.push(...done);
  }
  return reverted;
}
