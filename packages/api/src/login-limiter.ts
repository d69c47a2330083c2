import { isIPv6 } from 'node:net';

/** Sign-in attempts that did not succeed, per client address, within a sliding window. */
export const MAX_FAILED_LOGINS_PER_CLIENT = 20;
export const CLIENT_WINDOW_MINUTES = 15;

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
      return {
        allowed: false,
        retryAt: new Date(entry.times[entry.times.length - this.#maxFailures]! + this.#windowMs),
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

  /** Drops the oldest entries while there are too many, and a few expired ones on every call. */
  #evict(at: number): void {
    while (this.#clients.size > this.#maxClients) this.#clients.delete(this.#clients.keys().next().value!);
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
  if (mapped) return mapped[1]!;
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
