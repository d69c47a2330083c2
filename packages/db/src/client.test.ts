import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.js';
import { createTestDatabase } from './testing.js';

// Closing the database while a transaction is in progress (a request whose connection was cut at shutdown):
// with `waitMs`, destroy waits for the transaction to commit instead of failing it half-way.

describe('destroy({ waitMs })', () => {
  let handle: DatabaseHandle;
  let keep: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    keep = handle;
  }, 60_000);
  afterAll(() => keep.destroy());

  it('counts busy connections, and waits for a transaction in progress before closing', async () => {
    expect(handle.busyConnections()).toBe(0);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const isInside = new Promise<void>((resolve) => (inside = resolve));
    const transaction = handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('data_version').values({ id: 2, version: 7 }).execute();
      inside();
      await released;
      await trx.updateTable('data_version').set({ version: 8 }).where('id', '=', 2).execute();
    });
    await isInside;
    expect(handle.busyConnections()).toBe(1);
    let destroyed = false;
    const destroying = handle.destroy({ waitMs: 30_000 }).then(() => (destroyed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(destroyed).toBe(false);
    release();
    await transaction; // committed whole: no "driver has already been destroyed"
    await destroying;
    expect(handle.busyConnections()).toBe(0);
    await expect(sql`select 1`.execute(handle.db)).rejects.toThrow();
  });
});

describe.runIf(process.env.DATABASE_URL)('the PostgreSQL pool size (PG_POOL_SIZE)', () => {
  it('never opens more connections than asked', async () => {
    const handle = openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
    try {
      const name = `antoan-pool-${process.pid}`;
      let most = 0;
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          await sql`select set_config('application_name', ${name}, false), pg_sleep(0.2)`.execute(handle.db);
          const open = await sql<{
            n: number;
          }>`select count(*)::int as n from pg_stat_activity where application_name = ${name}`.execute(handle.db);
          most = Math.max(most, open.rows[0]!.n);
        }),
      );
      expect(handle.busyConnections()).toBe(0);
      expect(most).toBeGreaterThanOrEqual(1);
      expect(most).toBeLessThanOrEqual(2);
    } finally {
      await handle.destroy();
    }
  });
});
