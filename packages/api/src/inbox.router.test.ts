import { computeScopeSummaries } from '@antoan/services';
import { insertNotifications, takeSnapshot } from '@antoan/db/worker';
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
});
