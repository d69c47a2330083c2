import { describe, expect, it } from 'vitest';
import { planReorganisation } from '../reorganisation.js';
import type { Area } from '../units.js';
import { detectImportTable, REORGANISATION_IMPORT_COLUMNS } from './import-columns.js';
import { reorganisationPlanErrors, reorganisationRequestOfRow } from './import-reorganisations.js';
import { validateImportTable, type ReorganisationImportRow } from './import-rows.js';

// The reorganisations sheet (issue 15): its rows validated with zod (errors by row and column, in both
// languages), turned into planReorganisation requests, and planReorganisation's reasons reported on the row.

const SHEET = 'Sắp xếp địa bàn';
const HEADERS = REORGANISATION_IMPORT_COLUMNS.map((c) => c.header.vi);
const table = (...rows: string[][]) =>
  validateImportTable({
    table: 'reorganisations',
    sheet: SHEET,
    headerRow: 1,
    headers: HEADERS,
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
  });
const LEGAL = ['1680/NQ-UBTVQH15', '16/06/2025'];

const area = (id: number, code: string, kind: Area['kind'], parentId: number | null): Area => ({
  id,
  code,
  name: code,
  kind,
  level: kind === 'tinh' ? 'province' : kind === 'thi-xa' ? 'district' : 'commune',
  parentId,
  validFrom: '2000-01-01',
  validTo: null,
});
const AREAS = [
  area(1, 'QB', 'tinh', null),
  area(2, 'QB-BD', 'thi-xa', 1),
  area(3, 'QB-BD-A', 'xa', 2),
  area(4, 'QB-BD-B', 'xa', 2),
  area(5, 'QB-BD-C', 'phuong', 2),
];
const BY_CODE = new Map(AREAS.map((a) => [a.code, a]));

describe('the reorganisations sheet', () => {
  it('is recognised by its headers, in Vietnamese or English', () => {
    expect(detectImportTable(HEADERS)).toBe('reorganisations');
    expect(detectImportTable(['Reorganisation kind', 'Former area codes', 'New area codes'])).toBe('reorganisations');
    expect(detectImportTable(['Mã địa bàn', 'Tên địa bàn'])).toBe('areas');
  });

  it('reads a merge, a split and a rename, in words of either language', () => {
    const v = table(
      ['Sáp nhập', 'QB-BD-A; QB-BD-B', 'QB-BD-AB', 'A Bờ', '', '', '01/07/2025', ...LEGAL],
      ['split', 'QB-BD-C', 'QB-BD-C1;QB-BD-C2', 'Cờ Một; Cờ Hai', 'Phường', '', '1/7/2025', ...LEGAL],
      ['Đổi tên', 'QB-BD-C', 'QB-BD-C3', 'Cờ Mới', '', '', '01/07/2025', ...LEGAL],
      ['', '', '', '', '', '', '', '', ''],
    );
    expect(v.errors).toEqual([]);
    const rows = v.rows as ReorganisationImportRow[];
    expect(rows.map((r) => [r.row, r.kind, r.fromCodes, r.toCodes, r.toNames])).toEqual([
      [2, 'merge', ['QB-BD-A', 'QB-BD-B'], ['QB-BD-AB'], ['A Bờ']],
      [3, 'split', ['QB-BD-C'], ['QB-BD-C1', 'QB-BD-C2'], ['Cờ Một', 'Cờ Hai']],
      [4, 'rename', ['QB-BD-C'], ['QB-BD-C3'], ['Cờ Mới']],
    ]);
    expect(rows[1]).toMatchObject({ toKind: 'phuong', effectiveDate: '2025-07-01', legalDate: '2025-06-16' });
  });

  it('says which row and column is wrong, in both languages', () => {
    const v = table(
      ['Gộp lại', 'QB-BD-A', 'X', 'X', '', '', '01/07/2025', ...LEGAL],
      ['Sáp nhập', 'QB-BD-A', 'QB-BD-AB', 'A Bờ', '', '', '31/02/2025', ...LEGAL],
      ['Chia tách', 'QB-BD-C', 'QB-BD-C1;QB-BD-C2', 'Cờ Một', '', '', '01/07/2025', ...LEGAL],
      ['Chuyển nơi trực thuộc', 'QB-BD-C', 'QB-BD-C9', 'Cờ', '', '', '01/07/2025', '', ''],
      ['Giải thể', 'QB-BD', 'QB-X', 'X', '', '', '01/07/2025', ...LEGAL],
    );
    expect(v.rows).toEqual([]);
    expect(v.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Loại sắp xếp'],
      [3, 'Ngày hiệu lực'],
      [4, 'Tên địa bàn mới'],
      [5, 'Số nghị quyết'],
      [5, 'Ngày nghị quyết'],
      [6, 'Mã địa bàn mới'],
    ]);
    expect(v.errors[0]?.message.vi).toContain('"Gộp lại" không phải loại sắp xếp hợp lệ');
    expect(v.errors[0]?.message.en).toContain('is not a valid reorganisation kind');
    expect(v.errors[2]?.message).toEqual({
      vi: 'Cần 2 tên địa bàn mới (cùng số với mã), cách nhau bằng ";"; đang có 1.',
      en: 'Needs 2 new area name(s) (as many as codes), separated by ";"; there are 1.',
    });
    // the merge of one area is the row's fromCodes; the move without a parent its parentCode
    const more = table(
      ['Sáp nhập', 'QB-BD-A', 'QB-BD-AB', 'A Bờ', '', '', '01/07/2025', ...LEGAL],
      ['Chuyển nơi trực thuộc', 'QB-BD-C', 'QB-BD-C9', 'Cờ', '', '', '01/07/2025', ...LEGAL],
    );
    expect(more.errors.map((e) => [e.row, e.column, e.message.en])).toEqual([
      [2, 'Mã địa bàn cũ', 'A merge needs two or more former area codes, separated by ";".'],
      [3, 'Mã địa bàn cấp trên mới', 'Required for a move.'],
    ]);
  });

  it('turns a row into the request of planReorganisation, or names the unknown codes', () => {
    const [merge, move] = table(
      ['Sáp nhập', 'QB-BD-A;QB-BD-B', 'QB-BD-AB', 'A Bờ', '', '', '01/07/2025', ...LEGAL],
      ['Chuyển nơi trực thuộc', 'QB-BD-ZZ', 'QB-BD-C9', 'Cờ', '', 'QB-ZZ', '01/07/2025', ...LEGAL],
    ).rows as ReorganisationImportRow[];
    const request = reorganisationRequestOfRow(SHEET, merge!, BY_CODE);
    expect(request.input).toEqual({
      kind: 'merge',
      effectiveDate: '2025-07-01',
      legalBasis: { number: '1680/NQ-UBTVQH15', date: '2025-06-16' },
      predecessorIds: [3, 4],
      successors: [{ code: 'QB-BD-AB', name: 'A Bờ', kind: 'xa', parentId: 2 }],
    });
    const unknown = reorganisationRequestOfRow(SHEET, move!, BY_CODE);
    expect(unknown.input).toBeNull();
    expect(unknown.errors.map((e) => [e.row, e.column, e.message.vi, e.message.en])).toEqual([
      [3, 'Mã địa bàn cũ', 'Không tìm thấy địa bàn mã "QB-BD-ZZ".', 'No area with the code "QB-BD-ZZ".'],
      [
        3,
        'Mã địa bàn cấp trên mới',
        'Không tìm thấy địa bàn cấp trên mã "QB-ZZ".',
        'No parent area with the code "QB-ZZ".',
      ],
    ]);
  });

  it("reports planReorganisation's reasons on the row, in the column they are about", () => {
    const [row] = table(['Sáp nhập', 'QB-BD-A;QB-BD-B', 'QB-BD-C', 'Cờ', '', '', '01/07/2025', ...LEGAL])
      .rows as ReorganisationImportRow[];
    const request = reorganisationRequestOfRow(SHEET, row!, BY_CODE);
    const plan = planReorganisation(request.input!, {
      areas: AREAS,
      units: [],
      areaCodes: new Set(BY_CODE.keys()),
      unitCodes: new Set(),
    });
    expect(reorganisationPlanErrors(SHEET, 2, plan.errors)).toEqual([
      {
        sheet: SHEET,
        row: 2,
        column: 'Mã địa bàn mới',
        field: 'toCodes',
        message: { vi: 'Mã địa bàn "QB-BD-C" đã có.', en: 'The area code "QB-BD-C" is taken.' },
      },
    ]);
  });

  it('reads an establishment and a dissolution into an existing area (the 2025 province merge)', () => {
    const v = table(
      ['Thành lập mới', '', 'QT-2025', 'Quảng Trị', 'Tỉnh', '', '01/07/2025', '202/2025/QH15', '12/06/2025'],
      ['Establish', '', 'QB-BD-D;QB-BD-E', 'Đê;E', 'Xã', 'QB-BD', '01/07/2025', ...LEGAL],
      ['Giải thể', 'QB', 'QT-2025', '', '', '', '01/07/2025', '202/2025/QH15', '12/06/2025'],
    );
    expect(v.errors).toEqual([]);
    const [province, communes, dissolve] = v.rows as ReorganisationImportRow[];
    expect(reorganisationRequestOfRow(SHEET, province!, BY_CODE).input).toEqual({
      kind: 'establish',
      effectiveDate: '2025-07-01',
      legalBasis: { number: '202/2025/QH15', date: '2025-06-12' },
      predecessorIds: [],
      successors: [{ code: 'QT-2025', name: 'Quảng Trị', kind: 'tinh', parentId: null }],
    });
    expect(reorganisationRequestOfRow(SHEET, communes!, BY_CODE).input?.successors).toEqual([
      { code: 'QB-BD-D', name: 'Đê', kind: 'xa', parentId: 2 },
      { code: 'QB-BD-E', name: 'E', kind: 'xa', parentId: 2 },
    ]);
    // the "new" code of a dissolution is the area it goes into (here established by the first row)
    const withNew = new Map([...BY_CODE, ['QT-2025', area(6, 'QT-2025', 'tinh', null)]]);
    expect(reorganisationRequestOfRow(SHEET, dissolve!, withNew).input).toMatchObject({
      kind: 'dissolve',
      predecessorIds: [1],
      successors: [],
      intoId: 6,
    });
    const unknown = reorganisationRequestOfRow(SHEET, dissolve!, BY_CODE);
    expect(unknown.errors.map((e) => [e.column, e.message.vi])).toEqual([
      ['Mã địa bàn mới', 'Không tìm thấy địa bàn tiếp nhận mã "QT-2025".'],
    ]);
    // planReorganisation's reason about the area gone into is reported in that column
    const [intoTown] = table(['Giải thể', 'QB-BD-C', 'QB-BD', '', '', '', '01/07/2025', ...LEGAL])
      .rows as ReorganisationImportRow[];
    const plan = planReorganisation(reorganisationRequestOfRow(SHEET, intoTown!, BY_CODE).input!, {
      areas: AREAS,
      units: [],
      areaCodes: new Set(BY_CODE.keys()),
      unitCodes: new Set(),
    });
    expect(reorganisationPlanErrors(SHEET, 2, plan.errors).map((e) => [e.column, e.message.en])).toEqual([
      ['Mã địa bàn mới', 'QB-BD is not of the level of QB-BD-C: an area is dissolved into one of its own level.'],
    ]);
  });

  it('refuses an establishment with a former code or no kind, and a dissolution with a name', () => {
    const v = table(
      ['Thành lập mới', 'QB', 'QT-2025', 'Quảng Trị', '', '', '01/07/2025', ...LEGAL],
      ['Giải thể', 'QB', 'QT-2025', 'Quảng Trị', '', '', '01/07/2025', ...LEGAL],
    );
    expect(v.rows).toEqual([]);
    expect(v.errors.map((e) => [e.row, e.column, e.message.vi])).toEqual([
      [2, 'Mã địa bàn cũ', 'Thành lập mới không có địa bàn cũ: để trống cột này.'],
      [2, 'Loại địa bàn mới', 'Bắt buộc khi thành lập mới.'],
      [
        3,
        'Mã địa bàn mới',
        'Giải thể không có địa bàn mới: để trống, hoặc ghi một mã địa bàn đang có tiếp nhận địa bàn giải thể (không ghi tên).',
      ],
    ]);
  });
});
