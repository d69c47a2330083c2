import { type z } from 'zod';
import { areaRowSchema, reorganisationRowSchema, unitRowSchema } from './import-cells.js';
import { checkReorganisationRow, type ReorganisationImportRow } from './import-reorganisations.js';
import { type EnterpriseSize, type SchoolLevel } from '../catalogue/unit-attributes.js';
import type { LocalizedText } from '../errors.js';
import { AREA_KIND_LEVEL, UNIT_TYPE_LABELS, type AreaKind, type ManagingLevel, type UnitType } from '../units.js';
import { describeZodIssues } from '../validation.js';
import { normalizeImportText, unescapeSpreadsheetText } from './cell-text.js';
import { importColumns, matchImportHeaders, templateHeader, type ImportTable } from './import-columns.js';

/**
 * A table as read from a file, before validation: which table it is, the sheet it came from ("CSV" for a CSV
 * file), the header row and the data rows, each with its row number as the spreadsheet shows it (the header
 * is usually row 1, so the first data row is row 2). Cells are raw text.
 *
 * @example
 * ```ts
 * const raw: ImportRawTable = { table: 'units', sheet: 'Đơn vị', headerRow: 1, headers: ['Mã đơn vị', 'Tên đơn vị'],
 *   rows: [{ row: 2, cells: ['KDC-1', 'Thôn 1'] }] };
 * ```
 */
export interface ImportRawTable {
  table: ImportTable;
  sheet: string;
  headerRow: number;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/**
 * One problem of an import, located as a person finds it in the spreadsheet: the sheet, the row number, the
 * column header as written in the file (null for a problem of the whole row), the column's key, and what is
 * wrong in both languages.
 *
 * @example
 * ```ts
 * const e: ImportRowError = { sheet: 'Đơn vị', row: 3, column: 'Loại đơn vị', field: 'type',
 *   message: { vi: '"ABC" không phải loại đơn vị hợp lệ…', en: '"ABC" is not a valid unit type…' } };
 * ```
 */
export interface ImportRowError {
  sheet: string;
  row: number;
  column: string | null;
  field: string | null;
  message: LocalizedText;
}

/**
 * A valid row of the areas table (codes, ISO dates; empty optional cells are null).
 *
 * @example
 * ```ts
 * const a: AreaImportRow = { row: 2, code: 'QB-BD-QMOI', name: 'Quảng Mới', kind: 'xa', parentCode: 'QB-BD',
 *   validFrom: '2020-01-01', validTo: null };
 * ```
 */
export interface AreaImportRow {
  row: number;
  code: string;
  name: string;
  kind: AreaKind;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * A valid row of the units table, with its managing level resolved (villages: the commune).
 *
 * @example
 * ```ts
 * const u: UnitImportRow = { row: 2, code: 'KDC-QB-BD-QMOI-1', name: 'Thôn Tây Bắc', type: 'KDC', areaCode: 'QB-BD-QMOI',
 *   managingLevel: 'commune', isArmedForces: false, enterpriseSize: null, schoolLevel: null };
 * ```
 */
export interface UnitImportRow {
  row: number;
  code: string;
  name: string;
  type: UnitType;
  areaCode: string;
  managingLevel: ManagingLevel;
  isArmedForces: boolean;
  enterpriseSize: EnterpriseSize | null;
  schoolLevel: SchoolLevel | null;
  /** The day it begins to exist (ISO), or null: a new unit from the day of the import, an updated one kept. */
  validFrom: string | null;
}

export { parseImportDate } from './import-cells.js';
export type { ReorganisationImportRow } from './import-reorganisations.js';

/** A cross-field problem of one row: the field it is about and the message. */
type RowProblem = [field: string | null, message: LocalizedText];

function checkArea(row: z.infer<typeof areaRowSchema>): RowProblem[] {
  const problems: RowProblem[] = [];
  const isProvince = AREA_KIND_LEVEL[row.kind] === 'province';
  if (isProvince && row.parentCode !== null) {
    problems.push([
      'parentCode',
      {
        vi: 'Địa bàn cấp tỉnh không có địa bàn cấp trên: để trống cột này.',
        en: 'A province has no parent area: leave this column empty.',
      },
    ]);
  }
  if (!isProvince && row.parentCode === null) {
    problems.push([
      'parentCode',
      {
        vi: 'Bắt buộc nhập mã địa bàn cấp trên (huyện, thị xã hoặc tỉnh).',
        en: 'Required: the code of the parent area (district or province).',
      },
    ]);
  }
  if (row.parentCode !== null && row.parentCode === row.code) {
    problems.push([
      'parentCode',
      { vi: 'Địa bàn không thể là cấp trên của chính nó.', en: 'An area cannot be its own parent.' },
    ]);
  }
  if (row.validFrom !== null && row.validTo !== null && row.validTo <= row.validFrom) {
    problems.push([
      'validTo',
      { vi: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.', en: 'The end date must follow the start date.' },
    ]);
  }
  return problems;
}

function checkUnit(row: z.infer<typeof unitRowSchema>): {
  problems: RowProblem[];
  managingLevel: ManagingLevel | null;
} {
  const problems: RowProblem[] = [];
  let managingLevel = row.managingLevel;
  if (row.type === 'KDC') {
    if (managingLevel === null) managingLevel = 'commune';
    else if (managingLevel !== 'commune') {
      problems.push([
        'managingLevel',
        {
          vi: 'Khu dân cư luôn do cấp xã quản lý: chọn Cấp xã hoặc để trống.',
          en: 'A village is always managed by its commune: choose the commune level or leave it empty.',
        },
      ]);
    }
  } else if (row.type === 'XA') {
    if (managingLevel === null || managingLevel === 'commune') {
      problems.push([
        'managingLevel',
        {
          vi: 'Đơn vị cấp xã do cấp huyện hoặc cấp tỉnh quản lý: chọn Cấp huyện hoặc Cấp tỉnh.',
          en: 'A commune is managed by the district or the province: choose one of them.',
        },
      ]);
    }
  } else if (managingLevel === null) {
    problems.push([
      'managingLevel',
      {
        vi: `Bắt buộc với ${UNIT_TYPE_LABELS[row.type].vi.toLowerCase()}: Cấp xã, Cấp huyện hoặc Cấp tỉnh.`,
        en: `Required for an ${UNIT_TYPE_LABELS[row.type].en.toLowerCase()}: commune, district or province level.`,
      },
    ]);
  }
  if (row.isArmedForces === 'yes' && row.type !== 'CQ') {
    problems.push([
      'isArmedForces',
      {
        vi: 'Chỉ cơ quan (CQ) mới ghi thuộc lực lượng vũ trang.',
        en: 'Only an agency (CQ) can be marked as armed forces.',
      },
    ]);
  }
  if (row.enterpriseSize !== null && row.type !== 'DN') {
    problems.push([
      'enterpriseSize',
      {
        vi: 'Chỉ doanh nghiệp (DN) mới có quy mô doanh nghiệp.',
        en: 'Only an enterprise (DN) has an enterprise size.',
      },
    ]);
  }
  if (row.schoolLevel !== null && row.type !== 'CSGD') {
    problems.push([
      'schoolLevel',
      {
        vi: 'Chỉ cơ sở giáo dục (CSGD) mới có cấp học.',
        en: 'Only an education institution (CSGD) has a school level.',
      },
    ]);
  }
  return { problems, managingLevel };
}

/**
 * What {@link validateImportTable} gives: the valid rows of the table (areas or units) and the errors of the
 * others, each located by sheet, row and column.
 *
 * @example
 * ```ts
 * const v: ValidatedImportTable = validateImportTable(raw);
 * if (v.table === 'units') v.rows[0]?.managingLevel;
 * ```
 */
export type ValidatedImportTable = (
  | { table: 'areas'; sheet: string; rows: AreaImportRow[]; errors: ImportRowError[] }
  | { table: 'units'; sheet: string; rows: UnitImportRow[]; errors: ImportRowError[] }
  | { table: 'reorganisations'; sheet: string; rows: ReorganisationImportRow[]; errors: ImportRowError[] }
) & {
  /**
   * The area codes named by rows that have other errors (a unit's area, an area's parent), when that cell
   * itself is well formed: the plan still checks that each exists, so a person sees all of a row's errors
   * at once rather than the unknown area after fixing the rest.
   */
  references: ImportAreaReference[];
};

/**
 * An area code named by a row that {@link validateImportTable} could not accept for other reasons.
 *
 * @example
 * ```ts
 * const r: ImportAreaReference = { row: 2, field: 'areaCode', code: 'QB-BD-KHONGCO' };
 * ```
 */
export interface ImportAreaReference {
  row: number;
  field: 'areaCode' | 'parentCode';
  code: string;
}

/**
 * Validates a table read from a file, row by row with zod: every cell is normalised first (byte-order
 * marks dropped, NFC, spaces collapsed, our export's anti-formula apostrophe removed); blank rows are
 * skipped; a missing required column is one error on the header row; a code given twice is an error on its
 * second row. Each error says in both languages which row and column is wrong and why.
 *
 * @example
 * ```ts
 * const v = validateImportTable({ table: 'units', sheet: 'CSV', headerRow: 1,
 *   headers: ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã địa bàn'],
 *   rows: [{ row: 2, cells: ['KDC-1', 'Thôn 1', 'ABC', 'QB-BD-QTHUY'] }] });
 * v.errors[0]; // { sheet: 'CSV', row: 2, column: 'Loại đơn vị', field: 'type', message: { vi: '"ABC" không phải loại đơn vị hợp lệ…', … } }
 * ```
 */
export function validateImportTable(raw: ImportRawTable): ValidatedImportTable {
  const { table, sheet } = raw;
  const match = matchImportHeaders(table, raw.headers.map(normalizeImportText));
  const errors: ImportRowError[] = match.missing.map((column) => ({
    sheet,
    row: raw.headerRow,
    column: templateHeader(column),
    field: column.key,
    message: {
      vi: `Thiếu cột bắt buộc "${column.header.vi}" ở dòng tiêu đề.`,
      en: `The required column "${column.header.vi}" (${column.header.en}) is missing from the header row.`,
    },
  }));
  const columnName = (field: string | null) =>
    field === null
      ? null
      : (match.header.get(field) ?? importColumns(table).find((c) => c.key === field)?.header.vi ?? field);
  const areas: AreaImportRow[] = [];
  const units: UnitImportRow[] = [];
  const reorganisations: ReorganisationImportRow[] = [];
  const references: ImportAreaReference[] = [];
  if (errors.length === 0) {
    const seen = new Map<string, number>();
    for (const { row, cells } of raw.rows) {
      const record: Record<string, string> = {};
      let blank = true;
      for (const column of importColumns(table)) {
        const at = match.index.get(column.key);
        const value = at === undefined ? '' : unescapeSpreadsheetText(normalizeImportText(cells[at] ?? ''));
        if (value !== '') blank = false;
        record[column.key] = value;
      }
      if (blank) continue;
      const problems: RowProblem[] = [];
      const rowCode = record.code ?? '';
      const first = rowCode === '' ? undefined : seen.get(rowCode);
      if (first !== undefined) {
        problems.push([
          'code',
          {
            vi: `Mã "${rowCode}" đã có ở dòng ${first}.`,
            en: `The code "${rowCode}" already appears on row ${first}.`,
          },
        ]);
      } else if (rowCode !== '') seen.set(rowCode, row);
      const parsed =
        table === 'areas'
          ? areaRowSchema.safeParse(record)
          : table === 'units'
            ? unitRowSchema.safeParse(record)
            : reorganisationRowSchema.safeParse(record);
      if (!parsed.success) {
        for (const issue of describeZodIssues(parsed.error.issues))
          problems.push([issue.path.split('.')[0] || null, issue.message]);
      } else if (table === 'areas') {
        const value = parsed.data as z.infer<typeof areaRowSchema>;
        problems.push(...checkArea(value));
        if (problems.length === 0) areas.push({ row, ...value });
      } else if (table === 'reorganisations') {
        const value = parsed.data as z.infer<typeof reorganisationRowSchema>;
        problems.push(...checkReorganisationRow(value));
        if (problems.length === 0) reorganisations.push({ row, ...value });
      } else {
        const value = parsed.data as z.infer<typeof unitRowSchema>;
        const checked = checkUnit(value);
        problems.push(...checked.problems);
        const managingLevel = checked.managingLevel;
        // checkUnit gives a problem for every unit it cannot give a managing level
        if (problems.length === 0 && managingLevel === null)
          throw new Error('checkUnit: no problem and no managing level');
        if (problems.length === 0 && managingLevel !== null) {
          units.push({
            row,
            code: value.code,
            name: value.name,
            type: value.type,
            areaCode: value.areaCode,
            managingLevel,
            isArmedForces: value.isArmedForces === 'yes',
            enterpriseSize: value.enterpriseSize,
            schoolLevel: value.schoolLevel,
            validFrom: value.validFrom,
          });
        }
      }
      for (const [field, message] of problems) errors.push({ sheet, row, column: columnName(field), field, message });
      // a reorganisation row's codes are looked up when its turn comes (reorganisationRequestOfRow)
      const referenceField = table === 'areas' ? 'parentCode' : 'areaCode';
      const referenced = table === 'reorganisations' ? '' : (record[referenceField] ?? '');
      if (
        problems.length > 0 &&
        referenced !== '' &&
        !problems.some(([field]) => field === referenceField) &&
        unitRowSchema.shape.areaCode.safeParse(referenced).success
      )
        references.push({ row, field: referenceField, code: referenced });
    }
  }
  if (table === 'reorganisations') return { table, sheet, rows: reorganisations, errors, references };
  return table === 'areas'
    ? { table, sheet, rows: areas, errors, references }
    : { table, sheet, rows: units, errors, references };
}
