import type { Database } from '@antoan/db';
import {
  dueSnapshotPeriods,
  hasAnyUnit,
  listDonePeriods,
  listSnapshotRequests,
  settleSnapshotRequest,
  SNAPSHOT_JOB,
  takeSnapshot,
  type TakeSnapshotResult,
  yearHasData,
} from '@antoan/db/worker';
import { computeScopeSummaries } from '@antoan/services';
import type { Kysely } from 'kysely';
import type { JobDefinition } from '../job.js';

export interface SnapshotJobOptions {
  /** How many ended quarters are checked for a snapshot that was missed. */
  catchUpQuarters: number;
  owner: string;
  leaseMs: number;
  /** Crash drills only (WORKER_DRILL_PAUSE_MS): pause after computing the figures and after each batch written. */
  drillPauseMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SnapshotOutcome {
  periodKey: string;
  result: TakeSnapshotResult['status'] | 'failed';
  scopes?: number;
  ms?: number;
  error?: string;
}

async function take(
  db: Kysely<Database>,
  periodKey: string,
  now: Date,
  options: SnapshotJobOptions,
  log: (line: string) => void,
): Promise<{ outcome: SnapshotOutcome; result?: TakeSnapshotResult }> {
  try {
    // the figures of every scope from the stored results (core's summary builder, the API's too)
    const drill = options.drillPauseMs ?? 0;
    const figures = async (o: { year: number; today: string; membershipDate: string }) => {
      const scopes = await computeScopeSummaries(db, { ...o, now });
      if (drill > 0) {
        log(
          `[worker] drill: snapshot ${periodKey}: figures of ${scopes.length} scopes computed, pausing ${drill} ms before the transaction`,
        );
        await pause(drill);
      }
      return scopes;
    };
    const afterBatch = async (written: number) => {
      log(
        `[worker] drill: snapshot ${periodKey}: ${written} rows written in the open transaction, pausing ${drill} ms`,
      );
      await pause(drill);
    };
    const result = await takeSnapshot(db, {
      periodKey,
      now,
      owner: options.owner,
      leaseMs: options.leaseMs,
      figures,
      ...(drill > 0 && { afterBatch }),
    });
    if (result.status === 'done') {
      log(`[worker] snapshot ${periodKey}: ${result.scopes} scopes (${result.inserted} new) in ${result.ms} ms`);
      return { outcome: { periodKey, result: 'done', scopes: result.scopes, ms: result.ms }, result };
    }
    return { outcome: { periodKey, result: 'skipped' }, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`[worker] snapshot ${periodKey} failed: ${message}`);
    return { outcome: { periodKey, result: 'failed', error: message } };
  }
}

/**
 * Takes the snapshots that are due and not done: the last `catchUpQuarters` quarters that have ended (so a
 * worker that was down catches up), then the administrators' pending requests. Each period exactly once
 * across workers (see takeSnapshot).
 */
export async function runSnapshots(
  db: Kysely<Database>,
  now: Date,
  options: SnapshotJobOptions,
  log: (line: string) => void = () => {},
): Promise<SnapshotOutcome[]> {
  const outcomes: SnapshotOutcome[] = [];
  // Nothing loaded yet (a server may be seeding right now): freeze nothing, keep the requests pending.
  if (!(await hasAnyUnit(db))) {
    log('[worker] snapshots wait: the database has no unit yet (not seeded)');
    return outcomes;
  }
  const periods = dueSnapshotPeriods(now, options.catchUpQuarters);
  const done = await listDonePeriods(
    db,
    SNAPSHOT_JOB,
    periods.map((p) => p.key),
  );
  const withData = new Map<number, boolean>();
  for (const period of periods) {
    if (done.has(period.key)) continue;
    // A year with no file and no report yet has nothing to freeze (every unit "not registered"): skipped, and
    // taken on a later tick once its data begin, while the quarter is still within the catch-up window.
    let has = withData.get(period.year);
    if (has === undefined) withData.set(period.year, (has = await yearHasData(db, period.year)));
    if (!has) {
      outcomes.push({ periodKey: period.key, result: 'skipped' });
      continue;
    }
    outcomes.push((await take(db, period.key, now, options, log)).outcome);
  }
  for (const request of await listSnapshotRequests(db, { status: 'pending' })) {
    const { outcome, result } = await take(db, request.periodKey, now, options, log);
    outcomes.push(outcome);
    if (outcome.result === 'failed') {
      await settleSnapshotRequest(db, request.id, {
        status: 'failed',
        jobRunId: null,
        error: outcome.error ?? null,
        now,
      });
    } else if (result?.status === 'done' || (result?.status === 'skipped' && result.reason === 'done')) {
      await settleSnapshotRequest(db, request.id, { status: 'done', jobRunId: result.run?.id ?? null, now });
    }
    // Held by another live worker: left pending; it is settled on a later tick.
  }
  return outcomes;
}

/** Snapshots and snapshot requests as a scheduled job. */
export function snapshotJob(cron: string, options: SnapshotJobOptions): JobDefinition {
  return {
    name: 'snapshots',
    cron,
    async run({ db, now, log }) {
      await runSnapshots(db, now, options, log);
    },
  };
}
