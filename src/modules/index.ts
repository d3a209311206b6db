import type { KoersModule } from '../platform/module.ts';
import { escoModule } from './esco/esco.module.ts';
import { planModule } from './plan/plan.module.ts';
import { indicatorsModule } from './indicators/indicators.module.ts';
import { catalogModule } from './catalog/catalog.module.ts';
import { incentivesModule } from './incentives/incentives.module.ts';

// The platform's modules, in load order; a module shows a portal tile only once it works.
export const modules: KoersModule[] = [escoModule, planModule, indicatorsModule, catalogModule, incentivesModule];
