import { z } from 'zod';
import type { KoersApp } from '../../platform/module.ts';
import type { Db } from '../../platform/db/database.ts';
import { HttpProblem, problemSchema } from '../../platform/errors/problem.ts';
import { actorOf, requireRole } from '../../platform/auth/auth.plugin.ts';
import { matrixQuerySchema, matrixSchema, milestoneInputSchema, stakeholderInputSchema, statusInputSchema, importReportSchema, actionDetailSchema, actionPageSchema, actionQuerySchema, planSchema, reportInputSchema, reportSchema, statusCountsSchema, yearSchema } from './plan.schema.ts';
import { getAction, getPlan, listActions, planMatrix, saveReport, statusCounts } from './plan.service.ts';
import { exportCsv, importCsv } from './plan-import.service.ts';
import { addMilestone, approveReport, saveStakeholder, saveStatus } from './plan-admin.service.ts';
import { reportQuerySchema } from './report/annual-report.schema.ts';
import { renderAnnualReport } from './report/annual-report.service.ts';

const IMPORT_LIMIT = 10 * 1024 * 1024;

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

  app.get('/api/v1/plan/matrix', {
    schema: {
      tags: ['plan'],
      summary: 'Recorded actions counted per target group x theme (or x flagship), with a "none recorded" row and column',
      querystring: matrixQuerySchema,
      response: { 200: matrixSchema, 400: problemSchema, 404: problemSchema },
    },
    handler: async (request) => planMatrix(db, request.query.by),
  });

  app.get('/api/v1/plan/actions/:reference', {
    schema: { tags: ['plan'], summary: 'One action with its yearly reports, milestones and change history', params: z.object({ reference: referenceSchema }), response: { 200: actionDetailSchema, ...errors } },
    handler: async (request) => getAction(db, request.params.reference),
  });

  app.put('/api/v1/plan/actions/:reference/reports/:year', {
    onRequest: requireRole('admin', 'editor'),
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

  app.get('/api/v1/plan/report', {
    schema: {
      tags: ['plan'],
      summary: 'The annual report for a year: a PDF to download, or one standalone HTML page (its own CSP: inline style, no script)',
      querystring: reportQuerySchema,
      response: {
        200: { description: 'The report', content: { 'application/pdf': { schema: z.unknown().describe('PDF, as an attachment') }, 'text/html': { schema: z.string().describe('one standalone HTML page') } } },
        ...errors,
      },
    },
    handler: async (request, reply) => {
      const file = await renderAnnualReport(db, request.query);
      return reply.type(file.contentType).headers(file.headers).send(file.body);
    },
  });

  app.get('/api/v1/plan/export.csv', {
    schema: {
      tags: ['plan'],
      summary: 'Every action and yearly report as CSV (the import format: edit it and import it again)',
      querystring: z.object({ separator: z.enum(['comma', 'semicolon']).default('comma').describe('semicolon suits Excel in Belgium') }),
      produces: ['text/csv'],
    },
    handler: async (request, reply) => {
      let csv = await exportCsv(db);
      if (request.query.separator === 'semicolon') csv = csv.replace(/("(?:[^"]|"")*")|,/g, (m, quoted) => quoted ?? ';');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="koers-plan.csv"')
        .send(`\uFEFF${csv}`); // the BOM makes Excel read UTF-8
    },
  });

  // CSV arrives as raw bytes: the importer itself checks the encoding and reports problems per row.
  app.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));

  app.post('/api/v1/plan/import', {
    onRequest: requireRole('admin'),
    bodyLimit: IMPORT_LIMIT,
    schema: {
      tags: ['plan'],
      summary: 'Import actions and yearly reports from CSV (admins). All or nothing; rows update by reference and year.',
      consumes: ['text/csv'],
      querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
      response: { 200: importReportSchema, 422: importReportSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema, 415: problemSchema },
    },
    handler: async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new HttpProblem(415, 'unsupported-media-type', 'Send the CSV file as text/csv.');
      }
      const report = await importCsv(db, actorOf(request), request.body, { dryRun: request.query.dryRun });
      return reply.code(report.ok ? 200 : 422).send(report);
    },
  });

  const denied = { 401: problemSchema, 403: problemSchema };
  const keySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a kebab-case key');

  app.post('/api/v1/plan/actions/:reference/reports/:year/approve', {
    onRequest: requireRole('admin'),
    schema: {
      tags: ['plan'],
      summary: 'Approve a yearly report (admins); editing the report later asks for a new approval',
      params: z.object({ reference: referenceSchema, year: yearSchema }),
      response: { 200: z.object({ reference: z.string(), year: z.number().int(), approvedAt: z.string() }), 409: problemSchema, ...denied, ...errors },
    },
    handler: async (request) => approveReport(db, request.user!, actorOf(request), request.params.reference, request.params.year),
  });

  app.put('/api/v1/plan/statuses/:key', {
    onRequest: requireRole('admin'),
    schema: { tags: ['plan'], summary: 'Create or change a status of the catalogue (admins)', params: z.object({ key: keySchema }), body: statusInputSchema, response: { 200: z.unknown(), ...denied, 400: problemSchema } },
    handler: async (request) => saveStatus(db, actorOf(request), request.params.key, request.body),
  });

  app.put('/api/v1/plan/stakeholders/:id', {
    onRequest: requireRole('admin'),
    schema: { tags: ['plan'], summary: 'Create or change a stakeholder organisation (admins)', params: z.object({ id: keySchema }), body: stakeholderInputSchema, response: { 200: z.unknown(), ...denied, 400: problemSchema } },
    handler: async (request) => saveStakeholder(db, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/v1/plan/actions/:reference/milestones', {
    onRequest: requireRole('admin', 'editor'),
    schema: { tags: ['plan'], summary: "Add a milestone to an action (admins; editors of a lead or partner organisation)", params: z.object({ reference: referenceSchema }), body: milestoneInputSchema, response: { 201: z.unknown(), ...denied, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await addMilestone(db, request.user!, actorOf(request), request.params.reference, request.body)),
  });
}
