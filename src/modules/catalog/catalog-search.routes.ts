import type { Db } from '../../platform/db/database.ts';
import type { KoersApp } from '../../platform/module.ts';
import { problemSchema } from '../../platform/errors/problem.ts';
import { searchQuerySchema, searchResultSchema, suggestQuerySchema, suggestResultSchema } from './catalog-search.schema.ts';
import { searchOffers, suggest } from './catalog-search.service.ts';

// Public reads: search the published catalogue, and autocomplete.
export async function catalogSearchRoutes(app: KoersApp, { db }: { db: Db }): Promise<void> {
  app.get('/api/v1/catalog/offers', {
    schema: {
      tags: ['catalog'],
      summary: 'Search published offers: words, place and radius, facet filters; hits, facet counts (each over all other filters) and total',
      querystring: searchQuerySchema,
      response: { 200: searchResultSchema, 400: problemSchema },
    },
    // `Cache-Control: no-cache` asks for an answer computed now, not a kept one (same result, only slower)
    handler: async (request) => searchOffers(db, request.query, { fresh: /no-cache/i.test(request.headers['cache-control'] ?? '') }),
  });

  app.get('/api/v1/catalog/suggest', {
    schema: {
      tags: ['catalog'],
      summary: 'Autocomplete: offer titles and ESCO occupations starting with q (at most 10)',
      querystring: suggestQuerySchema,
      response: { 200: suggestResultSchema, 400: problemSchema },
    },
    handler: async (request) => suggest(db, request.query.q, request.query.lang),
  });
}
