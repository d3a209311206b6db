import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KoersApp } from '../module.ts';
import { forbidden, unauthorized } from '../errors/problem.ts';
import type { PublicUser, Role } from './auth.schema.ts';
import type { AuthService } from './auth.service.ts';
import type { Actor } from '../audit/audit.schema.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: PublicUser | null;
  }
}

export const SESSION_COOKIE = 'koers_session';

/** Loads the signed-in user (or null) for every request from the session cookie. */
export function installSessionHook(app: KoersApp, auth: AuthService): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await auth.userForToken(token) : null;
  });
}

/** Route onRequest hook (runs before the body is read): 401 without a session, 403 for a role not in the list. */
export function requireRole(...allowed: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.user) throw unauthorized();
    if (!allowed.includes(request.user.role)) throw forbidden(`This needs the role ${allowed.join(' or ')}.`);
  };
}

export function actorOf(request: FastifyRequest): Actor {
  return request.user
    ? { kind: 'user', userId: request.user.id, email: request.user.email }
    : { kind: 'system', userId: null, email: null };
}
