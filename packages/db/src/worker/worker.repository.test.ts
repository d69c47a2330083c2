import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.js';
import { createTestDatabase } from '../testing.js';
import { insertUser } from '../user.repository.js';
import {
  claimJobRun,
  failJobRun,
  finishJobRun,
  findJobRun,
  LeaseLostError,
  releaseRunsOfDeadOwners,
} from './job-runs.repository.js';
import {
  countUnreadNotifications,
  insertNotifications,
  listNotifications,
  markNotificationRead,
} from './notifications.repository.js';
import { claimMails, enqueueMails, listOutbox } from './outbox.repository.js';

// The claims behind "exactly once", on a real database (SQLite in memory, or PostgreSQL with DATABASE_URL).

let handle: DatabaseHandle;
let userId: number;
beforeAll(async () => {
  handle = await createTestDatabase();
  userId = (
    await insertUser(
      handle.db,
      {
        username: 'u',
        displayName: 'U',
        passwordHash: 'x',
        role: 'unit_reporter',
        areaId: null,
        unitId: null,
        email: null,
      },
      new Date(),
    )
  ).id;
});
afterAll(() => handle.destroy());

const t = (seconds: number) => new Date(Date.UTC(2023, 2, 17, 1, 0, seconds));
const note = (key: string) => ({
  userId,
  kind: 'reminder',
  title: { vi: 'Tiêu đề', en: 'Title' },
  body: { vi: 'Nội dung', en: 'Body' },
  data: { key },
  dedupeKey: key,
  jobRunId: null,
});

describe('job runs: claim, lease, fence', () => {
  it('lets one worker claim a period; another takes it over only after the lease expired, and the first can then write nothing', async () => {
    const db = handle.db;
    const a = await claimJobRun(db, { job: 'j', periodKey: 'p1', owner: 'A', now: t(0), leaseMs: 60_000 });
    expect(a).toMatchObject({ status: 'running', owner: 'A', attempts: 1 });
    expect(
      await claimJobRun(db, { job: 'j', periodKey: 'p1', owner: 'B', now: t(30), leaseMs: 60_000 }),
    ).toBeUndefined();

    const b = await claimJobRun(db, { job: 'j', periodKey: 'p1', owner: 'B', now: t(61), leaseMs: 60_000 });
    expect(b).toMatchObject({ owner: 'B', attempts: 2 });

    // A wakes up and tries to commit its work: the fence refuses and its notification is rolled back.
    await expect(
      db.transaction().execute(async (trx) => {
        await finishJobRun(trx, a!, t(62), { by: 'A' });
        await insertNotifications(trx, [note('from-A')], t(62));
      }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    await db.transaction().execute(async (trx) => {
      await finishJobRun(trx, b!, t(63), { by: 'B' });
      await insertNotifications(trx, [note('from-B')], t(63));
    });
    expect((await listNotifications(db, userId)).map((n) => n.dedupeKey)).toEqual(['from-B']);
    expect(await findJobRun(db, 'j', 'p1')).toMatchObject({ status: 'done', owner: 'B', summary: { by: 'B' } });
    expect(await claimJobRun(db, { job: 'j', periodKey: 'p1', owner: 'C', now: t(9999) })).toBeUndefined();
  });

  it('tries a failed run again until its attempts are used up', async () => {
    const db = handle.db;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const run = await claimJobRun(db, {
        job: 'j',
        periodKey: 'p2',
        owner: `W${attempt}`,
        now: t(attempt),
        maxAttempts: 3,
      });
      expect(run).toMatchObject({ attempts: attempt });
      await failJobRun(db, run!, t(attempt), new Error(`boom ${attempt}`));
    }
    expect(
      await claimJobRun(db, { job: 'j', periodKey: 'p2', owner: 'W4', now: t(10), maxAttempts: 3 }),
    ).toBeUndefined();
    expect(await findJobRun(db, 'j', 'p2')).toMatchObject({ status: 'failed', attempts: 3, lastError: 'boom 3' });
  });

  it('frees at once the runs of a worker known to be gone, not those of live workers, and fences the owner if it was wrong', async () => {
    const db = handle.db;
    const dead = await claimJobRun(db, { job: 'j', periodKey: 'p3', owner: 'dead', now: t(0), leaseMs: 600_000 });
    await claimJobRun(db, { job: 'j', periodKey: 'p4', owner: 'alive', now: t(0), leaseMs: 600_000 });
    // Within the lease, nobody may take the dead worker's run…
    expect(await claimJobRun(db, { job: 'j', periodKey: 'p3', owner: 'N', now: t(1) })).toBeUndefined();
    const released = await releaseRunsOfDeadOwners(db, { isDead: (owner) => owner === 'dead', now: t(2), by: 'N' });
    expect(released.map((r) => [r.periodKey, r.status, r.owner])).toEqual([['p3', 'failed', 'dead']]);
    expect(released[0]!.lastError).toBe('interrupted: its worker dead is gone (found by N)');
    // …after the release the next claim takes it; the live worker's run is untouched.
    expect(await claimJobRun(db, { job: 'j', periodKey: 'p3', owner: 'N', now: t(3) })).toMatchObject({
      owner: 'N',
      attempts: 2,
    });
    expect(await findJobRun(db, 'j', 'p4')).toMatchObject({ status: 'running', owner: 'alive' });
    // Had the "dead" worker been alive after all, its fence refuses its late commit.
    await expect(db.transaction().execute((trx) => finishJobRun(trx, dead!, t(4), {}))).rejects.toBeInstanceOf(
      LeaseLostError,
    );
  });
});

describe('notifications and the outbox', () => {
  it('never store the same dedupe key twice; the inbox marks read once', async () => {
    const db = handle.db;
    const first = await insertNotifications(db, [note('n1'), note('n2')], t(0));
    const again = await insertNotifications(db, [note('n1'), note('n3')], t(1));
    expect([...first.keys()]).toEqual(['n1', 'n2']);
    expect([...again.keys()]).toEqual(['n3']);
    const unread = await countUnreadNotifications(db, userId);
    const n1 = first.get('n1')!;
    expect(await markNotificationRead(db, userId, n1, t(5))).toBe(true);
    expect(await markNotificationRead(db, userId, n1, t(6))).toBe(false);
    expect(await countUnreadNotifications(db, userId)).toBe(unread - 1);
    expect(await markNotificationRead(db, userId + 999, first.get('n2')!, t(6))).toBe(false); // not theirs
  });

  it('hands each due mail to one claimer only, even when two claim at once', async () => {
    const db = handle.db;
    await enqueueMails(
      db,
      Array.from({ length: 30 }, (_, i) => ({
        notificationId: null,
        dedupeKey: `m${i}`,
        to: `x${i}@example.vn`,
        subject: 's',
        text: 't',
      })),
      t(0),
    );
    expect(
      await enqueueMails(
        db,
        [{ notificationId: null, dedupeKey: 'm0', to: 'x0@example.vn', subject: 's', text: 't' }],
        t(0),
      ),
    ).toBe(0);
    const [a, b] = await Promise.all([
      claimMails(db, { owner: 'A', now: t(1), limit: 20 }),
      claimMails(db, { owner: 'B', now: t(1), limit: 20 }),
    ]);
    const ids = [...a, ...b].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThanOrEqual(30);
    const c = await claimMails(db, { owner: 'C', now: t(2), limit: 50 });
    expect(ids.length + c.length).toBe(30);
    expect((await listOutbox(db, { status: 'sending' })).length).toBe(30);
  });
});
