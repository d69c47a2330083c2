import { getAreaSummary } from '@antoan/services';
import { insertAreas } from '@antoan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

// Issue 15, "users and scopes follow": an officer of a merged commune follows it and keeps reading the former
// communes' past; an account whose area is dissolved (no successor) cannot follow: the dry run and the result
// list it with why, it stays on the ended area (reading that area's past, nothing after), and the accounts list
// marks it. Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.

const AT = new Date('2026-03-10T03:00:00Z');
const TODAY = '2026-03-10';
const LEGAL = { number: '1680/NQ-UBTVQH15', date: '2025-06-16' };

describe('accounts of a reorganisation', { timeout: 240_000 }, () => {
  let env: ApiTestEnvironment;
  beforeAll(async () => {
    env = await createApiTestEnvironment({ withHistory: true });
  }, 120_000);
  afterAll(() => env.destroy());

  it('a merged commune takes its officer along, who keeps reading the former communes’ past', async () => {
    const admin = env.callerFor('admin', AT);
    const [thuy, van] = [env.areaId('QB-BD-QTHUY'), env.areaId('QB-BD-QVAN')];
    const done = await admin.areas.reorganise({
      kind: 'merge',
      effectiveDate: '2025-07-01',
      legalBasis: LEGAL,
      predecessorIds: [thuy, van],
      successors: [{ code: 'QB-BD-QTV', name: 'Quảng Thủy Văn', kind: 'xa', parentId: env.areaId('QB-BD') }],
      dryRun: false,
    });
    expect(done.movedUsers.sort()).toEqual(['thon.thuongthuy', 'xa.quangthuy']);
    expect(done.accountsLeftBehind).toEqual([]);
    const mergedId = done.newAreas[0]!.id;
    // the officer as stored now: on the merged commune
    const officer = await env.callerAs('xa.quangthuy', AT);
    expect((await officer.auth.me())?.areaId).toBe(mergedId);
    // the former communes' 2021 figures and files
    for (const former of [thuy, van])
      expect(await officer.stats.summary({ areaId: former, year: 2021 })).toEqual(
        await getAreaSummary(env.handle.db, former, 2021, TODAY),
      );
    const village = await officer.assessments.get({ unitId: env.unitId('KDC-QB-BD-QVAN-1'), year: 2021 });
    expect(village.record?.year).toBe(2021);
    expect((await officer.stats.summary({ areaId: mergedId, year: 2026 })).units.byType.KDC.total).toBeGreaterThan(0);
    // and nothing beyond: a neighbouring commune stays out of scope
    expect((await failure(() => officer.stats.summary({ areaId: env.areaId('QB-BD-QPHUC'), year: 2021 }))).code).toBe(
      'FORBIDDEN',
    );
    // the reporter followed the village to its successor, in the merged commune
    const reporter = await env.callerAs('thon.thuongthuy', AT);
    const me = await reporter.auth.me();
    expect(me?.areaId).toBe(mergedId);
    expect(me?.unitId).not.toBe(env.unitId('KDC-QB-BD-QTHUY-1'));
  });

  it('lists the accounts of a dissolved area in the dry run and the result; they stay, and are marked', async () => {
    const admin = env.callerFor('admin', AT);
    const [empty] = await insertAreas(env.handle.db, [
      {
        code: 'QB-TRONG',
        name: 'Trống',
        kind: 'huyen',
        level: 'district',
        parentId: env.areaId('QB'),
        validFrom: '2000-01-01',
        validTo: null,
      },
    ]);
    const account = await admin.users.create({
      username: 'huyen.trong',
      displayName: 'Cán bộ huyện Trống',
      password: 'mật khẩu đủ dài',
      role: 'province_officer',
      areaId: empty!.id,
      unitId: null,
      email: null,
    });
    const request = {
      kind: 'dissolve' as const,
      effectiveDate: '2025-07-01',
      legalBasis: LEGAL,
      predecessorIds: [empty!.id],
      successors: [],
    };
    const left = [
      {
        username: 'huyen.trong',
        role: 'province_officer',
        place: 'Huyện Trống',
        reason: {
          vi: 'Huyện Trống kết thúc từ 01/07/2025 mà không có địa bàn kế tiếp: tài khoản vẫn gắn với địa bàn đã kết thúc, chỉ còn xem được số liệu của địa bàn trước ngày đó. Hãy chuyển tài khoản sang địa bàn khác.',
          en: 'District Trống ends on 01/07/2025 with no successor: the account stays on the ended area and can only read its figures from before that day. Move the account to another area.',
        },
      },
    ];
    const dry = await admin.areas.reorganise({ ...request, dryRun: true });
    expect(dry.accountsLeftBehind).toEqual(left);
    expect(dry.movedUsers).toEqual([]);
    const listed = async () => (await admin.users.list()).find((u) => u.username === 'huyen.trong')!;
    expect((await listed()).ended).toBeNull();

    const done = await admin.areas.reorganise({ ...request, dryRun: false });
    expect(done.accountsLeftBehind).toEqual(left);
    // the account stays on the ended area, and the list says since when
    expect((await listed()).areaId).toBe(empty!.id);
    expect((await listed()).ended).toEqual({ what: 'area', since: '2025-07-01' });
    expect((await listed()).areaName).toBe('Trống'); // the SPA's tree of today no longer has it
    expect((await admin.users.list()).filter((u) => u.ended !== null).map((u) => u.username)).toEqual(['huyen.trong']);
    // the same list seen the day before the area ended marks nothing
    const before = await env.callerFor('admin', new Date('2025-06-30T03:00:00Z')).users.list();
    expect(before.find((u) => u.username === 'huyen.trong')?.ended).toBeNull();
    // the audit record of the act names it
    const audit = await env.handle.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'area.reorganise')
      .where('entity_id', '=', String(empty!.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.after))).toMatchObject({ accountsLeftBehind: ['huyen.trong'] });
    // it still reads its area's past, and nothing else
    const officer = await env.callerAs(account.username, AT);
    expect(await officer.stats.summary({ areaId: empty!.id, year: 2021 })).toEqual(
      await getAreaSummary(env.handle.db, empty!.id, 2021, TODAY),
    );
    expect((await failure(() => officer.stats.summary({ areaId: env.areaId('QB'), year: 2021 }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the reformed demo', { timeout: 240_000 }, () => {
  let env: ApiTestEnvironment;
  beforeAll(async () => {
    env = await createApiTestEnvironment({ withReform: true });
  }, 120_000);
  afterAll(() => env.destroy());

  it('marks the accounts of the dissolved town and province; they read their area’s past, not the new tree', async () => {
    const admin = env.callerFor('admin', AT);
    const ended = Object.fromEntries(
      (await admin.users.list()).filter((u) => u.ended !== null).map((u) => [u.username, u.ended]),
    );
    const since = { what: 'area', since: '2025-07-01' };
    // the test accounts are placed on the 2021 tree: the province and town were dissolved, Quảng Thủy merged
    expect(ended).toEqual({ tinh: since, 'xem.badon': since, 'xa.quangthuy': since, 'thon.thuongthuy': since });
    const viewer = await env.callerAs('xem.badon', AT);
    const town = env.areaId('QB-BD');
    expect(await viewer.stats.summary({ areaId: town, year: 2021 })).toEqual(
      await getAreaSummary(env.handle.db, town, 2021, TODAY),
    );
    expect(
      (await viewer.stats.summary({ areaId: env.areaId('QB-BD-QTHUY'), year: 2024 })).units.byType.KDC.total,
    ).toBeGreaterThan(0);
    const successor = await env.handle.db
      .selectFrom('area_lineage')
      .select('successor_id')
      .where('predecessor_id', '=', env.areaId('QB-BD-QTHUY'))
      .executeTakeFirstOrThrow();
    expect((await failure(() => viewer.stats.summary({ areaId: successor.successor_id, year: 2026 }))).code).toBe(
      'FORBIDDEN',
    );
  });
});
