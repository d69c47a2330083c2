import { DEFAULT_REMINDER_SETTINGS } from '@antoan/core';
import type { DatabaseHandle } from '@antoan/db/client';
import { createTestDatabase } from '@antoan/db/testing';
import { claimMails, enqueueMails, listOutbox } from '@antoan/db/worker';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runReminders } from '../jobs/quarterly-reminder.job.js';
import { seedWorkerFixture, type WorkerFixture } from '../testing/fixture.js';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink.js';
import { dispatchOutbox, retryDelayMs } from './dispatch.js';
import { createSmtpMailer, type Mailer } from './mailer.js';

// Real SMTP: nodemailer talks to an smtp-server sink on 127.0.0.1 (random port). Real database, fake clock.

const FROM = 'An Toàn <no-reply@antoan.test>';
let handle: DatabaseHandle;
let fixture: WorkerFixture;
let sink: SmtpSink;
let mailer: Mailer;
let attemptsAtFlaky = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await seedWorkerFixture(handle.db);
  sink = await startSmtpSink({
    refuse(address) {
      if (address.startsWith('bad@')) return { code: 550, message: 'No such mailbox' };
      if (address.startsWith('flaky@') && attemptsAtFlaky++ === 0) return { code: 451, message: 'Try again later' };
      if (address.startsWith('down@')) return { code: 421, message: 'Service not available' };
      return undefined;
    },
  });
  mailer = createSmtpMailer(sink.url);
}, 60_000);
afterAll(async () => {
  mailer.close();
  await sink.close();
  await handle.destroy();
});
beforeEach(() => {
  sink.mails.length = 0;
});
afterEach(async () => {
  await handle.db.deleteFrom('mail_outbox').execute();
});

const t0 = new Date('2023-03-13T01:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const lines: string[] = [];
const dispatch = (now: Date, extra: { mailer?: Mailer | undefined; maxAttempts?: number; owner?: string } = {}) =>
  dispatchOutbox(handle.db, {
    mailer: 'mailer' in extra ? extra.mailer : mailer,
    from: FROM,
    owner: extra.owner ?? 'worker-A',
    clock: () => now,
    log: (l) => lines.push(l),
    maxAttempts: extra.maxAttempts ?? 6,
  });
const queue = (...to: string[]) =>
  enqueueMails(
    handle.db,
    to.map((address, i) => ({
      notificationId: null,
      dedupeKey: `test:${address}:${i}`,
      to: address,
      subject: `Nhắc việc ${i}: báo cáo quý`,
      text: `Xin chào ${address}\nTiếng Việt có dấu: Quảng Thủy`,
    })),
    t0,
  );

describe('the mail outbox over real SMTP', () => {
  it('claims MAIL_BATCH_SIZE mails at a time, each for MAIL_CLAIM_SECONDS', async () => {
    await queue('c1@example.vn', 'c2@example.vn', 'c3@example.vn');
    // While a mail is being sent, its row says who holds it and until when.
    const claims: (string | null)[] = [];
    const watching = await startSmtpSink({
      onRecipient: async (address) => {
        const row = await handle.db
          .selectFrom('mail_outbox')
          .select(['claimed_until'])
          .where('to_address', '=', address)
          .executeTakeFirstOrThrow();
        claims.push(row.claimed_until);
      },
    });
    const watched = createSmtpMailer(watching.url);
    try {
      const report = await dispatchOutbox(handle.db, {
        mailer: watched,
        from: FROM,
        owner: 'worker-A',
        clock: () => t0,
        log: () => {},
        batchSize: 2,
        maxBatches: 1,
        claimMs: 120_000,
      });
      expect(report.sent).toBe(2);
      expect(claims).toEqual([later(120_000).toISOString(), later(120_000).toISOString()]);
      const statuses = await handle.db.selectFrom('mail_outbox').select('status').orderBy('id').execute();
      expect(statuses.map((r) => r.status)).toEqual(['sent', 'sent', 'pending']);
    } finally {
      watched.close();
      await watching.close();
    }
  });

  it('delivers a reminder digest as one mail per recipient, in Vietnamese and English', async () => {
    await runReminders(handle.db, t0, {
      settings: DEFAULT_REMINDER_SETTINGS,
      hour: 7,
      catchUpDays: 0,
      owner: 'worker-A',
      leaseMs: 60_000,
    });
    const queued = await listOutbox(handle.db);
    expect(queued.length).toBeGreaterThan(5);
    expect(await dispatch(t0)).toEqual({ sent: queued.length, retried: 0, failed: 0, logged: 0 });
    await sink.waitFor(queued.length);
    const [unitId, reporterId] = [...fixture.reporters][0]!;
    const reporter = await handle.db
      .selectFrom('users')
      .select(['email'])
      .where('id', '=', reporterId)
      .executeTakeFirstOrThrow();
    const unit = await handle.db
      .selectFrom('units')
      .select(['name', 'code'])
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    const mails = sink.mails.filter((m) => m.to.includes(reporter.email!));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.from).toBe('no-reply@antoan.test');
    expect(mails[0]!.subject).toBe(
      '[An Toàn] Nhắc việc ngày 13/03/2023: 1 việc chưa hoàn thành / Reminders of 2023-03-13: 1 item outstanding',
    );
    expect(mails[0]!.text).toContain(`- ${unit.name} (${unit.code})`);
    expect(mails[0]!.text).toContain('Báo cáo quý I/2023: hạn 20/03/2023, còn 7 ngày');
    expect(mails[0]!.text).toContain('Q1 2023 report: due 2023-03-20, 7 days left');
    expect(
      (await listOutbox(handle.db)).every((m) => m.status === 'sent' && m.attempts === 1 && m.messageId !== null),
    ).toBe(true);
    expect(await dispatch(later(60_000))).toEqual({ sent: 0, retried: 0, failed: 0, logged: 0 });
  });

  it('marks a refused address failed and goes on with the others', async () => {
    await queue('a@example.vn', 'bad@example.vn', 'b@example.vn');
    expect(await dispatch(t0)).toEqual({ sent: 2, retried: 0, failed: 1, logged: 0 });
    await sink.waitFor(2);
    expect(sink.mails.map((m) => m.to[0]).sort()).toEqual(['a@example.vn', 'b@example.vn']);
    expect(sink.mails[0]!.text).toContain('Tiếng Việt có dấu: Quảng Thủy');
    const bad = (await listOutbox(handle.db)).find((m) => m.to === 'bad@example.vn')!;
    expect(bad).toMatchObject({ status: 'failed', attempts: 1 });
    expect(bad.lastError).toMatch(/550/);
  });

  it('retries a transient failure with backoff and keeps it visible meanwhile', async () => {
    await queue('flaky@example.vn');
    expect(await dispatch(t0)).toMatchObject({ sent: 0, retried: 1 });
    const [waiting] = await listOutbox(handle.db);
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: later(retryDelayMs(1, 60_000)).toISOString(),
    });
    expect(waiting!.lastError).toMatch(/451/);
    expect(await dispatch(later(30_000))).toMatchObject({ sent: 0, retried: 0 }); // not due yet
    expect(await dispatch(later(61_000))).toMatchObject({ sent: 1 });
    expect((await listOutbox(handle.db))[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(retryDelayMs(1, 60_000)).toBe(60_000);
    expect(retryDelayMs(4, 60_000)).toBe(480_000);
    expect(retryDelayMs(30, 60_000)).toBe(6 * 3_600_000);
  });

  it('gives up after the last attempt, and survives a server that cannot be reached', async () => {
    await queue('down@example.vn');
    expect(await dispatch(t0, { maxAttempts: 2 })).toMatchObject({ retried: 1 });
    expect(await dispatch(later(10 * 60_000), { maxAttempts: 2 })).toMatchObject({ failed: 1 });
    expect((await listOutbox(handle.db))[0]).toMatchObject({ status: 'failed', attempts: 2 });

    const unreachable = createSmtpMailer('smtp://127.0.0.1:1', { connectionMs: 2000 });
    await queue('c@example.vn');
    expect(await dispatch(t0, { mailer: unreachable })).toMatchObject({ retried: 1 });
    expect((await listOutbox(handle.db, { status: 'pending' }))[0]!.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    unreachable.close();
  });

  it('without SMTP writes each mail to the log and keeps it as logged: never dropped', async () => {
    lines.length = 0;
    await queue('d@example.vn');
    expect(await dispatch(t0, { mailer: undefined })).toEqual({ sent: 0, retried: 0, failed: 0, logged: 1 });
    expect(lines.join('\n')).toContain('no SMTP_URL: mail');
    expect(lines.join('\n')).toContain('Subject: Nhắc việc 0: báo cáo quý');
    expect(lines.join('\n')).toContain('Tiếng Việt có dấu: Quảng Thủy');
    expect((await listOutbox(handle.db))[0]).toMatchObject({ status: 'logged', to: 'd@example.vn' });
  });

  it('lets another worker take over a mail whose sender died, only after its claim expired', async () => {
    await queue('e@example.vn');
    const [claimed] = await claimMails(handle.db, { owner: 'dead-worker', now: t0, leaseMs: 5 * 60_000 });
    expect(claimed).toMatchObject({ status: 'sending', claimedBy: 'dead-worker' });
    expect(await dispatch(later(60_000), { owner: 'worker-B' })).toMatchObject({ sent: 0 });
    expect(await dispatch(later(6 * 60_000), { owner: 'worker-B' })).toMatchObject({ sent: 1 });
    expect((await listOutbox(handle.db))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
