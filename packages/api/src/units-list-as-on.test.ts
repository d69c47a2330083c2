import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, type ApiTestEnvironment } from './testing.js';

// Issue 15, dated units: the unit list asked for a past day lists each unit under the area it was in that day,
// with the attributes in force then, and only the units that existed; the list of today is unchanged. Runs on
// SQLite, and on PostgreSQL when DATABASE_URL is set.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
}, 120_000);
afterAll(() => env.destroy());

const AT = new Date('2026-03-10T03:00:00Z');
const UNIT_HEADER =
  'Mã đơn vị *,Tên đơn vị *,Loại đơn vị *,Mã địa bàn *,Cấp quản lý,Thuộc lực lượng vũ trang,Quy mô doanh nghiệp,Cấp học,Hiệu lực từ ngày';
const csv = (rows: string[]) => ({
  format: 'csv' as const,
  fileName: 'don-vi.csv',
  contentBase64: Buffer.from(`\uFEFF${[UNIT_HEADER, ...rows].join('\n')}\n`, 'utf8').toString('base64'),
});

describe('units.list on a day', () => {
  it('lists a village moved in 2026 under its 2024 commune on 31/12/2024, with the attributes of then', async () => {
    const admin = env.callerFor('admin', AT);
    const [phuc, loc] = [env.areaId('QB-BD-QPHUC'), env.areaId('QB-BD-QLOC')];
    const codes = async (areaId: number, date?: string) =>
      (await admin.units.list({ areaId, date, pageSize: 500 })).items.map((u) => u.code);
    const village = (await admin.units.list({ search: 'KDC-QB-BD-QPHUC-1' })).items[0]!;
    const enterprise = (await admin.units.list({ search: 'DN-BD-01' })).items[0]!;
    expect(enterprise.managingLevel).toBe('district');
    const phucBefore = await codes(phuc, '2024-12-31');
    expect(phucBefore).toContain('KDC-QB-BD-QPHUC-1');

    const moved = await admin.imports.commit(
      csv([
        `KDC-QB-BD-QPHUC-1,"${village.name}",Khu dân cư,QB-BD-QLOC,,,,,01/02/2026`,
        `DN-BD-01,"${enterprise.name}",Doanh nghiệp,QB-BD-QPHUC,Cấp xã,,Lớn,,01/02/2026`,
        `KDC-QB-BD-QLOC-99,Thôn Mới,Khu dân cư,QB-BD-QLOC,,,,,01/02/2026`,
      ]),
    );
    expect(moved.errors).toEqual([]);

    // today: the village under Quảng Lộc, the enterprise managed by the commune, the new village there
    expect(await codes(loc)).toEqual(expect.arrayContaining(['KDC-QB-BD-QPHUC-1', 'KDC-QB-BD-QLOC-99']));
    expect(await codes(phuc)).not.toContain('KDC-QB-BD-QPHUC-1');
    // on 31/12/2024: as it was then
    expect(await codes(phuc, '2024-12-31')).toEqual(phucBefore);
    const loc2024 = await codes(loc, '2024-12-31');
    expect(loc2024).not.toContain('KDC-QB-BD-QPHUC-1');
    expect(loc2024).not.toContain('KDC-QB-BD-QLOC-99'); // not yet in existence
    const listed2024 = (await admin.units.list({ search: 'KDC-QB-BD-QPHUC-1', date: '2024-12-31' })).items[0]!;
    expect(listed2024.areaId).toBe(phuc);
    const dn2024 = (await admin.units.list({ search: 'DN-BD-01', date: '2024-12-31', types: ['DN'] })).items[0]!;
    expect(dn2024.managingLevel).toBe('district');
    expect((await admin.units.list({ search: 'DN-BD-01', date: '2026-03-01' })).items[0]!.managingLevel).toBe(
      'commune',
    );
    // the count follows the day too
    expect((await admin.units.list({ areaId: phuc, date: '2024-12-31', types: ['KDC'] })).total).toBe(
      phucBefore.filter((c) => c.startsWith('KDC-')).length,
    );
    // a reporter's list on a day is its own unit, as it was then
    const reporter = env.callerFor('unit_reporter', AT);
    expect((await reporter.units.list({ date: '2024-12-31' })).items.map((u) => u.code)).toEqual(['KDC-QB-BD-QTHUY-1']);
  });
});
