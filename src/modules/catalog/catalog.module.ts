import path from 'node:path';
import type { KoersModule } from '../../platform/module.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { catalogSearchRoutes } from './catalog-search.routes.ts';
import { seedCatalog } from './catalog.seed.ts';

export const catalogModule: KoersModule = {
  id: 'catalog',
  migrationsDir: path.join(import.meta.dirname, 'migrations'),
  routes: async (app, deps) => {
    await catalogRoutes(app, deps);
    await catalogSearchRoutes(app, deps);
  },
  seed: seedCatalog,
  tile: {
    path: '/catalog',
    title: { nl: 'Opleidingscatalogus', fr: 'Catalogue de formations', en: 'Training catalogue' },
    summary: {
      nl: 'Zoek een opleiding op onderwerp, plaats, tijd en niveau, met de vaardigheden die ze aanleert en de incentives die ze opent.',
      fr: "Trouvez une formation par sujet, lieu, horaire et niveau, avec les compétences qu'elle enseigne et les aides qu'elle ouvre.",
      en: 'Find a training by topic, place, time and level, with the skills it teaches and the incentives it unlocks.',
    },
  },
};
