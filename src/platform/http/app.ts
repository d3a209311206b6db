import crypto from 'node:crypto';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { KoersApp, KoersModule } from '../module.ts';
import { installErrorHandlers } from '../errors/error-handler.ts';
import { createAuthService } from '../auth/auth.service.ts';
import { installSessionHook } from '../auth/auth.plugin.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { userRoutes } from '../auth/user.routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { portalRoutes } from '../portal/portal.routes.ts';
import { installSecurity } from './security.ts';
import { installOpenApi } from './openapi.ts';
import { healthRoutes } from './health.routes.ts';
import { installWeb } from './web.ts';

export type BuildAppOptions = { config: Config; db: Db; modules: KoersModule[]; logger?: boolean };

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp({ config, db, modules, logger = true }: BuildAppOptions): Promise<KoersApp> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Keep a caller's request id when it is sane, so logs can be followed across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : crypto.randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only: a text/plain body is refused with 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandlers(app);

  await installSecurity(app);
  await installOpenApi(app);

  const auth = createAuthService(db, config);
  installSessionHook(app, auth);

  await healthRoutes(app, db);
  await authRoutes(app, auth);
  await userRoutes(app, auth);
  await auditRoutes(app, db);
  await portalRoutes(app, db, config.region, modules);
  for (const m of modules) await m.routes?.(app, { db });

  await installWeb(app, config.rootDir);
  return app;
}
