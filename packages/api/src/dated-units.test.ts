import { getAreaSummary, verifyResults } from '@antoan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, type ApiTestEnvironment } from './testing.js';

// Issue 15, dated units: tried as a new user would, importing for 2026 one new village and two enterprises into
// Quảng Thủy changed Ba Đồn's 2021 figures from 15/16 to 14/16 communes, 92/95 to 92/96 villages and 22/22 to
// 22/24 enterprises. A unit now exists from a date (the day of the import when the file gives none) and counts
// only from the year that date falls in. Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
}, 60_000);
afterAll(() => env.destroy());

const rates = (summary: {
  units: { byType: Record<string, { recognitionRate: { text: string } | null; total: number }> };
}) =>
  Object.fromEntries(
    Object.entries(summary.units.byType).map(([type, s]) => [type, `${s.recognitionRate?.text} of ${s.total}`]),
  );

const HEADER =
  'Mã đơn vị *,Tên đơn vị *,Loại đơn vị *,Mã địa bàn *,Cấp quản lý,Thuộc lực lượng vũ trang,Quy mô doanh nghiệp,Cấp học,Hiệu lực từ ngày';
const csv = (rows: string[]) => ({
  format: 'csv' as const,
  fileName: 'don-vi-moi.csv',
  contentBase64: Buffer.from(`\uFEFF${[HEADER, ...rows].join('\n')}\n`, 'utf8').toString('base64'),
});

describe('dated units', () => {
  it('a village and two enterprises imported in 2026 count from 2026 and leave every earlier year as it was', async () => {
    const db = env.handle.db;
    const town = env.areaId('QB-BD');
    const commune = env.areaId('QB-BD-QTHUY');
    const today = '2026-03-10';
    const before = new Map<number, unknown>();
    for (const year of [2020, 2021, 2022]) before.set(year, rates(await getAreaSummary(db, town, year, today)));
    const communeBefore = rates(await getAreaSummary(db, commune, 2026, today));

    const importer = env.callerFor('province_officer', new Date(`${today}T03:00:00Z`));
    const result = await importer.imports.commit(
      csv([
        'KDC-QB-BD-QTHUY-9,Thôn Tân Mỹ,Khu dân cư,QB-BD-QTHUY,,,,,',
        'DN-QB-BD-QTHUY-901,Công ty TNHH Tân Mỹ,Doanh nghiệp,QB-BD-QTHUY,Cấp xã,,Vừa,,',
        // a start date in the file wins over the day of the import
        'DN-QB-BD-QTHUY-902,Công ty Cổ phần Đá Quảng Thủy,Doanh nghiệp,QB-BD-QTHUY,Cấp xã,,Vừa,,01/07/2025',
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.applied).toBe(true);
    const created = await db
      .selectFrom('units')
      .select(['code', 'valid_from'])
      .where('code', 'in', ['KDC-QB-BD-QTHUY-9', 'DN-QB-BD-QTHUY-901', 'DN-QB-BD-QTHUY-902'])
      .orderBy('code')
      .execute();
    expect(created).toEqual([
      { code: 'DN-QB-BD-QTHUY-901', valid_from: '2026-03-10' },
      { code: 'DN-QB-BD-QTHUY-902', valid_from: '2025-07-01' },
      { code: 'KDC-QB-BD-QTHUY-9', valid_from: '2026-03-10' },
    ]);

    for (const year of [2020, 2021, 2022])
      expect(rates(await getAreaSummary(db, town, year, today))).toEqual(before.get(year));
    expect(rates(await getAreaSummary(db, town, 2021, today))).toMatchObject({
      XA: '15/16 of 16',
      KDC: '92/95 of 95',
      DN: '22/22 of 22',
    });
    // 2026 counts the three of them (not registered yet), 2025 only the enterprise dated 1 July 2025
    const after2026 = (await getAreaSummary(db, commune, 2026, today)).units.byType;
    expect(after2026.KDC.total).toBe(Number(String(communeBefore.KDC).split(' of ')[1]) + 1);
    const dn2025 = (await getAreaSummary(db, commune, 2025, today)).units.byType.DN.total;
    const dn2026 = after2026.DN.total;
    expect(dn2026 - dn2025).toBe(1);
    expect((await verifyResults(db, { now: new Date(`${today}T03:00:00Z`) })).differences).toEqual([]);
  }, 60_000);
});
