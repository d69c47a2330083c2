import { sql, type Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';

// The SQLite connection prepares each distinct SQL text once (issue 13: preparing was the largest cost of a
// small read). What a cache could break, checked on a real file: a statement prepared before a schema change
// sees the new columns; a stream (its own statement) and reads of the same SQL inside it give the same rows;
// more distinct statements than the cache holds still answer.

const onPostgres = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '';

describe.skipIf(onPostgres)('the SQLite statement cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'antoan-client-'));
  const handle = openDatabase({ dataDir: dir });
  const db = handle.db;
  afterAll(async () => {
    await handle.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same answers as fresh statements, across a schema change, streams and many distinct queries', async () => {
    await sql`create table t (a integer)`.execute(db);
    await sql`insert into t (a) values (1), (2), (3)`.execute(db);
    const select = () => sql<Record<string, unknown>>`select * from t order by a`.execute(db).then((r) => r.rows);
    expect(await select()).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    await sql`alter table t add column b text default 'x'`.execute(db);
    expect(await select()).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'x' },
      { a: 3, b: 'x' },
    ]);
    // a stream prepares its own statement; the same SQL read afterwards comes from the cache
    const loose = db as unknown as Kysely<{ t: { a: number; b: string } }>;
    const query = loose.selectFrom('t').select('a').orderBy('a');
    const rows: number[] = [];
    for await (const row of query.stream()) rows.push(row.a);
    expect(rows).toEqual([1, 2, 3]);
    expect((await query.execute()).map((r) => r.a)).toEqual([1, 2, 3]);
    // more distinct statements than the cache keeps (500): the oldest are prepared again when asked
    for (let i = 0; i < 600; i++) {
      const r = await sql<{ n: number }>`select ${sql.lit(i)} + a as n from t where a = 1`.execute(db);
      expect(r.rows).toEqual([{ n: i + 1 }]);
    }
    expect(await select()).toHaveLength(3);
    const changed = await sql`update t set b = 'y' where a >= 2`.execute(db);
    expect(changed.numAffectedRows).toBe(2n);
  });
});
