import type { KoersApp, KoersModule } from '../module.ts';
import type { Db } from '../db/database.ts';
import { problemSchema } from '../errors/problem.ts';
import { portalReplySchema, sourcesReplySchema } from './portal.schema.ts';
import { getPortal, listSources } from './portal.service.ts';
import { memo } from '../cache.ts';

// Region and sources change only when data is loaded: answer from memory, re-read every 10 s.
const TTL_MS = 10_000;

export async function portalRoutes(app: KoersApp, db: Db, regionId: string, modules: KoersModule[]): Promise<void> {
  const portal = memo(TTL_MS, () => getPortal(db, regionId, modules));
  const sources = memo(TTL_MS, async () => ({ items: await listSources(db, regionId) }));

  app.get('/api/v1/portal', {
    schema: {
      tags: ['portal'],
      summary: 'The region, its action plan, and the modules that work',
      response: { 200: portalReplySchema, 404: problemSchema },
    },
    handler: () => portal.get(),
  });

  app.get('/api/v1/sources', {
    schema: {
      tags: ['portal'],
      summary: 'Data sources shown in Koers, with licence and attribution',
      response: { 200: sourcesReplySchema },
    },
    handler: () => sources.get(),
  });
}
