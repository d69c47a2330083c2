import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.js';
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
