import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, type Database } from '@antoan/db';
import { openDatabase } from '@antoan/db/client';
import { seedNational } from '@antoan/db/seed';
import { computeAreaSummaries, countSnapshots, findJobRun, SNAPSHOT_JOB } from '@antoan/db/worker';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';

// Crash safety of the worker on its SQLite file: the worker is killed with SIGKILL in the middle of a quarter's
// snapshot (a small national dataset makes it last long enough), once while it computes the figures and twice
// inside the transaction that writes them, then started again on the same file. After each kill the file must
// pass `PRAGMA integrity_check` and hold the whole snapshot or none of it; the restarted worker must free the
// run the dead one left `running` (instead of waiting for its lease) and complete the snapshot.

const mainFile = fileURLToPath(new URL('./main.ts', import.meta.url));
const PERIOD = '2025-Q4';
/** Where each round's kill lands: while the figures are computed, or inside the write transaction. */
const KILLS = ['computing', 'writing', 'writing'] as const;

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

/** True while another connection holds SQLite's write lock (our BEGIN IMMEDIATE fails at once: busy_timeout 0). */
async function writeLockHeld(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`begin immediate`.execute(db);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  }
  await sql`rollback`.execute(db);
  return false;
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
        await computeAreaSummaries(handle.db, { year: 2025, today: '2025-12-31', membershipDate: '2025-12-31' })
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
        // Nothing else writes meanwhile, so the write lock after the claim is the snapshot's transaction.
        MAIL_DISPATCH_CRON: '0 0 1 1 *',
        HEARTBEAT_CRON: '0 0 1 1 *',
      };
      const probe = openDatabase({ dataDir });
      await sql`pragma busy_timeout = 0`.execute(probe.db);
      const rounds: string[] = [];
      try {
        for (const [round, where] of KILLS.entries()) {
          const worker = startWorker(env);
          workers.push(worker);
          // Each claim of the run adds an attempt: this worker's claim is attempt round + 1.
          const run = await until(
            `the claim of attempt ${round + 1}`,
            async () => {
              const r = await findJobRun(probe.db, SNAPSHOT_JOB, PERIOD);
              return r?.status === 'running' && r.attempts === round + 1 ? r : undefined;
            },
            30_000,
            worker.output,
          );
          const claimed = performance.now();
          if (where === 'computing') {
            await new Promise((resolve) => setTimeout(resolve, 150));
          } else {
            await until(
              'the snapshot transaction',
              async () => ((await writeLockHeld(probe.db)) ? true : undefined),
              30_000,
              worker.output,
            );
          }
          worker.child.kill('SIGKILL');
          const killedAfter = Math.round(performance.now() - claimed);
          expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });

          const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(probe.db);
          expect(integrity.rows.map((r) => r.integrity_check)).toEqual(['ok']);
          const rows = await countSnapshots(probe.db, PERIOD);
          const after = await findJobRun(probe.db, SNAPSHOT_JOB, PERIOD);
          // All or nothing: no snapshot rows unless the run committed as done.
          expect([0, expected.length]).toContain(rows);
          expect(after?.status).toBe(rows === 0 ? 'running' : 'done');
          rounds.push(
            `kill ${round + 1} (${where}, ${killedAfter} ms after the claim): integrity ok, ${rows} of ${expected.length} snapshot rows, run ${after?.status} (owner ${run.owner}, attempt ${after?.attempts})`,
          );
          if (rows !== 0) break;
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
