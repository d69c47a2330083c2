import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { migrateToLatest } from '@antoan/db';
import { openDatabase, type DatabaseHandle, type DialectName } from '@antoan/db/client';
import { sql } from 'kysely';

/**
 * One database that several connections (several "workers") can open: a SQLite file in a temporary folder,
 * or, with a PostgreSQL URL, a new database on that server, dropped by `destroy()`. Migrated once.
 */
export interface SharedDatabase {
  dialect: DialectName;
  /** The SQLite folder (DATA_DIR), when SQLite. */
  dataDir: string | undefined;
  /** The PostgreSQL URL of the new database, when PostgreSQL. */
  databaseUrl: string | undefined;
  /** Opens one more connection (pool) to it; closed by `destroy()`. */
  open(): DatabaseHandle;
  destroy(): Promise<void>;
}

export async function createSharedDatabase(serverUrl: string | undefined): Promise<SharedDatabase> {
  const handles: DatabaseHandle[] = [];
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'antoan-worker-db-'));
    const open = () => {
      const handle = openDatabase({ dataDir });
      handles.push(handle);
      return handle;
    };
    await migrateToLatest(open().db);
    return {
      dialect: 'sqlite',
      dataDir,
      databaseUrl: undefined,
      open,
      async destroy() {
        for (const handle of handles) await handle.destroy();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `antoan_worker_${randomBytes(6).toString('hex')}`;
  const admin = openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  try {
    await sql`create database ${sql.raw(name)}`.execute(admin.db);
  } finally {
    await admin.destroy();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const open = () => {
    const handle = openDatabase({ databaseUrl, poolSize: 4 });
    handles.push(handle);
    return handle;
  };
  await migrateToLatest(open().db);
  return {
    dialect: 'postgres',
    dataDir: undefined,
    databaseUrl,
    open,
    async destroy() {
      for (const handle of handles) await handle.destroy();
      const cleanup = openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
      try {
        await sql`drop database if exists ${sql.raw(name)} with (force)`.execute(cleanup.db);
      } finally {
        await cleanup.destroy();
      }
    },
  };
}
