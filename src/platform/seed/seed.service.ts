import path from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { KoersModule, SeedResult } from '../module.ts';
import { seedRegion } from '../portal/portal.service.ts';

/** Loads the bundled region's data: the portal's own first, then each module's. Idempotent. */
export async function seedAll(
  db: Db,
  config: Pick<Config, 'rootDir' | 'region' | 'dataDir'>,
  modules: KoersModule[],
  report: (line: string) => void = () => {},
): Promise<SeedResult[]> {
  const regionDir = path.join(config.rootDir, 'data', config.region);
  const results = await seedRegion(db, regionDir);
  results.forEach((r) => report(`${r.step}: ${r.inserted} added, ${r.unchanged} unchanged`));
  for (const m of modules) {
    if (!m.seed) continue;
    const more = await m.seed({ db, region: config.region, dataDir: regionDir, report });
    more.forEach((r) => report(`${m.id} ${r.step}: ${r.inserted} added, ${r.unchanged} unchanged`));
    results.push(...more);
  }
  return results;
}
