import { createRequire } from 'node:module';
import http from 'node:http';
import path from 'node:path';
import { appRouter, createContextInner, type Logger } from '@antoan/api';
import type { Database } from '@antoan/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { sql, type Kysely } from 'kysely';
import sirv from 'sirv';

export interface AppServerOptions {
  db: Kysely<Database>;
  log: Logger;
  /** The built admin SPA (default: apps/admin/dist). */
  staticDir?: string | undefined;
}

/** The folder of the built admin SPA inside the workspace. */
export function defaultStaticDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@antoan/admin/package.json')), 'dist');
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/**
 * One origin for everything: `/trpc/*` the API, `/health` for probes, and the admin SPA for the rest
 * (unknown paths fall back to its index.html so client-side routes survive a reload).
 */
export function createAppServer(options: AppServerOptions): http.Server {
  const { db, log } = options;
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: () => createContextInner({ db, log }),
    onError: ({ error, path: procedure }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error(`trpc ${procedure ?? '?'} failed`, { error: error.cause ?? error });
    },
  });
  const assets = sirv(options.staticDir ?? defaultStaticDir(), {
    single: true,
    etag: true,
    gzip: false,
    setHeaders: (res, pathname) => {
      // Vite fingerprints everything under /assets: cache it for a year; never cache index.html.
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  return http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = req.url ?? '/';
    if (url.startsWith('/trpc/')) {
      trpc(req, res);
      return;
    }
    if (url === '/health' || url.startsWith('/health?')) {
      sql`select 1 as ok`
        .execute(db)
        .then(() => sendJson(res, 200, { status: 'ok', database: 'ok' }))
        .catch((error: unknown) => {
          log.error('health check failed', { error });
          sendJson(res, 503, { status: 'error', database: 'unreachable' });
        });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'Method not allowed' });
      return;
    }
    assets(req, res, () => sendJson(res, 404, { error: 'Not found' }));
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
