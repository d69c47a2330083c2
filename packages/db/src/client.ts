import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type Dialect, type Driver, type SqliteDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { migrateToLatest, pendingMigrations } from './migrate.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** `postgres://…` selects PostgreSQL; anything else is refused. Absent: the embedded SQLite file. */
  databaseUrl?: string | undefined;
  /** Folder of the SQLite file (default: `data/` at the repository root). `:memory:` for a throw-away one. */
  dataDir?: string | undefined;
  /** Largest number of pooled PostgreSQL connections (default 10). */
  poolSize?: number | undefined;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, safe to print: the SQLite file path, or the PostgreSQL URL without its password. */
  location: string;
  /** Connections handed out now (a query or a transaction in progress, or waiting for its connection). */
  busyConnections: () => number;
  /**
   * A token that changes whenever data may have changed, read without a query: on SQLite, `PRAGMA
   * data_version` (which changes when another connection, e.g. another process, commits) joined to a count of
   * this connection's own writing statements. What was computed from the data under one token may be served
   * again while the token is the same. Null on PostgreSQL, which has no such cheap and exact token, and on SQLite
   * while this connection is inside a transaction: then nothing may be cached.
   */
  dataVersion: () => string | null;
  /**
   * Closes the connection pool or file. Safe to call twice. With `waitMs`, first waits (at most that long) for
   * the connections in use to come back, so that a transaction in progress commits or rolls back instead of
   * failing half-way with "driver has already been destroyed".
   */
  destroy: (options?: { waitMs?: number }) => Promise<void>;
}

/** `<repository root>/data`, independent of the working directory, so the server and worker share one file. */
export function defaultDataDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');
}

export const SQLITE_FILE_NAME = 'antoan.sqlite';

// PostgreSQL returns bigint (count(*), sum) as strings; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/**
 * Opens the database: PostgreSQL when `databaseUrl` is a `postgres://` URL, otherwise the embedded SQLite
 * file (WAL journal, foreign keys enforced, 5 s busy timeout). Opening never runs migrations: call
 * `migrateToLatest` for that.
 */
export function openDatabase(config: DatabaseConfig = {}): DatabaseHandle {
  if (config.databaseUrl) {
    if (!isPostgresUrl(config.databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    }
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', (error) => console.error('[db] idle PostgreSQL client error:', error.message));
    return wrap(new PostgresDialect({ pool }), 'postgres', redactUrl(config.databaseUrl), () => null);
  }
  const dataDir = config.dataDir ?? defaultDataDir();
  let file: string;
  if (dataDir === ':memory:') {
    file = ':memory:';
  } else {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, SQLITE_FILE_NAME);
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('busy_timeout = 5000');
  useWriteAheadLog(sqlite);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  let ownWrites = 0;
  const database = withStatementCache(sqlite, () => {
    ownWrites += 1;
  });
  // prepared once: sqlite.pragma() prepares its statement on every call, a measurable cost on every request
  const pragmaDataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  // Inside a transaction of this connection the pragma is frozen at the transaction's snapshot (another
  // process's commit would not show): no version then, so nothing is served from or kept in a cache.
  const dataVersion = () => (sqlite.inTransaction ? null : `${String(pragmaDataVersion.get())}.${ownWrites}`);
  return wrap(new SqliteDialect({ database }), 'sqlite', file, dataVersion);
}

/** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE: they change no data (a COMMIT publishes what was counted). */
const TRANSACTION_CONTROL = /^\s*(begin|commit|end|rollback|savepoint|release)\b/i;

/** How many prepared statements a SQLite connection keeps (least recently used first out). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Switches a file to write-ahead logging. Two processes opening a new file at once (a server and a worker
 * started together) can meet here: the switch needs the file to itself and SQLite answers SQLITE_BUSY at once,
 * without its busy handler, while the other process holds it. A few short waits let the other finish; once one
 * has switched, the mode is the file's and the pragma only reads it.
 */
function useWriteAheadLog(sqlite: SQLite.Database): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; ; attempt++) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 100) throw error;
      Atomics.wait(pause, 0, 0, 50); // synchronous: the database is opened before anything else runs
    }
  }
}

/**
 * better-sqlite3 as Kysely's SqliteDialect wants it, but preparing each distinct SQL text once: Kysely calls
 * `prepare` for every query, and preparing was the largest cost of a small read (issue 13: a commune's summary
 * is a handful of small queries). `all` and `run` finish before they return, so a cached statement is never
 * busy; `iterate` (Kysely's stream) prepares its own, since two open streams of the same SQL could not share one.
 * A statement re-prepares itself after a schema change (SQLite does this inside the statement).
 * `onWrite` is called before every statement that may write (not read-only in SQLite's sense), transaction
 * control apart (a plain BEGIN is read-only there, BEGIN IMMEDIATE is not, and neither changes data), for
 * {@link DatabaseHandle.dataVersion}.
 */
function withStatementCache(sqlite: SQLite.Database, onWrite: () => void): SqliteDatabase {
  const cache = new LRUCache<string, SQLite.Statement>({ max: STATEMENT_CACHE_SIZE });
  const statement = (sqlText: string): SQLite.Statement => {
    let stmt = cache.get(sqlText);
    if (!stmt) {
      stmt = sqlite.prepare(sqlText);
      cache.set(sqlText, stmt);
    }
    return stmt;
  };
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sqlText) => {
      const stmt = statement(sqlText);
      const writes = !stmt.readonly && !TRANSACTION_CONTROL.test(sqlText);
      return {
        reader: stmt.reader,
        all: (parameters) => {
          // an INSERT … RETURNING is a reader that writes
          if (writes) onWrite();
          return stmt.all(parameters);
        },
        run: (parameters) => {
          if (writes) onWrite();
          return stmt.run(parameters);
        },
        iterate: (parameters) => sqlite.prepare(sqlText).iterate(parameters),
      };
    },
  };
}

function wrap(
  inner: Dialect,
  dialect: DialectName,
  location: string,
  dataVersion: () => string | null,
): DatabaseHandle {
  let busy = 0;
  let whenIdle: (() => void)[] = [];
  // The dialect's driver, counting the connections it hands out (Kysely acquires one per query, and holds
  // one for a whole transaction).
  const counting: Dialect = {
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createDriver: () =>
      new Proxy(inner.createDriver(), {
        get(target, property, receiver) {
          if (property === 'acquireConnection')
            return async () => {
              busy++;
              try {
                return await target.acquireConnection();
              } catch (error) {
                release();
                throw error;
              }
            };
          if (property === 'releaseConnection')
            return async (connection: Parameters<Driver['releaseConnection']>[0]) => {
              try {
                await target.releaseConnection(connection);
              } finally {
                release();
              }
            };
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }),
  };
  function release() {
    busy--;
    if (busy === 0) {
      const waiting = whenIdle;
      whenIdle = [];
      for (const resolve of waiting) resolve();
    }
  }
  const db = new Kysely<Database>({ dialect: counting });
  let destroyed: Promise<void> | undefined;
  const idle = (waitMs: number) =>
    busy === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs);
          whenIdle.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
  return {
    db,
    dialect,
    location,
    busyConnections: () => busy,
    dataVersion,
    destroy: (options) => (destroyed ??= idle(options?.waitMs ?? 0).then(() => db.destroy())),
  };
}

export interface StartOptions extends DatabaseConfig {
  log?: (line: string) => void;
  /**
   * Migrate at start (default true). False (MIGRATE=off): never change the schema; wait until it is current
   * (someone runs `pnpm migrate`), saying so every `waitLogMs`.
   */
  migrate?: boolean;
  /** How often to check the schema while waiting (default 1 s). */
  pollMs?: number;
  waitLogMs?: number;
}

/** Waits until every migration this version knows is applied (by another process, or `pnpm migrate`). */
export async function waitForMigrations(
  db: Kysely<Database>,
  options: { log: (line: string) => void; pollMs?: number; waitLogMs?: number },
): Promise<void> {
  let lastLog = -Infinity;
  for (;;) {
    let pending: string[];
    try {
      pending = await pendingMigrations(db);
    } catch (error) {
      pending = [`(database unreachable: ${error instanceof Error ? error.message : String(error)})`];
    }
    if (pending.length === 0) return;
    if (performance.now() - lastLog >= (options.waitLogMs ?? 30_000)) {
      lastLog = performance.now();
      options.log(
        `[db] MIGRATE=off: waiting for the schema (${pending.length} pending: ${pending.join(', ')}); run "pnpm migrate"`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
  }
}

/**
 * Gives the query planner statistics: SQLite has none until ANALYZE runs, and without them it picked the
 * period index for the report filter of a commune (1.14 M rows read for 344). `PRAGMA optimize` analyses
 * the tables that need it, with a row limit so that it stays quick on the national dataset; PostgreSQL's
 * autovacuum does this by itself, and bulk loads (the seeds) run ANALYZE.
 */
export async function refreshPlannerStatistics(handle: Pick<DatabaseHandle, 'db' | 'dialect'>): Promise<void> {
  if (handle.dialect === 'sqlite') {
    await sql`pragma analysis_limit = 2000`.execute(handle.db);
    await sql`pragma optimize = 0x10002`.execute(handle.db);
  } else {
    await sql`analyze`.execute(handle.db);
  }
}

/**
 * Opens the database, prints where the data lives, and migrates it to the latest schema. Used by the
 * server and the worker at start; either may start first.
 */
export async function startDatabase(options: StartOptions = {}): Promise<DatabaseHandle> {
  const log = options.log ?? ((line: string) => console.log(line));
  const handle = openDatabase(options);
  log(`[db] ${handle.dialect === 'sqlite' ? 'SQLite file' : 'PostgreSQL'}: ${handle.location}`);
  try {
    if (options.migrate === false) {
      await waitForMigrations(handle.db, { log, pollMs: options.pollMs, waitLogMs: options.waitLogMs });
      log('[db] schema is up to date (MIGRATE=off)');
    } else {
      const { applied } = await migrateToLatest(handle.db);
      log(applied.length ? `[db] applied migrations: ${applied.join(', ')}` : '[db] schema is up to date');
    }
    await refreshPlannerStatistics(handle);
  } catch (error) {
    await handle.destroy();
    throw error;
  }
  return handle;
}
