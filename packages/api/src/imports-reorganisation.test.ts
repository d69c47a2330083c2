import { getAreaSummary, verifyResults } from '@antoan/services';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, dumpSummaries, type ApiTestEnvironment } from './testing.js';

// Issue 15: the import's reorganisations sheet ("Sắp xếp địa bàn"). A merge and a rename from an XLSX workbook:
// the dry run lists the areas and units each row touches and writes nothing; the commit writes the successors and
// the lineage, every figure of 2020–2024 of every area stays identical (a full dump of summaries) and 2026 counts
// the new tree; an unknown code and a row planReorganisation refuses are errors naming row and column in both
// languages; a later row refused leaves nothing of the file written. SQLite, and PostgreSQL with DATABASE_URL.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
}, 120_000);
afterAll(() => env.destroy());

const AT = new Date('2026-03-10T03:00:00Z');
const TODAY = '2026-03-10';
const SHEET = 'Sắp xếp địa bàn';
const HEADER = [
  'Loại sắp xếp *',
  'Mã địa bàn cũ *',
  'Mã địa bàn mới',
  'Tên địa bàn mới',
  'Loại địa bàn mới',
  'Mã địa bàn cấp trên mới',
  'Ngày hiệu lực *',
  'Số nghị quyết *',
  'Ngày nghị quyết *',
];
const LEGAL = ['1680/NQ-UBTVQH15', '16/06/2025'];

async function workbook(sheets: Record<string, (string | null)[][]>) {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return {
    format: 'xlsx' as const,
    fileName: 'sap-xep.xlsx',
    contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
  };
}

const dumpPast = () => dumpSummaries(env.handle.db, 2024, TODAY);

const areaId = async (code: string) =>
  (await env.handle.db.selectFrom('areas').select('id').where('code', '=', code).executeTakeFirst())?.id;
async function villages(code: string, year: number) {
  const id = await areaId(code);
  if (id === undefined) throw new Error(`no area ${code}`);
  return (await getAreaSummary(env.handle.db, id, year, TODAY)).units.byType.KDC.total;
}

async function counts() {
  const db = env.handle.db;
  const count = async (table: 'areas' | 'units' | 'audit_log' | 'area_lineage') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    areas: await count('areas'),
    units: await count('units'),
    audit: await count('audit_log'),
    lineage: await count('area_lineage'),
  };
}

describe('the reorganisations sheet of the import', { timeout: 600_000 }, () => {
  it('merges two communes and renames a third from a workbook: dry run, then commit; the past does not move', async () => {
    const admin = env.callerFor('admin', AT);
    const file = await workbook({
      [SHEET]: [
        HEADER,
        ['Sáp nhập', 'QB-BD-QTHUY; QB-BD-QVAN', 'QB-BD-QTV', 'Quảng Thủy Văn', '', '', '01/07/2025', ...LEGAL],
        ['Đổi tên', 'QB-BD-QLOC', 'QB-BD-QLOC2', 'Quảng Lộc Mới', '', '', '01/01/2026', ...LEGAL],
      ],
    });
    const past = await dumpPast();
    const before = await counts();
    const merged2026 = (await villages('QB-BD-QTHUY', 2026)) + (await villages('QB-BD-QVAN', 2026));
    const loc2026 = await villages('QB-BD-QLOC', 2026);
    expect(merged2026).toBeGreaterThan(0);
    expect(loc2026).toBeGreaterThan(0);

    const dry = await admin.imports.dryRun(file);
    expect(dry.errors).toEqual([]);
    expect(dry.applied).toBe(false);
    expect(dry.tables).toEqual([{ table: 'reorganisations', sheet: SHEET, rows: 2 }]);
    expect(dry.reorganisations.map((r) => [r.row, r.kind])).toEqual([
      [2, 'merge'],
      [3, 'rename'],
    ]);
    const [merge, rename] = dry.reorganisations;
    expect(merge!.preview.endAreas.map((a) => a.code).sort()).toEqual(['QB-BD-QTHUY', 'QB-BD-QVAN']);
    expect(merge!.preview.newAreas.map((a) => a.code)).toEqual(['QB-BD-QTV']);
    expect(merge!.preview.units.filter((u) => u.to.type === 'KDC')).toHaveLength(merged2026);
    expect(merge!.preview.units.find((u) => u.to.type === 'XA')?.to.code).toBe('XA-QB-BD-QTV');
    expect(merge!.preview.note).toBe('1680/NQ-UBTVQH15 ngày 16/06/2025');
    expect(merge!.preview.figures.after.find((f) => f.area.code === 'QB-BD-QTV')?.units.KDC.total).toBe(merged2026);
    expect(rename!.preview.endAreas.map((a) => a.code)).toEqual(['QB-BD-QLOC']);
    expect(rename!.preview.newAreas.map((a) => a.code)).toEqual(['QB-BD-QLOC2']);
    // the dry run wrote nothing
    expect(await counts()).toEqual(before);
    expect(await areaId('QB-BD-QTV')).toBeUndefined();

    const done = await admin.imports.commit(file);
    expect(done.errors).toEqual([]);
    expect(done.applied).toBe(true);
    const after = await counts();
    expect(after.areas).toBe(before.areas + 2);
    expect(after.lineage).toBe(before.lineage + 3);
    expect(after.audit).toBeGreaterThan(before.audit);
    const lineage = await env.handle.db
      .selectFrom('area_lineage')
      .innerJoin('areas as p', 'p.id', 'area_lineage.predecessor_id')
      .innerJoin('areas as s', 's.id', 'area_lineage.successor_id')
      .select([
        'p.code as from',
        's.code as to',
        'area_lineage.event',
        'area_lineage.effective_date',
        'area_lineage.note',
      ])
      .where('s.code', 'in', ['QB-BD-QTV', 'QB-BD-QLOC2'])
      .orderBy('p.code')
      .execute();
    expect(lineage).toEqual([
      {
        from: 'QB-BD-QLOC',
        to: 'QB-BD-QLOC2',
        event: 'rename',
        effective_date: '2026-01-01',
        note: merge!.preview.note,
      },
      { from: 'QB-BD-QTHUY', to: 'QB-BD-QTV', event: 'merge', effective_date: '2025-07-01', note: merge!.preview.note },
      { from: 'QB-BD-QVAN', to: 'QB-BD-QTV', event: 'merge', effective_date: '2025-07-01', note: merge!.preview.note },
    ]);
    expect(await dumpPast()).toEqual(past);
    expect(await villages('QB-BD-QTV', 2026)).toBe(merged2026);
    expect(await villages('QB-BD-QTHUY', 2026)).toBe(0);
    expect(await villages('QB-BD-QLOC2', 2026)).toBe(loc2026);
    expect(await villages('QB-BD-QLOC', 2026)).toBe(0);
    // the rename from 1 January 2026 leaves 2025 to the old commune
    expect(await villages('QB-BD-QLOC', 2025)).toBe(loc2026);
    expect((await verifyResults(env.handle.db, { now: AT })).differences).toEqual([]);
    // each operation is audited as the "Sắp xếp địa bàn" page's is
    const audited = await env.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'area.create')
      .where('at', '>=', AT.toISOString().slice(0, 10))
      .execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it('names the row and the column of an unknown code and of a row planReorganisation refuses, in both languages', async () => {
    const officer = env.callerFor('province_officer', AT);
    const file = await workbook({
      [SHEET]: [
        HEADER,
        ['Sáp nhập', 'QB-BD-QPHUC;QB-BD-NOPE', 'QB-BD-QPN', 'Quảng Phúc Nope', '', '', '01/07/2025', ...LEGAL],
        ['Đổi tên', 'QB-BD-QPHUC', 'QB-BD-QTV', 'Quảng Phúc', '', '', '01/07/2025', ...LEGAL],
      ],
    });
    const before = await counts();
    for (const result of [await officer.imports.dryRun(file), await officer.imports.commit(file)]) {
      expect(result.applied).toBe(false);
      expect(result.reorganisations).toEqual([]);
      expect(result.errors).toEqual([
        {
          sheet: SHEET,
          row: 2,
          column: 'Mã địa bàn cũ',
          field: 'fromCodes',
          message: { vi: 'Không tìm thấy địa bàn mã "QB-BD-NOPE".', en: 'No area with the code "QB-BD-NOPE".' },
        },
        {
          sheet: SHEET,
          row: 3,
          column: 'Mã địa bàn mới',
          field: 'toCodes',
          message: { vi: 'Mã địa bàn "QB-BD-QTV" đã có.', en: 'The area code "QB-BD-QTV" is taken.' },
        },
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it('writes nothing of the file when a later row is refused at commit', async () => {
    const admin = env.callerFor('admin', AT);
    const file = await workbook({
      'Địa bàn': [
        ['Mã địa bàn *', 'Tên địa bàn *', 'Loại địa bàn *', 'Mã địa bàn cấp trên', 'Hiệu lực từ ngày'],
        ['QB-BD-QNEW', 'Quảng Mới Lập', 'Xã', 'QB-BD', '01/01/2026'],
      ],
      [SHEET]: [
        HEADER,
        ['Đổi tên', 'QB-BD-QPHUC', 'QB-BD-QPHUC2', 'Quảng Phúc Mới', '', '', '01/07/2025', ...LEGAL],
        // the row above ended Quảng Phúc on that day: it cannot be renamed again
        ['Đổi tên', 'QB-BD-QPHUC', 'QB-BD-QPHUC3', 'Quảng Phúc Ba', '', '', '01/07/2025', ...LEGAL],
      ],
    });
    const before = await counts();
    const past = await dumpPast();
    const result = await admin.imports.commit(file);
    expect(result.applied).toBe(false);
    expect(result.errors.map((e) => [e.sheet, e.row, e.column, e.message.vi, e.message.en])).toEqual([
      [
        SHEET,
        3,
        'Mã địa bàn cũ',
        'Phường Quảng Phúc không còn hiệu lực ngày 01/07/2025.',
        'Quảng Phúc does not exist on 2025-07-01.',
      ],
    ]);
    expect(await counts()).toEqual(before);
    expect(await areaId('QB-BD-QPHUC2')).toBeUndefined();
    expect(await areaId('QB-BD-QNEW')).toBeUndefined();
    expect(await dumpPast()).toEqual(past);
    expect((await verifyResults(env.handle.db, { now: AT })).differences).toEqual([]);
  });
});
