import { createHash } from 'node:crypto';
import type { User } from '@antoan/core';
import { findSession, findSessionUser, type Database } from '@antoan/db';
import type { Kysely } from 'kysely';
import { LoginRateLimiter } from './login-limiter.js';
import { AreaSummaries } from './area-summaries.js';
import { deepFreeze, type VersionedCache } from './versioned-cache.js';

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Sets (token and expiry) or clears (null) the session cookie of the response. */
export type SessionCookieWriter = (token: string | null, expires?: Date) => void;

/** What every procedure receives. Built without an HTTP request, so tests call procedures directly. */
export interface Context {
  db: Kysely<Database>;
  /** The clock, injected: procedures never read `Date.now()` themselves. */
  now: () => Date;
  log: Logger;
  /** The signed-in user, or null. */
  user: User | null;
  /** The stored id (hash) of the caller's session, or null. */
  sessionId: string | null;
  setSessionCookie: SessionCookieWriter;
  /** Summaries already computed for the current version of the data (shared by the requests of a server). */
  summaries: AreaSummaries;
  /** The address of the client (the TCP peer, see createHttpContext), or null when not called over HTTP. */
  clientIp: string | null;
  /** Sign-in attempts per client address (shared by the requests of a server). */
  loginLimiter: LoginRateLimiter;
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };

export const SESSION_COOKIE = 'antoan_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Sessions are stored under the SHA-256 of their token: the table alone gives no working cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createContextInner(options: {
  db: Kysely<Database>;
  now?: () => Date;
  log?: Logger;
  user?: User | null;
  sessionId?: string | null;
  setSessionCookie?: SessionCookieWriter;
  summaries?: AreaSummaries;
  clientIp?: string | null;
  loginLimiter?: LoginRateLimiter;
}): Context {
  return {
    db: options.db,
    now: options.now ?? (() => new Date()),
    log: options.log ?? silentLogger,
    user: options.user ?? null,
    sessionId: options.sessionId ?? null,
    setSessionCookie: options.setSessionCookie ?? (() => undefined),
    summaries: options.summaries ?? new AreaSummaries(),
    clientIp: options.clientIp ?? null,
    loginLimiter: options.loginLimiter ?? new LoginRateLimiter(),
  };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

export interface HttpContextOptions {
  db: Kysely<Database>;
  log: Logger;
  /** Adds `Secure` to the cookie (set it when the site is served over HTTPS). */
  secureCookies: boolean;
  now?: () => Date;
  summaries: AreaSummaries;
  /**
   * The sessions already looked up under the current data version (one cache per server; see
   * {@link SessionCache}). Without it, every request reads its session from the database.
   */
  sessions?: SessionCache | undefined;
  /** The server's sign-in limiter (one per server). Without it, each request gets its own: no limit at all. */
  loginLimiter?: LoginRateLimiter;
  /**
   * Take the client's address from the last entry of `X-Forwarded-For` (the one the proxy in front of this
   * server appended). Only behind exactly one trusted reverse proxy: otherwise any client can write the
   * header and pick its own address. Off by default: the address is the TCP peer's.
   */
  trustForwardedFor?: boolean;
}

/** The client's address: the TCP peer, or (only when told to trust a proxy) the last X-Forwarded-For entry. */
export function clientIpOf(
  req: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string | undefined } },
  trustForwardedFor = false,
): string | null {
  if (trustForwardedFor) {
    const header = req.headers['x-forwarded-for'];
    const entries = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
    const last = entries
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last;
  }
  return req.socket?.remoteAddress ?? null;
}

/** Sessions looked up by id (with their expiry, checked on every use), kept while the data does not change. */
export type SessionCache = VersionedCache<{ user: User; expiresAt: string } | null>;

/**
 * The session a request's cookie names and its user, or nulls: what the context holds, and what the server
 * asks before reading a body (only a signed-in user's import gets the large body allowance). With a cache, a
 * session read under the current data version is not read again: signing in or out, a disabled account or a
 * changed role are writes, which change the version; the expiry is compared with `now` each time.
 */
export async function findRequestSession(
  db: Kysely<Database>,
  req: { headers: Record<string, string | string[] | undefined> },
  now: Date,
  sessions?: SessionCache,
): Promise<{ sessionId: string | null; user: User | null }> {
  const cookieHeader = req.headers.cookie;
  const token = readCookie(Array.isArray(cookieHeader) ? cookieHeader.join(';') : cookieHeader, SESSION_COOKIE);
  const sessionId = token ? sessionIdOf(token) : null;
  if (!sessionId) return { sessionId, user: null };
  if (!sessions) return { sessionId, user: (await findSessionUser(db, sessionId, now)) ?? null };
  // frozen: one user object serves every request of the session; an unknown session is not kept (made-up
  // cookies would push the real ones out)
  const session = await sessions.get(
    sessionId,
    async () => (await findSession(db, sessionId)) ?? null,
    (found) => (found ? deepFreeze(found) : undefined),
  );
  return { sessionId, user: session && session.expiresAt > now.toISOString() ? session.user : null };
}

/** The context of an HTTP request: the session from the cookie, and a writer for the response's cookie. */
export async function createHttpContext(
  {
    req,
    res,
  }: {
    req: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string | undefined } };
    res: { appendHeader(name: string, value: string): unknown };
  },
  options: HttpContextOptions,
): Promise<Context> {
  const now = options.now ?? (() => new Date());
  const { sessionId, user } = await findRequestSession(options.db, req, now(), options.sessions);
  const secure = options.secureCookies ? '; Secure' : '';
  return createContextInner({
    db: options.db,
    log: options.log,
    now,
    user,
    summaries: options.summaries,
    clientIp: clientIpOf(req, options.trustForwardedFor),
    loginLimiter: options.loginLimiter,
    sessionId: user ? sessionId : null,
    setSessionCookie: (value, expires) => {
      const attributes = `Path=/; HttpOnly; SameSite=Strict${secure}`;
      res.appendHeader(
        'Set-Cookie',
        value === null
          ? `${SESSION_COOKIE}=; ${attributes}; Max-Age=0`
          : `${SESSION_COOKIE}=${encodeURIComponent(value)}; ${attributes}; Expires=${(expires ?? new Date(now().getTime() + SESSION_TTL_MS)).toUTCString()}`,
      );
    },
  });
}
