import { z } from 'zod';
import type { KoersApp } from '../module.ts';
import { problemSchema } from '../errors/problem.ts';
import { loginBodySchema, loginReplySchema, meReplySchema } from './auth.schema.ts';
import type { AuthService } from './auth.service.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

export async function authRoutes(app: KoersApp, auth: AuthService): Promise<void> {
  app.get('/api/v1/auth/me', {
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user (or null) and the CSRF token to send as X-CSRF-Token',
      response: { 200: meReplySchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { user: request.user, csrfToken: reply.generateCsrf() };
    },
  });

  app.post('/api/v1/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Log in with email and password; sets the session cookie',
      body: loginBodySchema,
      response: { 200: loginReplySchema, ...errors },
    },
    handler: async (request, reply) => {
      const { user, token, expiresAt } = await auth.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: expiresAt,
      });
      return { user };
    },
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null().describe('No content'), 403: problemSchema } },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await auth.logout(token, request.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });
}
