import { Migrator, SqliteAdapter, type Kysely } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export interface MigrationReport {
  /** Names of the migrations this call applied (empty when the schema was already current). */
  applied: string[];
}

function isLockContention(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Brings the schema to the latest migration. Idempotent, and safe when the server and the worker start at
 * the same moment on one database. PostgreSQL serialises migrators with an advisory lock. Kysely has no
 * such lock on SQLite, and the loser of the race can fail in several ways (a stale snapshot, a table or
 * the lock row that the other process created meanwhile); every migration runs in one transaction that
 * SQLite rolls back whole, so on SQLite a failed attempt is simply tried again, a few times, with backoff.
 */
export async function migrateToLatest(db: Kysely<Database>, attempts = 6): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const executedCount = async () => (await migrator.getMigrations()).filter((m) => m.executedAt).length;
  // What this call applied, over every attempt: an attempt that fails part-way has still applied (and kept) the
  // migrations before the one that failed, and the next attempt starts after them.
  const applied: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const before = await executedCount().catch(() => 0);
    const result = await migrator.migrateToLatest();
    applied.push(...(result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName));
    if (!result.error) return { applied };
    const someoneElseProgressed = (await executedCount().catch(() => before)) > before;
    const retryable = isSqlite || someoneElseProgressed || isLockContention(result.error);
    if (attempt >= attempts || !retryable) {
      const failed = result.results?.find((r) => r.status === 'Error');
      throw new Error(`Migration ${failed?.migrationName ?? '(setup)'} failed`, { cause: result.error });
    }
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
}

/**
 * The migrations this version knows that the database has not applied yet (empty: the schema is current).
 * Reads the migration table only; a database never migrated answers every migration.
 */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}
