import { z } from 'zod';
import type { KoersApp } from '../../platform/module.ts';
import type { Db } from '../../platform/db/database.ts';
import { HttpProblem, problemSchema } from '../../platform/errors/problem.ts';
import { actorOf, requireRole } from '../../platform/auth/auth.plugin.ts';
import { indicatorDetailSchema, indicatorSummarySchema, observationQuerySchema, observationsResponseSchema, rankingQuerySchema, rankingSchema } from './indicators.schema.ts';
import { exportObservations, getIndicator, getObservations, getRanking, listIndicators } from './indicators.service.ts';
import { IMPORT_LIMIT, importFormats, importObservations, importReportSchema } from './indicators-import.service.ts';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be an indicator id such as lfs-4w');
const params = z.object({ id: idSchema });
const errors = { 400: problemSchema, 404: problemSchema };

export async function indicatorRoutes(app: KoersApp, { db }: { db: Db }): Promise<void> {
  app.get('/api/v1/indicators', {
    schema: {
      tags: ['indicators'],
      summary: 'Every indicator with its targets and the latest value for the region (headline)',
      querystring: z.object({ goal: z.string().regex(/^[a-z]$/, 'must be a goal code a–j').optional().describe('only indicators linked to this plan goal') }),
      response: { 200: z.object({ indicators: z.array(indicatorSummarySchema) }), 400: problemSchema },
    },
    handler: async (request) => ({ indicators: await listIndicators(db, request.query) }),
  });

  app.get('/api/v1/indicators/:id', {
    schema: { tags: ['indicators'], summary: 'One indicator: definition, methodology, targets, geos, breakdowns, breaks in series', params, response: { 200: indicatorDetailSchema, ...errors } },
    handler: async (request) => getIndicator(db, request.params.id),
  });

  app.get('/api/v1/indicators/:id/observations', {
    schema: {
      tags: ['indicators'],
      summary: 'Observations for chosen geos, period and breakdown, with the trajectory from the latest value to each target ahead',
      params,
      querystring: observationQuerySchema,
      response: { 200: observationsResponseSchema, ...errors },
    },
    handler: async (request) => getObservations(db, request.params.id, request.query),
  });

  app.get('/api/v1/indicators/:id/ranking', {
    schema: { tags: ['indicators'], summary: 'Every region of a NUTS level ranked for a year, with EU-27, the country and its regions as references', params, querystring: rankingQuerySchema, response: { 200: rankingSchema, ...errors } },
    handler: async (request) => getRanking(db, request.params.id, request.query),
  });

  app.get('/api/v1/indicators/:id/export.csv', {
    schema: { tags: ['indicators'], summary: 'All observations as CSV (the documented import layout)', params, produces: ['text/csv'] },
    handler: async (request, reply) => {
      const csv = await exportObservations(db, request.params.id, 'csv');
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="koers-${request.params.id}.csv"`).send(csv);
    },
  });

  app.get('/api/v1/indicators/:id/export.jsonstat', {
    schema: { tags: ['indicators'], summary: 'All observations as a JSON-stat 2.0 dataset', params, produces: ['application/json'] },
    handler: async (request, reply) => {
      const json = await exportObservations(db, request.params.id, 'jsonstat');
      return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="koers-${request.params.id}.jsonstat.json"`).send(json);
    },
  });

  // Eurostat TSV arrives as raw bytes (text/csv has a raw-bytes parser already, registered by the plan module).
  app.addContentTypeParser('text/tab-separated-values', { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));

  app.post('/api/v1/indicators/:id/import', {
    onRequest: requireRole('admin', 'analyst'),
    bodyLimit: IMPORT_LIMIT,
    schema: {
      tags: ['indicators'],
      summary: 'Import observations (admins, analysts): Eurostat TSV, JSON-stat 2.0 or the CSV layout. All or nothing; re-imports update.',
      consumes: ['text/tab-separated-values', 'text/csv', 'application/json'],
      params,
      querystring: z.object({
        format: z.enum(importFormats).describe('eurostat-tsv, jsonstat or csv'),
        dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
        source: z.string().max(500).regex(/^[^<>]*$/, 'must not contain markup').optional().describe('source named on every value (default: the indicator’s source; CSV rows may name their own)'),
        file: z.string().max(200).regex(/^[^<>/\\]*$/, 'must be a plain file name').optional(),
      }),
      response: { 200: importReportSchema, 422: importReportSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema, 415: problemSchema, ...errors },
    },
    handler: async (request, reply) => {
      const body: unknown = request.body;
      // JSON-stat is JSON: Fastify has parsed it already; the importer reads text.
      const content = Buffer.isBuffer(body) ? body : body && typeof body === 'object' ? JSON.stringify(body) : null;
      if (content === null) throw new HttpProblem(415, 'unsupported-media-type', 'Send the file as text/tab-separated-values, text/csv or application/json.');
      const { format, dryRun, source, file } = request.query;
      const report = await importObservations(db, actorOf(request), { indicatorId: request.params.id, format, content, fileName: file ?? `upload.${format}`, source, dryRun });
      return reply.code(report.ok ? 200 : 422).send(report);
    },
  });
}
