import { sql } from 'kysely';
import { z } from 'zod';
import type { KoersApp } from '../module.ts';
import type { Db } from '../db/database.ts';
import { pendingMigrations } from '../migrations/migrator.ts';

const healthSchema = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.string()).optional() });

export async function healthRoutes(app: KoersApp, db: Db): Promise<void> {
  app.get('/healthz', { schema: { tags: ['health'], summary: 'The process is up', response: { 200: healthSchema } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get('/readyz', {
    schema: {
      tags: ['health'],
      summary: 'The database answers and every migration has run',
      response: { 200: healthSchema, 503: healthSchema },
    },
    handler: async (_request, reply) => {
      const checks: Record<string, string> = {};
      try {
        await sql`select 1`.execute(db);
        checks.database = 'ok';
        const pending = await pendingMigrations(db);
        checks.migrations = pending.length === 0 ? 'ok' : `${pending.length} pending: ${pending.join(', ')}`;
      } catch (err) {
        checks.database = `unreachable: ${(err as Error).message}`;
      }
      const ready = Object.values(checks).every((c) => c === 'ok');
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks });
    },
  });
}
