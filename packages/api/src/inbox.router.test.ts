import { computeScopeSummaries } from '@antoan/services';
import { insertNotifications, listSnapshotRequests, takeSnapshot } from '@antoan/db/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
}, 60_000);
afterAll(() => env.destroy());

describe('inbox', () => {
  it('shows each user their own notifications only, and marks them read', async () => {
    const now = new Date('2022-01-10T01:00:00Z');
    const text = { vi: 'Còn thiếu báo cáo quý IV/2021', en: 'The Q4 2021 report is missing' };
    await insertNotifications(
      env.handle.db,
      [
        {
          userId: env.users.commune_officer.id,
          kind: 'reminder',
          title: text,
          body: text,
          data: null,
          dedupeKey: 'test:officer',
          jobRunId: null,
        },
        {
          userId: env.users.unit_reporter.id,
          kind: 'reminder',
          title: text,
          body: text,
          data: null,
          dedupeKey: 'test:reporter',
          jobRunId: null,
        },
      ],
      now,
    );
    const officer = await env.callerFor('commune_officer').inbox.list({});
    expect(officer.items.map((n) => n.title.vi)).toEqual(['Còn thiếu báo cáo quý IV/2021']);
    expect(officer.unread).toBe(1);
    const reporterItem = (await env.callerFor('unit_reporter').inbox.list({})).items[0]!;
    expect(await env.callerFor('commune_officer').inbox.markRead({ notificationId: reporterItem.id })).toEqual({
      changed: false,
    });
    expect(await env.callerFor('commune_officer').inbox.markRead({ notificationId: officer.items[0]!.id })).toEqual({
      changed: true,
    });
    expect((await env.callerFor('commune_officer').inbox.list({ unreadOnly: true })).items).toEqual([]);
    expect((await env.callerFor('unit_reporter').inbox.list({})).unread).toBe(1);
  });
});

describe('snapshots', () => {
  it('lists the frozen figures of an area for the trend charts, within the caller’s scope', async () => {
    const result = await takeSnapshot(env.handle.db, {
      periodKey: '2021-Q4',
      now: new Date('2022-01-05T00:00:00Z'),
      figures: (o) => computeScopeSummaries(env.handle.db, o),
    });
    expect(result.status).toBe('done');
    const town = await env.callerFor('viewer').snapshots.list({ areaId: env.areaId('QB-BD') });
    expect(town).toHaveLength(1);
    expect(town[0]!.statistics.units.byType.XA.recognitionRate?.text).toBe('15/16');
    expect(town[0]).not.toHaveProperty('memberUnitIds');
    const other = await failure(() =>
      env.callerFor('commune_officer').snapshots.list({ areaId: env.areaId('QB-BD-QVAN') }),
    );
    expect(other.code).toBe('FORBIDDEN');
    const own = await env.callerFor('commune_officer').snapshots.list({});
    expect(own.map((s) => s.areaId)).toEqual([env.areaId('QB-BD-QTHUY')]);
  });

  it('queues an on-demand snapshot of an ended period and refuses one that has not ended', async () => {
    const officer = env.callerFor('province_officer', new Date('2022-02-01T00:00:00Z'));
    const request = await officer.snapshots.request({ periodKey: '2021-Q4' });
    expect(request).toMatchObject({
      periodKey: '2021-Q4',
      status: 'pending',
      requestedBy: env.users.province_officer.id,
    });
    expect((await officer.snapshots.request({ periodKey: '2021-Q4' })).id).toBe(request.id);
    const future = await failure(() => officer.snapshots.request({ periodKey: '2022-Q2' }));
    expect(future.code).toBe('BAD_REQUEST');
    expect(
      (await failure(() => env.callerFor('commune_officer').snapshots.request({ periodKey: '2021-Q4' }))).code,
    ).toBe('FORBIDDEN');
  });

  it('bounds the queue: no year before any criteria, at most 5 waiting per requester, one per period', async () => {
    const admin = env.callerFor('admin', new Date('2022-02-01T00:00:00Z'));
    const old = await failure(() => admin.snapshots.request({ periodKey: '2000-Q1' }));
    expect(old.code).toBe('BAD_REQUEST');
    expect(old.data.text.vi).toMatch(/^Năm 2000 chưa có bộ tiêu chí nào có hiệu lực/);
    // Distinct periods at once, as a batch sends them: five are queued, the rest refused (on PostgreSQL too:
    // requests are serialised); a repeat of a queued one is the same request.
    const periods = ['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4', '2021-Q1', '2021-Q2', '2021-Q3'];
    const answers = await Promise.all(
      periods.map((periodKey) =>
        admin.snapshots.request({ periodKey }).then(
          (r) => r,
          () => undefined,
        ),
      ),
    );
    const accepted = answers.filter((a) => a !== undefined);
    expect(accepted).toHaveLength(5);
    expect((await admin.snapshots.request({ periodKey: accepted[0]!.periodKey })).id).toBe(accepted[0]!.id);
    const refused = await failure(() => admin.snapshots.request({ periodKey: '2019-Q4' }));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    const queued = await env.handle.db
      .selectFrom('snapshot_requests')
      .select('period_key')
      .where('requested_by', '=', env.users.admin.id)
      .where('status', '=', 'pending')
      .execute();
    expect(queued).toHaveLength(5);
    // Another requester is not held up by the admin's queue.
    await expect(
      env.callerFor('province_officer', new Date('2022-02-01T00:00:00Z')).snapshots.request({ periodKey: '2019-Q4' }),
    ).resolves.toMatchObject({ status: 'pending' });
    // The worker takes them in turns (the officer has two waiting, the admin five; within a turn, oldest
    // first): the officer's second request no longer waits behind all of the admin's.
    const order = (await listSnapshotRequests(env.handle.db, { status: 'pending' })).map((r) => r.requestedBy);
    const [a, o] = [env.users.admin.id, env.users.province_officer.id];
    expect(order).toEqual([o, a, a, o, a, a, a]);
  });
});
