import type { Command } from 'commander';
import path from 'node:path';
import { migrateUp } from '../../platform/migrations/migrator.ts';
import { escoService } from '../../modules/esco/esco.service.ts';
import { seedEsco } from '../../modules/esco/esco.seed.ts';
import { loadPlaces } from '../../modules/catalog/catalog-places.ts';
import { generateCatalog } from '../../modules/catalog/catalog-generate.service.ts';
import { fail, withDatabase } from '../context.ts';
import { progress } from '../progress.ts';

export function registerCatalog(program: Command): void {
  const catalog = program.command('catalog').description('the training catalogue');

  catalog
    .command('generate')
    .description('generate a SYNTHETIC catalogue (invented providers and offers from ESCO occupations and real places); deterministic per seed')
    .option('--count <n>', 'number of offers', '100000')
    .option('--seed <n>', 'seed of the random generator (same seed → same data)', '42')
    .option('--today <date>', 'the date sessions and incentive validity are planned around (default: today)')
    .option('--replace', 'remove the synthetic providers and offers already there first')
    .action((opts: { count: string; seed: string; today?: string; replace?: boolean }) => {
      const count = Number(opts.count);
      const seed = Number(opts.seed);
      if (!Number.isInteger(count) || count < 1 || count > 2_000_000) fail('--count must be a whole number from 1 to 2,000,000');
      if (!Number.isInteger(seed)) fail('--seed must be a whole number');
      if (opts.today && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) fail('--today must be a date YYYY-MM-DD');
      return withDatabase(async ({ db }, config) => {
        await migrateUp(db);
        // on a fresh database: the places and ESCO the generator builds from (both loads are idempotent)
        const dataDir = path.join(config.rootDir, 'data', config.region);
        await loadPlaces(db, path.join(config.rootDir, 'data', 'be', 'geo', 'belgian-cities-geocoded.csv'));
        if (!(await escoService(db).escoVersion())) await seedEsco({ db, region: config.region, dataDir, report: (line) => console.log(line) });
        const steps = Math.ceil(count / 5000);
        const bar = progress(`Generating ${count} synthetic offers (seed ${seed})`, steps);
        try {
          const r = await generateCatalog(db, { count, seed, today: opts.today, replace: !!opts.replace, onProgress: (done, total) => bar.tick(`${done}/${total}`) });
          bar.done();
          console.log(`${r.offers} offers from ${r.providers} providers written in ${(r.ms / 1000).toFixed(1)} s${r.removed ? ` (${r.removed} synthetic offers replaced)` : ''}; all labelled synthetic`);
          console.log(`  reading ESCO and places ${(r.phases.readMs / 1000).toFixed(1)} s, building ${(r.phases.buildMs / 1000).toFixed(1)} s, writing ${(r.phases.writeMs / 1000).toFixed(1)} s`);
        } catch (err) {
          bar.done();
          fail((err as Error).message);
        }
      });
    });
}
