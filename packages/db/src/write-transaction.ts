import { SqliteAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * A transaction that takes the write lock at its start. On SQLite a plain (deferred) transaction that reads
 * first and writes later fails at once with "database is locked" when another process committed a write in
 * between (its read snapshot is stale, so SQLite cannot wait): a long computation that ends in a write (a year
 * of stored results) must hold the lock from the beginning, which BEGIN IMMEDIATE does, waiting for it up to
 * the busy timeout. On PostgreSQL it is an ordinary transaction.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter))
    return db.transaction().execute((trx: Transaction<Database>) => work(trx));
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/** The advisory lock keys (first half) of the work that must run once at a time across processes. */
export const STARTUP_LOCKS = {
  /** Loading the demo (or any first data): one process loads, the others then find it there. */
  seed: 1315,
  /** Computing a year of stored results at start (the second half of the key is the year). */
  resultYear: 1314,
} as const;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * A write transaction that runs alone across processes: on PostgreSQL it first takes the transaction-scoped
 * advisory lock `(key, subkey)`, so a second process waits, then sees the first one's commit (READ COMMITTED)
 * and can find its work done; on SQLite the write lock that BEGIN IMMEDIATE takes does the same, and a process
 * that waited longer than the busy timeout tries again (up to `attempts` times).
 */
export async function exclusiveTransaction<T>(
  db: Kysely<Database>,
  lock: { key: number; subkey?: number },
  work: (trx: Kysely<Database>) => Promise<T>,
  attempts = 20,
): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter))
    return db.transaction().execute(async (trx: Transaction<Database>) => {
      await sql`select pg_advisory_xact_lock(${lock.key}, ${lock.subkey ?? 0})`.execute(trx);
      return work(trx);
    });
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeTransaction(db, work);
    } catch (error) {
      if (!isBusy(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * Waits until no process holds the seed lock (PostgreSQL), so that what follows sees a finished seed or
 * none; call it inside a transaction, which keeps a shared hold until it ends. SQLite's write lock already
 * orders a write transaction after a seed.
 */
export async function waitForSeed(trx: Kysely<Database>): Promise<void> {
  if (trx.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`select pg_advisory_xact_lock_shared(${STARTUP_LOCKS.seed}, 0)`.execute(trx);
}
