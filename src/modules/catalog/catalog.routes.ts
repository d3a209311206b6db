import { z } from 'zod';
import type { KoersApp } from '../../platform/module.ts';
import type { Db } from '../../platform/db/database.ts';
import { HttpProblem, problemSchema } from '../../platform/errors/problem.ts';
import { actorOf, requireRole } from '../../platform/auth/auth.plugin.ts';
import {
  importQuerySchema, importReportSchema, offerIdSchema, offerInputSchema, offerSchema, providerIdSchema, providerInputSchema, providerPageSchema,
  providerQuerySchema, providerSchema,
} from './catalog.schema.ts';
import { actingProvider, archiveOffer, createOffer, getOffer, getProvider, listOwnOffers, listProviders, saveProvider, updateOffer } from './catalog.service.ts';
import { myOfferPageSchema, myOfferQuerySchema } from './catalog.schema.ts';
import { IMPORT_LIMIT, importOffers } from './catalog-import.service.ts';
import { courseJsonLd, elmLearningOpportunity } from './catalog-export.ts';

const params = z.object({ id: offerIdSchema });
const denied = { 401: problemSchema, 403: problemSchema };
const errors = { 400: problemSchema, 404: problemSchema };

export async function catalogRoutes(app: KoersApp, { db }: { db: Db }): Promise<void> {
  app.get('/api/v1/catalog/offers/:id', {
    schema: { tags: ['catalog'], summary: 'One offer with its sessions, places, ESCO skills and occupations, and the incentives it unlocks (drafts: its provider and admins only)', params, response: { 200: offerSchema, ...errors } },
    handler: async (request) => getOffer(db, request.user, request.params.id),
  });

  app.get('/api/v1/catalog/offers/:id/jsonld', {
    schema: { tags: ['catalog'], summary: 'The offer as schema.org Course (JSON-LD)', params, response: { 200: z.record(z.string(), z.unknown()), ...errors } },
    handler: async (request, reply) => reply.type('application/ld+json; charset=utf-8').send(courseJsonLd(await getOffer(db, request.user, request.params.id))),
  });

  app.get('/api/v1/catalog/offers/:id/elm', {
    schema: { tags: ['catalog'], summary: 'The offer as an ELM-compatible LearningOpportunity (Europass European Learning Model; not validated against its schema)', params, response: { 200: z.record(z.string(), z.unknown()), ...errors } },
    handler: async (request) => elmLearningOpportunity(await getOffer(db, request.user, request.params.id)),
  });

  app.post('/api/v1/catalog/offers', {
    onRequest: requireRole('admin', 'provider'),
    schema: {
      tags: ['catalog'],
      summary: "Create an offer (a provider for its own provider; admins name it with ?provider=)",
      querystring: z.object({ provider: providerIdSchema.optional() }),
      body: offerInputSchema,
      response: { 201: offerSchema, 409: problemSchema, 422: problemSchema, ...denied, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await createOffer(db, request.user!, actorOf(request), request.body, request.query.provider)),
  });

  app.put('/api/v1/catalog/offers/:id', {
    onRequest: requireRole('admin', 'provider'),
    schema: { tags: ['catalog'], summary: "Replace an offer (its own provider or an admin)", params, body: offerInputSchema, response: { 200: offerSchema, 409: problemSchema, 422: problemSchema, ...denied, ...errors } },
    handler: async (request) => updateOffer(db, request.user!, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/v1/catalog/offers/:id/archive', {
    onRequest: requireRole('admin', 'provider'),
    schema: { tags: ['catalog'], summary: 'Archive an offer (its own provider or an admin); archived offers leave the public catalogue', params, response: { 200: offerSchema, ...denied, ...errors } },
    handler: async (request) => archiveOffer(db, request.user!, actorOf(request), request.params.id),
  });

  app.get('/api/v1/catalog/providers', {
    onRequest: requireRole('admin'),
    schema: { tags: ['catalog'], summary: 'Providers (admins)', querystring: providerQuerySchema, response: { 200: providerPageSchema, ...denied, 400: problemSchema } },
    handler: async (request) => listProviders(db, request.query),
  });

  app.get('/api/v1/catalog/providers/:id', {
    onRequest: requireRole('admin'),
    schema: { tags: ['catalog'], summary: 'One provider (admins)', params: z.object({ id: providerIdSchema }), response: { 200: providerSchema, ...denied, ...errors } },
    handler: async (request) => getProvider(db, request.params.id),
  });

  app.get('/api/v1/catalog/providers/:id/offers', {
    onRequest: requireRole('admin', 'provider'),
    schema: {
      tags: ['catalog'],
      summary: "A provider's own offers in every status (that provider's accounts; admins)",
      params: z.object({ id: providerIdSchema }),
      querystring: myOfferQuerySchema,
      response: { 200: myOfferPageSchema, ...denied, ...errors },
    },
    handler: async (request) => listOwnOffers(db, request.user!, request.params.id, request.query),
  });

  app.put('/api/v1/catalog/providers/:id', {
    onRequest: requireRole('admin'),
    schema: { tags: ['catalog'], summary: 'Create or change a provider (admins)', params: z.object({ id: providerIdSchema }), body: providerInputSchema, response: { 200: providerSchema, 409: problemSchema, ...denied, ...errors } },
    handler: async (request) => saveProvider(db, actorOf(request), request.params.id, request.body),
  });

  // CSV arrives as raw bytes (the importer checks the encoding); the plan module may already parse text/csv.
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
  }

  app.post('/api/v1/catalog/import', {
    onRequest: requireRole('admin', 'provider'),
    bodyLimit: IMPORT_LIMIT,
    schema: {
      tags: ['catalog'],
      summary: "Import offers from CSV (text/csv) or JSON (an array of offers): all or nothing, upsert by externalId, per-row report (docs/catalog-import.md)",
      consumes: ['text/csv', 'application/json'],
      querystring: importQuerySchema,
      response: { 200: importReportSchema, 422: importReportSchema, 409: problemSchema, 413: problemSchema, 415: problemSchema, ...denied, 400: problemSchema },
    },
    handler: async (request, reply) => {
      const provider = await actingProvider(db, request.user!, request.query.provider);
      const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      let source: Parameters<typeof importOffers>[3];
      if (Buffer.isBuffer(request.body) && type !== 'application/json') source = { format: 'csv', content: request.body };
      else if (type === 'application/json') source = { format: 'json', content: request.body };
      else throw new HttpProblem(415, 'unsupported-media-type', 'Send the offers as text/csv or application/json.');
      const report = await importOffers(db, actorOf(request), provider, source, { dryRun: request.query.dryRun });
      return reply.code(report.ok ? 200 : 422).send(report);
    },
  });
}
