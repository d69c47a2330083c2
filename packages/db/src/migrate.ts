import { Migrator, type Kysely } from 'kysely';
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
 * the same moment on one database: PostgreSQL serialises migrators with an advisory lock; SQLite has no
 * such lock in Kysely, so a migrator that loses the race (its transaction is rolled back whole) tries
 * again once it sees that the other one made progress.
 */
export async function migrateToLatest(db: Kysely<Database>, attempts = 10): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const executedCount = async () => (await migrator.getMigrations()).filter((m) => m.executedAt).length;
  for (let attempt = 1; ; attempt++) {
    const before = await executedCount().catch(() => 0);
    const result = await migrator.migrateToLatest();
    if (!result.error) {
      return {
        applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
      };
    }
    const someoneElseProgressed = (await executedCount().catch(() => before)) > before;
    if (attempt >= attempts || !(someoneElseProgressed || isLockContention(result.error))) {
      const failed = result.results?.find((r) => r.status === 'Error');
      throw new Error(`Migration ${failed?.migrationName ?? '(setup)'} failed`, { cause: result.error });
    }
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
}
