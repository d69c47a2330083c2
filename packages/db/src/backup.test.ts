import { summarizeArea } from '@antoan/core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, BackupError, databaseFile, restoreDatabase } from './backup.js';
import { openDatabase, type DatabaseHandle } from './client.js';
import { migrateToLatest } from './migrate.js';
import { seedDemo, seedDemoSnapshots } from './seed/index.js';

// Backups are copies of the SQLite file: on PostgreSQL (DATABASE_URL set) pg_dump and pg_restore do this job,
// so the whole file is skipped there.

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * A writer on its own thread and connection, as the server would be: audited writes (a model, its audit record
 * and the data version, in one transaction) until told to stop. `counts[0]` = committed writes, `counts[1]` = stop.
 */
function startWriter(file: string, areaId: number): { counts: Int32Array; done: Promise<void> } {
  const counts = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `
    const { workerData } = require('node:worker_threads');
    const SQLite = require(workerData.driver);
    const db = new SQLite(workerData.file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const insertModel = db.prepare("insert into models (name, category, area_id, started_on, sites, teams, is_advanced_example, search_key) values (?, 'tu-quan', ?, '2021-05-01', 1, 0, 0, ?) returning id");
    const insertAudit = db.prepare("insert into audit_log (at, action, entity, entity_id, after) values (?, 'model.create', 'model', ?, ?)");
    const bump = db.prepare('update data_version set version = version + 1 where id = 1');
    const write = db.transaction((n) => {
      const { id } = insertModel.get('online #' + n, workerData.areaId, 'online ' + n);
      insertAudit.run(new Date().toISOString(), String(id), JSON.stringify({ n }));
      bump.run();
    });
    for (let n = 1; Atomics.load(workerData.counts, 1) === 0; n++) {
      write(n);
      Atomics.store(workerData.counts, 0, n);
    }
    db.close();
    `,
    { eval: true, workerData: { driver, file, areaId, counts } },
  );
  const done = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', () => resolve());
  });
  return { counts, done };
}

type Row = Record<string, unknown>;

/** Every user table with its rows in primary-key order. */
function dump(file: string): Map<string, Row[]> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db
        .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`)
        .all() as { name: string }[]
    ).map((t) => t.name);
    return new Map(tables.map((t) => [t, db.prepare(`select * from "${t}" order by rowid`).all() as Row[]]));
  } finally {
    db.close();
  }
}

const onlineWrites = (tables: Map<string, Row[]>) =>
  (tables.get('models') ?? []).filter((m) => String(m.name).startsWith('online #'));

describe.skipIf(process.env.DATABASE_URL !== undefined)(
  'backup and restore of the SQLite file (SQLite only: PostgreSQL uses pg_dump)',
  () => {
    const root = mkdtempSync(path.join(tmpdir(), 'antoan-backup-'));
    const sourceDir = path.join(root, 'live');
    let handle: DatabaseHandle;
    let areaId: number;
    beforeAll(async () => {
      handle = openDatabase({ dataDir: sourceDir });
      await migrateToLatest(handle.db);
      await seedDemo(handle.db);
      // snapshot rows to back up (their figures do not matter here: the services build the real ones)
      const unitIds = (await handle.db.selectFrom('units').select('id').execute()).map((u) => u.id);
      await seedDemoSnapshots(handle.db, new Date('2026-11-27T03:00:00Z'), ({ year, today }) =>
        Promise.resolve([
          {
            scopeKey: 'all',
            areaId: null,
            areaName: null,
            parentId: null,
            areaIds: [],
            unitIds,
            summary: summarizeArea({
              areaId: null,
              year,
              units: [{ unitType: 'XA', result: 'DAT', count: 15 }],
              catalogues: [],
              grades: [],
              awards: [],
              reports: { quarters: [], missing: [] },
              models: {
                asOf: today,
                operating: 0,
                newInYear: 0,
                stoppedInYear: 0,
                sites: 0,
                teams: 0,
                advancedExamples: 0,
              },
            }),
          },
        ]),
      );
      areaId = (
        await handle.db
          .selectFrom('areas')
          .select('id')
          .where('level', '=', 'commune')
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id;
    }, 60_000);
    afterAll(async () => {
      await handle.destroy();
      rmSync(root, { recursive: true, force: true });
    });

    it('copies the live database while another connection writes, consistently, and restores it elsewhere identical', async () => {
      const writer = startWriter(databaseFile(sourceDir), areaId);
      while (Atomics.load(writer.counts, 0) < 50) await new Promise((resolve) => setTimeout(resolve, 5));
      const before = Atomics.load(writer.counts, 0);
      const backup = await backupDatabase({ dataDir: sourceDir, now: new Date('2026-11-27T03:15:00.123Z') });
      const after = Atomics.load(writer.counts, 0);
      Atomics.store(writer.counts, 1, 1);
      await writer.done;
      const total = Atomics.load(writer.counts, 0);

      expect(backup.file).toBe(path.join(sourceDir, 'backups', 'antoan-20261127T031500Z.sqlite'));
      expect(after).toBeGreaterThan(before); // the writer did commit while the backup ran
      expect(readdirSync(path.dirname(backup.file))).toEqual(['antoan-20261127T031500Z.sqlite']); // a standalone file

      // One consistent state: a prefix of the writes, each whole (its audit record and the version with it).
      const copy = dump(backup.file);
      const written = onlineWrites(copy);
      expect(written.length).toBeGreaterThanOrEqual(before);
      expect(written.length).toBeLessThanOrEqual(after);
      expect(written.map((m) => m.name)).toEqual(Array.from({ length: written.length }, (_, i) => `online #${i + 1}`));
      const audited = new Set(
        (copy.get('audit_log') ?? []).filter((a) => a.entity === 'model').map((a) => Number(a.entity_id)),
      );
      expect(written.every((m) => audited.has(Number(m.id)))).toBe(true);
      expect(audited.size).toBe(written.length);

      // Restored into a new folder: the same tables with the same rows as the backup …
      const restoredDir = path.join(root, 'restored');
      const restored = restoreDatabase({ from: backup.file, dataDir: restoredDir });
      expect(restored).toMatchObject({ target: databaseFile(restoredDir), replaced: undefined, removed: [] });
      const restoredTables = dump(restored.target);
      expect([...restoredTables.keys()]).toEqual([...copy.keys()]);
      for (const [table, rows] of copy) expect(restoredTables.get(table), table).toEqual(rows);

      // … and as the live database at the moment of the backup: every table equal, but for the writes after it.
      const live = dump(databaseFile(sourceDir));
      expect([...restoredTables.keys()]).toEqual([...live.keys()]);
      const lastModel = Math.max(...written.map((m) => Number(m.id)));
      const lastAudit = Math.max(...(restoredTables.get('audit_log') ?? []).map((a) => Number(a.id)));
      const counts: string[] = [];
      for (const [table, rows] of live) {
        let expected = rows;
        if (table === 'models') expected = rows.filter((r) => Number(r.id) <= lastModel);
        if (table === 'audit_log') expected = rows.filter((r) => Number(r.id) <= lastAudit);
        if (table === 'data_version')
          expected = rows.map((r) => ({ ...r, version: Number(r.version) - (total - written.length) }));
        expect(restoredTables.get(table), table).toEqual(expected);
        counts.push(`${table} ${restoredTables.get(table)!.length}`);
      }
      console.log(
        `online backup: ${backup.pages} pages (${(backup.bytes / 1024 / 1024).toFixed(1)} MB) in ${backup.ms} ms, ${after - before} writes committed meanwhile; ` +
          `the copy holds writes 1–${written.length} of ${total}; restored rows equal: ${counts.join(', ')}`,
      );
    }, 60_000);

    it('restores over a database that a crashed process left with its WAL, keeping it; refuses while one holds it', async () => {
      const targetDir = path.join(root, 'target');
      const target = databaseFile(targetDir);
      const first = await backupDatabase({ dataDir: sourceDir, out: path.join(root, 'first.sqlite') });
      const second = await backupDatabase({ dataDir: sourceDir, out: path.join(root, 'second.sqlite') });
      restoreDatabase({ from: first.file, dataDir: targetDir });
      // A process writes to the target in WAL mode and is killed (SIGKILL), leaving its -wal and -shm behind.
      const crash = spawnSync(
        process.execPath,
        [
          '-e',
          `const db = new (require(${JSON.stringify(driver)}))(${JSON.stringify(target)}); db.pragma('journal_mode = WAL'); db.exec("insert into audit_log (at, action, entity, entity_id) values ('2026-11-27', 'crash.marker', 'test', '1')"); process.kill(process.pid, 'SIGKILL');`,
        ],
        { encoding: 'utf8' },
      );
      expect(crash.signal).toBe('SIGKILL');
      expect(existsSync(`${target}-wal`) && existsSync(`${target}-shm`)).toBe(true);

      // A server holding the target (opened as openDatabase does, which reads it): refused, nothing moved.
      const server = openDatabase({ dataDir: targetDir });
      await server.db.selectFrom('areas').select('id').limit(1).execute();
      expect(() => restoreDatabase({ from: second.file, dataDir: targetDir })).toThrow(
        /is in use \(a server or worker has it open\)/,
      );
      await server.destroy();
      expect(readdirSync(targetDir).filter((f) => f.includes('restor'))).toEqual([]);

      const result = restoreDatabase({ from: second.file, dataDir: targetDir, now: new Date('2026-11-27T04:00:00Z') });
      expect(result.replaced).toBe(`${target}.before-restore-20261127T040000Z`);
      expect(readdirSync(targetDir).sort()).toEqual(['antoan.sqlite', 'antoan.sqlite.before-restore-20261127T040000Z']);
      // The replaced file kept the killed process's committed write: its WAL was folded in before the move.
      expect((dump(result.replaced!).get('audit_log') ?? []).some((a) => a.action === 'crash.marker')).toBe(true);
      expect(dump(target)).toEqual(dump(second.file));
    });

    it('refuses a backup that is not a sound An Toàn database, or that a newer version made', async () => {
      const targetDir = path.join(root, 'refusals');
      const garbage = path.join(root, 'garbage.sqlite');
      writeFileSync(garbage, Buffer.alloc(8192, 7));
      expect(() => restoreDatabase({ from: garbage, dataDir: targetDir })).toThrow(
        /garbage\.sqlite is not a sound SQLite database/,
      );

      const other = path.join(root, 'other.sqlite');
      const db = new SQLite(other);
      db.exec('create table notes (id integer primary key, text text)');
      db.close();
      expect(() => restoreDatabase({ from: other, dataDir: targetDir })).toThrow(
        /other\.sqlite is not an An Toàn database/,
      );

      const newer = await backupDatabase({ dataDir: sourceDir, out: path.join(root, 'newer.sqlite') });
      const edit = new SQLite(newer.file);
      edit
        .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
        .run('2099-01-01-0001-future', '2099-01-01T00:00:00Z');
      edit.close();
      expect(() => restoreDatabase({ from: newer.file, dataDir: targetDir })).toThrow(
        /newer version \(unknown migrations: 2099-01-01-0001-future\)/,
      );
      expect(() => restoreDatabase({ from: newer.file, dataDir: targetDir })).toThrow(BackupError);
      // The refusals left nothing behind.
      expect(readdirSync(targetDir)).toEqual([]);
    });
  },
);
