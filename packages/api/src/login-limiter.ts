import { isIPv6 } from 'node:net';
import {
  accountClientLockedUntil,
  forgetAccountClient,
  forgetLoginAttempt,
  recordAccountClientFailure,
  startLoginAttempt,
  type Database,
} from '@antoan/db';
import type { Kysely } from 'kysely';

/** Sign-in attempts that did not succeed, per client address, within a sliding window. */
export const MAX_FAILED_LOGINS_PER_CLIENT = 20;
export const CLIENT_WINDOW_MINUTES = 15;
/** Wrong passwords in a row for one account from one client address, before that client is locked out of it. */
export const MAX_FAILED_LOGINS_PER_ACCOUNT_CLIENT = 5;
/** How long a client stays locked out of an account. */
export const LOCK_MINUTES = 15;

export interface LoginRateLimiterOptions {
  /** Failed attempts allowed from one client within the window (default 20). */
  maxFailures?: number;
  /** The sliding window, in milliseconds (default 15 minutes). */
  windowMs?: number;
}

/** An attempt let through: call `succeeded()` when the password was right, so it does not count. */
export type LoginAttempt =
  | { allowed: true; succeeded: () => Promise<void> }
  /** Refused: `retryAt` is when the oldest failure leaves the window; `first` is true once per blocked spell. */
  | { allowed: false; retryAt: Date; first: boolean };

/**
 * Limits sign-in attempts per client address, beside the per-account lockout: at most `maxFailures`
 * attempts that did not succeed within a sliding window (a guesser spreading over many usernames is stopped
 * too). An attempt counts from the moment it starts (so parallel requests cannot slip past the limit) and
 * is forgiven when it succeeds; a refused attempt does not count (the wait never grows).
 *
 * The counts live in the database (tables login_attempts, login_refusals, login_account_failures): every
 * server on one database shares them, so N servers allow what one allows, and a restart forgets nothing.
 * Attempts that left the window and locks that ended are pruned as new attempts and failures arrive. This
 * object holds only the rules; time comes from the caller (`ctx.now()`), so tests move the clock.
 *
 * IPv6 clients are counted per /64 (one subscriber usually holds a whole /64); IPv4-mapped IPv6 addresses
 * count as their IPv4 address. A request without an address (not over HTTP) counts under one key.
 */
export class LoginRateLimiter {
  readonly #maxFailures: number;
  readonly #windowMs: number;

  constructor(options: LoginRateLimiterOptions = {}) {
    this.#maxFailures = options.maxFailures ?? MAX_FAILED_LOGINS_PER_CLIENT;
    this.#windowMs = options.windowMs ?? CLIENT_WINDOW_MINUTES * 60_000;
  }

  /** Starts a sign-in attempt from `ip` at `now`: refused when the client used up its window. */
  async begin(db: Kysely<Database>, ip: string | null, now: Date): Promise<LoginAttempt> {
    const started = await startLoginAttempt(db, {
      clientKey: clientKey(ip),
      now,
      maxFailures: this.#maxFailures,
      windowMs: this.#windowMs,
    });
    if (!started.allowed) return started;
    let settled = false;
    return {
      allowed: true,
      succeeded: async () => {
        if (settled) return;
        settled = true;
        await forgetLoginAttempt(db, started.attemptId);
      },
    };
  }

  /**
   * Whether this client is locked out of this account (after MAX_FAILED_LOGINS_PER_ACCOUNT_CLIENT wrong
   * passwords in a row from it): the owner signing in from elsewhere is not, so a guesser cannot lock an
   * owner out. A lock that has ended is forgotten with the failures before it.
   */
  async isAccountLocked(db: Kysely<Database>, userId: number, ip: string | null, now: Date): Promise<boolean> {
    return (await accountClientLockedUntil(db, userId, clientKey(ip), now)) !== null;
  }

  /**
   * Counts a wrong password for this account from this client; the fifth in a row locks the client out. Call
   * it in the transaction that records the account's failure.
   */
  async accountFailed(trx: Kysely<Database>, userId: number, ip: string | null, now: Date): Promise<void> {
    await recordAccountClientFailure(trx, {
      userId,
      clientKey: clientKey(ip),
      now,
      limit: MAX_FAILED_LOGINS_PER_ACCOUNT_CLIENT,
      lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000),
    });
  }

  /** A right password from this client: its failures on this account are forgotten. */
  async accountSucceeded(db: Kysely<Database>, userId: number, ip: string | null): Promise<void> {
    await forgetAccountClient(db, userId, clientKey(ip));
  }
}

/** The key a client is counted under: its IPv4 address, or the /64 of its IPv6 address. */
export function clientKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
