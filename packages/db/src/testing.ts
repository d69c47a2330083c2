import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './client.js';
import { migrateToLatest } from './migrate.js';

/**
 * A fresh, migrated database for one test file: SQLite in memory, or, when `DATABASE_URL` points at a
 * PostgreSQL server, a new database created on it and dropped by `destroy()`. `{ migrate: false }` leaves it
 * empty (a migration's test brings it to the migration before its own).
 */
export async function createTestDatabase(
  databaseUrl = process.env.DATABASE_URL,
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  const migrate = options.migrate ?? true;
  if (!databaseUrl) {
    const handle = openDatabase({ dataDir: ':memory:' });
    if (migrate) await migrateToLatest(handle.db);
    return handle;
  }
  const name = `antoan_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  if (migrate) await migrateToLatest(handle.db);
  const destroyDb = handle.destroy;
  let dropped: Promise<void> | undefined;
  return {
    ...handle,
    destroy: (options) =>
      (dropped ??= (async () => {
        await destroyDb(options);
        const cleanup = new pg.Client({ connectionString: databaseUrl });
        await cleanup.connect();
        try {
          await cleanup.query(`drop database if exists ${name} with (force)`);
        } finally {
          await cleanup.end();
        }
      })()),
  };
}
