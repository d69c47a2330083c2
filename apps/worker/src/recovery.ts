import { hostname } from 'node:os';
import type { Database } from '@antoan/db';
import { releaseRunsOfDeadOwners, type JobRun } from '@antoan/db/worker';
import type { Kysely } from 'kysely';

// A worker killed in the middle of a run (SIGKILL, OOM, power cut) leaves the run `running` under its name
// until the lease expires (JOB_LEASE_SECONDS, 10 minutes by default) and a later tick takes it over. A worker
// that starts can often tell at once that the owner is gone, and free those runs so its catch-up redoes them.

/** Is a process id alive on this host? (`kill(pid, 0)` sends nothing; EPERM means it exists under another user.) */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OwnerCheckOptions {
  /** This worker's name (WORKER_ID, or the default `host:pid:random`). */
  me: string;
  /** Whether WORKER_ID was set: then a run under that very name is a previous life of this worker. */
  explicitId: boolean;
  host?: string;
  pid?: number;
  alive?: (pid: number) => boolean;
}

/**
 * Which owners are certainly gone, as seen by a worker that is starting (before it claims anything):
 * - its own explicit WORKER_ID (two live workers never share one, so the holder was this worker's previous life);
 * - a default name `host:pid:random` of this host whose process id is not alive, or is this very process's id
 *   under another name (a container restarted with the same pid).
 * Anything else (another host, a live process) is left to its lease.
 */
export function deadOwnerCheck(options: OwnerCheckOptions): (owner: string) => boolean {
  const host = options.host ?? hostname();
  const pid = options.pid ?? process.pid;
  const alive = options.alive ?? processAlive;
  return (owner) => {
    if (owner === options.me) return options.explicitId;
    const match = /^(.*):(\d+):[0-9a-f]{6}$/.exec(owner);
    if (!match || match[1] !== host) return false;
    const ownerPid = Number(match[2]);
    return ownerPid === pid || !alive(ownerPid);
  };
}

/** Frees the runs of dead owners (see {@link deadOwnerCheck}); logs and returns them. */
export async function recoverInterruptedRuns(
  db: Kysely<Database>,
  options: OwnerCheckOptions & { now: Date; log: (line: string) => void },
): Promise<JobRun[]> {
  const released = await releaseRunsOfDeadOwners(db, {
    isDead: deadOwnerCheck(options),
    now: options.now,
    by: options.me,
  });
  for (const run of released) {
    options.log(
      `[worker] run ${run.job} ${run.periodKey} of ${run.owner} was interrupted (its worker is gone): freed, to be done again`,
    );
  }
  return released;
}
