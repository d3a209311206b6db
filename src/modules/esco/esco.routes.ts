import { z } from 'zod';
import type { KoersApp } from '../../platform/module.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound, problemSchema } from '../../platform/errors/problem.ts';
import { escoService, occupationUri, skillUri } from './esco.service.ts';
import {
  attributionSchema, escoVersionSchema, langQuerySchema, occupationIdSchema, occupationListSchema, occupationReplySchema,
  searchQuerySchema, skillIdSchema, skillListSchema, skillReplySchema, UUID,
} from './esco.schema.ts';

// Public, read-only ESCO routes. Every answer carries the attribution ESCO's licence asks for.
export async function escoRoutes(app: KoersApp, { db }: { db: Db }): Promise<void> {
  const esco = escoService(db);
  const attributed = async <T extends object>(body: T) => ({ ...body, attribution: await esco.attribution() });

  app.get('/api/v1/esco', {
    schema: { tags: ['esco'], summary: 'The loaded ESCO release (null before the first load) and its attribution', response: { 200: z.object({ version: escoVersionSchema.nullable(), attribution: attributionSchema }) } },
    handler: async () => attributed({ version: await esco.escoVersion() }),
  });

  app.get('/api/v1/esco/occupations', {
    schema: { tags: ['esco'], summary: 'Occupations whose label matches (preferred, alternative or hidden labels, English and Dutch; typos tolerated)', querystring: searchQuerySchema, response: { 200: occupationListSchema, 400: problemSchema } },
    handler: async (request) => attributed({ items: await esco.findOccupations(request.query.q, request.query.lang, request.query.limit) }),
  });

  app.get('/api/v1/esco/occupations/:id', {
    schema: {
      tags: ['esco'],
      summary: 'One occupation with its ISCO group and its essential and optional skills',
      params: z.object({ id: occupationIdSchema }),
      querystring: langQuerySchema,
      response: { 200: occupationReplySchema, 400: problemSchema, 404: problemSchema },
    },
    handler: async (request) => {
      const { id } = request.params;
      const occupation = await esco.getOccupation(UUID.test(id) ? occupationUri(id) : id, request.query.lang);
      if (!occupation) throw notFound(`No ESCO occupation has the identifier or code ${id}.`);
      return attributed({ occupation });
    },
  });

  app.get('/api/v1/esco/skills', {
    schema: { tags: ['esco'], summary: 'Skills and knowledge whose label matches (preferred, alternative or hidden labels, English; typos tolerated)', querystring: searchQuerySchema, response: { 200: skillListSchema, 400: problemSchema } },
    handler: async (request) => attributed({ items: await esco.findSkills(request.query.q, request.query.lang, request.query.limit) }),
  });

  app.get('/api/v1/esco/skills/:id', {
    schema: {
      tags: ['esco'],
      summary: 'One skill with its broader skills or groups and the occupations that need it',
      params: z.object({ id: skillIdSchema }),
      querystring: langQuerySchema,
      response: { 200: skillReplySchema, 400: problemSchema, 404: problemSchema },
    },
    handler: async (request) => {
      const skill = await esco.getSkill(skillUri(request.params.id), request.query.lang);
      if (!skill) throw notFound(`No ESCO skill has the identifier ${request.params.id}.`);
      return attributed({ skill });
    },
  });
}
