import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import {
  appRouter,
  clientKey,
  createHttpContext,
  findRequestSession,
  LoginRateLimiter,
  AreaSummaries,
  VersionedCache,
  type Logger,
  type SessionCache,
} from '@antoan/api';
import { can, MAX_BATCH_CALLS } from '@antoan/core';
import { pendingMigrations, type Database } from '@antoan/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { sql, type Kysely } from 'kysely';
import sirv from 'sirv';
import { createDocumentRoutes, isDocumentPath } from './documents/routes.js';
import { isSameOrigin } from './origin.js';
import { ServerLifecycle } from './shutdown.js';

export interface AppServerOptions {
  db: Kysely<Database>;
  log: Logger;
  /** The built admin SPA (default: apps/admin/dist). */
  staticDir?: string | undefined;
  /** Mark the session cookie `Secure` and send Strict-Transport-Security (behind HTTPS). */
  secureCookies?: boolean;
  /**
   * Behind a reverse proxy that sets them: the client's address from X-Forwarded-For, and the site's host and
   * scheme (for the cross-site check) from X-Forwarded-Host and X-Forwarded-Proto.
   */
  trustProxy?: boolean;
  /** The public origin browsers use (`https://…`): mutations must come from exactly it. */
  publicUrl?: string | undefined;
  /** Largest request body of a tRPC call (default 1 MB; imports get {@link MAX_IMPORT_BODY_BYTES}). */
  maxBodyBytes?: number;
  /**
   * Open connections allowed from one client address (default {@link MAX_CONNECTIONS_PER_CLIENT}); more are
   * closed at once. Not applied behind a trusted proxy (every connection comes from the proxy).
   */
  maxConnectionsPerClient?: number;
  /** Time allowed to receive a request's headers (default 15 s). */
  headersTimeoutMs?: number;
  /** Time allowed to receive a whole request, body included (default 120 s: 15 MB at about 1 Mbit/s). */
  requestTimeoutMs?: number;
  /** Draining state for `/ready` and `Connection: close` (main.ts drains it on SIGTERM). */
  lifecycle?: ServerLifecycle;
  /**
   * The database's data version (`DatabaseHandle.dataVersion`): with it, sessions and summaries read under one
   * version are kept until the data changes. Without it (or when it gives null, on PostgreSQL), every request
   * reads them again.
   */
  dataVersion?: (() => string | null) | undefined;
}

/** Sessions kept by one server process while the data does not change (a session is about 1 kB). */
const SESSION_CACHE_SIZE = 10_000;

/** Open connections from one address: a browser opens about six; a slow-body attack opens thousands. */
export const MAX_CONNECTIONS_PER_CLIENT = 64;
/** Open connections in all, well under the process's file descriptors. */
export const MAX_CONNECTIONS = 4000;

/** The folder of the built admin SPA inside the workspace. */
export function defaultStaticDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@antoan/admin/package.json')), 'dist');
}

/** An import carries its file base64-encoded: 10 MB of file is about 13.4 MB of JSON. */
export const MAX_IMPORT_BODY_BYTES = 15 * 1024 * 1024;
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

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
  const summaries = new AreaSummaries(options.dataVersion);
  const sessions: SessionCache | undefined =
    options.dataVersion && new VersionedCache(options.dataVersion, SESSION_CACHE_SIZE);
  // Sign-in attempts per client address (the TCP peer: X-Forwarded-For is not trusted).
  const loginLimiter = new LoginRateLimiter();
  // Two handlers that differ only in the largest body they read: tRPC reads none by default, so without a
  // limit an anonymous 100 MB POST would be held in memory before being refused.
  const trpcHandler = (maxBodySize: number) =>
    createHTTPHandler({
      router: appRouter,
      basePath: '/trpc/',
      maxBodySize,
      // A batch counts as its calls (each goes through the sign-in limits); refused above the cap.
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: ({ req, res }) =>
        createHttpContext(
          { req, res },
          {
            db,
            log,
            secureCookies: options.secureCookies ?? false,
            summaries,
            sessions,
            loginLimiter,
            trustForwardedFor: options.trustProxy ?? false,
          },
        ),
      onError: ({ error, path: procedure }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          log.error(`trpc ${procedure ?? '?'} failed`, { error: error.cause ?? error });
      },
    });
  const smallBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const largeBody = Math.max(options.maxBodyBytes ?? 0, MAX_IMPORT_BODY_BYTES);
  const trpc = trpcHandler(smallBody);
  const trpcImports = trpcHandler(largeBody);
  /**
   * The body allowance is decided before a byte of the body is read: the large one only for an import by a
   * signed-in user whose role may import (the session is looked up from the cookie); everyone else, and every
   * anonymous caller, gets the small one. A declared length over it is refused at once.
   */
  const routeTrpc = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    let large = false;
    if (req.method === 'POST' && (req.url ?? '').startsWith('/trpc/imports.')) {
      const { user } = await findRequestSession(db, req, new Date());
      large = user !== null && !user.mustChangePassword && can(user.role, 'imports.run');
    }
    const limit = large ? largeBody : smallBody;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      refuseLargeBody(req, res, limit, large);
      return;
    }
    // Data answers are personal and change: never stored by a browser or a proxy.
    res.setHeader('Cache-Control', 'no-store');
    (large ? trpcImports : trpc)(req, res);
  };
  // Exports, the import template and the printed report: GET URLs authenticated by the session cookie.
  const documents = createDocumentRoutes({ db, log, secureCookies: options.secureCookies ?? false, summaries });
  const staticDir = options.staticDir ?? defaultStaticDir();
  const assets: ReturnType<typeof sirv> = existsSync(staticDir)
    ? sirv(staticDir, {
        single: true,
        etag: true,
        gzip: true,
        brotli: true,
        setHeaders: (res, pathname) => {
          // Vite fingerprints everything under /assets: cache it for a year; never cache index.html.
          res.setHeader(
            'Cache-Control',
            pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      })
    : // Not built: the API still serves; pages say why they are missing instead of the process failing.
      (_req, res) => sendJson(res, 503, { error: 'The admin SPA is not built: run "pnpm build".' });

  const lifecycle = options.lifecycle ?? new ServerLifecycle();
  // Slow clients: headers and whole requests must arrive in time (checked every second, not every 30 s).
  const requestTimeout = options.requestTimeoutMs ?? 120_000;
  const server = http.createServer(
    {
      headersTimeout: Math.min(options.headersTimeoutMs ?? 15_000, requestTimeout),
      requestTimeout,
      connectionsCheckingInterval: Math.min(1_000, requestTimeout),
    },
    (req, res) => {
      lifecycle.admit(res);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      if (options.secureCookies) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
      const url = req.url ?? '/';
      if (url.startsWith('/trpc/')) {
        const refusal = refuseCrossSite(req, options);
        if (refusal) {
          sendJson(res, 403, { error: refusal });
          return;
        }
        routeTrpc(req, res).catch((error: unknown) => {
          log.error('trpc routing failed', { error });
          if (!res.headersSent) sendJson(res, 500, { error: 'Internal error' });
          else res.destroy();
        });
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
      if (url === '/ready' || url.startsWith('/ready?')) {
        void checkReadiness(db, lifecycle).then(({ ready, body }) => sendJson(res, ready ? 200 : 503, body));
        return;
      }
      if (isDocumentPath(url.split('?')[0] ?? url)) {
        documents(req, res);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { error: 'Method not allowed' });
        return;
      }
      assets(req, res, () => sendJson(res, 404, { error: 'Not found' }));
    },
  );
  server.maxConnections = MAX_CONNECTIONS;
  if (!options.trustProxy)
    limitConnectionsPerClient(server, options.maxConnectionsPerClient ?? MAX_CONNECTIONS_PER_CLIENT);
  return server;
}

/** Closes a client's connections beyond `max` open at once (IPv6 counted per /64, like sign-in attempts). */
function limitConnectionsPerClient(server: http.Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const key = clientKey(socket.remoteAddress);
    const count = (open.get(key) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left <= 0) open.delete(key);
      else open.set(key, left);
    });
  });
}

/**
 * Whether this server should get traffic: not draining, the database answering, and every migration this
 * version knows applied (a server started with MIGRATE=off before `pnpm migrate` is not ready).
 */
async function checkReadiness(
  db: Kysely<Database>,
  lifecycle: ServerLifecycle,
): Promise<{ ready: boolean; body: Record<string, unknown> }> {
  let database = 'ok';
  let migrations: string | number = 'ok';
  try {
    const pending = await pendingMigrations(db);
    if (pending.length > 0) migrations = pending.length;
  } catch {
    database = 'unreachable';
    migrations = 'unknown';
  }
  const ready = !lifecycle.draining && database === 'ok' && migrations === 'ok';
  return {
    ready,
    body: {
      status: ready ? 'ready' : 'not ready',
      draining: lifecycle.draining,
      database,
      ...(typeof migrations === 'number' ? { migrations: 'pending', pendingMigrations: migrations } : { migrations }),
    },
  };
}

/**
 * CSRF defence in depth beside the SameSite=Strict cookie: a mutation (POST) must be JSON and, when the
 * browser says where it comes from, come from this very origin. HTML forms can do neither.
 */
function refuseCrossSite(req: http.IncomingMessage, options: AppServerOptions): string | undefined {
  if (req.method !== 'POST') return undefined;
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('application/json')) return 'Mutations must be sent as application/json';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return 'Bad Origin header';
    }
    if (!isSameOrigin(req, parsed, options)) return 'Cross-origin requests are not allowed';
  } else if (origin === 'null') {
    return 'Cross-origin requests are not allowed';
  }
  return undefined;
}

/**
 * 413 for a body declared larger than the caller's allowance, shaped as tRPC's errors (a list for a batch) so
 * the SPA shows its text, sent before a byte of the body is read.
 */
function refuseLargeBody(req: http.IncomingMessage, res: http.ServerResponse, limit: number, large: boolean): void {
  const mb = Math.round(limit / 1024 / 1024);
  const error = {
    error: {
      message: `The request body is too large: at most ${mb} MB`,
      code: -32413,
      data: {
        code: 'PAYLOAD_TOO_LARGE',
        httpStatus: 413,
        text: {
          vi: `Dữ liệu gửi lên quá lớn: tối đa ${mb} MB${large ? '' : ' (tệp lớn chỉ nhập được khi đã đăng nhập với quyền nhập dữ liệu)'}.`,
          en: `The request body is too large: at most ${mb} MB${large ? '' : ' (large files only for signed-in users allowed to import)'}.`,
        },
        fieldErrors: null,
      },
    },
  };
  // Not 'Connection: close': closing with the body unread makes the client's system reset the connection,
  // and the client may never see this answer. Node discards the rest of the body after the answer (never
  // holding it), within the request timeout.
  sendJson(res, 413, /[?&]batch=1(&|$)/.test(req.url ?? '') ? [error] : error);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
