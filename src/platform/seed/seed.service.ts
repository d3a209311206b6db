import path from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { KoersModule, SeedResult } from '../module.ts';
import { seedRegion } from '../portal/portal.service.ts';

export const seedStepCount = (modules: KoersModule[]) => 1 + modules.filter((m) => m.seed).length;

export function describeSeed(results: SeedResult[]): string[] {
  return results.map((r) => `${r.step}: ${r.inserted} added, ${r.unchanged} unchanged`);
}

/**
 * Loads the bundled region's data: the portal's own first, then each module's. Idempotent.
 * `onStep` is called after each step (the portal, then one per module), for progress display.
 */
export async function seedAll(
  db: Db,
  config: Pick<Config, 'rootDir' | 'region'>,
  modules: KoersModule[],
  onStep: (step: string, results: SeedResult[]) => void = () => {},
): Promise<SeedResult[]> {
  const regionDir = path.join(config.rootDir, 'data', config.region);
  const results = await seedRegion(db, regionDir);
  onStep('portal', results);
  for (const m of modules) {
    if (!m.seed) continue;
    const more = (await m.seed({ db, region: config.region, dataDir: regionDir, report: () => {} })).map((r) => ({ ...r, step: `${m.id} ${r.step}` }));
    onStep(m.id, more);
    results.push(...more);
  }
  return results;
}
