import type { Kysely, Selectable } from 'kysely';
import type { Database, JobRunTable } from '../schema.js';

// Exactly once per (job, period): the row of `job_runs` is the claim. It is taken with statements that are
// atomic on SQLite and PostgreSQL alike (no advisory lock):
//
// 1. INSERT … ON CONFLICT (job, period_key) DO NOTHING RETURNING: the first worker creates the run;
// 2. otherwise UPDATE … WHERE status = 'failed' (attempts left) OR (status = 'running' AND lease_until < now)
//    RETURNING: a worker takes over a failed run or one whose owner died (its lease expired);
// 3. the work is written in ONE transaction whose FIRST statement is the fence
//    UPDATE … SET status = 'done' WHERE id = ? AND owner = me AND status = 'running': when another worker has
//    taken the run over meanwhile, it matches no row and the transaction rolls back (LeaseLostError).
//
// So two workers never both commit the work of one period, whatever the timing. Starting with a write also
// takes SQLite's write lock at once, so the transaction never fails on a stale read snapshot.

/** A run of a job for a period, as stored. */
export interface JobRun {
  id: number;
  job: string;
  periodKey: string;
  status: 'running' | 'done' | 'failed';
  owner: string;
  leaseUntil: string;
  attempts: number;
  startedAt: string;
  finishedAt: string | null;
  summary: unknown;
  lastError: string | null;
}

/** Thrown inside the work's transaction when the run is no longer ours: the transaction rolls back. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor(run: Pick<JobRun, 'job' | 'periodKey' | 'owner'>) {
    super(`job ${run.job} ${run.periodKey}: the claim of ${run.owner} was taken over; nothing written`);
  }
}

export function toJobRun(row: Selectable<JobRunTable>): JobRun {
  return {
    id: row.id,
    job: row.job,
    periodKey: row.period_key,
    status: row.status,
    owner: row.owner,
    leaseUntil: row.lease_until,
    attempts: row.attempts,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    summary: row.summary === null ? null : (JSON.parse(row.summary) as unknown),
    lastError: row.last_error,
  };
}

export interface ClaimJobRunOptions {
  job: string;
  periodKey: string;
  /** Who claims: unique per worker process. */
  owner: string;
  now: Date;
  /** How long the claim holds without being finished (default 10 minutes). */
  leaseMs?: number;
  /** A failed run is tried again until it has this many attempts (default 5). */
  maxAttempts?: number;
}

/**
 * Claims the run of `job` for `periodKey`: returns it when this caller may do the work now, `undefined` when
 * the run is done, held by another live worker, or failed too often.
 */
export async function claimJobRun(db: Kysely<Database>, options: ClaimJobRunOptions): Promise<JobRun | undefined> {
  const now = options.now.toISOString();
  const leaseUntil = new Date(options.now.getTime() + (options.leaseMs ?? 10 * 60_000)).toISOString();
  const inserted = await db
    .insertInto('job_runs')
    .values({
      job: options.job,
      period_key: options.periodKey,
      status: 'running',
      owner: options.owner,
      lease_until: leaseUntil,
      attempts: 1,
      started_at: now,
    })
    .onConflict((oc) => oc.columns(['job', 'period_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return toJobRun(inserted);
  const taken = await db
    .updateTable('job_runs')
    .set((eb) => ({
      status: 'running',
      owner: options.owner,
      lease_until: leaseUntil,
      started_at: now,
      finished_at: null,
      attempts: eb('attempts', '+', 1),
    }))
    .where('job', '=', options.job)
    .where('period_key', '=', options.periodKey)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'failed'), eb('attempts', '<', options.maxAttempts ?? 5)]),
        eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  return taken && toJobRun(taken);
}

/**
 * The fence and the completion in one statement: marks the run done if it is still ours. Call it FIRST inside
 * the transaction that writes the run's work; it throws {@link LeaseLostError} (rolling the work back) when the
 * run was taken over.
 */
export async function finishJobRun(
  trx: Kysely<Database>,
  run: Pick<JobRun, 'id' | 'job' | 'periodKey' | 'owner'>,
  now: Date,
  summary: unknown,
): Promise<void> {
  const result = await trx
    .updateTable('job_runs')
    .set({ status: 'done', finished_at: now.toISOString(), summary: JSON.stringify(summary ?? null), last_error: null })
    .where('id', '=', run.id)
    .where('owner', '=', run.owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LeaseLostError(run);
}

/** Records that a run failed (if it is still ours), so that a later tick tries again. */
export async function failJobRun(
  db: Kysely<Database>,
  run: Pick<JobRun, 'id' | 'owner'>,
  now: Date,
  error: unknown,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await db
    .updateTable('job_runs')
    .set({ status: 'failed', finished_at: now.toISOString(), last_error: message.slice(0, 2000) })
    .where('id', '=', run.id)
    .where('owner', '=', run.owner)
    .where('status', '=', 'running')
    .execute();
}

/**
 * Frees the runs left `running` by workers that are known to be gone (killed before they could finish or record
 * a failure): each is marked `failed` with the reason, so the next claim takes it at once instead of waiting
 * for its lease to expire. `isDead` decides from the owner's name (the worker knows, e.g., which process ids of
 * its own host are alive). Safe even when `isDead` wrongly names a live owner: that owner's fence
 * ({@link finishJobRun}) then matches no row and its work is rolled back, so a period is still done once.
 * Returns the runs it freed (with their previous owner).
 */
export async function releaseRunsOfDeadOwners(
  db: Kysely<Database>,
  options: { isDead: (owner: string) => boolean; now: Date; by: string },
): Promise<JobRun[]> {
  const running = await db.selectFrom('job_runs').select(['id', 'owner']).where('status', '=', 'running').execute();
  const released: JobRun[] = [];
  for (const run of running.filter((r) => options.isDead(r.owner))) {
    const row = await db
      .updateTable('job_runs')
      .set({
        status: 'failed',
        finished_at: options.now.toISOString(),
        last_error: `interrupted: its worker ${run.owner} is gone (found by ${options.by})`.slice(0, 2000),
      })
      .where('id', '=', run.id)
      .where('owner', '=', run.owner)
      .where('status', '=', 'running')
      .returningAll()
      .executeTakeFirst();
    if (row) released.push(toJobRun(row));
  }
  return released;
}

/** The period keys of `job` among `periodKeys` that are done. */
export async function listDonePeriods(
  db: Kysely<Database>,
  job: string,
  periodKeys: readonly string[],
): Promise<Set<string>> {
  if (periodKeys.length === 0) return new Set();
  const rows = await db
    .selectFrom('job_runs')
    .select('period_key')
    .where('job', '=', job)
    .where('status', '=', 'done')
    .where('period_key', 'in', periodKeys)
    .execute();
  return new Set(rows.map((r) => r.period_key));
}

/** Runs of a job (all jobs when omitted), newest period first. */
export async function listJobRuns(
  db: Kysely<Database>,
  filter: { job?: string; limit?: number } = {},
): Promise<JobRun[]> {
  let query = db.selectFrom('job_runs').selectAll();
  if (filter.job !== undefined) query = query.where('job', '=', filter.job);
  const rows = await query
    .orderBy('period_key', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 500)
    .execute();
  return rows.map(toJobRun);
}

export async function findJobRun(db: Kysely<Database>, job: string, periodKey: string): Promise<JobRun | undefined> {
  const row = await db
    .selectFrom('job_runs')
    .selectAll()
    .where('job', '=', job)
    .where('period_key', '=', periodKey)
    .executeTakeFirst();
  return row && toJobRun(row);
}
