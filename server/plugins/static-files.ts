import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

// The page and the service worker must be revalidated on every load, or a kiosk would keep an old
// build; the hashed assets they point to can be cached as long as the browser likes.
const ALWAYS_REVALIDATE = /(^|[\\/])(index\.html|sw\.js)$/;

/**
 * Serves the built kiosk and the staff console (dist/console/); any other page URL gets the
 * index.html of the program it is under, which routes on the client.
 */
export default fp<{ root: string }>(
  async (app, options) => {
    const root = resolve(options.root);
    if (!existsSync(join(root, 'index.html'))) {
      app.log.warn({ root }, 'no built kiosk to serve; run `npm run build`');
      app.setNotFoundHandler((_request, reply) => reply.code(404).send({ code: 'not_found' }));
      return;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      // Files are looked up per request, so a rebuilt kiosk is served without a restart.
      wildcard: true,
      setHeaders: (reply, path) => {
        if (ALWAYS_REVALIDATE.test(path)) reply.header('Cache-Control', 'no-cache');
      },
    });
    app.setNotFoundHandler((request, reply) => {
      if ((request.method === 'GET' || request.method === 'HEAD') && isPageUrl(request.url)) {
        return reply.header('Cache-Control', 'no-cache').sendFile(isConsoleUrl(request.url) ? 'console/index.html' : 'index.html');
      }
      return reply.code(404).send({ code: 'not_found' });
    });
  },
  { name: 'static-files' },
);

function isConsoleUrl(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === '/console' || path.startsWith('/console/');
}

function isPageUrl(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path.startsWith('/sandbox/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}
