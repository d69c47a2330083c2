import { z } from 'zod';
import { MANAGING_LEVEL_LABELS } from '../area-labels.js';
import {
  ENTERPRISE_SIZE_LABELS,
  ENTERPRISE_SIZES,
  SCHOOL_LEVEL_LABELS,
  SCHOOL_LEVELS,
  type EnterpriseSize,
  type SchoolLevel,
} from '../catalogue/unit-attributes.js';
import type { LocalizedText } from '../errors.js';
import { foldForSearch } from '../text.js';
import { isoDateSchema } from '../unit.schema.js';
import {
  AREA_KIND_LEVEL,
  AREA_KINDS,
  MANAGING_LEVELS,
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  type AreaKind,
  type ManagingLevel,
  type UnitType,
} from '../units.js';
import { bilingual, describeZodIssues } from '../validation.js';
import { normalizeImportText, unescapeSpreadsheetText } from './cell-text.js';
import {
  AREA_KIND_IMPORT_LABELS,
  importColumns,
  matchImportHeaders,
  templateHeader,
  type ImportTable,
} from './import-columns.js';

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

// ── Vocabularies: every value a cell may hold, matched ignoring case, diacritics and punctuation ─────────

const fold = (text: string) =>
  foldForSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function vocabulary<T extends string>(entries: [T, readonly string[]][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, names] of entries) for (const name of [value, ...names]) map.set(fold(name), value);
  return map;
}

const AREA_KIND_WORDS = vocabulary<AreaKind>([
  ...AREA_KINDS.map((k) => [k, [AREA_KIND_IMPORT_LABELS[k].vi, AREA_KIND_IMPORT_LABELS[k].en]] as [AreaKind, string[]]),
  ['thanh-pho-tw', ['Thành phố trực thuộc TW', 'Thành phố TW', 'TP trực thuộc trung ương']],
  ['thanh-pho', ['Thành phố', 'City']],
]);
const UNIT_TYPE_WORDS = vocabulary<UnitType>(
  UNIT_TYPES.map((t) => [t, [UNIT_TYPE_LABELS[t].vi, UNIT_TYPE_LABELS[t].en]]),
);
const MANAGING_LEVEL_WORDS = vocabulary<ManagingLevel>([
  ['commune', [MANAGING_LEVEL_LABELS.commune.vi, MANAGING_LEVEL_LABELS.commune.en, 'Xã', 'Cấp xã, phường']],
  ['district', [MANAGING_LEVEL_LABELS.district.vi, MANAGING_LEVEL_LABELS.district.en, 'Huyện']],
  ['province', [MANAGING_LEVEL_LABELS.province.vi, MANAGING_LEVEL_LABELS.province.en, 'Tỉnh']],
]);
const ENTERPRISE_SIZE_WORDS = vocabulary<EnterpriseSize>([
  ...ENTERPRISE_SIZES.map(
    (s) => [s, [ENTERPRISE_SIZE_LABELS[s].vi, ENTERPRISE_SIZE_LABELS[s].en]] as [EnterpriseSize, string[]],
  ),
  ['micro', ['Siêu nhỏ']],
  ['small', ['Nhỏ']],
  ['medium', ['Vừa']],
  ['large', ['Lớn']],
]);
const SCHOOL_LEVEL_WORDS = vocabulary<SchoolLevel>([
  ...SCHOOL_LEVELS.map((s) => [s, [SCHOOL_LEVEL_LABELS[s].vi, SCHOOL_LEVEL_LABELS[s].en]] as [SchoolLevel, string[]]),
  ['creche', ['Nhà trẻ']],
  ['kindergarten', ['Mẫu giáo']],
  ['preschool', ['Mầm non']],
  ['primary', ['Tiểu học', 'TH']],
  ['lower_secondary', ['THCS', 'Trung học cơ sở']],
  ['upper_secondary', ['THPT', 'Trung học phổ thông']],
  ['multi_level', ['Liên cấp']],
  ['continuing_education', ['GDTX', 'Giáo dục thường xuyên']],
]);
const BOOLEAN_WORDS = vocabulary<'yes' | 'no'>([
  ['yes', ['Có', 'x', 'true', '1', 'đúng', 'c']],
  ['no', ['Không', 'false', '0', 'sai', 'k']],
]);

const REQUIRED = bilingual('Bắt buộc nhập', 'Required');
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

const text = (max: number) =>
  z
    .string()
    .min(1, { message: REQUIRED })
    .max(max, { message: bilingual(`Tối đa ${max} ký tự`, `At most ${max} characters`) });

const code = text(64).regex(CODE_PATTERN, {
  message: bilingual(
    'Mã chỉ gồm chữ không dấu, chữ số và các ký tự -_./ (không có khoảng trắng)',
    'A code holds only letters without diacritics, digits and the characters -_./ (no spaces)',
  ),
});
const optionalCode = z.union([z.literal('').transform(() => null), code]);

function word<T extends string>(words: Map<string, T>, what: LocalizedText, allowed: LocalizedText, optional: boolean) {
  return z.string().transform((value, ctx): T | null => {
    if (value === '') {
      if (optional) return null;
      ctx.addIssue({ code: 'custom', message: REQUIRED });
      return z.NEVER;
    }
    const found = words.get(fold(value));
    if (found === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: bilingual(
          `"${value}" không phải ${what.vi} hợp lệ. Chọn một trong: ${allowed.vi}`,
          `"${value}" is not a valid ${what.en}. Choose one of: ${allowed.en}`,
        ),
      });
      return z.NEVER;
    }
    return found;
  });
}

const list = <T extends string>(values: readonly T[], labels: Readonly<Record<T, LocalizedText>>): LocalizedText => ({
  vi: values.map((v) => labels[v].vi).join('; '),
  en: values.map((v) => labels[v].en).join('; '),
});

/**
 * Turns a date cell into an ISO date: `dd/mm/yyyy` (also with `-` or `.`, and one-digit day or month) or
 * `yyyy-mm-dd`; null when the text is not such a date or the day does not exist.
 *
 * @example
 * ```ts
 * parseImportDate('1/7/2025');   // '2025-07-01'
 * parseImportDate('2021-10-31'); // '2021-10-31'
 * parseImportDate('31/02/2021'); // null
 * ```
 */
export function parseImportDate(value: string): string | null {
  let y: string, m: string, d: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else if (vn) [, d, m, y] = vn as unknown as [string, string, string, string];
  else return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isoDateSchema.safeParse(date).success ? date : null;
}

const dateCell = z.string().transform((value, ctx): string | null => {
  if (value === '') return null;
  const date = parseImportDate(value);
  if (date === null) {
    ctx.addIssue({
      code: 'custom',
      message: bilingual(
        `"${value}" không phải ngày hợp lệ (dạng dd/mm/yyyy)`,
        `"${value}" is not a valid date (dd/mm/yyyy)`,
      ),
    });
    return z.NEVER;
  }
  return date;
});

const areaRowSchema = z.object({
  code,
  name: text(200),
  kind: word(
    AREA_KIND_WORDS,
    { vi: 'loại địa bàn', en: 'area kind' },
    list(AREA_KINDS, AREA_KIND_IMPORT_LABELS),
    false,
  ).transform((v) => v!),
  parentCode: optionalCode,
  validFrom: dateCell,
  validTo: dateCell,
});

const unitRowSchema = z.object({
  code,
  name: text(300),
  type: word(
    UNIT_TYPE_WORDS,
    { vi: 'loại đơn vị', en: 'unit type' },
    { vi: UNIT_TYPES.join(', '), en: UNIT_TYPES.join(', ') },
    false,
  ).transform((v) => v!),
  areaCode: code,
  managingLevel: word(
    MANAGING_LEVEL_WORDS,
    { vi: 'cấp quản lý', en: 'managing level' },
    list(MANAGING_LEVELS, MANAGING_LEVEL_LABELS),
    true,
  ),
  isArmedForces: word(
    BOOLEAN_WORDS,
    { vi: 'giá trị Có/Không', en: 'yes/no value' },
    { vi: 'Có; Không', en: 'Có (yes); Không (no)' },
    true,
  ),
  enterpriseSize: word(
    ENTERPRISE_SIZE_WORDS,
    { vi: 'quy mô doanh nghiệp', en: 'enterprise size' },
    list(ENTERPRISE_SIZES, ENTERPRISE_SIZE_LABELS),
    true,
  ),
  schoolLevel: word(
    SCHOOL_LEVEL_WORDS,
    { vi: 'cấp học', en: 'school level' },
    list(SCHOOL_LEVELS, SCHOOL_LEVEL_LABELS),
    true,
  ),
  validFrom: dateCell,
});

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
export type ValidatedImportTable =
  | { table: 'areas'; sheet: string; rows: AreaImportRow[]; errors: ImportRowError[] }
  | { table: 'units'; sheet: string; rows: UnitImportRow[]; errors: ImportRowError[] };

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
      const rowCode = record.code!;
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
      const parsed = table === 'areas' ? areaRowSchema.safeParse(record) : unitRowSchema.safeParse(record);
      if (!parsed.success) {
        for (const issue of describeZodIssues(parsed.error.issues))
          problems.push([issue.path.split('.')[0] || null, issue.message]);
      } else if (table === 'areas') {
        const value = parsed.data as z.infer<typeof areaRowSchema>;
        problems.push(...checkArea(value));
        if (problems.length === 0) areas.push({ row, ...value });
      } else {
        const value = parsed.data as z.infer<typeof unitRowSchema>;
        const checked = checkUnit(value);
        problems.push(...checked.problems);
        if (problems.length === 0) {
          units.push({
            row,
            code: value.code,
            name: value.name,
            type: value.type,
            areaCode: value.areaCode,
            managingLevel: checked.managingLevel!,
            isArmedForces: value.isArmedForces === 'yes',
            enterpriseSize: value.enterpriseSize,
            schoolLevel: value.schoolLevel,
            validFrom: value.validFrom,
          });
        }
      }
      for (const [field, message] of problems) errors.push({ sheet, row, column: columnName(field), field, message });
    }
  }
  return table === 'areas' ? { table, sheet, rows: areas, errors } : { table, sheet, rows: units, errors };
}
