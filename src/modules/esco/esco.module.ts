import path from 'node:path';
import type { KoersModule } from '../../platform/module.ts';
import { escoRoutes } from './esco.routes.ts';
import { seedEsco } from './esco.seed.ts';

// ESCO occupations and skills for the catalogue and the competence check. No portal tile: it is
// reference data that other modules show, not a page of its own.
export const escoModule: KoersModule = {
  id: 'esco',
  migrationsDir: path.join(import.meta.dirname, 'migrations'),
  routes: escoRoutes,
  seed: seedEsco,
};
