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
import { hashPassword, oneTimePassword, randomToken, verifyPassword } from './password.js';

// A hash of a random password, verified when the username does not exist so that a wrong username takes
// as long as a wrong password (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;

/** After this many wrong passwords in a row, an account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type AuthenticationResult = { ok: true; user: User } | { ok: false; lockedUntil?: Date };

/**
 * Checks a username and password. Disabled users cannot sign in; a locked account is refused without
 * checking the password (so guessing stops), and the lock is set after MAX_FAILED_LOGINS failures.
 */
export async function authenticate(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: Date,
): Promise<AuthenticationResult> {
  const credentials = await findCredentials(db, username);
  if (!credentials) {
    await verifyPassword(password, await (dummyHash ??= hashPassword(randomToken())));
    return { ok: false };
  }
  if (credentials.lockedUntil && credentials.lockedUntil > now.toISOString()) {
    return { ok: false, lockedUntil: new Date(credentials.lockedUntil) };
  }
  const ok = await verifyPassword(password, credentials.passwordHash);
  if (!ok) {
    await recordFailedLogin(
      db,
      credentials.user.id,
      MAX_FAILED_LOGINS,
      new Date(now.getTime() + LOCK_MINUTES * 60_000),
    );
    return { ok: false };
  }
  if (credentials.user.isDisabled) return { ok: false };
  if (credentials.failedLogins > 0) await clearFailedLogins(db, credentials.user.id);
  return { ok: true, user: credentials.user };
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
      mustChangePassword: options.password === undefined,
    },
    options.now,
  );
  return { username: 'admin', password: options.password ? undefined : password };
}
