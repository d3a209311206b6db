import path from 'node:path';
import type { KoersModule } from '../../platform/module.ts';
import { indicatorRoutes } from './indicators.routes.ts';
import { seedIndicators } from './indicators.seed.ts';
import { estimateRoutes } from './estimates.routes.ts';

export const indicatorsModule: KoersModule = {
  id: 'indicators',
  migrationsDir: path.join(import.meta.dirname, 'migrations'),
  routes: async (app, deps) => {
    await indicatorRoutes(app, deps);
    await estimateRoutes(app, deps);
  },
  seed: seedIndicators,
  tile: {
    path: '/indicators',
    title: { nl: 'Indicatoren levenslang leren', fr: "Indicateurs d'apprentissage tout au long de la vie", en: 'Lifelong-learning indicators' },
    summary: {
      nl: 'Opleidingsdeelname van volwassenen in Vlaanderen, België en alle Europese regio’s, met de doelen en het tempo dat nodig is om ze te halen.',
      fr: 'La participation des adultes à la formation en Flandre, en Belgique et dans toutes les régions européennes, avec les objectifs et le rythme nécessaire pour les atteindre.',
      en: 'Adult participation in learning in Flanders, Belgium and every EU region, with the targets and the pace needed to reach them.',
    },
  },
};
