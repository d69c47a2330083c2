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
