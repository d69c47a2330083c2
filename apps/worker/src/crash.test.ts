import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest } from '@antoan/db';
import { openDatabase } from '@antoan/db/client';
import { seedNational } from '@antoan/db/seed';
import { countSnapshots, findJobRun, SNAPSHOT_JOB } from '@antoan/db/worker';
import { computeScopeSummaries } from '@antoan/services';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';

// Crash safety of the worker on its SQLite file: the worker is killed with SIGKILL in the middle of a quarter's
// snapshot, once after it computed the figures and before its transaction, and twice inside the transaction that
// writes them (after the first and after the second batch of rows), then started again on the same file. The
// kills land exactly there, whatever the machine's load: the worker runs with WORKER_DRILL_PAUSE_MS, which
// pauses at those points and says so in its log, and the test kills it when it reads that line. After each kill
// the file must pass `PRAGMA integrity_check` and hold none of the snapshot; the restarted worker (no drill)
// must free the run the dead one left `running` (instead of waiting for its lease) and complete the snapshot.

const mainFile = fileURLToPath(new URL('./main.ts', import.meta.url));
const PERIOD = '2025-Q4';
/** Where each round's kill lands: the drill's log line the test waits for before it kills. */
const KILLS = [
  { where: 'after computing the figures', line: /drill: snapshot \S+: figures of \d+ scopes computed/ },
  {
    where: 'inside the transaction, after 100 rows',
    line: /drill: snapshot \S+: 100 rows written in the open transaction/,
  },
  {
    where: 'inside the transaction, after 200 rows',
    line: /drill: snapshot \S+: 200 rows written in the open transaction/,
  },
] as const;

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  output: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// The test is about the SQLite file (integrity, WAL recovery); it always runs on a SQLite file of its own, so the
// second pass of the suite on PostgreSQL (DATABASE_URL set, see .ci/run) skips it rather than repeat it.
describe.skipIf(process.env.DATABASE_URL !== undefined)(
  'the worker killed with SIGKILL in the middle of a snapshot',
  () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'antoan-worker-crash-'));
    const workers: WorkerProcess[] = [];
    afterAll(() => {
      for (const worker of workers) worker.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    it(`leaves the whole snapshot or none, and the restarted worker completes it (${KILLS.length} kills)`, async () => {
      const handle = openDatabase({ dataDir });
      await migrateToLatest(handle.db);
      await seedNational(handle.db, { scale: 0.05 });
      const expected = (
        await computeScopeSummaries(handle.db, { year: 2025, today: '2025-12-31', membershipDate: '2025-12-31' })
      )
        .map((s) => s.scopeKey)
        .sort();
      await handle.destroy();

      const env = {
        DATA_DIR: dataDir,
        // 5 January 2026, 09:00 in Vietnam: the snapshot of 2025 Q4 is due (and only it).
        WORKER_FAKE_NOW: '2026-01-05T09:00:00+07:00',
        SNAPSHOT_CATCH_UP_QUARTERS: '1',
        REMINDER_CATCH_UP_DAYS: '0',
        MAIL_DISPATCH_CRON: '0 0 1 1 *',
        HEARTBEAT_CRON: '0 0 1 1 *',
      };
      const probe = openDatabase({ dataDir });
      const rounds: string[] = [];
      try {
        for (const [round, kill] of KILLS.entries()) {
          // the worker pauses 5 s at each drill point (after computing, after each batch): the kill lands in that pause
          const worker = startWorker({ ...env, WORKER_DRILL_PAUSE_MS: '5000' });
          workers.push(worker);
          await until(
            kill.where,
            () => Promise.resolve(kill.line.test(worker.output()) ? true : undefined),
            60_000,
            worker.output,
          );
          const run = await findJobRun(probe.db, SNAPSHOT_JOB, PERIOD);
          // each claim of the run adds an attempt: this worker's claim is attempt round + 1
          expect(run).toMatchObject({ status: 'running', attempts: round + 1 });
          worker.child.kill('SIGKILL');
          expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });

          const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(probe.db);
          expect(integrity.rows.map((r) => r.integrity_check)).toEqual(['ok']);
          // nothing of an uncommitted snapshot survives, and the run is left as the dead worker had it
          expect(await countSnapshots(probe.db, PERIOD)).toBe(0);
          expect((await findJobRun(probe.db, SNAPSHOT_JOB, PERIOD))?.status).toBe('running');
          rounds.push(
            `kill ${round + 1} (${kill.where}): integrity ok, 0 of ${expected.length} snapshot rows, run running (owner ${run?.owner}, attempt ${run?.attempts})`,
          );
        }

        const restarted = startWorker(env);
        workers.push(restarted);
        await until(
          'the catch-up',
          () => Promise.resolve(/catch-up done/.test(restarted.output()) ? true : undefined),
          30_000,
          restarted.output,
        );
        const run = await findJobRun(probe.db, SNAPSHOT_JOB, PERIOD);
        expect(run).toMatchObject({ status: 'done', lastError: null });
        const scopes = await probe.db
          .selectFrom('stat_snapshots')
          .select('scope_key')
          .where('period_key', '=', PERIOD)
          .execute();
        expect(scopes.map((s) => s.scope_key).sort()).toEqual(expected);
        expect(restarted.output()).toMatch(new RegExp(`run snapshot ${PERIOD} of .+ was interrupted`));
        const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(probe.db);
        expect(integrity.rows.map((r) => r.integrity_check)).toEqual(['ok']);
        rounds.push(
          `restart: run done at attempt ${run?.attempts}, ${scopes.length} of ${expected.length} snapshot rows, integrity ok`,
        );
        console.log(['worker crash safety (snapshot of a 0.05-scale national dataset):', ...rounds].join('\n  '));

        restarted.child.kill('SIGTERM');
        expect((await restarted.exited).code).toBe(0);
      } finally {
        await probe.destroy();
      }
    }, 120_000);
  },
);
