import type { KoersModule } from '../../platform/module.ts';
import { incentivesRoutes } from './incentives.routes.ts';

// Signpost: which incentives a person or employer gets, how much and why. No tables: the rules are
// data files (data/<region>/incentives/) and answers are never stored.
export const incentivesModule: KoersModule = {
  id: 'incentives',
  routes: incentivesRoutes,
  tile: {
    path: '/signpost',
    title: { nl: 'Wegwijzer opleidingsincentives', fr: 'Guide des aides à la formation', en: 'Signpost to training incentives' },
    summary: {
      nl: 'Welke Vlaamse en federale opleidingsincentives krijg je, hoeveel en waarom? Je antwoorden blijven op je toestel.',
      fr: 'Quelles aides flamandes et fédérales à la formation obtenez-vous, combien et pourquoi ? Vos réponses restent sur votre appareil.',
      en: 'Which Flemish and federal training incentives do you get, how much and why? Your answers stay on your device.',
    },
  },
};
