import type { User } from '@antoan/core';
import {
  clearFailedLogins,
  countUsers,
  findCredentials,
  insertUser,
  recordFailedLogin,
  type Database,
} from '@antoan/db';
import type { Kysely } from 'kysely';
import { KeyedMutex } from './limits/keyed-mutex.js';
import { DUMMY_HASH, hashPassword, randomToken, verifyPassword } from './password.js';

/** After this many wrong passwords in a row, an account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type AuthenticationResult = { ok: true; user: User } | { ok: false };

/** Whether the account's lock is still on at `now`. */
export function isLocked(credentials: { lockedUntil: string | null }, now: Date): boolean {
  return credentials.lockedUntil !== null && credentials.lockedUntil > now.toISOString();
}

/** Counts a wrong password against the account (a lock that has ended starts the count again). */
export function countFailure(db: Kysely<Database>, userId: number, now: Date): Promise<void> {
  return recordFailedLogin(db, userId, {
    limit: MAX_FAILED_LOGINS,
    now,
    lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000),
  });
}

/**
 * Attempts on one account run one at a time (see {@link KeyedMutex}): twenty calls of one batch get five
 * guesses, not twenty.
 */
export const accountAttempts = new KeyedMutex();

/**
 * Checks a username and password. Every way of failing looks the same to the caller, in answer and in time:
 * an unknown username, a disabled or locked account and a wrong password each cost one scrypt and give
 * `{ ok: false }`. A locked account is refused even with the right password (so guessing stops) and its
 * failures are not counted meanwhile; the lock is set after MAX_FAILED_LOGINS failures in a row and, once it
 * has ended, the failures before it are forgotten.
 */
export function authenticate(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: Date,
): Promise<AuthenticationResult> {
  return accountAttempts.run(username.normalize('NFC').toLowerCase(), async () => {
    const credentials = await findCredentials(db, username);
    const ok = await verifyPassword(password, credentials?.passwordHash ?? DUMMY_HASH);
    if (!credentials || isLocked(credentials, now)) return { ok: false };
    if (!ok) {
      await countFailure(db, credentials.user.id, now);
      return { ok: false };
    }
    if (credentials.user.isDisabled) return { ok: false };
    if (credentials.failedLogins > 0 || credentials.lockedUntil !== null)
      await clearFailedLogins(db, credentials.user.id);
    return { ok: true, user: credentials.user };
  });
}

/**
 * On the first start (no user at all), creates the `admin` user. Its password is `password` when given
 * (from the environment), otherwise a random one that is returned so the caller prints it once.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  options: { password?: string | undefined; now: Date },
): Promise<{ username: string; password: string | undefined } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const password = options.password ?? randomToken(12);
  await insertUser(
    db,
    {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      passwordHash: await hashPassword(password),
      role: 'admin',
      areaId: null,
      unitId: null,
      email: null,
    },
    options.now,
  );
  return { username: 'admin', password: options.password ? undefined : password };
}
