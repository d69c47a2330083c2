import { DomainError, findCatalogueForYear, isIsoDate, vietnamDate, type Quarter } from '@antoan/core';
import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import { chunk } from '../chunk.js';
import type { AreaSummary } from '@antoan/core';
import type { Database, StatSnapshotTable } from '../schema.js';
import { writeAudit } from '../audit.repository.js';
import { waitForSeed } from '../write-transaction.js';
import { claimJobRun, failJobRun, finishJobRun, findJobRun, type JobRun } from './job-runs.repository.js';

// Statistics snapshots: the figures of every area and of the whole set for a period, with each area's
// membership frozen as it was, written in ONE transaction under the run's fence. Rows are unique per
// (scope, period) and inserted with ON CONFLICT DO NOTHING: a rerun changes nothing.

/** The job name of snapshots in `job_runs`. */
export const SNAPSHOT_JOB = 'snapshot';

/**
 * A snapshot period: a quarter (`2022-Q4`, taken as of the quarter's last calendar day) or a day
 * (`2022-11-05`, on demand).
 */
export interface SnapshotPeriod {
  key: string;
  year: number;
  quarter: Quarter | null;
  /** The day the figures are taken on (Vietnam date). */
  asOf: string;
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'] as const;

/** The period of a calendar quarter: `2022-Q4`, as of 31 December 2022. */
export function quarterSnapshotPeriod(year: number, quarter: Quarter): SnapshotPeriod {
  return { key: `${year}-Q${quarter}`, year, quarter, asOf: `${year}-${QUARTER_END[quarter - 1]}` };
}

/** Parses `2022-Q4` or `2022-11-05`; throws `DomainError('INVALID')` otherwise. */
export function parseSnapshotPeriod(key: string): SnapshotPeriod {
  const text: string = String(key);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return quarterSnapshotPeriod(Number(quarter[1]), Number(quarter[2]) as Quarter);
  if (!isIsoDate(key)) {
    throw new DomainError('INVALID', {
      vi: `Kỳ chụp số liệu không hợp lệ: ${text}; cần dạng 2022-Q4 hoặc 2022-11-05`,
      en: `Invalid snapshot period: ${text}; expected 2022-Q4 or 2022-11-05`,
    });
  }
  return { key, year: Number(key.slice(0, 4)), quarter: null, asOf: key };
}

/**
 * The quarters whose snapshot is due at `now`: those that ended (in Vietnam time) before today, the latest
 * `count` of them, oldest first. A quarter is due from 00:00 on the day after its last day.
 */
export function dueSnapshotPeriods(now: Date, count: number): SnapshotPeriod[] {
  const today = vietnamDate(now);
  let year = Number(today.slice(0, 4));
  let quarter = Math.ceil(Number(today.slice(5, 7)) / 3) - 1; // the last quarter that has ended
  const out: SnapshotPeriod[] = [];
  while (out.length < count) {
    if (quarter === 0) {
      year--;
      quarter = 4;
    }
    out.unshift(quarterSnapshotPeriod(year, quarter as Quarter));
    quarter--;
  }
  return out;
}

/** Refuses a period that is not over yet on `now` (a snapshot of it would freeze half a quarter). */
export function assertSnapshotPeriodOver(period: SnapshotPeriod, now: Date): void {
  const today = vietnamDate(now);
  const over = period.quarter === null ? period.asOf <= today : period.asOf < today;
  if (!over) {
    throw new DomainError('INVALID', {
      vi: `Kỳ ${period.key} chưa kết thúc (hôm nay ${today}); không thể chụp số liệu`,
      en: `Period ${period.key} is not over yet (today is ${today}); cannot take its snapshot`,
    });
  }
}

export interface StatSnapshot {
  id: number;
  scopeKey: string;
  areaId: number | null;
  periodKey: string;
  year: number;
  asOf: string;
  areaName: string | null;
  areaParentId: number | null;
  memberAreaIds: number[];
  memberUnitIds: number[];
  unitCount: number;
  statistics: AreaSummary;
  jobRunId: number | null;
  createdAt: string;
}

export function toStatSnapshot(row: Selectable<StatSnapshotTable>): StatSnapshot {
  return {
    id: row.id,
    scopeKey: row.scope_key,
    areaId: row.area_id,
    periodKey: row.period_key,
    year: row.year,
    asOf: row.as_of,
    areaName: row.area_name,
    areaParentId: row.area_parent_id,
    memberAreaIds: JSON.parse(row.member_area_ids) as number[],
    memberUnitIds: JSON.parse(row.member_unit_ids) as number[],
    unitCount: row.unit_count,
    statistics: JSON.parse(row.statistics) as AreaSummary,
    jobRunId: row.job_run_id,
    createdAt: row.created_at,
  };
}

export interface TakeSnapshotOptions {
  /** `2022-Q4` or `2022-11-05`. */
  periodKey: string;
  now: Date;
  /** Who claims the run (default: a one-off owner name). */
  owner?: string;
  leaseMs?: number;
  /** Rows per INSERT (default 100). */
  batchSize?: number;
  /** Computes the figures of every scope (the services' computeScopeSummaries, from the stored results). */
  figures: ScopeFigures;
  /** Test hook: called inside the transaction after each batch of rows; a throw rolls everything back. */
  afterBatch?: (written: number) => void | Promise<void>;
}

/** One scope of a snapshot: the whole set (`areaId` null) or an area with the membership it had on the day. */
export interface ScopeSummary {
  scopeKey: string;
  areaId: number | null;
  areaName: string | null;
  parentId: number | null;
  /** The areas of the subtree on the membership date (empty for the whole set). */
  areaIds: number[];
  /** The units counted. */
  unitIds: number[];
  summary: AreaSummary;
}

/** What a snapshot freezes: the figures of every scope for a year, reports due before `today`, the tree of `membershipDate`. */
export type ScopeFigures = (options: {
  year: number;
  today: string;
  membershipDate: string;
}) => Promise<ScopeSummary[]>;

export type TakeSnapshotResult =
  | { status: 'done'; run: JobRun; scopes: number; inserted: number; ms: number }
  | { status: 'skipped'; reason: 'done' | 'busy'; run: JobRun | undefined };

/**
 * Takes the snapshot of a period now, exactly once: claims the run (job `snapshot`, the period key), computes
 * the figures of every area and of the whole set, and writes them in ONE transaction that begins with the
 * run's fence. Returns `skipped` when the period is done or another worker holds it. A failure (or a throw of
 * `afterBatch`) leaves no row of the period and marks the run failed, to be tried again. This is what the API
 * calls for an administrator's on-demand snapshot when it wants it synchronously (it takes seconds on a
 * national dataset); {@link requestSnapshot} queues one for the worker instead.
 */
export async function takeSnapshot(db: Kysely<Database>, options: TakeSnapshotOptions): Promise<TakeSnapshotResult> {
  const period = parseSnapshotPeriod(options.periodKey);
  assertSnapshotPeriodOver(period, options.now);
  const owner = options.owner ?? `on-demand:${options.now.getTime()}:${Math.random().toString(36).slice(2, 10)}`;
  const claimOptions = {
    job: SNAPSHOT_JOB,
    periodKey: period.key,
    owner,
    now: options.now,
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
  };
  const run = await claimJobRun(db, claimOptions);
  if (!run) {
    const existing = await findJobRun(db, SNAPSHOT_JOB, period.key);
    return { status: 'skipped', reason: existing?.status === 'done' ? 'done' : 'busy', run: existing };
  }
  const started = performance.now();
  try {
    const scopes = await options.figures({ year: period.year, today: period.asOf, membershipDate: period.asOf });
    const createdAt = options.now.toISOString();
    let inserted = 0;
    await db.transaction().execute(async (trx) => {
      await finishJobRun(trx, run, options.now, { periodKey: period.key, asOf: period.asOf, scopes: scopes.length });
      // a year's figures count the units that exist on its 31 December (core's unitExistsInYear): a town
      // dissolved on 1 July 2025 counts none in 2025, whatever quarter is frozen
      await assertFiguresCountUnits(trx, scopes, `${period.year}-12-31`);
      let written = 0;
      for (const part of chunk(scopes, options.batchSize ?? 100)) {
        const rows = await trx
          .insertInto('stat_snapshots')
          .values(
            part.map((s) => ({
              scope_key: s.scopeKey,
              area_id: s.areaId,
              period_key: period.key,
              year: period.year,
              as_of: period.asOf,
              area_name: s.areaName,
              area_parent_id: s.parentId,
              member_area_ids: JSON.stringify(s.areaIds),
              member_unit_ids: JSON.stringify(s.unitIds),
              unit_count: s.unitIds.length,
              statistics: JSON.stringify(s.summary),
              job_run_id: run.id,
              created_at: createdAt,
            })),
          )
          .onConflict((oc) => oc.columns(['scope_key', 'period_key']).doNothing())
          .returning('id')
          .execute();
        inserted += rows.length;
        written += part.length;
        await options.afterBatch?.(written);
      }
      const ms = Math.round(performance.now() - started);
      await trx
        .updateTable('job_runs')
        .set({
          summary: JSON.stringify({ periodKey: period.key, asOf: period.asOf, scopes: scopes.length, inserted, ms }),
        })
        .where('id', '=', run.id)
        .execute();
    });
    const finished = (await findJobRun(db, SNAPSHOT_JOB, period.key)) ?? { ...run, status: 'done' as const };
    return {
      status: 'done',
      run: finished,
      scopes: scopes.length,
      inserted,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    await failJobRun(db, run, options.now, error);
    throw error;
  }
}

/** Whether any unit exists: before that (a database not seeded yet) there is nothing to freeze. */
export async function hasAnyUnit(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('units').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Whether a year has any data of its own: a file (registration, assessment) or a quarterly report. A quarter
 * of a year without any is not frozen: its figures would be every unit "not registered", a point at 0 on
 * the trend that no one recorded (a fresh install whose demo data stop in 2022 would show a "2026" point).
 */
export async function yearHasData(db: Kysely<Database>, year: number): Promise<boolean> {
  const file = await db.selectFrom('assessments').select('id').where('year', '=', year).limit(1).executeTakeFirst();
  if (file) return true;
  const report = await db
    .selectFrom('quarterly_reports')
    .select('id')
    .where('year', '=', year)
    .limit(1)
    .executeTakeFirst();
  return report !== undefined;
}

const NOT_READY = {
  vi: 'Chưa thể chốt số liệu: cơ sở dữ liệu chưa có đơn vị nào hoặc đang được nạp dữ liệu. Hãy thử lại sau.',
  en: 'Cannot freeze the figures yet: the database has no unit, or is being loaded. Try again later.',
};

/**
 * Refuses to freeze figures while no unit exists (nothing loaded yet), or figures in which a scope counts no
 * unit while units of its areas exist on `day` (the last day of the period's year, the day that decides which
 * units a year counts) (figures computed before a seed or an import
 * committed: a whole area, or the whole set, would be frozen empty for good). A scope without any unit that
 * day (an area with none) is frozen as it is. Runs inside the snapshot's transaction, after any seed in
 * progress has finished (PostgreSQL: the seed lock; SQLite: the write lock).
 */
async function assertFiguresCountUnits(
  trx: Kysely<Database>,
  scopes: readonly ScopeSummary[],
  day: string,
): Promise<void> {
  await waitForSeed(trx);
  if (!(await hasAnyUnit(trx))) throw new DomainError('CONFLICT', NOT_READY);
  const empty = scopes.filter((s) => s.unitIds.length === 0);
  if (empty.length === 0) return;
  // the areas that hold a unit on the day
  const rows = await trx
    .selectFrom('units')
    .select('area_id')
    .distinct()
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .execute();
  const withUnits = new Set(rows.map((r) => r.area_id));
  for (const scope of empty) {
    const hasUnits = scope.areaId === null ? withUnits.size > 0 : scope.areaIds.some((id) => withUnits.has(id));
    if (hasUnits) throw new DomainError('CONFLICT', NOT_READY);
  }
}

export interface RedoSnapshotOptions {
  /** Who asks (a user id, or null for an operator's command). */
  userId: number | null;
  /** Why, for the audit record. */
  reason: string;
  now: Date;
}

/**
 * Discards a period's frozen snapshot so it can be taken again (a period frozen wrong: before the data was
 * loaded, or before a correction that must show): deletes its rows and its run, with an audit record (action
 * `snapshot.discard`, the rows' count and run before) in the same transaction. Refuses while a worker holds the
 * run. Then call {@link takeSnapshot}. Returns how many rows were discarded.
 */
export async function discardSnapshot(
  db: Kysely<Database>,
  periodKey: string,
  options: RedoSnapshotOptions,
): Promise<number> {
  const period = parseSnapshotPeriod(periodKey);
  return db.transaction().execute(async (trx) => {
    const run = await findJobRun(trx, SNAPSHOT_JOB, period.key);
    if (run?.status === 'running' && run.leaseUntil && run.leaseUntil > options.now.toISOString())
      throw new DomainError('CONFLICT', {
        vi: `Kỳ ${period.key} đang được một tiến trình chốt số liệu; hãy thử lại sau.`,
        en: `A process is taking the snapshot of ${period.key} now; try again later.`,
      });
    const rows = await trx.deleteFrom('stat_snapshots').where('period_key', '=', period.key).returning('id').execute();
    if (run) await trx.deleteFrom('job_runs').where('id', '=', run.id).execute();
    await writeAudit(trx, {
      userId: options.userId,
      action: 'snapshot.discard',
      entity: 'snapshot',
      entityId: period.key,
      before: { rows: rows.length, run: run ? { id: run.id, status: run.status, summary: run.summary } : null },
      after: { reason: options.reason },
      at: options.now,
    });
    return rows.length;
  });
}

/** The snapshots of a period (every scope), or of one scope over periods. */
export async function listSnapshots(
  db: Kysely<Database>,
  filter: { periodKey?: string; areaId?: number | null; limit?: number },
): Promise<StatSnapshot[]> {
  let query = db.selectFrom('stat_snapshots').selectAll();
  if (filter.periodKey !== undefined) query = query.where('period_key', '=', filter.periodKey);
  if (filter.areaId === null) query = query.where('scope_key', '=', 'all');
  else if (filter.areaId !== undefined) query = query.where('area_id', '=', filter.areaId);
  const rows = await query
    .orderBy('period_key')
    .orderBy('scope_key')
    .limit(filter.limit ?? 10_000)
    .execute();
  return rows.map(toStatSnapshot);
}

export async function countSnapshots(db: Kysely<Database>, periodKey: string): Promise<number> {
  const row = await db
    .selectFrom('stat_snapshots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('period_key', '=', periodKey)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ── On-demand requests ───────────────────────────────────────────────────────────────────────────────

export interface SnapshotRequest {
  id: number;
  periodKey: string;
  requestedBy: number | null;
  requestedAt: string;
  status: 'pending' | 'done' | 'failed';
  processedAt: string | null;
  jobRunId: number | null;
  error: string | null;
}

function toRequest(row: Selectable<Database['snapshot_requests']>): SnapshotRequest {
  return {
    id: row.id,
    periodKey: row.period_key,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    status: row.status,
    processedAt: row.processed_at,
    jobRunId: row.job_run_id,
    error: row.error,
  };
}

/**
 * Asks the worker for a snapshot of a period (`2022-Q3`, or a day such as `2022-11-05`): the API's entry for an
 * administrator. Validates the period (it must be over, in a year some criteria were in force), and returns
 * the pending request for it if there is one already; a requester has at most `maxPendingPerRequester`
 * (default {@link MAX_PENDING_SNAPSHOT_REQUESTS}) requests waiting. The worker takes it on its next tick; the
 * result is the run of job `snapshot` for the period.
 */
/** Snapshot requests one person may have waiting at once (the worker's queue stays short). */
export const MAX_PENDING_SNAPSHOT_REQUESTS = 5;

export async function requestSnapshot(
  db: Kysely<Database>,
  input: { periodKey: string; requestedBy: number | null; now: Date; maxPendingPerRequester?: number },
): Promise<SnapshotRequest> {
  const period = parseSnapshotPeriod(input.periodKey);
  assertSnapshotPeriodOver(period, input.now);
  if (!findCatalogueForYear(period.year)) {
    throw new DomainError('INVALID', {
      vi: `Năm ${period.year} chưa có bộ tiêu chí nào có hiệu lực: không có số liệu để chụp`,
      en: `No criteria were in force in ${period.year}: there are no figures to snapshot`,
    });
  }
  // One request at a time on PostgreSQL (inside the caller's transaction), so that the check for a pending
  // request of the period and the count per requester hold against parallel calls; SQLite's write
  // transaction is already exclusive.
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(1717, 0)`.execute(db);
  const pending = await db
    .selectFrom('snapshot_requests')
    .selectAll()
    .where('period_key', '=', period.key)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending) return toRequest(pending);
  const max = input.maxPendingPerRequester ?? MAX_PENDING_SNAPSHOT_REQUESTS;
  if (input.requestedBy !== null) {
    const mine = await db
      .selectFrom('snapshot_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('requested_by', '=', input.requestedBy)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    if (Number(mine.n) >= max) {
      throw new DomainError('TOO_MANY_REQUESTS', {
        vi: `Bạn đã có ${max} yêu cầu chụp số liệu đang chờ: hãy đợi chúng xong rồi yêu cầu thêm`,
        en: `You already have ${max} snapshot requests waiting: wait for them to finish before asking for more`,
      });
    }
  }
  const row = await db
    .insertInto('snapshot_requests')
    .values({
      period_key: period.key,
      requested_by: input.requestedBy,
      requested_at: input.now.toISOString(),
      status: 'pending',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRequest(row);
}

export async function listSnapshotRequests(
  db: Kysely<Database>,
  filter: { status?: SnapshotRequest['status']; limit?: number } = {},
): Promise<SnapshotRequest[]> {
  // Round robin between requesters (each one's first request, then each one's second, …), so one person's
  // requests never make another's wait behind them all.
  let query = db
    .selectFrom('snapshot_requests')
    .selectAll()
    .select(sql<number>`row_number() over (partition by requested_by order by requested_at, id)`.as('turn'));
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query
    .orderBy('turn')
    .orderBy('requested_at')
    .orderBy('id')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(toRequest);
}

/** Closes a request (only a pending one): done with the run, or failed with the error. */
export async function settleSnapshotRequest(
  db: Kysely<Database>,
  id: number,
  outcome: { status: 'done' | 'failed'; jobRunId: number | null; error?: string | null; now: Date },
): Promise<void> {
  await db
    .updateTable('snapshot_requests')
    .set({
      status: outcome.status,
      job_run_id: outcome.jobRunId,
      error: outcome.error ?? null,
      processed_at: outcome.now.toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}
