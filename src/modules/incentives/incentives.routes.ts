import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { problemSchema } from '../../platform/errors/problem.ts';
import type { KoersApp } from '../../platform/module.ts';
import { offerIdSchema } from '../catalog/catalog.schema.ts';
import { factsJsonSchema } from './engine/index.ts';
import { evaluateBodySchema, evaluateReplySchema, incentiveSummarySchema, offerFactsReplySchema } from './incentives.schema.ts';
import { evaluateFacts, incentiveRules, listIncentives, offerFacts } from './incentives.service.ts';

// Public Signpost routes. Nothing is stored: evaluation is a pure function of the posted facts, and
// the browser can do it alone with the rules from /rules.
export async function incentivesRoutes(app: KoersApp, { db }: { db: Db }): Promise<void> {
  app.get('/api/v1/incentives', {
    schema: { tags: ['incentives'], summary: 'The incentives Signpost knows, with their authority, summary and how to apply', response: { 200: z.object({ items: z.array(incentiveSummarySchema) }) } },
    handler: async () => ({ items: listIncentives() }),
  });

  app.get('/api/v1/incentives/facts-schema', {
    schema: { tags: ['incentives'], summary: 'JSON Schema (2020-12) of the evaluation input: the facts vocabulary with units and allowed values' },
    handler: async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(factsJsonSchema()),
  });

  app.get('/api/v1/incentives/rules', {
    schema: {
      tags: ['incentives'],
      summary: 'The parsed rule set (eligibility trees, dated parameters with sources, ranked exceptions) and the incentive summaries, for evaluation in the browser',
      response: { 200: z.object({ rules: z.array(z.record(z.string(), z.unknown())), incentives: z.array(incentiveSummarySchema) }) },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { rules: incentiveRules() as unknown as Record<string, unknown>[], incentives: listIncentives() };
    },
  });

  app.post('/api/v1/incentives/evaluate', {
    config: { stateless: true },
    schema: {
      tags: ['incentives'],
      summary: 'Evaluates every incentive for the given facts on a reference date: status, amounts, missing facts, explanation with sources, and the most useful next questions. Nothing is stored.',
      body: evaluateBodySchema,
      response: { 200: evaluateReplySchema, 400: problemSchema },
    },
    // Never touches request.user or the database: safe without a CSRF token.
    handler: async (request) => evaluateFacts(request.body),
  });

  app.get('/api/v1/incentives/offer-facts/:offerId', {
    schema: {
      tags: ['incentives'],
      summary: 'The training facts a published catalogue offer answers, to start Signpost from that offer',
      params: z.object({ offerId: offerIdSchema }),
      querystring: z.object({ date: z.iso.date().optional() }),
      response: { 200: offerFactsReplySchema, 400: problemSchema, 404: problemSchema },
    },
    handler: async (request) => offerFacts(db, request.params.offerId, request.query.date),
  });
}
