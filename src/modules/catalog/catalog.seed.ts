import path from 'node:path';
import type { SeedContext, SeedResult } from '../../platform/module.ts';
import { loadPlaces } from './catalog-places.ts';
import { generateCatalog } from './catalog-generate.service.ts';
import * as repo from './catalog.repository.ts';

export const SEED_OFFERS = 3000;
export const SEED_SEED = 42;

/** Places from data/be/geo/, then a synthetic catalogue of a few thousand offers on the first start. */
export async function seedCatalog(ctx: SeedContext): Promise<SeedResult[]> {
  // ctx.dataDir is data/<region>; the places are Belgium's, beside it in data/be/
  const places = await loadPlaces(ctx.db, path.resolve(ctx.dataDir, '..', 'be', 'geo', 'belgian-cities-geocoded.csv'));
  const existing = await repo.countSynthetic(ctx.db);
  let generated = 0;
  if (!existing) {
    const r = await generateCatalog(ctx.db, { count: SEED_OFFERS, seed: SEED_SEED });
    generated = r.offers;
    ctx.report(`catalog: ${r.offers} synthetic offers in ${r.ms} ms`);
  }
  return [
    { step: 'places', ...places },
    { step: 'synthetic offers', inserted: generated, unchanged: existing },
  ];
}
