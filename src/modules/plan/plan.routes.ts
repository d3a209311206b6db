import { z } from 'zod';
import type { KoersApp } from '../../platform/module.ts';
import type { Db } from '../../platform/db/database.ts';
import { problemSchema } from '../../platform/errors/problem.ts';
import { actorOf, requireRole } from '../../platform/auth/auth.plugin.ts';
import { actionDetailSchema, actionPageSchema, actionQuerySchema, planSchema, reportInputSchema, reportSchema, statusCountsSchema, yearSchema } from './plan.schema.ts';
import { getAction, getPlan, listActions, saveReport, statusCounts } from './plan.service.ts';

const referenceSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be an action reference such as A1.3 or K-01');
const errors = { 400: problemSchema, 404: problemSchema };

export async function planRoutes(app: KoersApp, { db }: { db: Db }): Promise<void> {
  app.get('/api/v1/plan', {
    schema: { tags: ['plan'], summary: 'The plan: goals, flagships (with rolled-up progress), target groups, themes, statuses, stakeholders, sources', response: { 200: planSchema, 404: problemSchema } },
    handler: async () => getPlan(db),
  });

  app.get('/api/v1/plan/actions', {
    schema: { tags: ['plan'], summary: 'Actions, filtered and paged', querystring: actionQuerySchema, response: { 200: actionPageSchema, 400: problemSchema } },
    handler: async (request) => listActions(db, request.query),
  });

  app.get('/api/v1/plan/actions/:reference', {
    schema: { tags: ['plan'], summary: 'One action with its yearly reports, milestones and change history', params: z.object({ reference: referenceSchema }), response: { 200: actionDetailSchema, ...errors } },
    handler: async (request) => getAction(db, request.params.reference),
  });

  app.put('/api/v1/plan/actions/:reference/reports/:year', {
    preHandler: requireRole('admin', 'editor'),
    schema: {
      tags: ['plan'],
      summary: "Create or update an action's report for a year (admins; editors of a lead or partner organisation)",
      params: z.object({ reference: referenceSchema, year: yearSchema }),
      body: reportInputSchema,
      response: { 200: reportSchema, 401: problemSchema, 403: problemSchema, ...errors },
    },
    handler: async (request) => saveReport(db, request.user!, actorOf(request), request.params.reference, request.params.year, request.body),
  });

  app.get('/api/v1/plan/status-counts', {
    schema: {
      tags: ['plan'],
      summary: 'Status counts for a year: computed from recorded actions, and the official published totals, side by side',
      querystring: z.object({ year: yearSchema }),
      response: { 200: statusCountsSchema, 400: problemSchema },
    },
    handler: async (request) => statusCounts(db, request.query.year),
  });
}
