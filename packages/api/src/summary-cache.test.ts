import { getAreaSummary } from '@antoan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AreaSummaries } from './area-summaries.js';
import { findRequestSession, SESSION_COOKIE, SESSION_TTL_MS } from './context.js';
import { browserCaller, createApiTestEnvironment, TEST_PASSWORD, type ApiTestEnvironment } from './testing.js';
import { VersionedCache } from './versioned-cache.js';

// The server keeps summaries and sessions while the data version stays the same (SQLite); a write of any kind
// must show at the next read. On PostgreSQL there is no version and every read computes: the same assertions
// hold, without the sharing.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
}, 120_000);
afterAll(() => env.destroy());

const cached = !process.env.DATABASE_URL;
const TODAY = '2021-12-31';

describe('AreaSummaries with the data version', () => {
  it('serves one frozen summary until a change, then the new figure', async () => {
    const summaries = new AreaSummaries(env.handle.dataVersion);
    const town = env.areaId('QB-BD');
    const first = await summaries.get(env.handle.db, town, 2021, TODAY);
    const again = await summaries.get(env.handle.db, town, 2021, TODAY);
    if (cached) {
      expect(again).toBe(first);
      expect(Object.isFrozen(first.units.all)).toBe(true);
    }
    expect(again).toEqual(await getAreaSummary(env.handle.db, town, 2021, TODAY));

    // A write made around the API (a script on the server's connection) shows too. Another process's commit is
    // data-version.test.ts's (db level); the API's own writes are covered by every API test, whose environment
    // keeps summaries the same way.
    await env.handle.db
      .insertInto('awards')
      .values({
        kind: 'giay_khen',
        recipient_kind: 'individual',
        area_id: env.areaId('QB-BD-QTHUY'),
        unit_id: null,
        recipient_name: 'Nguyễn Văn A',
        issuer: 'Chủ tịch UBND thị xã Ba Đồn',
        year: 2021,
        decision_number: '7/QĐ-UBND',
        decision_date: '2022-01-20',
      })
      .execute();
    const after = await summaries.get(env.handle.db, town, 2021, TODAY);
    expect(after.awards.total).toBe(first.awards.total + 1);
    expect(after).toEqual(await getAreaSummary(env.handle.db, town, 2021, TODAY));
    // another day is another figure (reports due, the date of the models' count)
    const nextDay = await summaries.get(env.handle.db, town, 2021, '2022-01-01');
    expect(nextDay).toEqual(await getAreaSummary(env.handle.db, town, 2021, '2022-01-01'));
  });
});

describe('sessions with the data version', () => {
  it('ends a kept session at its expiry, when the account is disabled and at sign-out', async () => {
    const sessions = new VersionedCache<{
      user: NonNullable<ApiTestEnvironment['users']['viewer']>;
      expiresAt: string;
    } | null>(env.handle.dataVersion);
    const browser = browserCaller(env.handle);
    await (await browser.caller()).auth.login({ username: 'xem.badon', password: TEST_PASSWORD });
    const signedInAt = new Date();
    const request = { headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(browser.jar.token ?? '')}` } };
    const lookUp = (now = new Date()) => findRequestSession(env.handle.db, request, now, sessions);

    expect((await lookUp()).user?.username).toBe('xem.badon');
    expect((await lookUp()).user?.username).toBe('xem.badon');
    if (cached) expect(sessions.size).toBe(1);
    // a made-up cookie is refused and not kept (a flood of them would push the real sessions out)
    const madeUp = { headers: { cookie: `${SESSION_COOKIE}=not-a-session` } };
    expect((await findRequestSession(env.handle.db, madeUp, new Date(), sessions)).user).toBeNull();
    if (cached) expect(sessions.size).toBe(1);
    // expired: refused even though it is kept
    expect((await lookUp(new Date(signedInAt.getTime() + SESSION_TTL_MS + 60_000))).user).toBeNull();

    // any write shows, even one made around the API (a script, another process)
    const setDisabled = (value: number) =>
      env.handle.db.updateTable('users').set({ is_disabled: value }).where('id', '=', env.users.viewer.id).execute();
    await setDisabled(1);
    expect((await lookUp()).user).toBeNull();
    await setDisabled(0);
    expect((await lookUp()).user?.username).toBe('xem.badon');

    await (await browser.caller()).auth.logout();
    expect((await lookUp()).user).toBeNull();
  });
});
