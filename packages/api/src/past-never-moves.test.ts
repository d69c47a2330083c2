import { getAreaSummary, verifyResults } from '@antoan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, dumpSummaries, failure, type ApiTestEnvironment } from './testing.js';

// Issue 15, "Done when": after a merge (1/7/2025), a move of a commune under a new district created by the import
// (1/1/2026), a move of villages and a change of an enterprise's managing level through the import dated 2026,
// an import of new units dated 2026 and a dated change of who recognises an enterprise, every figure of
// 2020–2024 (and 2025 for what is dated 2026) of every area as it was then — a full dump of summaries — is
// identical to before each step, 2026 counts the new tree, and the stored results equal the reference
// computation (results:verify, 0 differences). A dated change reaching a locked file's year is refused naming it.
// Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
}, 120_000);
afterAll(() => env.destroy());

const AT = new Date('2026-03-10T03:00:00Z');
const TODAY = '2026-03-10';

const dump = (last: number) => dumpSummaries(env.handle.db, last, TODAY);

const byType = async (code: string, year: number) => {
  const db = env.handle.db;
  const area = await db.selectFrom('areas').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return (await getAreaSummary(db, area.id, year, TODAY)).units.byType;
};

const verified = async () => (await verifyResults(env.handle.db, { now: AT })).differences;

const UNIT_HEADER =
  'Mã đơn vị *,Tên đơn vị *,Loại đơn vị *,Mã địa bàn *,Cấp quản lý,Thuộc lực lượng vũ trang,Quy mô doanh nghiệp,Cấp học,Hiệu lực từ ngày';
const AREA_HEADER = 'Mã địa bàn *,Tên địa bàn *,Loại địa bàn *,Mã địa bàn cấp trên,Hiệu lực từ ngày,Hiệu lực đến ngày';
const csv = (header: string, rows: string[]) => ({
  format: 'csv' as const,
  fileName: 'nhap.csv',
  contentBase64: Buffer.from(`\uFEFF${[header, ...rows].join('\n')}\n`, 'utf8').toString('base64'),
});

const unitNamed = (code: string) =>
  env.handle.db.selectFrom('units').select(['id', 'name']).where('code', '=', code).executeTakeFirstOrThrow();

describe('the past never moves', { timeout: 600_000 }, () => {
  it('after a merge, a move of an area, moves and changes of units and new units, each dated', async () => {
    const admin = env.callerFor('admin', AT);
    const db = env.handle.db;
    const town = env.areaId('QB-BD');
    expect(await verified()).toEqual([]);

    // 1. a merge from 1 July 2025: 2020–2024 stay as they were
    let past = await dump(2024);
    await admin.areas.reorganise({
      kind: 'merge',
      effectiveDate: '2025-07-01',
      legalBasis: { number: '1680/NQ-UBTVQH15', date: '2025-06-16' },
      predecessorIds: [env.areaId('QB-BD-QTHUY'), env.areaId('QB-BD-QVAN')],
      successors: [{ code: 'QB-BD-QTV', name: 'Quảng Thủy Văn', kind: 'xa', parentId: town }],
      dryRun: false,
    });
    expect(await dump(2024)).toEqual(past);
    expect(await verified()).toEqual([]);

    // 2. a new district from 1 January 2026 through the import, and a commune moved under it: 2020–2025 stay
    past = await dump(2025);
    const hai2026 = (await byType('QB-BD-QHAI', 2026)).KDC.total;
    const town2026 = (await byType('QB-BD', 2026)).KDC.total;
    const district = await admin.imports.commit(csv(AREA_HEADER, ['QB-QT,Quảng Trạch,Huyện,QB,01/01/2026,']));
    expect(district.errors).toEqual([]);
    await admin.areas.reorganise({
      kind: 'move',
      effectiveDate: '2026-01-01',
      legalBasis: { number: '12/NQ-HĐND', date: '2025-12-10' },
      predecessorIds: [env.areaId('QB-BD-QHAI')],
      successors: [
        {
          code: 'QB-QT-QHAI',
          name: 'Quảng Hải',
          kind: 'xa',
          parentId: (await db.selectFrom('areas').select('id').where('code', '=', 'QB-QT').executeTakeFirstOrThrow())
            .id,
        },
      ],
      dryRun: false,
    });
    expect(await dump(2025)).toEqual(past);
    expect((await byType('QB-QT', 2026)).KDC.total).toBe(hai2026);
    expect((await byType('QB-BD', 2026)).KDC.total).toBe(town2026 - hai2026);
    expect(await verified()).toEqual([]);

    // 3. two villages moved to another commune and an enterprise's managing level changed, through the import,
    //    effective 1 February 2026: 2020–2025 stay, 2026 counts them where they are now
    past = await dump(2025);
    const phuc2026 = await byType('QB-BD-QPHUC', 2026);
    const loc2026 = await byType('QB-BD-QLOC', 2026);
    const [v1, v2, dn] = await Promise.all([
      unitNamed('KDC-QB-BD-QPHUC-1'),
      unitNamed('KDC-QB-BD-QPHUC-2'),
      unitNamed('DN-BD-01'),
    ]);
    const moved = await admin.imports.commit(
      csv(UNIT_HEADER, [
        `KDC-QB-BD-QPHUC-1,"${v1.name}",Khu dân cư,QB-BD-QLOC,,,,,01/02/2026`,
        `KDC-QB-BD-QPHUC-2,"${v2.name}",Khu dân cư,QB-BD-QLOC,,,,,01/02/2026`,
        `DN-BD-01,"${dn.name}",Doanh nghiệp,QB-BD-QPHUC,Cấp xã,,Lớn,,01/02/2026`,
      ]),
    );
    expect(moved.errors).toEqual([]);
    expect(moved.counts.units.update).toBe(3);
    expect(await dump(2025)).toEqual(past);
    expect((await byType('QB-BD-QPHUC', 2026)).KDC.total).toBe(phuc2026.KDC.total - 2);
    expect((await byType('QB-BD-QLOC', 2026)).KDC.total).toBe(loc2026.KDC.total + 2);
    // the units keep their start; their earlier periods are kept
    const periods = await db
      .selectFrom('unit_versions')
      .select(['unit_id', 'valid_to', 'area_id', 'managing_level'])
      .where('unit_id', 'in', [v1.id, dn.id])
      .orderBy('unit_id')
      .execute();
    expect(periods).toEqual([
      { unit_id: v1.id, valid_to: '2026-02-01', area_id: env.areaId('QB-BD-QPHUC'), managing_level: 'commune' },
      { unit_id: dn.id, valid_to: '2026-02-01', area_id: env.areaId('QB-BD-QPHUC'), managing_level: 'district' },
    ]);
    expect(await verified()).toEqual([]);

    // 4. new units dated 2026: 2020–2025 stay, 2026 counts them
    past = await dump(2025);
    const loc = await byType('QB-BD-QLOC', 2026);
    const created = await admin.imports.commit(
      csv(UNIT_HEADER, [
        'KDC-QB-BD-QLOC-90,Thôn Lộc Mới,Khu dân cư,QB-BD-QLOC,,,,,01/03/2026',
        'DN-QB-BD-QLOC-91,Công ty TNHH Lộc Mới,Doanh nghiệp,QB-BD-QLOC,Cấp xã,,Vừa,,01/03/2026',
      ]),
    );
    expect(created.errors).toEqual([]);
    expect(await dump(2025)).toEqual(past);
    expect((await byType('QB-BD-QLOC', 2026)).KDC.total).toBe(loc.KDC.total + 1);
    expect((await byType('QB-BD-QLOC', 2026)).DN.total).toBe(loc.DN.total + 1);
    expect(await verified()).toEqual([]);

    // 5. who recognises an enterprise, changed through the API from 1 January 2026: 2020–2025 stay
    past = await dump(2025);
    const dn2 = await unitNamed('DN-BD-02');
    await admin.units.setRecognition({
      unitId: dn2.id,
      isMinistryMonitored: false,
      isRecognitionDelegated: true,
      effectiveFrom: '2026-01-01',
    });
    expect(await dump(2025)).toEqual(past);
    const recognition = await db
      .selectFrom('units')
      .select('is_recognition_delegated')
      .where('id', '=', dn2.id)
      .executeTakeFirstOrThrow();
    expect(recognition.is_recognition_delegated).toBe(1);
    expect(await verified()).toEqual([]);
  });

  it('refuses a move dated in a year whose recognised, locked file it would re-file, naming it, and writes nothing', async () => {
    const db = env.handle.db;
    const locked = await db
      .selectFrom('units')
      .innerJoin('assessments', 'assessments.unit_id', 'units.id')
      .select(['units.id', 'units.code', 'units.name'])
      .where('assessments.year', '=', 2022)
      .where('assessments.is_locked', '=', 1)
      .where('units.type', '=', 'KDC')
      .where('units.area_id', '=', env.areaId('QB-BD-QMINH'))
      .orderBy('units.id')
      .executeTakeFirstOrThrow();
    const before = await db.selectFrom('unit_versions').selectAll().execute();
    const error = await failure(() =>
      env
        .callerFor('admin', AT)
        .imports.commit(csv(UNIT_HEADER, [`${locked.code},"${locked.name}",Khu dân cư,QB-BD-QTAN,,,,,01/06/2022`])),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.data.text.vi).toContain(locked.name);
    expect(error.data.text.vi).toContain('2022');
    const unit = await db.selectFrom('units').select('area_id').where('id', '=', locked.id).executeTakeFirstOrThrow();
    expect(unit.area_id).toBe(env.areaId('QB-BD-QMINH'));
    expect(await db.selectFrom('unit_versions').selectAll().execute()).toEqual(before);
  });
});
