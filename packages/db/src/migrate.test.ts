import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { createTestDatabase } from './testing.js';

const execFileAsync = promisify(execFile);

describe('migrations', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('create the schema on a fresh SQLite file, with WAL and foreign keys on, and are idempotent', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'antoan-db-'));
    dirs.push(dir);
    const handle = openDatabase({ dataDir: dir });
    try {
      const first = await migrateToLatest(handle.db);
      expect(first.applied).toEqual(Object.keys(migrations));
      const second = await migrateToLatest(handle.db);
      expect(second.applied).toEqual([]);
      const tables = await sql<{
        name: string;
      }>`select name from sqlite_master where type = 'table' order by name`.execute(handle.db);
      expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['areas', 'units']));
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
      expect(handle.location).toBe(path.join(dir, 'antoan.sqlite'));
    } finally {
      await handle.destroy();
    }
  });

  it('let two processes start at once on one SQLite file: each migration is applied exactly once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'antoan-db-'));
    dirs.push(dir);
    const script = fileURLToPath(new URL('./test-fixtures/migrate-once.ts', import.meta.url));
    const run = () => execFileAsync(process.execPath, ['--import', 'tsx', script, dir]);
    const [a, b] = await Promise.all([run(), run()]);
    const applied = [...(JSON.parse(a.stdout) as string[]), ...(JSON.parse(b.stdout) as string[])];
    expect(applied.sort()).toEqual(Object.keys(migrations).sort());
  }, 30_000);

  it('enforce the schema: a unit needs an existing area and a known type', async () => {
    const handle = await createTestDatabase();
    try {
      await expect(
        handle.db
          .insertInto('units')
          .values({
            code: 'X',
            name: 'X',
            type: 'KDC',
            area_id: 999,
            managing_level: 'commune',
            search_key: 'x',
            sort_key: 'x',
          })
          .execute(),
      ).rejects.toThrow();
      const area = await handle.db
        .insertInto('areas')
        .values({
          code: 'A',
          name: 'A',
          kind: 'xa',
          level: 'commune',
          parent_id: null,
          valid_from: '2020-01-01',
          valid_to: null,
          search_key: 'a',
          sort_key: 'a',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await expect(
        handle.db
          .insertInto('units')
          .values({
            code: 'Y',
            name: 'Y',
            type: 'ZZ' as 'KDC',
            area_id: area.id,
            managing_level: 'commune',
            search_key: 'y',
            sort_key: 'y',
          })
          .execute(),
      ).rejects.toThrow();
      expect(await handle.db.selectFrom('units').select('id').execute()).toEqual([]);
    } finally {
      await handle.destroy();
    }
  });
});
