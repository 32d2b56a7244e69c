import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound } from '../http/api-errors.js';

export const CONSOLE_PREFIX = '/console/';

/**
 * Where the prebuilt console lives: `processor/console/` (the `console` workspace's `vite build` writes it there and
 * the package's `files` ship it). This file sits at the same depth in src/ and dist/, so one relative path serves both.
 */
export function consoleRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'console');
}

/**
 * Serve the triage console's prebuilt files at /console/ on the receiver's HTTP server. The files hold no data (every
 * data request goes to /api/v1 with the token), so they are served without the token: the login screen must load.
 * Hashed assets are cached for a year; index.html is revalidated on every load; any other /console/* path answers
 * index.html (the app's own routes: /console/findings/…, /console/sessions/…).
 */
export function registerConsole(app: FastifyInstance, root: string = consoleRoot()): void {
  const index = join(root, 'index.html');
  const assets = join(root, 'assets') + sep;
  app.get('/console', (_req, reply) => reply.redirect(CONSOLE_PREFIX, 301));
  if (!existsSync(index)) {
    app.get(`${CONSOLE_PREFIX}*`, (req, reply) =>
      notFound(reply, `${req.url.split('?')[0]}: the console is not built (npm run build)`),
    );
    return;
  }
  void app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root,
      prefix: CONSOLE_PREFIX,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders(reply, path) {
        const immutable = path.startsWith(assets);
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        reply.header('x-content-type-options', 'nosniff');
      },
    });
    const shell = (_req: unknown, reply: FastifyReply) =>
      reply
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', CSP)
        .sendFile('index.html', root, { cacheControl: false });
    scope.get(CONSOLE_PREFIX, shell);
    // The SPA fallback: a path under /console/ that is not a prebuilt file is one of the app's routes.
    scope.get(`${CONSOLE_PREFIX}*`, (req, reply) => {
      const rel = decodeURIComponent(req.url.split('?')[0]!.slice(CONSOLE_PREFIX.length));
      if (rel.startsWith('assets/') || /\.[a-z0-9]+$/i.test(rel))
        return notFound(reply, `${req.method} ${req.url.split('?')[0]}`);
      return shell(req, reply);
    });
  });
}

/** Everything the console loads comes from this server: no CDN, no web fonts, no inline script. */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; connect-src 'self'; frame-ancestors 'none'";
