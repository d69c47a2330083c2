import { DomainError, type Role, type User } from '@antoan/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import { listAreaIdsUnder } from './import.repository.js';
import type { Database, UserTable } from './schema.js';

export function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    areaId: row.area_id,
    unitId: row.unit_id,
    email: row.email,
    isDisabled: row.is_disabled === 1,
    mustChangePassword: row.must_change_password === 1,
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  areaId: number | null;
  unitId: number | null;
  email: string | null;
  /** Signs in with a one-time password and must change it first (default false). */
  mustChangePassword?: boolean;
}

/** What an administrator may change of an account (the username stays; the password changes by a reset). */
export interface UserChanges {
  displayName: string;
  role: Role;
  areaId: number | null;
  unitId: number | null;
  email: string | null;
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function getUser(db: Kysely<Database>, id: number): Promise<User> {
  const user = await findUserById(db, id);
  if (!user)
    throw new DomainError('NOT_FOUND', { vi: `Không tìm thấy người dùng #${id}`, en: `User #${id} not found` });
  return user;
}

/** The user, the stored password hash and the lockout state, for logging in. */
export async function findCredentials(
  db: Kysely<Database>,
  username: string,
): Promise<{ user: User; passwordHash: string; failedLogins: number; lockedUntil: string | null } | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return (
    row && {
      user: toUser(row),
      passwordHash: row.password_hash,
      failedLogins: row.failed_logins,
      lockedUntil: row.locked_until,
    }
  );
}

/**
 * Counts a failed sign-in (or a wrong current password); from `limit` failures on, the account is locked until
 * `lockUntil`. A lock that has ended is forgotten with the failures before it: counting starts again at one.
 */
export async function recordFailedLogin(
  db: Kysely<Database>,
  userId: number,
  options: { limit: number; now: Date; lockUntil: Date },
): Promise<void> {
  const now = options.now.toISOString();
  const previous = sql<number>`(case when locked_until is not null and locked_until <= ${now} then 0 else failed_logins end)`;
  await db
    .updateTable('users')
    .set({
      failed_logins: sql<number>`${previous} + 1`,
      locked_until: sql<
        string | null
      >`(case when ${previous} >= ${options.limit - 1} then ${options.lockUntil.toISOString()} when locked_until is not null and locked_until <= ${now} then null else locked_until end)`,
    })
    .where('id', '=', userId)
    .execute();
}

/** Clears the failures after a successful sign-in (or an unlock by an admin). */
export async function clearFailedLogins(db: Kysely<Database>, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function insertUser(db: Kysely<Database>, user: NewUser, now: Date): Promise<User> {
  const existing = await db.selectFrom('users').select('id').where('username', '=', user.username).executeTakeFirst();
  if (existing) {
    throw new DomainError('CONFLICT', {
      vi: `Tên đăng nhập "${user.username}" đã có người dùng`,
      en: `The username "${user.username}" is taken`,
    });
  }
  const row = await db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      area_id: user.areaId,
      unit_id: user.unitId,
      email: user.email,
      created_at: now.toISOString(),
      password_changed_at: now.toISOString(),
      must_change_password: user.mustChangePassword ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

/**
 * Every user, by username; with `withinAreaId`, only those whose area is that area or lies below it
 * (following parent links whatever their dates, as scope does). Each with the end dates of its area and unit
 * (null while in force): an account left on an ended area shows it.
 */
export async function listUsers(
  db: Kysely<Database>,
  filter: { withinAreaId?: number } = {},
): Promise<
  (User & {
    lockedUntil: string | null;
    areaName: string | null;
    areaValidTo: string | null;
    unitName: string | null;
    unitValidTo: string | null;
  })[]
> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('areas', 'areas.id', 'users.area_id')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .selectAll('users')
    .select([
      'areas.name as area_name',
      'areas.valid_to as area_valid_to',
      'units.name as unit_name',
      'units.valid_to as unit_valid_to',
    ])
    .orderBy('users.username')
    .execute();
  const listed = (row: (typeof rows)[number]) => ({
    ...toUser(row),
    lockedUntil: row.locked_until,
    areaName: row.area_name,
    areaValidTo: row.area_valid_to,
    unitName: row.unit_name,
    unitValidTo: row.unit_valid_to,
  });
  if (filter.withinAreaId === undefined) return rows.map(listed);
  // Accounts are few (one or two per commune): filtering them here is cheaper than a long IN list.
  const below = await listAreaIdsUnder(db, filter.withinAreaId);
  return rows.filter((row) => row.area_id !== null && below.has(row.area_id)).map(listed);
}

/** Changes an account's name, role, area, unit and e-mail. */
export async function updateUser(db: Kysely<Database>, userId: number, changes: UserChanges): Promise<void> {
  await db
    .updateTable('users')
    .set({
      display_name: changes.displayName,
      role: changes.role,
      area_id: changes.areaId,
      unit_id: changes.unitId,
      email: changes.email,
    })
    .where('id', '=', userId)
    .execute();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Sets a new password. `mustChange`: it is a one-time password (a reset) that its owner must replace at the
 * next sign-in; the lockout is cleared too, so a reset also unlocks the account.
 */
export async function updatePasswordHash(
  db: Kysely<Database>,
  userId: number,
  passwordHash: string,
  now: Date,
  options: { mustChange?: boolean } = {},
) {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      password_changed_at: now.toISOString(),
      must_change_password: options.mustChange ? 1 : 0,
      ...(options.mustChange ? { failed_logins: 0, locked_until: null } : {}),
    })
    .where('id', '=', userId)
    .execute();
}

export async function setUserDisabled(db: Kysely<Database>, userId: number, isDisabled: boolean) {
  await db
    .updateTable('users')
    .set({ is_disabled: isDisabled ? 1 : 0 })
    .where('id', '=', userId)
    .execute();
}

// ── Sessions ─────────────────────────────────────────────────────────────────────────────────────────

export async function insertSession(
  db: Kysely<Database>,
  session: { id: string; userId: number; createdAt: Date; expiresAt: Date },
) {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.createdAt.toISOString(),
      expires_at: session.expiresAt.toISOString(),
    })
    .execute();
}

/**
 * A session's user (not disabled) and when the session expires, expired or not: for a cache that checks the
 * expiry itself on every use.
 */
export async function findSession(
  db: Kysely<Database>,
  sessionId: string,
): Promise<{ user: User; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.expires_at as session_expires_at')
    .where('sessions.id', '=', sessionId)
    .where('users.is_disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_expires_at: expiresAt, ...user } = row;
  return { user: toUser(user), expiresAt };
}

/** The user of a live session (not expired, user not disabled). */
export async function findSessionUser(db: Kysely<Database>, sessionId: string, now: Date): Promise<User | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('users.is_disabled', '=', 0)
    .executeTakeFirst();
  return row && toUser(row);
}

export async function deleteSession(db: Kysely<Database>, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, except `keep` (the one that changed the password). */
export async function deleteUserSessions(db: Kysely<Database>, userId: number, keep?: string) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) query = query.where('id', '!=', keep);
  await query.execute();
}
