import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.js';
import { migrateToLatest } from './migrate.js';
import { createTestDatabase } from './testing.js';

// The data version (DatabaseHandle.dataVersion) decides when the server's cached sessions and summaries are
// stale: it must move on every write, by this connection or by another process, and never on a read.

describe.skipIf(process.env.DATABASE_URL)('dataVersion on SQLite', () => {
  let dir: string;
  let handle: DatabaseHandle;
  let other: DatabaseHandle;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'antoan-data-version-'));
    handle = openDatabase({ dataDir: dir });
    await migrateToLatest(handle.db);
    other = openDatabase({ dataDir: dir }); // another process's connection to the same file
  }, 60_000);
  afterAll(async () => {
    await other.destroy();
    await handle.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const bump = (db: DatabaseHandle['db']) =>
    db
      .updateTable('data_version')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', 1)
      .execute();

  it('stays the same across reads', async () => {
    const before = handle.dataVersion();
    await handle.db.selectFrom('areas').selectAll().execute();
    await sql`select count(*) from units`.execute(handle.db);
    await handle.db.transaction().execute((trx) => trx.selectFrom('users').selectAll().execute());
    expect(handle.dataVersion()).toBe(before);
  });

  it("moves on this connection's write, in or out of a transaction, and on INSERT … RETURNING", async () => {
    let before = handle.dataVersion();
    await bump(handle.db);
    expect(handle.dataVersion()).not.toBe(before);
    before = handle.dataVersion();
    await handle.db.transaction().execute((trx) => bump(trx));
    expect(handle.dataVersion()).not.toBe(before);
    before = handle.dataVersion();
    await handle.db.insertInto('data_version').values({ id: 9, version: 0 }).returning('id').executeTakeFirstOrThrow();
    expect(handle.dataVersion()).not.toBe(before);
  });

  it('moves when another connection commits, and not before it commits', async () => {
    const before = handle.dataVersion();
    await other.db.transaction().execute(async (trx) => {
      await bump(trx);
      expect(handle.dataVersion()).toBe(before);
    });
    expect(handle.dataVersion()).not.toBe(before);
  });

  it("is null inside this connection's transaction, where the pragma would not see another's commit", async () => {
    const before = handle.dataVersion();
    await handle.db.transaction().execute(async (trx) => {
      await trx.selectFrom('data_version').selectAll().execute(); // the snapshot is taken here
      await bump(other.db); // another process commits meanwhile
      expect(handle.dataVersion()).toBeNull();
    });
    const after = handle.dataVersion();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
  });

  it('does not move on a transaction that writes nothing (BEGIN IMMEDIATE … ROLLBACK)', async () => {
    const before = handle.dataVersion();
    await sql`begin immediate`.execute(handle.db);
    await sql`rollback`.execute(handle.db);
    expect(handle.dataVersion()).toBe(before);
  });
});

describe.runIf(process.env.DATABASE_URL)('dataVersion on PostgreSQL', () => {
  it('is null: nothing may be cached', async () => {
    const handle = await createTestDatabase();
    try {
      expect(handle.dataVersion()).toBeNull();
    } finally {
      await handle.destroy();
    }
  });
});
