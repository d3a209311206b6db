import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { KoersApp } from '../module.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** a POST that reads no session and writes nothing (a calculation): no CSRF token needed */
    stateless?: boolean;
  }
}

export async function installSecurity(app: KoersApp): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: false, // set by the TLS-terminating proxy, which knows whether https is in use
  });
  await app.register(cookie);
  // Double-submit: the secret lives in an httpOnly cookie, the token in the X-CSRF-Token header.
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'koers_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict' },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (unsafeMethods.has(request.method) && request.url.startsWith('/api/') && !request.routeOptions.config?.stateless) {
      app.csrfProtection(request, reply, done);
    } else done();
  });
}
