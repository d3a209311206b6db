import path from 'node:path';
import type { Command } from 'commander';
import { migrateUp } from '../../platform/migrations/migrator.ts';
import { ESCO_LOAD_STEPS, EscoLoadError, describeProblem, loadEsco } from '../../modules/esco/esco-load.service.ts';
import { bundledEscoDir } from '../../modules/esco/esco-source.ts';
import { progress } from '../progress.ts';
import { withDatabase } from '../context.ts';

export function registerEsco(program: Command): void {
  const esco = program.command('esco').description('ESCO, the European classification of occupations and skills');

  esco
    .command('load')
    .description('load an ESCO release from its gzipped CSV files, all or nothing (the same release again: nothing to do)')
    .option('--dir <path>', 'folder with the ESCO CSV files and their SOURCE.md (default: the bundled data/esco/v1.1.1)')
    .option('--force', 'load even if the same release is already loaded')
    .action((opts: { dir?: string; force?: boolean }) =>
      withDatabase(async ({ db }, config) => {
        await migrateUp(db);
        const dir = path.resolve(opts.dir ?? bundledEscoDir(config.rootDir));
        const bar = progress(`Loading ESCO from ${dir}`, ESCO_LOAD_STEPS.length);
        try {
          const r = await loadEsco(db, dir, { force: !!opts.force, onProgress: (p) => p.done && bar.tick(`${p.step}: ${p.rows}`) });
          bar.done();
          const c = r.counts;
          console.log(`ESCO v${r.version} ${r.status === 'loaded' ? 'loaded' : 'unchanged (already loaded; --force to reload)'} in ${(r.ms / 1000).toFixed(1)} s`);
          console.log(`${c.occupations} occupations, ${c.skills} skills, ${c.relations} occupation–skill relations, ${c.iscoGroups} ISCO groups, ${c.skillGroups} skill groups, ${c.skillBroader} broader relations, ${c.labels} search labels`);
        } catch (err) {
          bar.done();
          if (!(err instanceof EscoLoadError)) throw err;
          err.problems.forEach((p) => console.error(describeProblem(p)));
          console.error('ESCO not loaded: nothing changed. Fix the files above and try again.');
          process.exitCode = 1;
        }
      }),
    );
}
