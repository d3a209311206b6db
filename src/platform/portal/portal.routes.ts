import type { KoersApp, KoersModule } from '../module.ts';
import type { Db } from '../db/database.ts';
import { problemSchema } from '../errors/problem.ts';
import { portalReplySchema, sourcesReplySchema } from './portal.schema.ts';
import { getPortal, listSources } from './portal.service.ts';

export async function portalRoutes(app: KoersApp, db: Db, regionId: string, modules: KoersModule[]): Promise<void> {
  app.get('/api/v1/portal', {
    schema: {
      tags: ['portal'],
      summary: 'The region, its action plan, and the modules that work',
      response: { 200: portalReplySchema, 404: problemSchema },
    },
    handler: async () => getPortal(db, regionId, modules),
  });

  app.get('/api/v1/sources', {
    schema: {
      tags: ['portal'],
      summary: 'Data sources shown in Koers, with licence and attribution',
      response: { 200: sourcesReplySchema },
    },
    handler: async () => ({ items: await listSources(db, regionId) }),
  });
}
