import type { KoersApp } from '../module.ts';
import type { Db } from '../db/database.ts';
import { problemSchema } from '../errors/problem.ts';
import { requireRole } from '../auth/auth.plugin.ts';
import { auditPageSchema, auditQuerySchema } from './audit.schema.ts';
import { listAudit } from './audit.service.ts';

export async function auditRoutes(app: KoersApp, db: Db): Promise<void> {
  app.get('/api/v1/audit', {
    onRequest: requireRole('admin'),
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first (admins)',
      querystring: auditQuerySchema,
      response: { 200: auditPageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: async (request) => listAudit(db, request.query),
  });
}
