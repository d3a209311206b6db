import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { KoersApp } from '../module.ts';
import { HttpProblem } from '../errors/problem.ts';
import { isKnownWebPath } from '../../../web/src/route-paths.ts';

/**
 * Serves the built web app from dist/web. Unknown API paths get a problem+json 404; other unknown
 * paths get the app's HTML (so the React 404 page shows) with status 404 unless the app knows them.
 */
export async function installWeb(app: KoersApp, rootDir: string): Promise<void> {
  const webDir = path.join(rootDir, 'dist', 'web');
  const indexFile = path.join(webDir, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', index: false, wildcard: false, maxAge: '1h' });
  } else {
    app.log.warn({ webDir }, 'web app not built: run `npm run build` (npm start does it for you)');
  }

  // index.html is read per request: a rebuild renames the assets it points to.
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (hasWeb && request.method === 'GET' && !url.startsWith('/api/') && wantsHtml) {
      const html = await fs.promises.readFile(indexFile);
      return reply
        .code(isKnownWebPath(url) ? 200 : 404)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(html);
    }
    const problem = new HttpProblem(404, 'not-found', `Nothing exists at ${request.method} ${url}.`);
    return reply.code(404).type('application/problem+json').send(problem.toProblem(url));
  });
}
