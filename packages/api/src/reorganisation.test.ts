import { getAreaSummary } from '@antoan/services';
import { listAreasOn, listResultYears } from '@antoan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, dumpSummaries, failure, type ApiTestEnvironment } from './testing.js';

// Issue 15: a reorganisation through the API — a dry run that shows what it touches and changes nothing, then a
// merge of two communes and a split of the merged one — leaves every figure of 2020–2024 identical for every area
// as it was then (a full dump of summaries), while 2026 counts the new tree. Runs on SQLite, and on PostgreSQL
// when DATABASE_URL is set.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
}, 60_000);
afterAll(() => env.destroy());

const AT = new Date('2026-03-10T03:00:00Z');
const TODAY = '2026-03-10';
const LEGAL = { number: '1680/NQ-UBTVQH15', date: '2025-06-16' };

const dumpPast = () => dumpSummaries(env.handle.db, 2024, TODAY);

const villages = async (areaId: number, year: number) =>
  (await getAreaSummary(env.handle.db, areaId, year, TODAY)).units.byType.KDC.total;

describe('a reorganisation', { timeout: 120_000 }, () => {
  it('merges two communes from 1 July 2025 after a dry run, and the past does not move', async () => {
    const admin = env.callerFor('admin', AT);
    const town = env.areaId('QB-BD');
    const [thuy, van] = [env.areaId('QB-BD-QTHUY'), env.areaId('QB-BD-QVAN')];
    const request = {
      kind: 'merge' as const,
      effectiveDate: '2025-07-01',
      legalBasis: LEGAL,
      predecessorIds: [thuy, van],
      successors: [{ code: 'QB-BD-QTV', name: 'Quảng Thủy Văn', kind: 'xa' as const, parentId: town }],
    };
    const past = await dumpPast();
    const villages2026 = (await villages(thuy, 2026)) + (await villages(van, 2026));
    const townVillages2026 = await villages(town, 2026);

    const dry = await admin.areas.reorganise({ ...request, dryRun: true });
    expect(dry.applied).toBe(false);
    expect(dry.endAreas.map((a) => a.code).sort()).toEqual(['QB-BD-QTHUY', 'QB-BD-QVAN']);
    expect(dry.newAreas.map((a) => a.code)).toEqual(['QB-BD-QTV']);
    expect(dry.units.filter((u) => u.to.type === 'KDC')).toHaveLength(villages2026);
    const commune = dry.units.find((u) => u.to.type === 'XA')!;
    expect(commune.to).toEqual({ code: 'XA-QB-BD-QTV', name: 'Xã Quảng Thủy Văn', type: 'XA' });
    expect(commune.from.map((u) => u.code).sort()).toEqual(['XA-QB-BD-QTHUY', 'XA-QB-BD-QVAN']);
    expect(dry.note).toBe('1680/NQ-UBTVQH15 ngày 16/06/2025');
    expect(dry.movedUsers).toContain('xa.quangthuy');
    expect(dry.figures.year).toBe(2026);
    expect(dry.figures.after.find((f) => f.area.code === 'QB-BD-QTV')?.units.KDC.total).toBe(villages2026);
    // nothing of the dry run stayed
    expect((await listAreasOn(env.handle.db, TODAY)).map((a) => a.code)).not.toContain('QB-BD-QTV');
    expect(await villages(thuy, 2026)).toBeGreaterThan(0);

    const done = await admin.areas.reorganise({ ...request, dryRun: false });
    expect(done.applied).toBe(true);
    expect(await dumpPast()).toEqual(past);
    const merged = env.handle.db.selectFrom('areas').select('id').where('code', '=', 'QB-BD-QTV');
    const mergedId = (await merged.executeTakeFirstOrThrow()).id;
    expect(await villages(mergedId, 2026)).toBe(villages2026);
    expect(await villages(town, 2026)).toBe(townVillages2026);
    expect(await villages(thuy, 2026)).toBe(0);
    // 2025 counts the new tree too (the units exist on 31 December 2025 in the merged commune)
    expect(await villages(mergedId, 2025)).toBe(villages2026);
    // the officer followed the commune; the history shows where it came from
    const officer = await env.handle.db
      .selectFrom('users')
      .select('area_id')
      .where('username', '=', 'xa.quangthuy')
      .executeTakeFirstOrThrow();
    expect(officer.area_id).toBe(mergedId);
    const history = await admin.areas.history({ areaId: mergedId });
    expect(history.predecessors.map((p) => p.other.code).sort()).toEqual(['QB-BD-QTHUY', 'QB-BD-QVAN']);
    expect(history.predecessors[0]?.note).toBe('1680/NQ-UBTVQH15 ngày 16/06/2025');
    // across the reform: the merged commune's 2022 is its predecessors' 2022 taken together, and says so
    type Summary = Awaited<ReturnType<typeof getAreaSummary>>;
    const compared = await getAreaSummary(env.handle.db, mergedId, 2022, TODAY);
    const kdc2022 = (code: string) => (past[`2022/${code}`] as Summary).units.byType.KDC;
    expect(compared.units.byType.KDC.total).toBe(kdc2022('QB-BD-QTHUY').total + kdc2022('QB-BD-QVAN').total);
    expect(compared.units.byType.KDC.recognised).toBe(
      kdc2022('QB-BD-QTHUY').recognised + kdc2022('QB-BD-QVAN').recognised,
    );
    expect(compared.composedOf?.map((a) => [a.name, a.validTo])).toEqual([
      ['Quảng Thủy', '2025-07-01'],
      ['Quảng Văn', '2025-07-01'],
    ]);
    // a year with no stored results falls back to the reference computation, which follows the lineage too
    expect((await listResultYears(env.handle.db)).map((r) => r.year)).not.toContain(2016);
    const kdc2016 = async (areaId: number) =>
      (await getAreaSummary(env.handle.db, areaId, 2016, TODAY)).units.byType.KDC;
    const merged2016 = await getAreaSummary(env.handle.db, mergedId, 2016, TODAY);
    expect(merged2016.units.byType.KDC.total).toBeGreaterThan(0);
    expect(merged2016.units.byType.KDC.total).toBe((await kdc2016(thuy)).total + (await kdc2016(van)).total);
    expect(merged2016.composedOf?.map((a) => a.name)).toEqual(['Quảng Thủy', 'Quảng Văn']);
    // the officer, now of the merged commune, keeps the predecessors' past
    // as stored now (the environment's user object still names the former commune)
    const officerCaller = await env.callerAs('xa.quangthuy', AT);
    expect((await officerCaller.auth.me())?.areaId).toBe(mergedId);
    const thuy2021 = await officerCaller.stats.summary({ areaId: thuy, year: 2021 });
    expect(thuy2021).toEqual(await getAreaSummary(env.handle.db, thuy, 2021, TODAY));
    const village2021 = await officerCaller.assessments.get({ unitId: env.unitId('KDC-QB-BD-QTHUY-1'), year: 2021 });
    expect(village2021.record?.status).toBe('recognised');
    const audit = await env.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'area.reorganise')
      .execute();
    expect(audit).toHaveLength(1);

    // a split of the merged commune back into two, its villages assigned by id
    const units = await env.handle.db
      .selectFrom('units')
      .select(['id', 'code', 'type'])
      .where('area_id', '=', mergedId)
      .where('type', '=', 'KDC')
      .orderBy('code')
      .execute();
    const half = Object.fromEntries(units.map((u, i) => [String(u.id), i % 2]));
    const split = await admin.areas.reorganise({
      kind: 'split',
      effectiveDate: '2026-01-01',
      legalBasis: { number: '99/NQ-HĐND', date: '2025-12-20' },
      predecessorIds: [mergedId],
      successors: [
        { code: 'QB-BD-QTV-A', name: 'Quảng Thủy Văn A', kind: 'xa', parentId: town },
        { code: 'QB-BD-QTV-B', name: 'Quảng Thủy Văn B', kind: 'xa', parentId: town },
      ],
      unitAssignments: half,
      dryRun: false,
    });
    expect(split.newAreas).toHaveLength(2);
    expect(split.units.filter((u) => u.to.type === 'XA')).toHaveLength(2);
    expect(await dumpPast()).toEqual(past);
    expect(await villages(mergedId, 2025)).toBe(villages2026);
    const [a, b] = split.newAreas.map((x) => x.id);
    expect((await villages(a!, 2026)) + (await villages(b!, 2026))).toBe(villages2026);
    expect(await villages(a!, 2026)).toBe(Math.ceil(villages2026 / 2));
  });

  it('refuses with every reason: codes taken, levels mixed, a commune with areas below, a wrong count', async () => {
    const admin = env.callerFor('admin', AT);
    const error = await failure(() =>
      admin.areas.reorganise({
        kind: 'merge',
        effectiveDate: '2025-07-01',
        legalBasis: LEGAL,
        predecessorIds: [env.areaId('QB-BD-QPHUC'), env.areaId('QB-BD')],
        successors: [{ code: 'QB-BD-QHOA', name: 'Trùng mã', kind: 'xa', parentId: env.areaId('QB-BD') }],
        dryRun: true,
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.data.text.vi).toContain('Các địa bàn cũ phải cùng một cấp.');
    expect(error.data.text.vi).toContain('Mã địa bàn "QB-BD-QHOA" đã có.');
    expect(error.data.text.vi).toMatch(/Thị xã Ba Đồn còn \d+ địa bàn trực thuộc ngày 01\/07\/2025 \(/);
    // a commune officer may not reorganise
    const officer = await failure(() =>
      env.callerFor('commune_officer', AT).areas.reorganise({
        kind: 'rename',
        effectiveDate: '2026-01-01',
        legalBasis: LEGAL,
        predecessorIds: [env.areaId('QB-BD-QPHUC')],
        successors: [{ code: 'QB-BD-QPHUC2', name: 'Quảng Phúc Mới', kind: 'xa', parentId: env.areaId('QB-BD') }],
        dryRun: true,
      }),
    );
    expect(officer.code).toBe('FORBIDDEN');
  });

  it('refuses a change that would make a recognised, locked file stop counting, naming it', async () => {
    const admin = env.callerFor('admin', AT);
    const error = await failure(() =>
      admin.areas.reorganise({
        kind: 'rename',
        effectiveDate: '2022-06-01',
        legalBasis: LEGAL,
        predecessorIds: [env.areaId('QB-BD-QPHUC')],
        successors: [{ code: 'QB-BD-QPHUC-2022', name: 'Quảng Phúc', kind: 'xa', parentId: env.areaId('QB-BD') }],
        dryRun: true,
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.data.text.vi).toMatch(
      /^Không thực hiện được: các hồ sơ đã công nhận và đã khóa sẽ không còn được tính: .*năm 2022/,
    );
  });
});
