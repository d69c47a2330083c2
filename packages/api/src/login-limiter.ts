import { isIPv6 } from 'node:net';

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
  /** Clients remembered at most; beyond, those whose last failure is oldest are forgotten (default 10,000). */
  maxClients?: number;
}

/** An attempt let through: call `succeeded()` when the password was right, so it does not count. */
export type LoginAttempt =
  | { allowed: true; succeeded: () => void }
  /** Refused: `retryAt` is when the oldest failure leaves the window; `first` is true once per blocked spell. */
  | { allowed: false; retryAt: Date; first: boolean };

interface AccountClientEntry {
  failures: number;
  /** When the lock of this client on this account ends (ms), or null while unlocked. */
  lockedUntil: number | null;
}

interface ClientEntry {
  /** Times (ms) of the attempts in the window that did not succeed, oldest first; never more than the maximum. */
  times: number[];
  /** Whether the refusal of the current blocked spell was already reported. */
  reported: boolean;
}

/**
 * Limits sign-in attempts per client address, beside the per-account lockout: at most `maxFailures`
 * attempts that did not succeed within a sliding window (a guesser spreading over many usernames is stopped
 * too). An attempt counts from the moment it starts (so parallel requests cannot slip past the limit) and
 * is forgiven when it succeeds; a refused attempt does not count (the wait never grows).
 *
 * In memory, one per server (like AreaSummaries), with bounded memory: at most `maxClients` addresses, and
 * at most `maxFailures` times each; entries whose times have all left the window are dropped as new ones
 * arrive. Time comes from the caller (`ctx.now()`), so tests move the clock.
 *
 * IPv6 clients are counted per /64 (one subscriber usually holds a whole /64); IPv4-mapped IPv6 addresses
 * count as their IPv4 address. A request without an address (not over HTTP) counts under one key.
 */
export class LoginRateLimiter {
  readonly #clients = new Map<string, ClientEntry>();
  /** Per account and client: `${userId} ${clientKey}` → its wrong passwords in a row and its lock. */
  readonly #accounts = new Map<string, AccountClientEntry>();
  readonly #maxFailures: number;
  readonly #windowMs: number;
  readonly #maxClients: number;

  constructor(options: LoginRateLimiterOptions = {}) {
    this.#maxFailures = options.maxFailures ?? MAX_FAILED_LOGINS_PER_CLIENT;
    this.#windowMs = options.windowMs ?? CLIENT_WINDOW_MINUTES * 60_000;
    this.#maxClients = options.maxClients ?? 10_000;
  }

  /** How many clients are remembered (for tests of the memory bound). */
  get size(): number {
    return this.#clients.size;
  }

  /** Starts a sign-in attempt from `ip` at `now`: refused when the client used up its window. */
  begin(ip: string | null, now: Date): LoginAttempt {
    const key = clientKey(ip);
    const at = now.getTime();
    const entry = this.#clients.get(key) ?? { times: [], reported: false };
    entry.times = entry.times.filter((t) => t > at - this.#windowMs);
    if (entry.times.length >= this.#maxFailures) {
      const first = !entry.reported;
      entry.reported = true;
      // the failure that, once out of the window, lets this client try again (there are maxFailures or more)
      const oldestCounted = entry.times.at(-this.#maxFailures) ?? at;
      return {
        allowed: false,
        retryAt: new Date(oldestCounted + this.#windowMs),
        first,
      };
    }
    entry.reported = false;
    entry.times.push(at);
    // Most recently active last: the first entries are the ones to drop.
    this.#clients.delete(key);
    this.#clients.set(key, entry);
    this.#evict(at);
    let settled = false;
    return {
      allowed: true,
      succeeded: () => {
        if (settled) return;
        settled = true;
        const i = entry.times.indexOf(at);
        if (i >= 0) entry.times.splice(i, 1);
        if (entry.times.length === 0 && this.#clients.get(key) === entry) this.#clients.delete(key);
      },
    };
  }

  /**
   * Whether this client is locked out of this account (after MAX_FAILED_LOGINS_PER_ACCOUNT_CLIENT wrong
   * passwords in a row from it): the owner signing in from elsewhere is not, so a guesser cannot lock an
   * owner out. A lock that has ended is forgotten with the failures before it.
   */
  isAccountLocked(userId: number, ip: string | null, now: Date): boolean {
    const key = `${userId} ${clientKey(ip)}`;
    const entry = this.#accounts.get(key);
    if (entry?.lockedUntil === null || entry === undefined) return false;
    if (entry.lockedUntil > now.getTime()) return true;
    this.#accounts.delete(key);
    return false;
  }

  /** Counts a wrong password for this account from this client; the fifth in a row locks the client out. */
  accountFailed(userId: number, ip: string | null, now: Date): void {
    const key = `${userId} ${clientKey(ip)}`;
    const at = now.getTime();
    const previous = this.#accounts.get(key);
    const entry =
      previous && (previous.lockedUntil === null || previous.lockedUntil > at)
        ? previous
        : { failures: 0, lockedUntil: null };
    entry.failures++;
    if (entry.failures >= MAX_FAILED_LOGINS_PER_ACCOUNT_CLIENT && entry.lockedUntil === null)
      entry.lockedUntil = at + LOCK_MINUTES * 60_000;
    // Most recently active last; bounded like the clients.
    this.#accounts.delete(key);
    this.#accounts.set(key, entry);
    for (const oldest of this.#accounts.keys()) {
      if (this.#accounts.size <= this.#maxClients) break;
      this.#accounts.delete(oldest);
    }
  }

  /** A right password from this client: its failures on this account are forgotten. */
  accountSucceeded(userId: number, ip: string | null): void {
    this.#accounts.delete(`${userId} ${clientKey(ip)}`);
  }

  /** An administrator's unlock: every client's failures and locks on this account are forgotten. */
  forgetAccount(userId: number): void {
    for (const key of [...this.#accounts.keys()]) if (key.startsWith(`${userId} `)) this.#accounts.delete(key);
  }

  /** Drops the oldest entries while there are too many, and a few expired ones on every call. */
  #evict(at: number): void {
    for (const oldest of this.#clients.keys()) {
      if (this.#clients.size <= this.#maxClients) break;
      this.#clients.delete(oldest);
    }
    let checked = 0;
    for (const [key, entry] of this.#clients) {
      if (checked++ >= 4) break;
      const last = entry.times[entry.times.length - 1];
      if (last === undefined || last <= at - this.#windowMs) this.#clients.delete(key);
      else break;
    }
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
