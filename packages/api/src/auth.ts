import type { User } from '@antoan/core';
import { countUsers, findCredentials, insertUser, type Database } from '@antoan/db';
import type { Kysely } from 'kysely';
import { hashPassword, randomToken, verifyPassword } from './password.js';

// A hash of a random password, verified when the username does not exist so that a wrong username takes
// as long as a wrong password (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;

/** The user for a username and password, or undefined; disabled users cannot sign in. */
export async function authenticate(db: Kysely<Database>, username: string, password: string): Promise<User | undefined> {
  const credentials = await findCredentials(db, username);
  if (!credentials) {
    await verifyPassword(password, await (dummyHash ??= hashPassword(randomToken())));
    return undefined;
  }
  const ok = await verifyPassword(password, credentials.passwordHash);
  return ok && !credentials.user.isDisabled ? credentials.user : undefined;
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
