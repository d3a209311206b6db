import type { Command } from 'commander';
import { migrateDown, migrateUp, migrationStatus, pendingMigrations } from '../../platform/migrations/migrator.ts';
import { progress } from '../progress.ts';
import { withDatabase } from '../context.ts';

export function registerMigrate(program: Command): void {
  const migrate = program.command('migrate').description('change the database schema (up, down, status)');

  migrate
    .command('up')
    .description('apply every pending migration')
    .action(() =>
      withDatabase(async ({ db }) => {
        const pending = await pendingMigrations(db);
        if (pending.length === 0) return void console.log('nothing to apply: up to date');
        const bar = progress('Applying migrations', pending.length);
        const applied = await migrateUp(db, (name) => bar.tick(name));
        bar.done();
        console.log(applied.map((n) => `applied ${n}`).join('\n'));
      }),
    );

  migrate
    .command('down')
    .description('revert the latest migration (or more with --steps, or --all)')
    .option('--steps <n>', 'how many migrations to revert', '1')
    .option('--all', 'revert every migration (drops all Koers tables and their data)')
    .action((opts: { steps: string; all?: boolean }) =>
      withDatabase(async ({ db }) => {
        const steps = opts.all ? Infinity : Number(opts.steps);
        if (!Number.isInteger(steps) && steps !== Infinity) throw new Error('--steps must be a whole number');
        const reverted = await migrateDown(db, steps);
        console.log(reverted.length ? reverted.map((n) => `reverted ${n}`).join('\n') : 'nothing to revert');
      }),
    );

  migrate
    .command('status')
    .description('list migrations and whether each has run')
    .action(() =>
      withDatabase(async ({ db }) => {
        for (const m of await migrationStatus(db)) {
          console.log(`${m.executedAt ? 'applied' : 'pending'}  ${m.name}${m.executedAt ? `  ${m.executedAt.toISOString()}` : ''}`);
        }
      }),
    );
}
