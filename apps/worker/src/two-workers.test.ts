import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countOutbox, countSnapshots, listJobRuns } from '@antoan/db/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkerFixture } from './testing/fixture.js';
import { createSharedDatabase, type SharedDatabase } from './testing/shared-database.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';

// Two real worker processes on one database (a SQLite file; a PostgreSQL database when DATABASE_URL is set),
// started at the same instant, both catching up the same reminders, snapshots and mails. That they raced is
// proven, not assumed: each holds its first claim (the first reminder day), once executed, until the other has
// executed its own (race-worker's barrier), and exactly one of the two claims won.

const raceWorker = fileURLToPath(new URL('./testing/race-worker.ts', import.meta.url));

function runWorker(config: Record<string, unknown>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', raceWorker, JSON.stringify(config)], {
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('two worker processes started together on one database', () => {
  let shared: SharedDatabase;
  let sink: SmtpSink;
  beforeAll(async () => {
    shared = await createSharedDatabase(process.env.DATABASE_URL);
    await seedWorkerFixture(shared.open().db);
    sink = await startSmtpSink();
  }, 60_000);
  afterAll(async () => {
    await sink.close();
    await shared.destroy();
  });

  it('send each reminder once, take each snapshot once and deliver each mail once', async () => {
    // 19 March 2023, 08:00 in Vietnam: catching up 12–19 March (Q1 reminders 7, 3 and 1 days before the 20th),
    // and the snapshots of 2022 Q4 and 2023 Q1… (Q4 2022 and Q3 2022: the two quarters that ended).
    const base = {
      dataDir: shared.dataDir,
      databaseUrl: shared.databaseUrl,
      smtpUrl: sink.url,
      now: '2023-03-19T01:00:00Z',
      startAt: Date.now() + 3000,
      catchUpDays: 7,
    };
    const barrierDir = mkdtempSync(path.join(tmpdir(), 'antoan-race-'));
    const [a, b] = await Promise.all([
      runWorker({ ...base, owner: 'process-A', other: 'process-B', barrierDir }),
      runWorker({ ...base, owner: 'process-B', other: 'process-A', barrierDir }),
    ]);
    rmSync(barrierDir, { recursive: true, force: true });
    expect(a.stderr + b.stderr).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    const results = [a, b].map(
      (r) =>
        JSON.parse(r.stdout.trim().split('\n').pop()!) as {
          firstClaimWon: boolean;
          reminders: { day: string; status: string }[];
          snapshots: { periodKey: string; result: string }[];
          mail: { sent: number; failed: number; retried: number };
        },
    );

    // Both were inside the claim of the same day at once: one claim won, the other found it taken.
    expect(results.map((r) => r.firstClaimWon).sort()).toEqual([false, true]);

    const db = shared.open().db;
    const days = results.flatMap((r) => r.reminders.filter((o) => o.status === 'done').map((o) => o.day)).sort();
    expect(days).toEqual([
      '2023-03-12',
      '2023-03-13',
      '2023-03-14',
      '2023-03-15',
      '2023-03-16',
      '2023-03-17',
      '2023-03-18',
      '2023-03-19',
    ]);
    const snapshotsDone = results
      .flatMap((r) => r.snapshots.filter((s) => s.result === 'done').map((s) => s.periodKey))
      .sort();
    expect(snapshotsDone).toEqual(['2022-Q3', '2022-Q4']);
    const areas = Number(
      (
        await db
          .selectFrom('areas')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(await countSnapshots(db, '2022-Q4')).toBe(areas + 1);

    const notifications = await db.selectFrom('notifications').select(['dedupe_key']).execute();
    expect(new Set(notifications.map((n) => n.dedupe_key)).size).toBe(notifications.length);
    const queued = await db.selectFrom('mail_outbox').select(['dedupe_key', 'to_address']).execute();
    expect(queued.length).toBeGreaterThan(10);
    expect(await countOutbox(db)).toMatchObject({ sent: queued.length, pending: 0, sending: 0, failed: 0 });
    expect(results[0]!.mail.sent + results[1]!.mail.sent).toBe(queued.length);

    await sink.waitFor(queued.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.mails).toHaveLength(queued.length);
    const received = sink.mails.map((m) => m.headers.get('x-antoan-dedupe'));
    expect(new Set(received).size).toBe(queued.length);
    expect(new Set(received)).toEqual(new Set(queued.map((q) => q.dedupe_key)));

    const runs = await listJobRuns(db);
    expect(runs.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  }, 90_000);
});
