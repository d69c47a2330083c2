import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeSpreadsheetText, normalizeImportText, unescapeSpreadsheetText } from './cell-text.js';
import { detectCsvDelimiter, parseCsv, toCsv } from './csv.js';
import { detectImportTable, matchImportHeaders } from './import-columns.js';
import { planImport, type ImportExisting, type ImportExistingArea, type ImportExistingUnit } from './import-plan.js';
import { parseImportDate, validateImportTable, type ImportRawTable } from './import-rows.js';

describe('escapeSpreadsheetText', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Bấm vào")', `'=HYPERLINK("http://evil.example","Bấm vào")`],
    ['+84 912 345 678', "'+84 912 345 678"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['＝1+1', "'＝1+1"],
    ['Thôn 1', 'Thôn 1'],
    ['', ''],
    ["'quoted", "'quoted"],
    ["'-", "''-"],
    ["''=1", "'''=1"],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, output) => {
    expect(escapeSpreadsheetText(input)).toBe(output);
  });

  it('is undone by unescapeSpreadsheetText for every text', () => {
    // Texts built from apostrophes and triggers reach the corner cases ("'-") that plain random strings hit
    // once in a few thousand runs.
    const tricky = fc.string({ unit: fc.constantFrom("'", '-', '=', '\t', 'a', ' ') });
    expect(unescapeSpreadsheetText(escapeSpreadsheetText("'-"))).toBe("'-");
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), tricky),
        (text) => unescapeSpreadsheetText(escapeSpreadsheetText(text)) === text,
      ),
      { numRuns: 2000 },
    );
  });

  it('never lets a text start with a formula trigger', () => {
    fc.assert(fc.property(fc.string(), (text) => !/^[=+\-@\t\r\n＝＋－＠]/.test(escapeSpreadsheetText(text))));
  });
});

describe('normalizeImportText', () => {
  it('composes NFD Vietnamese into NFC, drops byte-order marks and collapses spaces', () => {
    const nfd = '\uFEFF  Qua\u0309ng\u00A0\u00A0Thu\u0309y  ';
    expect(nfd.normalize('NFC')).not.toBe('Quảng Thủy');
    expect(normalizeImportText(nfd)).toBe('Quảng Thủy');
    expect(normalizeImportText('Đồng  Hới\n')).toBe('Đồng Hới');
  });

  it('drops control characters that a database would refuse, and mends half surrogate pairs', () => {
    expect(normalizeImportText('Thôn\u0000 1\u0007')).toBe('Thôn 1');
    expect(normalizeImportText('a\tb\r\nc')).toBe('a b c');
    expect(normalizeImportText('x\uD800y')).toBe('x\uFFFDy');
    expect(normalizeImportText('😀')).toBe('😀');
  });
});

describe('parseCsv', () => {
  it.each([
    [
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['\uFEFFMã,Tên\n', [['Mã', 'Tên']]],
    ['"a,b","c""d"\n', [['a,b', 'c"d']]],
    ['"dòng 1\r\ndòng 2",x\n', [['dòng 1\r\ndòng 2', 'x']]],
    ['a,,c\n', [['a', '', 'c']]],
    ['a,b\n\n1,2\n', [['a', 'b'], [''], ['1', '2']]],
    ['x"y,z\n', [['x"y', 'z']]],
    ['"",a\n', [['', 'a']]],
    [
      'a;b\n1;"2;3"\n',
      [
        ['a', 'b'],
        ['1', '2;3'],
      ],
    ],
    ['a\tb\n', [['a', 'b']]],
    ['', []],
  ])('%j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('names the row of a quote that never closes', () => {
    expect(() => parseCsv('a,b\n1,"2\n3,4\n')).toThrow(/row 2/);
  });

  it('detects the separator outside quotes', () => {
    expect(detectCsvDelimiter('Mã;Tên;Loại\n')).toBe(';');
    expect(detectCsvDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectCsvDelimiter('abc')).toBe(',');
  });

  it('reads back what toCsv writes (texts that cannot run as formulas)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Đ', 'ủ', ',', ';', '"', '\n', '\r\n', ' ', '=', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = parseCsv(toCsv(rows), { delimiter: ',' });
        expect(back.map((r) => r.map(unescapeSpreadsheetText))).toEqual(rows);
      }),
    );
  });

  it('escapes formulas and writes a byte-order mark for Excel', () => {
    expect(
      toCsv([
        ['Mã', 'Tên'],
        ['X1', '=1+1'],
        ['X2', 'a,b'],
      ]),
    ).toBe('\uFEFFMã,Tên\r\nX1,\'=1+1\r\nX2,"a,b"\r\n');
  });
});

describe('the import headers', () => {
  it('recognises a table by its headers, in Vietnamese (with or without diacritics), in English or by key', () => {
    expect(detectImportTable(['Mã đơn vị *', 'Tên đơn vị *'])).toBe('units');
    expect(detectImportTable(['ma dia ban', 'ten dia ban'])).toBe('areas');
    expect(detectImportTable(['Unit code'])).toBe('units');
    expect(detectImportTable(['Hướng dẫn'])).toBeNull();
    const match = matchImportHeaders('units', ['STT', 'MÃ ĐƠN VỊ', 'name', 'Loại đơn vị *']);
    expect(Object.fromEntries(match.index)).toEqual({ code: 1, name: 2, type: 3 });
    expect(match.missing.map((c) => c.key)).toEqual(['areaCode']);
  });
});

describe('parseImportDate', () => {
  it.each([
    ['01/07/2025', '2025-07-01'],
    ['1/7/2025', '2025-07-01'],
    ['1.7.2025', '2025-07-01'],
    ['2021-10-31', '2021-10-31'],
    ['31/02/2021', null],
    ['2021', null],
    ['07/2025', null],
  ])('%s → %s', (text, iso) => {
    expect(parseImportDate(text)).toBe(iso);
  });
});

const UNIT_HEADERS = [
  'Mã đơn vị *',
  'Tên đơn vị *',
  'Loại đơn vị *',
  'Mã địa bàn *',
  'Cấp quản lý',
  'Thuộc lực lượng vũ trang',
  'Quy mô doanh nghiệp',
  'Cấp học',
];
const units = (...rows: string[][]): ImportRawTable => ({
  table: 'units',
  sheet: 'Đơn vị',
  headerRow: 1,
  headers: UNIT_HEADERS,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('validateImportTable', () => {
  it('accepts codes and labels, NFD text and blank rows; resolves the village managing level', () => {
    const result = validateImportTable(
      units(
        ['KDC-1', 'Tho\u0302n Ta\u0302y', 'Khu dân cư', 'QB-BD-QTHUY', '', '', '', ''],
        ['', '', '', '', '', '', '', ''],
        ['DN-1', 'Công ty A', 'dn', 'QB-BD-QTHUY', 'cấp huyện', '', 'Vừa', ''],
        ['CSGD-1', 'Trường THPT B', 'CSGD', 'QB-BD', 'Cấp tỉnh', '', '', 'THPT'],
        ['CQ-1', 'Đồn biên phòng', 'CQ', 'QB-BD', 'Tỉnh', 'Có', '', ''],
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toMatchObject([
      { row: 2, code: 'KDC-1', name: 'Thôn Tây', type: 'KDC', managingLevel: 'commune' },
      { row: 4, type: 'DN', managingLevel: 'district', enterpriseSize: 'medium' },
      { row: 5, type: 'CSGD', managingLevel: 'province', schoolLevel: 'upper_secondary' },
      { row: 6, type: 'CQ', isArmedForces: true },
    ]);
  });

  it('says which row and column is wrong, in both languages', () => {
    const result = validateImportTable(
      units(
        ['KDC 1', '', 'ABC', 'QB-BD-QTHUY', '', '', '', ''],
        ['XA-1', 'Xã A', 'XA', 'QB-BD-QA', 'Cấp xã', '', '', ''],
        ['KDC-2', 'Thôn 2', 'KDC', 'QB-BD-QTHUY', '', '', 'Lớn', ''],
        ['XA-1', 'Xã A', 'XA', 'QB-BD-QA', 'Cấp huyện', '', '', ''],
      ),
    );
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.column, e.field])).toEqual([
      [2, 'Mã đơn vị *', 'code'],
      [2, 'Tên đơn vị *', 'name'],
      [2, 'Loại đơn vị *', 'type'],
      [3, 'Cấp quản lý', 'managingLevel'],
      [4, 'Quy mô doanh nghiệp', 'enterpriseSize'],
      [5, 'Mã đơn vị *', 'code'],
    ]);
    const typeError = result.errors.find((e) => e.field === 'type')!;
    expect(typeError.message.vi).toContain('"ABC" không phải loại đơn vị hợp lệ');
    expect(typeError.message.en).toContain('"ABC" is not a valid unit type');
    expect(result.errors.find((e) => e.field === 'name')!.message).toEqual({ vi: 'Bắt buộc nhập', en: 'Required' });
    expect(result.errors.at(-1)!.message.vi).toBe('Mã "XA-1" đã có ở dòng 3.');
  });

  it('reports a missing required column once, on the header row', () => {
    const result = validateImportTable({
      table: 'areas',
      sheet: 'CSV',
      headerRow: 1,
      headers: ['Mã địa bàn', 'Tên địa bàn'],
      rows: [{ row: 2, cells: ['A', 'B'] }],
    });
    expect(result.errors.map((e) => [e.row, e.column, e.field, e.message.vi])).toEqual([
      [1, 'Loại địa bàn *', 'kind', 'Thiếu cột bắt buộc "Loại địa bàn" ở dòng tiêu đề.'],
    ]);
  });

  it('undoes the anti-formula apostrophe of our own exports', () => {
    const result = validateImportTable(units(['KDC-9', "'=Thôn lạ", 'KDC', 'QB-BD-QTHUY', '', '', '', '']));
    expect(result.table === 'units' && result.rows[0]?.name).toBe('=Thôn lạ');
  });
});

const area = (
  a: Partial<ImportExistingArea> & Pick<ImportExistingArea, 'id' | 'code' | 'kind' | 'level'>,
): ImportExistingArea => ({
  name: a.code,
  parentId: null,
  parentCode: null,
  validFrom: '2000-01-01',
  validTo: null,
  ...a,
});
const PROVINCE = area({ id: 1, code: 'QB', kind: 'tinh', level: 'province' });
const TOWN = area({
  id: 2,
  code: 'QB-BD',
  name: 'Ba Đồn',
  kind: 'thi-xa',
  level: 'district',
  parentId: 1,
  parentCode: 'QB',
});
const COMMUNE = area({
  id: 3,
  code: 'QB-BD-QTHUY',
  name: 'Quảng Thủy',
  kind: 'xa',
  level: 'commune',
  parentId: 2,
  parentCode: 'QB-BD',
});
const OTHER = area({ id: 9, code: 'HT', kind: 'tinh', level: 'province' });
const VILLAGE: ImportExistingUnit = {
  id: 50,
  code: 'KDC-1',
  name: 'Thôn 1',
  type: 'KDC',
  areaId: 3,
  areaCode: 'QB-BD-QTHUY',
  validFrom: '1900-01-01',
  managingLevel: 'commune',
  isArmedForces: false,
  enterpriseSize: null,
  schoolLevel: null,
};
const existing = (scope: number[] | null): ImportExisting => ({
  areas: new Map([PROVINCE, TOWN, COMMUNE, OTHER].map((a) => [a.code, a])),
  units: new Map([[VILLAGE.code, VILLAGE]]),
  communeUnits: new Map([[3, 'XA-QTHUY']]),
  scope: scope && new Set(scope),
});
const AREA_HEADERS = [
  'Mã địa bàn',
  'Tên địa bàn',
  'Loại địa bàn',
  'Mã địa bàn cấp trên',
  'Hiệu lực từ ngày',
  'Hiệu lực đến ngày',
];
const areas = (...rows: string[][]): ImportRawTable => ({
  table: 'areas',
  sheet: 'Địa bàn',
  headerRow: 1,
  headers: AREA_HEADERS,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('planImport', () => {
  it('creates, updates with the changed fields, and leaves unchanged rows alone', () => {
    const plan = planImport(
      [
        validateImportTable(
          areas(
            ['QB-BD-QMOI', 'Quảng Mới', 'Xã', 'QB-BD', '01/01/2020', ''],
            ['QB-BD-QTHUY', 'Quảng Thủy', 'xa', 'QB-BD', '', ''],
          ),
        ),
        validateImportTable(
          units(
            ['KDC-1', 'Thôn Một', 'KDC', 'QB-BD-QTHUY', '', '', '', ''],
            ['KDC-QMOI-1', 'Thôn Tây', 'KDC', 'QB-BD-QMOI', '', '', '', ''],
            ['XA-QMOI', 'Xã Quảng Mới', 'XA', 'QB-BD-QMOI', 'Cấp huyện', '', '', ''],
          ),
        ),
      ],
      existing([1, 2, 3]),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.areas.create.map((e) => e.code)).toEqual(['QB-BD-QMOI']);
    expect(plan.areas.unchanged.map((e) => e.code)).toEqual(['QB-BD-QTHUY']);
    expect(plan.units.create.map((e) => e.code)).toEqual(['KDC-QMOI-1', 'XA-QMOI']);
    expect(plan.units.update).toEqual([
      expect.objectContaining({
        code: 'KDC-1',
        existingId: 50,
        changes: [
          { field: 'name', column: { vi: 'Tên đơn vị', en: 'Unit name' }, before: 'Thôn 1', after: 'Thôn Một' },
        ],
      }),
    ]);
  });

  it('plans nothing for a file that matches the stored records', () => {
    const plan = planImport(
      [validateImportTable(units(['KDC-1', 'Thôn 1', 'KDC', 'QB-BD-QTHUY', 'Cấp xã', 'Không', '', '']))],
      existing(null),
    );
    expect(plan.units).toMatchObject({ create: [], update: [], unchanged: [{ code: 'KDC-1' }] });
  });

  it('refuses what the tree, the scope and the rules forbid', () => {
    const plan = planImport(
      [
        validateImportTable(
          areas(
            ['HT-X', 'Xã ngoài', 'Xã', 'HT', '01/01/2020', ''],
            ['NEW-P', 'Tỉnh mới', 'Tỉnh', '', '01/01/2020', ''],
            ['QB-BD-QTHUY', 'Quảng Thủy', 'Phường', 'QB', '', ''],
            ['QB-BD-X', 'Xã thiếu ngày', 'Xã', 'QB-BD', '', ''],
            ['QB-BD-Y', 'Dưới xã', 'Xã', 'QB-BD-QTHUY', '01/01/2020', ''],
            ['QB-BD-Z', 'Xã lạc', 'Xã', 'KHONG-CO', '01/01/2020', ''],
          ),
        ),
        validateImportTable(
          units(
            ['KDC-1', 'Thôn 1', 'CQ', 'QB-BD-QTHUY', 'Cấp xã', '', '', ''],
            ['KDC-2', 'Thôn 2', 'KDC', 'QB-BD', '', '', '', ''],
            ['XA-2', 'Xã trùng', 'XA', 'QB-BD-QTHUY', 'Cấp huyện', '', '', ''],
            ['KDC-3', 'Thôn 3', 'KDC', 'HT', '', '', '', ''],
          ),
        ),
      ],
      existing([1, 2, 3]),
    );
    expect(plan.errors.map((e) => [e.sheet, e.row, e.field])).toEqual([
      ['Địa bàn', 2, 'parentCode'],
      ['Địa bàn', 3, 'kind'],
      ['Địa bàn', 4, 'parentCode'],
      ['Địa bàn', 5, 'validFrom'],
      ['Địa bàn', 6, 'parentCode'],
      ['Địa bàn', 7, 'parentCode'],
      ['Đơn vị', 2, 'type'],
      ['Đơn vị', 3, 'areaCode'],
      ['Đơn vị', 4, 'areaCode'],
      ['Đơn vị', 5, 'areaCode'],
    ]);
    expect(plan.errors.find((e) => e.sheet === 'Địa bàn' && e.row === 2)!.message).toEqual({
      vi: 'Địa bàn cấp trên "HT" nằm ngoài địa bàn bạn được giao.',
      en: 'The parent area "HT" is outside the area assigned to you.',
    });
  });

  it('lets an administrator create a province', () => {
    const plan = planImport(
      [validateImportTable(areas(['NEW-P', 'Tỉnh mới', 'Tỉnh', '', '01/07/2025', '']))],
      existing(null),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.areas.create[0]?.values).toMatchObject({ kind: 'tinh', parentCode: null, validFrom: '2025-07-01' });
  });
});
