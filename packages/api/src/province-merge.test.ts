import { getAreaSummary, verifyResults } from '@antoan/services';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, dumpSummaries, failure, type ApiTestEnvironment } from './testing.js';

// Issue 15: the 2025 province merge done through the product, with provinces that still hold communes. Two
// provinces (imported, each with one commune and its villages since 2019) become one: the new province is
// established (no former area), the two communes are merged under it, then each emptied province is dissolved
// into it (the operation writes the lineage). The new province's 2024 is its predecessors' 2024 taken together
// (composedOf), every figure of 2020–2024 of every area is unchanged (a full dump of summaries), the stored
// results match a recomputation. SQLite, and PostgreSQL with DATABASE_URL.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
}, 120_000);
afterAll(() => env.destroy());

const AT = new Date('2026-03-10T03:00:00Z');
const TODAY = '2026-03-10';
const DATE = '2025-07-01';
const PROVINCES = { number: '202/2025/QH15', date: '2025-06-12' };
const COMMUNES = { number: '1680/NQ-UBTVQH15', date: '2025-06-16' };

async function workbook(sheets: Record<string, (string | null)[][]>) {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return {
    format: 'xlsx' as const,
    fileName: 'tinh.xlsx',
    contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
  };
}

const idOf = async (code: string) =>
  (await env.handle.db.selectFrom('areas').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const villages = async (areaId: number, year: number) =>
  (await getAreaSummary(env.handle.db, areaId, year, TODAY)).units.byType.KDC;

describe('the 2025 province merge', { timeout: 600_000 }, () => {
  it('establishes the province, merges communes of two provinces under it, dissolves both into it', async () => {
    const admin = env.callerFor('admin', AT);
    // two provinces of their own since 2019: Hà Tĩnh with xã Kỳ Anh (2 villages), Quảng Ngãi with xã Bình Sơn (1)
    const setup = await admin.imports.commit(
      await workbook({
        'Địa bàn': [
          ['Mã địa bàn *', 'Tên địa bàn *', 'Loại địa bàn *', 'Mã địa bàn cấp trên', 'Hiệu lực từ ngày'],
          ['HT', 'Hà Tĩnh', 'Tỉnh', null, '01/01/2019'],
          ['HT-KA', 'Kỳ Anh', 'Xã', 'HT', '01/01/2019'],
          ['QNG', 'Quảng Ngãi', 'Tỉnh', null, '01/01/2019'],
          ['QNG-BS', 'Bình Sơn', 'Xã', 'QNG', '01/01/2019'],
        ],
        'Đơn vị': [
          ['Mã đơn vị *', 'Tên đơn vị *', 'Loại đơn vị *', 'Mã địa bàn *', 'Hiệu lực từ ngày'],
          ['KDC-HT-KA-1', 'Thôn Một', 'KDC', 'HT-KA', '01/01/2019'],
          ['KDC-HT-KA-2', 'Thôn Hai', 'KDC', 'HT-KA', '01/01/2019'],
          ['KDC-QNG-BS-1', 'Thôn Ba', 'KDC', 'QNG-BS', '01/01/2019'],
        ],
      }),
    );
    expect(setup.errors).toEqual([]);
    const [ht, qng, ka, bs] = await Promise.all(['HT', 'QNG', 'HT-KA', 'QNG-BS'].map(idOf));
    const past = await dumpSummaries(env.handle.db, 2024, TODAY);
    const ht2024 = await villages(ht!, 2024);
    const qng2024 = await villages(qng!, 2024);
    expect([ht2024.total, qng2024.total]).toEqual([2, 1]);

    // a scoped officer may not establish a province
    const officer = await failure(() =>
      env.callerFor('province_officer', AT).areas.reorganise({
        kind: 'establish',
        effectiveDate: DATE,
        legalBasis: PROVINCES,
        predecessorIds: [],
        successors: [{ code: 'HT-2025', name: 'Hà Tĩnh', kind: 'tinh', parentId: null }],
        dryRun: true,
      }),
    );
    expect(officer.code).toBe('FORBIDDEN');

    const establish = {
      kind: 'establish' as const,
      effectiveDate: DATE,
      legalBasis: PROVINCES,
      predecessorIds: [],
      successors: [{ code: 'HT-2025', name: 'Hà Tĩnh', kind: 'tinh' as const, parentId: null }],
    };
    const dry = await admin.areas.reorganise({ ...establish, dryRun: true });
    expect([dry.applied, dry.endAreas, dry.newAreas.map((a) => a.code), dry.units]).toEqual([
      false,
      [],
      ['HT-2025'],
      [],
    ]);
    expect(await env.handle.db.selectFrom('areas').select('id').where('code', '=', 'HT-2025').execute()).toEqual([]);
    const done = await admin.areas.reorganise({ ...establish, dryRun: false });
    const province = done.newAreas[0]!.id;
    // the same code again is refused
    const again = await failure(() => admin.areas.reorganise({ ...establish, dryRun: true }));
    expect(again.data.text).toEqual({ vi: 'Mã địa bàn "HT-2025" đã có.', en: 'The area code "HT-2025" is taken.' });

    // a province that still holds its commune is not dissolved into the new one
    const dissolve = (id: number, intoId: number) =>
      admin.areas.reorganise({
        kind: 'dissolve',
        effectiveDate: DATE,
        legalBasis: PROVINCES,
        predecessorIds: [id],
        successors: [],
        intoId,
        dryRun: false,
      });
    const notEmpty = await failure(() => dissolve(ht!, province));
    expect(notEmpty.data.text.vi).toBe(
      'Tỉnh Hà Tĩnh còn 1 địa bàn trực thuộc ngày 01/07/2025 (Xã Kỳ Anh): chuyển các địa bàn đó trước.',
    );
    const wrongLevel = await failure(() => dissolve(ht!, env.areaId('QB-BD')));
    expect(wrongLevel.data.text.vi).toContain('Thị xã Ba Đồn không cùng cấp với Tỉnh Hà Tĩnh');

    await admin.areas.reorganise({
      kind: 'merge',
      effectiveDate: DATE,
      legalBasis: COMMUNES,
      predecessorIds: [ka!, bs!],
      successors: [{ code: 'HT-2025-KABS', name: 'Kỳ Anh Bình Sơn', kind: 'xa', parentId: province }],
      dryRun: false,
    });
    // an officer of the dissolved province follows it into the new one (not left behind on an ended area)
    const officerId = env.users.province_officer.id;
    await env.handle.db.updateTable('users').set({ area_id: ht! }).where('id', '=', officerId).execute();
    const first = await dissolve(ht!, province);
    expect(first.endAreas.map((a) => a.code)).toEqual(['HT']);
    expect(first.into).toEqual({ id: province, code: 'HT-2025', name: 'Hà Tĩnh' });
    expect([first.movedUsers, first.accountsLeftBehind]).toEqual([[env.users.province_officer.username], []]);
    const officerNow = env.handle.db.selectFrom('users').select('area_id').where('id', '=', officerId);
    expect((await officerNow.executeTakeFirstOrThrow()).area_id).toBe(province);
    await dissolve(qng!, province);

    // the past does not move; the new province's 2024 is Hà Tĩnh's and Quảng Ngãi's together
    expect(await dumpSummaries(env.handle.db, 2024, TODAY)).toEqual(past);
    const in2024 = await admin.stats.summary({ areaId: province, year: 2024 });
    expect(in2024.units.byType.KDC?.total).toBe(ht2024.total + qng2024.total);
    expect(in2024.units.byType.KDC?.recognised).toBe(ht2024.recognised + qng2024.recognised);
    expect(in2024.composedOf?.map((a) => [a.name, a.validTo])).toEqual([
      ['Hà Tĩnh', DATE],
      ['Quảng Ngãi', DATE],
    ]);
    const in2026 = await admin.stats.summary({ areaId: province, year: 2026 });
    expect(in2026.composedOf).toBeUndefined();
    expect(in2026.units.byType.KDC?.total).toBe(3);
    const history = await admin.areas.history({ areaId: province });
    expect(history.predecessors.map((p) => [p.other.code, p.event, p.note]).sort()).toEqual([
      ['HT', 'merge', '202/2025/QH15 ngày 12/06/2025'],
      ['QNG', 'merge', '202/2025/QH15 ngày 12/06/2025'],
    ]);
    expect((await verifyResults(env.handle.db, { now: AT })).differences).toEqual([]);
  });

  it('does the same from the import: establish, merge, dissolve into, one row each of the reorganisations sheet', async () => {
    const admin = env.callerFor('admin', AT);
    const setup = await admin.imports.commit(
      await workbook({
        'Địa bàn': [
          ['Mã địa bàn *', 'Tên địa bàn *', 'Loại địa bàn *', 'Mã địa bàn cấp trên', 'Hiệu lực từ ngày'],
          ['DNA', 'Đà Nẵng', 'Tỉnh', null, '01/01/2019'],
          ['DNA-HC', 'Hải Châu', 'Phường', 'DNA', '01/01/2019'],
          ['QNA', 'Quảng Nam', 'Tỉnh', null, '01/01/2019'],
          ['QNA-HA', 'Hội An', 'Phường', 'QNA', '01/01/2019'],
        ],
        'Đơn vị': [
          ['Mã đơn vị *', 'Tên đơn vị *', 'Loại đơn vị *', 'Mã địa bàn *', 'Hiệu lực từ ngày'],
          ['KDC-DNA-HC-1', 'Tổ Một', 'KDC', 'DNA-HC', '01/01/2019'],
          ['KDC-QNA-HA-1', 'Khối Một', 'KDC', 'QNA-HA', '01/01/2019'],
        ],
      }),
    );
    expect(setup.errors).toEqual([]);
    const past = await dumpSummaries(env.handle.db, 2024, TODAY);
    const legal = ['202/2025/QH15', '12/06/2025'];
    const file = await workbook({
      'Sắp xếp địa bàn': [
        [
          'Loại sắp xếp *',
          'Mã địa bàn cũ *',
          'Mã địa bàn mới',
          'Tên địa bàn mới',
          'Loại địa bàn mới',
          'Mã địa bàn cấp trên mới',
          'Ngày hiệu lực *',
          'Số nghị quyết *',
          'Ngày nghị quyết *',
        ],
        ['Thành lập mới', '', 'DNA-2025', 'Đà Nẵng', 'Tỉnh', '', '01/07/2025', ...legal],
        ['Sáp nhập', 'DNA-HC; QNA-HA', 'DNA-2025-HCHA', 'Hải Châu Hội An', '', 'DNA-2025', '01/07/2025', ...legal],
        ['Giải thể', 'DNA', 'DNA-2025', '', '', '', '01/07/2025', ...legal],
        ['Giải thể', 'QNA', 'DNA-2025', '', '', '', '01/07/2025', ...legal],
      ],
    });
    const dry = await admin.imports.dryRun(file);
    expect(dry.errors).toEqual([]);
    expect(await env.handle.db.selectFrom('areas').select('id').where('code', '=', 'DNA-2025').execute()).toEqual([]);
    const done = await admin.imports.commit(file);
    expect(done.errors).toEqual([]);
    expect(await dumpSummaries(env.handle.db, 2024, TODAY)).toEqual(past);
    const province = await idOf('DNA-2025');
    const in2024 = await admin.stats.summary({ areaId: province, year: 2024 });
    expect(in2024.composedOf?.map((a) => a.name)).toEqual(['Đà Nẵng', 'Quảng Nam']);
    expect(in2024.units.byType.KDC?.total).toBe(2);
    expect((await admin.stats.summary({ areaId: province, year: 2026 })).units.byType.KDC?.total).toBe(2);
    expect((await verifyResults(env.handle.db, { now: AT })).differences).toEqual([]);
  });
});
