import path from 'node:path';
import type { KoersModule } from '../../platform/module.ts';
import { planRoutes } from './plan.routes.ts';
import { seedPlan } from './plan.seed.ts';

export const planModule: KoersModule = {
  id: 'plan',
  migrationsDir: path.join(import.meta.dirname, 'migrations'),
  routes: planRoutes,
  seed: seedPlan,
  tile: {
    path: '/plan',
    title: { nl: 'Actieplan volgen', fr: "Suivi du plan d'action", en: 'Action-plan monitor' },
    summary: {
      nl: 'De doelen, vlaggenschepen en acties van het plan, met hun voortgang per jaar.',
      fr: "Les objectifs, projets phares et actions du plan, avec leur avancement par année.",
      en: "The plan's goals, flagships and actions, with their progress year by year.",
    },
  },
};
