import { z } from 'zod';
import type { KoersApp } from '../../platform/module.ts';
import type { Db } from '../../platform/db/database.ts';
import { HttpProblem, problemSchema } from '../../platform/errors/problem.ts';
import { actorOf, requireRole } from '../../platform/auth/auth.plugin.ts';
import { estimate } from './survey/survey.service.ts';
import { estimateOptionsSchema, estimateRowSchema, lonelyPsuSchema, statSchema } from './survey/survey.schema.ts';
import { saveEstimates } from './estimates.service.ts';

const MICRODATA_LIMIT = 200 * 1024 * 1024;
const column = z.string().trim().min(1).max(100);

// Options travel in the query string so the body can be the CSV file itself: it lives in memory for
// this request only and is never written anywhere.
const querySchema = z.object({
  weight: column.optional(),
  strata: column.optional(),
  cluster: column.optional(),
  fpc: column.optional(),
  var: column.describe('the variable to estimate'),
  stat: statSchema.default('mean'),
  denominator: column.optional(),
  by: z.string().max(500).optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [])).describe('breakdown columns, comma-separated'),
  minN: z.coerce.number().int().min(0).max(1_000_000).default(30),
  lonelyPsu: lonelyPsuSchema.default('fail'),
  saveTo: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).optional().describe('store the estimates as observations of this indicator'),
  geo: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/).optional().describe('with saveTo: the geo code the survey covers'),
  period: z.coerce.number().int().min(1900).max(2100).optional().describe('with saveTo: the reference year'),
  category: z.string().max(100).optional().describe('with saveTo and a proportion: the category whose share is the value'),
  file: z.string().max(200).regex(/^[^<>/\\]*$/, 'must be a plain file name').default('upload.csv').describe('the uploaded file’s name, named as the source'),
});

export async function estimateRoutes(app: KoersApp, { db }: { db: Db }): Promise<void> {
  app.post('/api/v1/indicators/estimates', {
    onRequest: requireRole('analyst', 'admin'),
    bodyLimit: MICRODATA_LIMIT,
    schema: {
      tags: ['indicators'],
      summary: 'Weighted estimates with standard errors from uploaded survey microdata (analysts). The rows are never stored or shown; optionally the estimates are stored as observations.',
      consumes: ['text/csv'],
      querystring: querySchema,
      response: {
        200: z.object({ estimates: z.array(estimateRowSchema), saved: z.object({ indicator: z.string(), stored: z.number().int(), inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).nullable() }),
        400: problemSchema,
        401: problemSchema,
        403: problemSchema,
        413: problemSchema,
        415: problemSchema,
      },
    },
    handler: async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new HttpProblem(415, 'unsupported-media-type', 'Send the microdata as text/csv.');
      const q = request.query;
      const options = estimateOptionsSchema.safeParse({ weight: q.weight, strata: q.strata, cluster: q.cluster, fpc: q.fpc, variable: q.var, stat: q.stat, denominator: q.denominator, by: q.by, minN: q.minN, lonelyPsu: q.lonelyPsu });
      if (!options.success) {
        const errors = options.error.issues.map((i) => ({ field: String(i.path[0] === 'variable' ? 'var' : (i.path[0] ?? 'query')), reason: i.message }));
        throw new HttpProblem(400, 'validation', 'The estimate options are not valid.', errors);
      }
      const estimates = await estimate(request.body, options.data);
      if (!q.saveTo) return { estimates, saved: null };
      if (!q.geo || q.period === undefined) throw new HttpProblem(400, 'validation', 'Storing needs a geo and a period.', [...(q.geo ? [] : [{ field: 'geo', reason: 'required with saveTo' }]), ...(q.period === undefined ? [{ field: 'period', reason: 'required with saveTo' }] : [])]);
      const actor = actorOf(request);
      const source = `Survey estimate from ${q.file}, uploaded by ${actor.email ?? 'an analyst'} on ${new Date().toISOString().slice(0, 10)}`;
      const saved = await saveEstimates(db, actor, estimates, { indicator: q.saveTo, geo: q.geo, period: q.period, category: q.category, source });
      return { estimates, saved };
    },
  });
}
