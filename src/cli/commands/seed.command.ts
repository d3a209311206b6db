import type { Command } from 'commander';
import { migrateUp } from '../../platform/migrations/migrator.ts';
import { describeSeed, seedAll, seedStepCount } from '../../platform/seed/seed.service.ts';
import { progress } from '../progress.ts';
import { modules } from '../../modules/index.ts';
import { withDatabase } from '../context.ts';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description("load the bundled region's data (idempotent: existing rows are kept as they are)")
    .action(() =>
      withDatabase(async ({ db }, config) => {
        await migrateUp(db);
        const bar = progress('Loading region data', seedStepCount(modules));
        const results = await seedAll(db, config, modules, (step) => bar.tick(step));
        bar.done();
        describeSeed(results).forEach((line) => console.log(line));
        const added = results.reduce((n, r) => n + r.inserted, 0);
        console.log(added ? `seed: ${added} rows added` : 'seed: nothing to add, data already loaded');
      }),
    );
}
