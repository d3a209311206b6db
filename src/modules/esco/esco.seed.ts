import path from 'node:path';
import type { SeedContext, SeedResult } from '../../platform/module.ts';
import { BUNDLED_ESCO_VERSION } from './esco-source.ts';
import { loadEsco } from './esco-load.service.ts';

/** The seed step: loads the bundled ESCO release on the first start; later starts find it unchanged. */
export async function seedEsco(ctx: SeedContext): Promise<SeedResult[]> {
  // ctx.dataDir is data/<region>; ESCO is not a region's: it lives beside it in data/esco/.
  // KOERS_ESCO_DIR points elsewhere, e.g. the tests' small sample (test-support/esco-sample/).
  const dir = process.env.KOERS_ESCO_DIR || path.resolve(ctx.dataDir, '..', 'esco', `v${BUNDLED_ESCO_VERSION}`);
  const result = await loadEsco(ctx.db, dir, { onProgress: (p) => p.done && ctx.report(`ESCO ${p.step}: ${p.rows}`) });
  const rows = result.counts.occupations! + result.counts.skills! + result.counts.relations!;
  ctx.report(`ESCO v${result.version} ${result.status} in ${result.ms} ms`);
  return [{ step: `ESCO v${result.version}`, inserted: result.status === 'loaded' ? rows : 0, unchanged: result.status === 'unchanged' ? rows : 0 }];
}
