import { readDataVersion } from '@antoan/db';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImportTemplateXlsx, importTemplateCsv } from './spreadsheet/template.js';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
}, 60_000);
afterAll(() => env.destroy());

const csv = (text: string, bom = true) => ({
  format: 'csv' as const,
  fileName: 'don-vi.csv',
  contentBase64: Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf8').toString('base64'),
});

async function xlsx(sheets: Record<string, (string | null)[][]>, fileName = 'nhap.xlsx') {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return {
    format: 'xlsx' as const,
    fileName,
    contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
  };
}

const UNIT_HEADER =
  'Mã đơn vị *,Tên đơn vị *,Loại đơn vị *,Mã địa bàn *,Cấp quản lý,Thuộc lực lượng vũ trang,Quy mô doanh nghiệp,Cấp học';
const AREA_HEADER = [
  'Mã địa bàn *',
  'Tên địa bàn *',
  'Loại địa bàn *',
  'Mã địa bàn cấp trên',
  'Hiệu lực từ ngày',
  'Hiệu lực đến ngày',
];
const UNIT_HEADERS = UNIT_HEADER.split(',');

async function counts() {
  const db = env.handle.db;
  const [areas, units, audit] = await Promise.all([
    db
      .selectFrom('areas')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { areas: Number(areas.n), units: Number(units.n), audit: Number(audit.n), version: await readDataVersion(db) };
}

describe('imports.dryRun', () => {
  it('reports each error with its row, column and message in Vietnamese and English, and writes nothing', async () => {
    const before = await counts();
    const result = await env
      .callerFor('province_officer')
      .imports.dryRun(
        csv(
          [
            UNIT_HEADER,
            'KDC-QB-BD-QTHUY-90,Thôn Mới,KDC,QB-BD-QTHUY,,,,',
            'KDC QB 91,,Làng,QB-BD-QTHUY,,,,',
            'DN-QB-BD-92,Công ty Mới,DN,QB-BD-KHONGCO,Cấp huyện,,Siêu to,',
          ].join('\r\n'),
        ),
      );
    expect(result.applied).toBe(false);
    expect(result.tables).toEqual([{ table: 'units', sheet: 'don-vi.csv', rows: 3 }]);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Mã đơn vị *'],
      [3, 'Tên đơn vị *'],
      [3, 'Loại đơn vị *'],
      [4, 'Quy mô doanh nghiệp'],
      [4, 'Mã địa bàn'],
    ]);
    const type = result.errors[2]!.message;
    expect(type.vi).toMatch(/^"Làng" không phải loại đơn vị hợp lệ\. Chọn một trong: KDC, XA, CQ, DN, CSGD$/);
    expect(type.en).toMatch(/^"Làng" is not a valid unit type\. Choose one of: KDC, XA, CQ, DN, CSGD$/);
    expect(result.errors[0]!.message).toEqual({
      vi: 'Mã chỉ gồm chữ không dấu, chữ số và các ký tự -_./ (không có khoảng trắng)',
      en: 'A code holds only letters without diacritics, digits and the characters -_./ (no spaces)',
    });
    expect(result.counts.units).toEqual({ create: 1, update: 0, unchanged: 0 });
    expect(await counts()).toEqual(before);
  });

  it('checks the tree: an unknown area is an error on its row', async () => {
    const result = await env
      .callerFor('admin')
      .imports.dryRun(csv([UNIT_HEADER, 'DN-QB-BD-93,Công ty Mới,DN,QB-BD-KHONGCO,Cấp huyện,,Vừa,'].join('\n')));
    expect(result.errors).toEqual([
      {
        sheet: 'don-vi.csv',
        row: 2,
        column: 'Mã địa bàn',
        field: 'areaCode',
        message: {
          vi: 'Không tìm thấy địa bàn mã "QB-BD-KHONGCO" (trong hệ thống hay ở bảng Địa bàn của tệp).',
          en: 'No area with the code "QB-BD-KHONGCO" (in the system or in the file\'s Areas table).',
        },
      },
    ]);
  });

  it("gives all of a row's errors at once: a wrong cell and an unknown area together (issue 16, point 9)", async () => {
    const result = await env
      .callerFor('admin')
      .imports.dryRun(csv([UNIT_HEADER, 'DN-QB-BD-94,Công ty Mới,ABC,QB-BD-KHONGCO,Cấp huyện,,Vừa,'].join('\n')));
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'type'],
      [2, 'areaCode'],
    ]);
    expect(result.errors[1]!.message.vi).toBe(
      'Không tìm thấy địa bàn mã "QB-BD-KHONGCO" (trong hệ thống hay ở bảng Địa bàn của tệp).',
    );
    // a known area on a refused row is no error of its own
    const known = await env
      .callerFor('admin')
      .imports.dryRun(csv([UNIT_HEADER, 'DN-QB-BD-94,Công ty Mới,ABC,QB-BD-QTHUY,Cấp huyện,,Vừa,'].join('\n')));
    expect(known.errors.map((e) => e.field)).toEqual(['type']);
  });

  it('refuses a file over 10 MB with a clear message, before reading it', async () => {
    const big = { format: 'csv' as const, fileName: 'lon.csv', contentBase64: 'A'.repeat(14_000_000) };
    const { code, data } = await failure(() => env.callerFor('admin').imports.dryRun(big));
    expect(code).toBe('BAD_REQUEST');
    expect(data.fieldErrors).toEqual([
      {
        path: 'contentBase64',
        message: { vi: 'Tệp quá lớn: tối đa 10 MB', en: 'The file is too large: at most 10 MB' },
      },
    ]);
  });

  it('says why a file cannot be read', async () => {
    const notXlsx = {
      format: 'xlsx' as const,
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('Mã đơn vị,Tên').toString('base64'),
    };
    const { code, data } = await failure(() => env.callerFor('admin').imports.dryRun(notXlsx));
    expect(code).toBe('BAD_REQUEST');
    expect(data.text.vi).toContain('không phải Excel');
    const latin1 = {
      format: 'csv' as const,
      fileName: 'x.csv',
      contentBase64: Buffer.from([0x4d, 0xe3, 0x20, 0x0a]).toString('base64'),
    };
    expect((await failure(() => env.callerFor('admin').imports.dryRun(latin1))).data.text.en).toContain('not UTF-8');
  });

  it('the template’s instructions name the page and the buttons the SPA shows', async () => {
    // apps/admin: nav_import 'Nhập, xuất dữ liệu', dryRun 'Chạy thử', importNow 'Nhập dữ liệu' (the old text named
    // "Kiểm tra" and "Nhập", which the page does not have).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildImportTemplateXlsx()) as unknown as ArrayBuffer);
    const guide: string[] = [];
    workbook.getWorksheet('Hướng dẫn')!.eachRow((row) => guide.push(row.getCell(1).text));
    const step = guide.find((line) => line.startsWith('7.'))!;
    expect(step).toContain('"Nhập, xuất dữ liệu"');
    expect(step).toContain('bấm "Chạy thử"');
    expect(step).toContain('bấm "Nhập dữ liệu"');
    expect(guide.join('\n')).not.toMatch(/"Kiểm tra"|bấm "Nhập"/);
  });

  it('reads the empty template (XLSX and CSV) as a file with nothing to do', async () => {
    const template = await buildImportTemplateXlsx();
    const result = await env
      .callerFor('admin')
      .imports.dryRun({ format: 'xlsx', fileName: 'mau.xlsx', contentBase64: template.toString('base64') });
    expect(result.errors).toEqual([]);
    expect(result.tables).toEqual([
      { table: 'areas', sheet: 'Địa bàn', rows: 0 },
      { table: 'units', sheet: 'Đơn vị', rows: 0 },
      { table: 'reorganisations', sheet: 'Sắp xếp địa bàn', rows: 0 },
    ]);
    expect(result.reorganisations).toEqual([]);
    const reorganisationsCsv = await env.callerFor('admin').imports.dryRun({
      format: 'csv',
      fileName: 'sap-xep.csv',
      contentBase64: Buffer.from(importTemplateCsv('reorganisations')).toString('base64'),
    });
    expect(reorganisationsCsv.errors).toEqual([]);
    expect(reorganisationsCsv.tables).toEqual([{ table: 'reorganisations', sheet: 'sap-xep.csv', rows: 0 }]);
    const fromCsv = await env.callerFor('admin').imports.dryRun({
      format: 'csv',
      fileName: 'mau.csv',
      contentBase64: Buffer.from(importTemplateCsv('units')).toString('base64'),
    });
    expect(fromCsv.errors).toEqual([]);
    expect(fromCsv.tables).toEqual([{ table: 'units', sheet: 'mau.csv', rows: 0 }]);
  });
});

describe('imports.commit', () => {
  it('imports NFD text from a CSV with a byte-order mark as NFC, and finds it by search', async () => {
    const nfd = 'Tho\u0302n Ta\u0302y Ba\u0306\u0301c'.normalize('NFD');
    const result = await env
      .callerFor('province_officer')
      .imports.commit(csv(`${UNIT_HEADER}\nKDC-QB-BD-QTHUY-70,${nfd},Khu dân cư,QB-BD-QTHUY,,,,\n`));
    expect(result).toMatchObject({
      applied: true,
      errorCount: 0,
      counts: { units: { create: 1, update: 0, unchanged: 0 } },
    });
    const found = await env.callerFor('admin').units.list({ search: 'thon tay bac' });
    expect(found.items.map((u) => [u.code, u.name])).toEqual([['KDC-QB-BD-QTHUY-70', 'Thôn Tây Bắc']]);
    expect(found.items[0]!.name).toBe('Thôn Tây Bắc'.normalize('NFC'));
  });

  it('creates areas and their units from one workbook, then changes nothing when the same file comes again', async () => {
    const file = await xlsx({
      'Hướng dẫn': [['Tệp của huyện']],
      'Địa bàn': [AREA_HEADER, ['QB-BD-QMOI', 'Quảng Mới', 'Xã', 'QB-BD', '01/01/2020', null]],
      'Đơn vị': [
        UNIT_HEADERS,
        ['XA-QB-BD-QMOI', 'Xã Quảng Mới', 'XA', 'QB-BD-QMOI', 'Cấp huyện', null, null, null],
        ['KDC-QB-BD-QMOI-1', 'Thôn Đông', 'KDC', 'QB-BD-QMOI', null, null, null, null],
        [
          'DN-QB-BD-QMOI-1',
          '=HYPERLINK("http://evil.example","Công ty")',
          'Doanh nghiệp',
          'QB-BD-QMOI',
          'Cấp xã',
          null,
          'Vừa',
          null,
        ],
        ['CSGD-QB-BD-QMOI-1', 'Trường THCS Quảng Mới', 'CSGD', 'QB-BD-QMOI', 'Cấp huyện', null, null, 'THCS'],
      ],
    });
    const officer = env.callerFor('province_officer');
    const dry = await officer.imports.dryRun(file);
    expect(dry.errors).toEqual([]);
    expect(dry.counts).toEqual({
      areas: { create: 1, update: 0, unchanged: 0 },
      units: { create: 4, update: 0, unchanged: 0 },
    });
    expect(dry.units.create.map((r) => [r.sheet, r.row, r.code])).toEqual([
      ['Đơn vị', 2, 'XA-QB-BD-QMOI'],
      ['Đơn vị', 3, 'KDC-QB-BD-QMOI-1'],
      ['Đơn vị', 4, 'DN-QB-BD-QMOI-1'],
      ['Đơn vị', 5, 'CSGD-QB-BD-QMOI-1'],
    ]);
    const before = await counts();
    const applied = await officer.imports.commit(file);
    expect(applied.applied).toBe(true);
    const after = await counts();
    expect(after).toEqual({
      areas: before.areas + 1,
      units: before.units + 4,
      audit: before.audit + 6,
      version: before.version + 1,
    });
    const actions = await env.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .orderBy('id', 'desc')
      .limit(6)
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'area.create',
      'import.apply',
      'unit.create',
      'unit.create',
      'unit.create',
      'unit.create',
    ]);
    const school = await env.handle.db
      .selectFrom('units')
      .selectAll()
      .where('code', '=', 'CSGD-QB-BD-QMOI-1')
      .executeTakeFirstOrThrow();
    expect(school).toMatchObject({ school_level: 'lower_secondary', managing_level: 'district', type: 'CSGD' });

    const again = await officer.imports.commit(file);
    expect(again).toMatchObject({
      applied: true,
      counts: { areas: { create: 0, update: 0, unchanged: 1 }, units: { create: 0, update: 0, unchanged: 4 } },
    });
    expect(await counts()).toEqual(after);
  });

  it('updates by code, listing the changed fields, and audits the change', async () => {
    const officer = env.callerFor('admin');
    const file = csv(`${UNIT_HEADER}\nKDC-QB-BD-QTHUY-1,Thôn Thượng Thủy Mới,KDC,QB-BD-QTHUY,Cấp xã,,,\n`);
    const dry = await officer.imports.dryRun(file);
    expect(dry.units.update).toEqual([
      expect.objectContaining({
        row: 2,
        code: 'KDC-QB-BD-QTHUY-1',
        changes: [expect.objectContaining({ field: 'name', after: 'Thôn Thượng Thủy Mới' })],
      }),
    ]);
    await officer.imports.commit(file);
    const unit = await officer.units.get({ unitId: env.unitId('KDC-QB-BD-QTHUY-1') });
    expect(unit.name).toBe('Thôn Thượng Thủy Mới');
    const audit = await officer.audit.list({ entity: 'unit', entityId: String(unit.id) });
    expect(audit[0]).toMatchObject({ action: 'unit.update', userId: env.users.admin.id });
  });

  it('keeps a province officer inside the province', async () => {
    await env
      .callerFor('admin')
      .imports.commit(await xlsx({ 'Địa bàn': [AREA_HEADER, ['HT', 'Hà Tĩnh', 'Tỉnh', null, '01/07/1991', null]] }));
    const result = await env.callerFor('province_officer').imports.commit(
      await xlsx({
        'Địa bàn': [
          AREA_HEADER,
          ['HT-X', 'Xã Ngoài', 'Xã', 'HT', '01/01/2020', null],
          ['NEW-P', 'Tỉnh Mới', 'Tỉnh', null, '01/01/2020', null],
        ],
      }),
    );
    expect(result.applied).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.message.en])).toEqual([
      [2, 'parentCode', 'The parent area "HT" is outside the area assigned to you.'],
      [3, 'kind', 'Only an administrator may create a province.'],
    ]);
  });

  it('is atomic: a failure after the first writes leaves nothing behind', async () => {
    const db = env.handle.db;
    if (env.handle.dialect === 'sqlite') {
      await sql`create trigger fail_import before insert on units when new.code = 'BOOM' begin select raise(abort, 'boom'); end`.execute(
        db,
      );
    } else {
      await sql`create function fail_import() returns trigger as $$ begin if new.code = 'BOOM' then raise exception 'boom'; end if; return new; end $$ language plpgsql`.execute(
        db,
      );
      await sql`create trigger fail_import before insert on units for each row execute function fail_import()`.execute(
        db,
      );
    }
    try {
      const units = Array.from({ length: 250 }, (_, i) => [
        `KDC-QB-BD-QBOOM-${i + 1}`,
        `Thôn ${i + 1}`,
        'KDC',
        'QB-BD-QBOOM',
        null,
        null,
        null,
        null,
      ]);
      units.push(['BOOM', 'Thôn cuối', 'KDC', 'QB-BD-QBOOM', null, null, null, null]);
      const file = await xlsx({
        'Địa bàn': [AREA_HEADER, ['QB-BD-QBOOM', 'Quảng Nổ', 'Xã', 'QB-BD', '01/01/2020', null]],
        'Đơn vị': [
          UNIT_HEADERS,
          ['KDC-QB-BD-QTHUY-1', 'Thôn đổi tên lần nữa', 'KDC', 'QB-BD-QTHUY', null, null, null, null],
          ...units,
        ],
      });
      expect((await env.callerFor('admin').imports.dryRun(file)).errorCount).toBe(0);
      const before = await counts();
      const { code } = await failure(() => env.callerFor('admin').imports.commit(file));
      expect(code).toBe('INTERNAL_SERVER_ERROR');
      expect(await counts()).toEqual(before);
      expect(
        await db.selectFrom('areas').select('id').where('code', '=', 'QB-BD-QBOOM').executeTakeFirst(),
      ).toBeUndefined();
      expect((await env.callerFor('admin').units.get({ unitId: env.unitId('KDC-QB-BD-QTHUY-1') })).name).toBe(
        'Thôn Thượng Thủy Mới',
      );
    } finally {
      await sql`drop trigger fail_import${env.handle.dialect === 'postgres' ? sql` on units` : sql``}`.execute(db);
      if (env.handle.dialect === 'postgres') await sql`drop function fail_import()`.execute(db);
    }
  });
});
