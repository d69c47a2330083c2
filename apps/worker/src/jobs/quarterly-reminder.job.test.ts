import { addDays, DEFAULT_REMINDER_SETTINGS, DEFAULT_REPORTING_SETTINGS, type ReminderSettings } from '@antoan/core';
import type { Database } from '@antoan/db';
import type { DatabaseHandle } from '@antoan/db/client';
import { createTestDatabase } from '@antoan/db/testing';
import { insertUser } from '@antoan/db';
import { listJobRuns, listNotifications } from '@antoan/db/worker';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkerFixture, type WorkerFixture } from '../testing/fixture.js';
import { createSharedDatabase, type SharedDatabase } from '../testing/shared-database.js';
import { dueReminderDays, runReminders, type ReminderJobOptions } from './quarterly-reminder.job.js';

// Real database (SQLite in memory, or PostgreSQL with DATABASE_URL), the Ba Đồn demo with reporters and officers,
// and a fake clock: every run gets its `now`.

const at8 = (day: string) => new Date(`${day}T01:00:00Z`); // 08:00 in Vietnam
const options = (owner: string, extra: Partial<ReminderJobOptions> = {}): ReminderJobOptions => ({
  settings: DEFAULT_REMINDER_SETTINGS,
  hour: 7,
  catchUpDays: 1,
  owner,
  leaseMs: 60_000,
  ...extra,
});

interface StoredDigest {
  userId: number;
  day: string;
  occasions: string[];
  unitIds: number[];
}

async function digests(db: Kysely<Database>): Promise<StoredDigest[]> {
  const rows = await db.selectFrom('notifications').select(['user_id', 'data']).orderBy('id').execute();
  return rows.map((row) => {
    const data = JSON.parse(row.data) as { day: string; sections: { occasionKey: string; units: { id: number }[] }[] };
    return {
      userId: row.user_id,
      day: data.day,
      occasions: data.sections.map((s) => s.occasionKey),
      unitIds: data.sections.flatMap((s) => s.units.map((u) => u.id)),
    };
  });
}

const count = async (db: Kysely<Database>, table: 'notifications' | 'mail_outbox' | 'job_runs') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('dueReminderDays: Vietnam time', () => {
  it.each([
    ['2023-03-12T23:59:00Z', 7, '2023-03-12'], // 06:59 on 13 March in Vietnam: that day's hour has not come
    ['2023-03-13T00:00:00Z', 7, '2023-03-13'], // 07:00 on 13 March in Vietnam
    ['2023-03-12T16:59:00Z', 0, '2023-03-12'], // 23:59 on 12 March in Vietnam
    ['2023-03-12T17:30:00Z', 0, '2023-03-13'], // 00:30 on 13 March in Vietnam, still 12 March in UTC
    ['2022-12-31T17:00:00Z', 0, '2023-01-01'], // the new year comes 7 hours earlier in Vietnam
  ])('at %s (hour %i) the latest day is %s', (instant, hour, day) => {
    const days = dueReminderDays(new Date(instant), { hour, catchUpDays: 2 });
    expect(days).toEqual([addDays(day, -2), addDays(day, -1), day]);
  });
});

describe('quarterly reminders on a real database', () => {
  let handle: DatabaseHandle;
  let fixture: WorkerFixture;
  beforeAll(async () => {
    handle = await createTestDatabase();
    fixture = await seedWorkerFixture(handle.db);
  }, 60_000);
  afterAll(() => handle.destroy());

  it('goes out 7, 3 and 1 days before the due date, the day after it, and escalates after the grace period', async () => {
    // 2023 Q1 is due on 20 March 2023 and nobody has filed it; the registration for 2023 is due on 31 March.
    const byDay = new Map<string, string[]>();
    for (let day = '2023-03-10'; day <= '2023-03-27'; day = addDays(day, 1)) {
      const outcomes = await runReminders(handle.db, at8(day), options('worker-A'));
      for (const outcome of outcomes)
        if (outcome.status === 'done' && outcome.occasions.length > 0) byDay.set(outcome.day, outcome.occasions);
    }
    expect(Object.fromEntries(byDay)).toEqual({
      '2023-03-13': ['QUARTERLY_REPORT_DUE:2023-Q1:before-7'],
      '2023-03-17': ['QUARTERLY_REPORT_DUE:2023-Q1:before-3'],
      '2023-03-19': ['QUARTERLY_REPORT_DUE:2023-Q1:before-1'],
      '2023-03-21': ['QUARTERLY_REPORT_DUE:2023-Q1:overdue'],
      '2023-03-24': ['Q1_REGISTRATION:2023:before-7'],
      '2023-03-25': ['QUARTERLY_REPORT_DUE:2023-Q1:escalation'],
    });

    const stored = await digests(handle.db);
    // One digest per person per day, never two.
    const keys = stored.map((d) => `${d.day}:${d.userId}`);
    expect(new Set(keys).size).toBe(keys.length);

    // A village's reporter hears of its own report before and after the due date, not at the escalation.
    const [unitId, reporterId] = [...fixture.reporters][0]!;
    const own = stored.filter((d) => d.userId === reporterId && d.occasions.some((o) => o.startsWith('QUARTERLY')));
    expect(own.map((d) => d.day)).toEqual(['2023-03-13', '2023-03-17', '2023-03-19', '2023-03-21']);
    expect(own.every((d) => d.unitIds.includes(unitId))).toBe(true);

    // The escalation goes to the commune officer (villages) and the town's officer (communes).
    const unit = await handle.db
      .selectFrom('units')
      .select(['area_id'])
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    const escalations = stored.filter((d) => d.day === '2023-03-25');
    expect(escalations.find((d) => d.userId === fixture.communeOfficers.get(unit.area_id))?.unitIds).toContain(unitId);
    const townDigest = escalations.find((d) => d.userId === fixture.townOfficerId)!;
    const communeUnits = await handle.db.selectFrom('units').select('id').where('type', '=', 'XA').execute();
    expect(townDigest.unitIds).toEqual(expect.arrayContaining(communeUnits.map((u) => u.id)));
    expect(escalations.some((d) => d.userId === reporterId)).toBe(false);

    // Reporters without an address get the in-app notification only; disabled users get nothing.
    const silent = stored.filter((d) => d.userId === fixture.silentReporter.userId);
    expect(silent.length).toBeGreaterThan(0);
    const disabled = await handle.db.selectFrom('users').select('id').where('is_disabled', '=', 1).execute();
    expect(stored.some((d) => disabled.some((u) => u.id === d.userId))).toBe(false);
    const mails = await handle.db.selectFrom('mail_outbox').select(['to_address']).execute();
    expect(mails).toHaveLength(stored.length - silent.length);
  });

  it('reminds of the recognition decisions Art. 9 requires before 15/11 (villages): only files without a decision', async () => {
    // The demo decided every 2022 file on 12/11 and 19/11; take one village back to "appraised".
    const village = await handle.db
      .selectFrom('units')
      .select(['id', 'area_id'])
      .where('code', '=', 'KDC-QB-BD-QHAI-2')
      .executeTakeFirstOrThrow();
    await handle.db
      .updateTable('assessments')
      .set({ status: 'appraised', is_locked: 0 })
      .where('unit_id', '=', village.id)
      .where('year', '=', 2022)
      .execute();
    const [outcome] = (
      await runReminders(handle.db, at8('2022-11-07'), options('worker-R', { catchUpDays: 0 }))
    ).filter((o) => o.day === '2022-11-07');
    expect(outcome).toMatchObject({ status: 'done', occasions: ['KDC_RECOGNITION_DEADLINE:2022:before-7'] });
    const stored = (await digests(handle.db)).filter((d) => d.day === '2022-11-07');
    expect(stored.length).toBeGreaterThan(0);
    expect([...new Set(stored.flatMap((d) => d.unitIds))]).toEqual([village.id]);
  });

  it('sends nothing twice after a restart (a new worker with another name on the same database)', async () => {
    const before = [
      await count(handle.db, 'notifications'),
      await count(handle.db, 'mail_outbox'),
      await count(handle.db, 'job_runs'),
    ];
    const outcomes = await runReminders(handle.db, at8('2023-03-27'), options('worker-restarted', { catchUpDays: 7 }));
    expect(outcomes).toEqual([]); // every due day is done already
    const late = await runReminders(
      handle.db,
      new Date('2023-03-27T10:00:00Z'),
      options('worker-restarted-2', { catchUpDays: 7 }),
    );
    expect(late).toEqual([]);
    expect([
      await count(handle.db, 'notifications'),
      await count(handle.db, 'mail_outbox'),
      await count(handle.db, 'job_runs'),
    ]).toEqual(before);
  });

  it('catches up after a downtime with the latest stage only, one digest per person', async () => {
    // Down from 12 to 18 June 2023 (Q2 due on 20 June): on restart the missed "7 days before" of 13 June has
    // been overtaken by "3 days before" (17 June); only that goes out.
    const outcomes = await runReminders(handle.db, at8('2023-06-18'), options('worker-B', { catchUpDays: 7 }));
    expect(outcomes.map((o) => o.day)).toEqual([
      '2023-06-11',
      '2023-06-12',
      '2023-06-13',
      '2023-06-14',
      '2023-06-15',
      '2023-06-16',
      '2023-06-17',
      '2023-06-18',
    ]);
    expect(outcomes.every((o) => o.status === 'done')).toBe(true);
    const june = (await digests(handle.db)).filter((d) => d.day >= '2023-06-11');
    // The 2023 registration (due 31/3) overdue and escalated while no worker ran in this timeline (the tests
    // above stopped on 27/3): still outstanding, so the 18 June run tells of it too, once.
    expect(new Set(june.flatMap((d) => d.occasions))).toEqual(
      new Set([
        'QUARTERLY_REPORT_DUE:2023-Q2:before-3',
        'Q1_REGISTRATION:2023:overdue',
        'Q1_REGISTRATION:2023:escalation',
      ]),
    );
    expect(june.filter((d) => d.occasions.includes('QUARTERLY_REPORT_DUE:2023-Q2:before-3')).map((d) => d.day)).toEqual(
      expect.arrayContaining(['2023-06-17']),
    );
    expect(
      new Set(june.filter((d) => d.occasions.some((o) => o.startsWith('Q1_REGISTRATION'))).map((d) => d.day)),
    ).toEqual(new Set(['2023-06-18']));
    expect(new Set(june.map((d) => `${d.day}:${d.userId}`)).size).toBe(june.length);
    const runs = await listJobRuns(handle.db, { job: 'reminders' });
    expect(runs.filter((r) => r.periodKey.startsWith('2023-06')).map((r) => r.status)).toEqual(Array(8).fill('done'));
  });

  it('crosses the year boundary: a Q4 2022 report due on 3 January 2023, in Vietnam time', async () => {
    const settings: ReminderSettings = {
      ...DEFAULT_REMINDER_SETTINGS,
      reporting: { ...DEFAULT_REPORTING_SETTINGS, dueDaysAfterCutoff: 20 },
      deadlines: ['QUARTERLY_REPORT_DUE'],
    };
    const run = (instant: string) =>
      runReminders(handle.db, new Date(instant), options('worker-C', { settings, catchUpDays: 0 }));
    // 06:59 on 2 January in Vietnam: the day's hour has not come; 1 January asks nothing.
    expect((await run('2023-01-01T23:59:00Z')).flatMap((o) => (o.status === 'done' ? o.occasions : []))).toEqual([]);
    const [jan2] = await run('2023-01-02T00:00:00Z');
    expect(jan2).toMatchObject({
      day: '2023-01-02',
      status: 'done',
      occasions: ['QUARTERLY_REPORT_DUE:2022-Q4:before-1'],
      missing: fixture.missing2022Q4.length,
    });
    const stored = await handle.db
      .selectFrom('notifications')
      .select(['user_id', 'body_vi', 'body_en'])
      .where('dedupe_key', 'like', 'reminders:2023-01-02:%')
      .execute();
    expect(stored.map((n) => n.user_id).sort()).toEqual(
      fixture.missing2022Q4.map((id) => fixture.reporters.get(id)!).sort(),
    );
    expect(stored[0]!.body_vi).toContain('Báo cáo quý IV/2022: hạn 03/01/2023, còn 1 ngày');
    expect(stored[0]!.body_en).toContain('Q4 2022 report: due 2023-01-03, 1 day left');
    const [jan8] = await run('2023-01-08T01:00:00Z');
    // The overdue stage (4 January) had no run in this timeline: outstanding, its reporters hear of it now.
    expect(jan8).toMatchObject({
      occasions: ['QUARTERLY_REPORT_DUE:2022-Q4:escalation'],
      outstanding: ['QUARTERLY_REPORT_DUE:2022-Q4:overdue'],
      missing: 2 * fixture.missing2022Q4.length,
    });
  });
});

describe('a fresh install after the stage days (issue 16): the inbox is told of what is outstanding', () => {
  // Installed on 1 December 2026, no mail configured: the Q1–Q3 2026 reports were due on 20/3, 20/6 and
  // 20/9; their stage days passed before the worker ever ran. Everyone who must act hears of them in the inbox.
  let handle: DatabaseHandle;
  let fixture: WorkerFixture;
  beforeAll(async () => {
    handle = await createTestDatabase();
    fixture = await seedWorkerFixture(handle.db);
  }, 60_000);
  afterAll(() => handle.destroy());

  const notificationsOf = (userId: number) => listNotifications(handle.db, userId, { limit: 100 });

  it('tells each reporter and officer of the overdue reports on the first run, once, with or without an address', async () => {
    const outcomes = await runReminders(handle.db, at8('2026-12-01'), options('fresh', { catchUpDays: 7 }));
    expect(outcomes.every((o) => o.status === 'done')).toBe(true);
    const last = outcomes[outcomes.length - 1];
    expect(last).toMatchObject({ day: '2026-12-01', status: 'done' });
    expect(last?.status === 'done' ? last.outstanding : []).toEqual(
      expect.arrayContaining([
        'QUARTERLY_REPORT_DUE:2026-Q1:overdue',
        'QUARTERLY_REPORT_DUE:2026-Q3:overdue',
        'QUARTERLY_REPORT_DUE:2026-Q3:escalation',
      ]),
    );

    // The reporter without an e-mail address: one notification in the inbox, no mail.
    const silent = await notificationsOf(fixture.silentReporter.userId);
    expect(silent).toHaveLength(1);
    expect(silent[0]?.body.vi).toContain('Báo cáo quý III/2026: hạn 20/09/2026, đã quá 72 ngày');
    expect(silent[0]?.body.en).toContain('Q3 2026 report');
    const sections = (silent[0]?.data as { sections: { occasionKey: string; units: { id: number }[] }[] }).sections;
    expect(sections.map((x) => x.occasionKey)).toEqual(
      expect.arrayContaining(['QUARTERLY_REPORT_DUE:2026-Q1:overdue', 'QUARTERLY_REPORT_DUE:2026-Q3:overdue']),
    );
    expect(sections.every((x) => x.units.every((u) => u.id === fixture.silentReporter.unitId))).toBe(true);

    // The commune officer hears of the escalation of the commune's villages.
    const unit = await handle.db
      .selectFrom('units')
      .select('area_id')
      .where('id', '=', fixture.silentReporter.unitId)
      .executeTakeFirstOrThrow();
    const officer = await notificationsOf(fixture.communeOfficers.get(unit.area_id) ?? -1);
    expect(officer).toHaveLength(1);
    const escalated = (
      officer[0]?.data as { sections: { occasionKey: string; units: { id: number }[] }[] }
    ).sections.find((x) => x.occasionKey === 'QUARTERLY_REPORT_DUE:2026-Q3:escalation');
    expect(escalated?.units.map((u) => u.id)).toContain(fixture.silentReporter.unitId);
    expect(await notificationsOf(fixture.townOfficerId)).toHaveLength(1);

    // Mail is an extra channel: one queued mail per notification of a person with an address.
    const mails = await count(handle.db, 'mail_outbox');
    const notifications = await count(handle.db, 'notifications');
    expect(mails).toBe(notifications - 1);
  });

  it('tells nobody twice on the next days, and tells a user created since on the next run', async () => {
    const before = await count(handle.db, 'notifications');
    const [dec2] = await runReminders(handle.db, at8('2026-12-02'), options('fresh', { catchUpDays: 0 }));
    expect(dec2).toMatchObject({ day: '2026-12-02', status: 'done', notifications: 0 });
    expect(await count(handle.db, 'notifications')).toBe(before);

    const village = await handle.db
      .selectFrom('units')
      .select(['id', 'area_id'])
      .where('type', '=', 'KDC')
      .where('id', 'not in', [...fixture.reporters.keys(), fixture.silentReporter.unitId])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const newcomer = await insertUser(
      handle.db,
      {
        username: 'moi.den',
        displayName: 'Người mới',
        passwordHash: 'x',
        role: 'unit_reporter',
        areaId: village.area_id,
        unitId: village.id,
        email: null,
      },
      new Date('2026-12-02T09:00:00Z'),
    );
    const [dec3] = await runReminders(handle.db, at8('2026-12-03'), options('fresh', { catchUpDays: 0 }));
    expect(dec3).toMatchObject({ day: '2026-12-03', status: 'done', notifications: 1 });
    const told = await notificationsOf(newcomer.id);
    expect(told).toHaveLength(1);
    expect(told[0]?.title.vi).toBeTruthy();
    expect(await count(handle.db, 'notifications')).toBe(before + 1);
  });
});

// Two workers in ONE process can only share PostgreSQL: two better-sqlite3 connections in one process block
// each other's event loop. On SQLite, two real processes race in two-workers.test.ts (and on PostgreSQL too).
describe.runIf(process.env.DATABASE_URL)('two workers in one process on PostgreSQL', () => {
  let shared: SharedDatabase;
  beforeAll(async () => {
    shared = await createSharedDatabase(process.env.DATABASE_URL);
    await seedWorkerFixture(shared.open().db);
  }, 60_000);
  afterAll(() => shared.destroy());

  it('never both store (or queue) the same reminder when they run at the same moment', async () => {
    const a = shared.open();
    const b = shared.open();
    const now = at8('2023-03-19'); // catching up 12–19 March: before-7, before-3 and before-1 of Q1
    const [fromA, fromB] = await Promise.all([
      runReminders(a.db, now, options('worker-A', { catchUpDays: 7 })),
      runReminders(b.db, now, options('worker-B', { catchUpDays: 7 })),
    ]);
    const doneBy = [...fromA, ...fromB]
      .filter((o) => o.status === 'done')
      .map((o) => o.day)
      .sort();
    expect(doneBy).toEqual([
      '2023-03-12',
      '2023-03-13',
      '2023-03-14',
      '2023-03-15',
      '2023-03-16',
      '2023-03-17',
      '2023-03-18',
      '2023-03-19',
    ]);
    const stored = await digests(a.db);
    expect(stored.length).toBeGreaterThan(0);
    const keys = stored.map((d) => `${d.day}:${d.userId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const summaries = (await listJobRuns(a.db, { job: 'reminders' })).map(
      (r) => r.summary as { notifications: number; mailsQueued: number },
    );
    expect(stored.length).toBe(summaries.reduce((n, s) => n + s.notifications, 0));
    expect(await count(a.db, 'mail_outbox')).toBe(summaries.reduce((n, s) => n + s.mailsQueued, 0));
  });
});

describe('reminders before the data are loaded (issue 16)', () => {
  it('wait while the database has no unit: no day is marked done with nobody told', async () => {
    const handle = await createTestDatabase();
    try {
      const lines: string[] = [];
      const outcomes = await runReminders(handle.db, at8('2026-12-01'), options('early', { catchUpDays: 7 }), (l) =>
        lines.push(l),
      );
      expect(outcomes).toEqual([]);
      expect(await count(handle.db, 'job_runs')).toBe(0);
      expect(lines).toEqual(['[worker] reminders wait: the database has no unit yet (not seeded)']);
    } finally {
      await handle.destroy();
    }
  }, 60_000);
});
