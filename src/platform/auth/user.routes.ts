import { z } from 'zod';
import type { KoersApp } from '../module.ts';
import { problemSchema } from '../errors/problem.ts';
import { actorOf, requireRole } from './auth.plugin.ts';
import { addUserInputSchema, publicUserSchema } from './auth.schema.ts';
import type { AuthService } from './auth.service.ts';

const listedUserSchema = publicUserSchema.extend({ disabled: z.boolean(), createdAt: z.string() });
const denied = { 401: problemSchema, 403: problemSchema };

// Account management for admins: the API twin of `koers user add|list|disable`.
export async function userRoutes(app: KoersApp, auth: AuthService): Promise<void> {
  app.get('/api/v1/users', {
    onRequest: requireRole('admin'),
    schema: { tags: ['users'], summary: 'Accounts (admins)', response: { 200: z.object({ items: z.array(listedUserSchema) }), ...denied } },
    handler: async () => ({ items: (await auth.listUsers()).map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })) }),
  });

  app.post('/api/v1/users', {
    onRequest: requireRole('admin'),
    schema: {
      tags: ['users'],
      summary: 'Add an account (admins); editors are bound to an organisation, providers to a training provider',
      body: addUserInputSchema,
      response: { 201: publicUserSchema, 400: problemSchema, 409: problemSchema, ...denied },
    },
    handler: async (request, reply) => reply.code(201).send(await auth.addUser(request.body, actorOf(request))),
  });

  app.post('/api/v1/users/:id/disable', {
    onRequest: requireRole('admin'),
    schema: {
      tags: ['users'],
      summary: 'Disable an account and end its sessions (admins)',
      params: z.object({ id: z.uuid() }),
      response: { 200: publicUserSchema, 404: problemSchema, 400: problemSchema, ...denied },
    },
    handler: async (request) => auth.disableUser({ id: request.params.id }, actorOf(request)),
  });
}
