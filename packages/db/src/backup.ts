import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { defaultDataDir, SQLITE_FILE_NAME } from './client.js';
import { migrations } from './migrations/index.js';

// Backups of the embedded SQLite file (PostgreSQL has pg_dump / pg_restore, see the README).
//
// backupDatabase copies the live database with SQLite's online backup API (better-sqlite3's `db.backup`) while
// the server and the worker keep running: by default in one step, i.e. inside one read transaction, which in
// WAL mode sees one consistent state and does not block the writers (a step-by-step backup restarts whenever
// another connection writes, and could starve under a steady stream of writes). The copy is written beside its
// final name, checked with `PRAGMA integrity_check`, switched to a self-contained file (rollback journal: no
// -wal/-shm needed) and only then renamed into place, so a crash never leaves a half file under the final name.
//
// restoreDatabase puts a backup in place of the database file. The server and the worker must be stopped:
// it refuses while any connection holds the file (SQLite refuses to leave WAL mode while another connection is
// open, which is the test), keeps the file it replaces as `<name>.before-restore-<timestamp>` (its WAL folded
// in first), removes the stale -wal/-shm files of the target, and checks the backup before anything is moved.

/** The name of Kysely's migrations table: its presence marks an An Toàn database. */
const MIGRATION_TABLE = 'kysely_migration';

/** `20261127T031500Z`: a UTC instant fit for a file name, sorting by time. */
export function fileTimestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** The SQLite file of a data folder (default: `data/` at the repository root). */
export function databaseFile(dataDir: string = defaultDataDir()): string {
  return path.join(dataDir, SQLITE_FILE_NAME);
}

export interface BackupOptions {
  /** The folder of the database (default `data/`). */
  dataDir?: string | undefined;
  /** The backup file (default `<dataDir>/backups/antoan-<timestamp>.sqlite`). Must not exist. */
  out?: string | undefined;
  now?: Date;
  /** Pages copied per step (default: all in one step, one consistent read; see above). */
  pagesPerStep?: number;
}

export interface BackupResult {
  source: string;
  file: string;
  bytes: number;
  pages: number;
  ms: number;
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** Online, consistent backup of the SQLite database to a new file; see the comment at the top. */
export async function backupDatabase(options: BackupOptions = {}): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const source = databaseFile(options.dataDir);
  if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
  const file = path.resolve(
    options.out ?? path.join(path.dirname(source), 'backups', `antoan-${fileTimestamp(now)}.sqlite`),
  );
  if (existsSync(file)) throw new BackupError(`${file} exists already: choose another name`);
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });

  const started = performance.now();
  const db = new SQLite(source, { fileMustExist: true });
  let pages: number;
  try {
    db.pragma('busy_timeout = 5000');
    const step = options.pagesPerStep ?? 0x7fffffff;
    const progress = await db.backup(partial, { progress: () => step });
    pages = progress.totalPages;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  try {
    const copy = new SQLite(partial, { fileMustExist: true });
    try {
      // A standalone file: the copy keeps the source's WAL flag, which would make readers create -wal/-shm files.
      copy.pragma('journal_mode = DELETE');
      assertIntegrity(copy, partial);
    } finally {
      copy.close();
    }
    fsyncFile(partial);
    renameSync(partial, file);
    fsyncFile(path.dirname(file));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { source, file, bytes: statSync(file).size, pages, ms: Math.round(performance.now() - started) };
}

export interface BackupCheck {
  /** The migrations recorded in the backup, oldest first. */
  migrations: string[];
}

/**
 * Checks that a file is a sound An Toàn database this version can open: `PRAGMA integrity_check` says ok, it
 * has the migrations table, and every migration it records is one this code knows (not a newer version's).
 * Throws {@link BackupError} otherwise (naming the file `label`). Opens the file read-write (it may be in WAL
 * mode): pass a copy.
 */
export function checkBackup(file: string, label = file): BackupCheck {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`cannot open ${label}: ${(error as Error).message}`);
  }
  try {
    assertIntegrity(db, label);
    const table = db.prepare(`select name from sqlite_master where type = 'table' and name = ?`).get(MIGRATION_TABLE);
    if (!table) throw new BackupError(`${label} is not an An Toàn database (no ${MIGRATION_TABLE} table)`);
    const names = (db.prepare(`select name from ${MIGRATION_TABLE} order by name`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    if (names.length === 0) throw new BackupError(`${label} is not an An Toàn database (no migration recorded)`);
    const unknown = names.filter((name) => !(name in migrations));
    if (unknown.length)
      throw new BackupError(
        `${label} comes from a newer version (unknown migrations: ${unknown.join(', ')}): upgrade first`,
      );
    return { migrations: names };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${label} is not a sound SQLite database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

export interface RestoreOptions {
  /** The backup file. */
  from: string;
  /** The folder of the database to replace (default `data/`). */
  dataDir?: string | undefined;
  now?: Date;
}

export interface RestoreResult {
  target: string;
  /** Where the replaced database was kept (undefined when there was none). */
  replaced: string | undefined;
  /** Stale -wal/-shm/-journal files of the target that were removed. */
  removed: string[];
  migrations: string[];
}

/** Puts a backup in place of the database; the server and the worker must be stopped (see the top). */
export function restoreDatabase(options: RestoreOptions): RestoreResult {
  const now = options.now ?? new Date();
  const from = path.resolve(options.from);
  const target = path.resolve(databaseFile(options.dataDir));
  if (!existsSync(from)) throw new BackupError(`no backup at ${from}`);
  if (from === target) throw new BackupError('the backup is the database itself');
  mkdirSync(path.dirname(target), { recursive: true });
  const stamp = fileTimestamp(now);

  // Check a copy beside the target (the same file system, so the final rename is atomic).
  const incoming = `${target}.restoring-${stamp}`;
  copyFileSync(from, incoming);
  let check: BackupCheck;
  try {
    check = checkBackup(incoming, from);
    fsyncFile(incoming);
  } catch (error) {
    removeWithCompanions(incoming);
    throw error;
  }

  let replaced: string | undefined;
  try {
    if (existsSync(target)) {
      foldAndRelease(target);
      replaced = `${target}.before-restore-${stamp}`;
      renameSync(target, replaced);
    }
  } catch (error) {
    removeWithCompanions(incoming);
    throw error;
  }
  const removed: string[] = [];
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(target + suffix)) {
      rmSync(target + suffix, { force: true });
      removed.push(target + suffix);
    }
  }
  removeWithCompanions(incoming, { keepMain: true });
  renameSync(incoming, target);
  fsyncFile(path.dirname(target));
  return { target, replaced, removed, migrations: check.migrations };
}

/**
 * Makes sure no other connection holds the database and folds its WAL into the main file: leaving WAL mode
 * needs every other connection closed, so SQLITE_BUSY here means a server or worker is running.
 */
function foldAndRelease(file: string): void {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`cannot open the current database ${file}: ${(error as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new BackupError(`${file} is in use (a server or worker has it open): stop them, then restore`);
    }
    throw new BackupError(`cannot take over the current database ${file}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function assertIntegrity(db: SQLite.Database, file: string): void {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  if (messages.length !== 1 || messages[0] !== 'ok') {
    throw new BackupError(`${file} fails integrity_check: ${messages.slice(0, 5).join('; ')}`);
  }
}

function removeWithCompanions(file: string, options: { keepMain?: boolean } = {}): void {
  if (!options.keepMain) rmSync(file, { force: true });
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
