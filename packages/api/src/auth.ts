import type { User } from '@antoan/core';
import {
  clearFailedLogins,
  countUsers,
  findCredentials,
  insertUser,
  recordFailedLogin,
  writeTransaction,
  type Database,
} from '@antoan/db';
import type { Kysely } from 'kysely';
import { KeyedMutex } from './limits/keyed-mutex.js';
import { LOCK_MINUTES, type LoginRateLimiter } from './login-limiter.js';
import { DUMMY_HASH, hashPassword, oneTimePassword, verifyPassword } from './password.js';

/**
 * After this many wrong passwords in a row from any clients, the whole account is locked for LOCK_MINUTES (a
 * guesser spread over many addresses). One client gets MAX_FAILED_LOGINS_PER_ACCOUNT_CLIENT (5) before it alone
 * is locked out, so one address adds at most 5 every 15 minutes here, and the owner's next sign-in clears it.
 */
export const MAX_FAILED_LOGINS_PER_ACCOUNT = 50;

/** Who is trying: the server's limiter and the client's address (the lock is per account and client). */
export interface AttemptSource {
  limiter: LoginRateLimiter;
  clientIp: string | null;
}

export type AuthenticationResult = { ok: true; user: User } | { ok: false };

/** Whether the account is locked for everyone, or this client is locked out of it. */
export async function isLocked(
  db: Kysely<Database>,
  credentials: { user: { id: number }; lockedUntil: string | null },
  now: Date,
  source: AttemptSource,
): Promise<boolean> {
  if (credentials.lockedUntil !== null && credentials.lockedUntil > now.toISOString()) return true;
  return source.limiter.isAccountLocked(db, credentials.user.id, source.clientIp, now);
}

/**
 * Counts a wrong password against the account, and from this client, in one transaction (a lock that has
 * ended starts the count again).
 */
export async function countFailure(
  db: Kysely<Database>,
  userId: number,
  now: Date,
  source: AttemptSource,
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await source.limiter.accountFailed(trx, userId, source.clientIp, now);
    await recordFailedLogin(trx, userId, {
      limit: MAX_FAILED_LOGINS_PER_ACCOUNT,
      now,
      lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000),
    });
  });
}

/** A right password: the account's failures, and this client's, are forgotten. */
export async function countSuccess(
  db: Kysely<Database>,
  credentials: { user: { id: number }; failedLogins: number; lockedUntil: string | null },
  source: AttemptSource,
): Promise<void> {
  await source.limiter.accountSucceeded(db, credentials.user.id, source.clientIp);
  if (credentials.failedLogins > 0 || credentials.lockedUntil !== null)
    await clearFailedLogins(db, credentials.user.id);
}

/**
 * Attempts on one account run one at a time (see {@link KeyedMutex}): twenty calls of one batch get five
 * guesses, not twenty.
 */
export const accountAttempts = new KeyedMutex();

/**
 * Checks a username and password. Every way of failing looks the same to the caller, in answer and in time:
 * an unknown username, a disabled or locked account and a wrong password each cost one scrypt and give
 * `{ ok: false }`. A client locked out of the account (5 wrong passwords in a row from it) is refused even
 * with the right password, and so is everyone while the account itself is locked (50 in a row from any
 * clients); failures are not counted meanwhile, and once a lock has ended the failures before it are
 * forgotten. The owner, from another address, signs in while a guesser is locked out.
 */
export function authenticate(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: Date,
  source: AttemptSource,
): Promise<AuthenticationResult> {
  return accountAttempts.run(username.normalize('NFC').toLowerCase(), async () => {
    const credentials = await findCredentials(db, username);
    const ok = await verifyPassword(password, credentials?.passwordHash ?? DUMMY_HASH);
    if (!credentials || (await isLocked(db, credentials, now, source))) return { ok: false };
    if (!ok) {
      await countFailure(db, credentials.user.id, now, source);
      return { ok: false };
    }
    if (credentials.user.isDisabled) return { ok: false };
    await countSuccess(db, credentials, source);
    return { ok: true, user: credentials.user };
  });
}

/**
 * On the first start (no user at all), creates the `admin` user. Its password is `password` when given
 * (from the environment: the operator chose it), otherwise a random one that is returned so the caller prints
 * it once; that one is a one-time password, to be changed at the first sign-in (it was printed to a log).
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  options: { password?: string | undefined; now: Date },
): Promise<{ username: string; password: string | undefined } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const password = options.password ?? oneTimePassword();
  const passwordHash = await hashPassword(password);
  try {
    await insertUser(
      db,
      {
        username: 'admin',
        displayName: 'Quản trị hệ thống',
        passwordHash,
        role: 'admin',
        areaId: null,
        unitId: null,
        email: null,
        mustChangePassword: options.password === undefined,
      },
      options.now,
    );
  } catch (error) {
    // Another process starting at the same moment created it first (username taken): nothing to do here.
    if ((await countUsers(db)) > 0) return undefined;
    throw error;
  }
  return { username: 'admin', password: options.password ? undefined : password };
}
