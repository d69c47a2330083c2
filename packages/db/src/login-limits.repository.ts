import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { exclusiveTransaction } from './write-transaction.js';

// The sign-in limits, shared by every server through the database (issue 19): what one server allows, N
// servers allow together, and a restart forgets nothing. The API's LoginRateLimiter holds the rules.

/** The advisory lock key (first half) of a client's attempts; the second half is a hash of the client key. */
const LOGIN_CLIENT_LOCK = 1319;

function hashKey(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

export type StartedLoginAttempt =
  { allowed: true; attemptId: number } | { allowed: false; retryAt: Date; first: boolean };

/**
 * Starts a sign-in attempt from a client: refused when `maxFailures` attempts that did not succeed started
 * within the window; otherwise counted from now (one row). Runs alone per client across processes (an advisory
 * lock; SQLite's write lock), so parallel attempts on several servers cannot slip past the limit. Attempts that
 * left the window, and refusals whose spell ended, are pruned on the way.
 */
export function startLoginAttempt(
  db: Kysely<Database>,
  options: { clientKey: string; now: Date; maxFailures: number; windowMs: number },
): Promise<StartedLoginAttempt> {
  const { clientKey, now, maxFailures, windowMs } = options;
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  return exclusiveTransaction(db, { key: LOGIN_CLIENT_LOCK, subkey: hashKey(clientKey) }, async (trx) => {
    await trx.deleteFrom('login_attempts').where('at', '<=', windowStart).execute();
    await trx.deleteFrom('login_refusals').where('retry_at', '<=', at).execute();
    // The newest maxFailures attempts in the window, newest first.
    const recent = await trx
      .selectFrom('login_attempts')
      .select('at')
      .where('client_key', '=', clientKey)
      .where('at', '>', windowStart)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(maxFailures)
      .execute();
    if (recent.length >= maxFailures) {
      // the failure that, once out of the window, lets this client try again
      const oldestCounted = recent[recent.length - 1]?.at ?? at;
      const retryAt = new Date(new Date(oldestCounted).getTime() + windowMs);
      const reported = await trx
        .selectFrom('login_refusals')
        .select('retry_at')
        .where('client_key', '=', clientKey)
        .executeTakeFirst();
      const first = reported?.retry_at !== retryAt.toISOString();
      if (first)
        await trx
          .insertInto('login_refusals')
          .values({ client_key: clientKey, retry_at: retryAt.toISOString() })
          .onConflict((oc) => oc.column('client_key').doUpdateSet({ retry_at: retryAt.toISOString() }))
          .execute();
      return { allowed: false, retryAt, first };
    }
    const row = await trx
      .insertInto('login_attempts')
      .values({ client_key: clientKey, at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { allowed: true, attemptId: row.id };
  });
}

/** A sign-in attempt that succeeded: it does not count. */
export async function forgetLoginAttempt(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', '=', attemptId).execute();
}

/** When this client's lock on this account ends, if it is locked out now (an ended lock is forgotten). */
export async function accountClientLockedUntil(
  db: Kysely<Database>,
  userId: number,
  clientKey: string,
  now: Date,
): Promise<string | null> {
  const row = await db
    .selectFrom('login_account_failures')
    .select('locked_until')
    .where('user_id', '=', userId)
    .where('client_key', '=', clientKey)
    .executeTakeFirst();
  if (row?.locked_until === null || row === undefined) return null;
  if (row.locked_until > now.toISOString()) return row.locked_until;
  await db
    .deleteFrom('login_account_failures')
    .where('user_id', '=', userId)
    .where('client_key', '=', clientKey)
    .where('locked_until', '<=', now.toISOString())
    .execute();
  return null;
}

/**
 * Counts a wrong password for this account from this client (an ended lock starts the count again); the
 * `limit`-th in a row locks the client out until `lockUntil`. Call it in the transaction that records the
 * account's failure. Locks that have ended are pruned on the way.
 */
export async function recordAccountClientFailure(
  trx: Kysely<Database>,
  options: { userId: number; clientKey: string; now: Date; limit: number; lockUntil: Date },
): Promise<void> {
  const now = options.now.toISOString();
  const lockUntil = options.lockUntil.toISOString();
  await trx.deleteFrom('login_account_failures').where('locked_until', '<=', now).execute();
  const ended = sql<boolean>`(login_account_failures.locked_until is not null and login_account_failures.locked_until <= ${now})`;
  const previous = sql<number>`(case when ${ended} then 0 else login_account_failures.failures end)`;
  await trx
    .insertInto('login_account_failures')
    .values({
      user_id: options.userId,
      client_key: options.clientKey,
      failures: 1,
      locked_until: options.limit <= 1 ? lockUntil : null,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'client_key']).doUpdateSet({
        failures: sql<number>`${previous} + 1`,
        locked_until: sql<
          string | null
        >`(case when ${ended} or login_account_failures.locked_until is null then (case when ${previous} + 1 >= ${options.limit} then ${lockUntil} else null end) else login_account_failures.locked_until end)`,
      }),
    )
    .execute();
}

/** A right password from this client: its failures on this account are forgotten. */
export async function forgetAccountClient(db: Kysely<Database>, userId: number, clientKey: string): Promise<void> {
  await db
    .deleteFrom('login_account_failures')
    .where('user_id', '=', userId)
    .where('client_key', '=', clientKey)
    .execute();
}

/** An administrator's unlock: every client's failures and locks on this account are forgotten. */
export async function forgetAccountClients(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('login_account_failures').where('user_id', '=', userId).execute();
}
