import { AREA_KIND_LABELS, MANAGING_LEVEL_LABELS } from '../area-labels.js';
import {
  ENTERPRISE_SIZE_LABELS,
  ENTERPRISE_SIZES,
  SCHOOL_LEVEL_LABELS,
  SCHOOL_LEVELS,
} from '../catalogue/unit-attributes.js';
import type { LocalizedText } from '../errors.js';
import { foldForSearch } from '../text.js';
import { AREA_KINDS, MANAGING_LEVELS, UNIT_TYPE_LABELS, UNIT_TYPES, type AreaKind } from '../units.js';
import { REORGANISATION_IMPORT_COLUMNS } from './import-reorganisation-columns.js';

export { REORGANISATION_IMPORT_COLUMNS } from './import-reorganisation-columns.js';

// The columns of the import files (and of the template): one table of areas, one of units, one of
// reorganisations (merges, splits, renames, moves, dissolutions: issue 15). Headers are
// matched ignoring case, diacritics, spaces and a trailing "*", in Vietnamese, in English or by key.

/**
 * The tables an import file may hold: areas of the administrative tree, assessed units, and reorganisations of
 * the tree (applied after the other two, in row order).
 *
 * @example
 * ```ts
 * IMPORT_TABLES; // ['areas', 'units', 'reorganisations']
 * ```
 */
export const IMPORT_TABLES = ['areas', 'units', 'reorganisations'] as const;

/** One of {@link IMPORT_TABLES}. @example `const t: ImportTable = 'units';` */
export type ImportTable = (typeof IMPORT_TABLES)[number];

/**
 * One column of an import table: its key, header in both languages (the template writes the Vietnamese one,
 * with " *" when required), whether a value is required, what it holds, an example value and a width (in
 * characters) for the template.
 *
 * @example
 * ```ts
 * const c: ImportColumn = UNIT_IMPORT_COLUMNS[0]!;
 * c.header.vi; // 'Mã đơn vị'
 * ```
 */
export interface ImportColumn {
  key: string;
  header: LocalizedText;
  required: boolean;
  note: LocalizedText;
  example: string;
  width: number;
}

/**
 * The area kinds as import files and the template write them: {@link AREA_KIND_LABELS}, except that the two
 * kinds of city say which they are ("Thành phố" alone is ambiguous).
 *
 * @example
 * ```ts
 * AREA_KIND_IMPORT_LABELS['thanh-pho'].vi; // 'Thành phố thuộc tỉnh'
 * ```
 */
export const AREA_KIND_IMPORT_LABELS: Readonly<Record<AreaKind, LocalizedText>> = {
  ...AREA_KIND_LABELS,
  'thanh-pho-tw': { vi: 'Thành phố trực thuộc trung ương', en: 'Centrally-run city' },
  'thanh-pho': { vi: 'Thành phố thuộc tỉnh', en: 'Provincial city' },
};

const optionList = (labels: readonly string[]) => labels.join('; ');

/**
 * The columns of the areas table (sheet "Địa bàn"), in template order.
 *
 * @example
 * ```ts
 * AREA_IMPORT_COLUMNS.map((c) => c.key); // ['code', 'name', 'kind', 'parentCode', 'validFrom', 'validTo']
 * ```
 */
export const AREA_IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'code',
    header: { vi: 'Mã địa bàn', en: 'Area code' },
    required: true,
    note: {
      vi: 'Mã duy nhất của địa bàn (chữ, số, dấu - _ . /). Nhập lại cùng mã sẽ cập nhật địa bàn đó, không tạo trùng.',
      en: 'Unique code of the area (letters, digits, - _ . /). Importing the same code again updates that area, never duplicates it.',
    },
    example: 'QB-BD-QMOI',
    width: 18,
  },
  {
    key: 'name',
    header: { vi: 'Tên địa bàn', en: 'Area name' },
    required: true,
    note: { vi: 'Tên không kèm cấp, ví dụ "Quảng Mới".', en: 'The name without its kind, e.g. "Quảng Mới".' },
    example: 'Quảng Mới',
    width: 28,
  },
  {
    key: 'kind',
    header: { vi: 'Loại địa bàn', en: 'Area kind' },
    required: true,
    note: {
      vi: `Một trong: ${optionList(AREA_KINDS.map((k) => AREA_KIND_IMPORT_LABELS[k].vi))}.`,
      en: `One of: ${optionList(AREA_KINDS.map((k) => AREA_KIND_IMPORT_LABELS[k].en))}.`,
    },
    example: 'Xã',
    width: 22,
  },
  {
    key: 'parentCode',
    header: { vi: 'Mã địa bàn cấp trên', en: 'Parent area code' },
    required: false,
    note: {
      vi: 'Mã của huyện/thị xã hoặc tỉnh chứa địa bàn (đã có hoặc ở dòng khác của bảng). Bỏ trống với cấp tỉnh.',
      en: 'Code of the district or province holding the area (existing or on another row). Empty for a province.',
    },
    example: 'QB-BD',
    width: 20,
  },
  {
    key: 'validFrom',
    header: { vi: 'Hiệu lực từ ngày', en: 'Valid from' },
    required: false,
    note: {
      vi: 'Ngày thành lập, dạng dd/mm/yyyy. Bắt buộc khi tạo mới; bỏ trống khi cập nhật thì giữ nguyên.',
      en: 'Date of establishment, dd/mm/yyyy. Required for a new area; left empty on an update, it is kept.',
    },
    example: '01/01/2020',
    width: 16,
  },
  {
    key: 'validTo',
    header: { vi: 'Hiệu lực đến ngày', en: 'Valid to' },
    required: false,
    note: {
      vi: 'Ngày thôi tồn tại (sáp nhập, giải thể), dạng dd/mm/yyyy, không tính ngày này. Bỏ trống nếu còn hiệu lực.',
      en: 'Date from which the area no longer exists (merge, dissolution), dd/mm/yyyy, exclusive. Empty while it exists.',
    },
    example: '',
    width: 16,
  },
];

/**
 * The columns of the units table (sheet "Đơn vị"), in template order.
 *
 * @example
 * ```ts
 * UNIT_IMPORT_COLUMNS.find((c) => c.key === 'type')?.header.vi; // 'Loại đơn vị'
 * ```
 */
export const UNIT_IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'code',
    header: { vi: 'Mã đơn vị', en: 'Unit code' },
    required: true,
    note: {
      vi: 'Mã duy nhất của đơn vị. Nhập lại cùng mã sẽ cập nhật đơn vị đó, không tạo trùng.',
      en: 'Unique code of the unit. Importing the same code again updates that unit, never duplicates it.',
    },
    example: 'KDC-QB-BD-QMOI-1',
    width: 22,
  },
  {
    key: 'name',
    header: { vi: 'Tên đơn vị', en: 'Unit name' },
    required: true,
    note: {
      vi: 'Tên đầy đủ, ví dụ "Thôn Tây Bắc", "Trường THCS Quảng Mới".',
      en: 'Full name, e.g. "Thôn Tây Bắc", "Trường THCS Quảng Mới".',
    },
    example: 'Thôn Tây Bắc',
    width: 32,
  },
  {
    key: 'type',
    header: { vi: 'Loại đơn vị', en: 'Unit type' },
    required: true,
    note: {
      vi: `Mã hoặc tên: ${optionList(UNIT_TYPES.map((t) => `${t} (${UNIT_TYPE_LABELS[t].vi})`))}.`,
      en: `Code or name: ${optionList(UNIT_TYPES.map((t) => `${t} (${UNIT_TYPE_LABELS[t].en})`))}.`,
    },
    example: 'KDC',
    width: 14,
  },
  {
    key: 'areaCode',
    header: { vi: 'Mã địa bàn', en: 'Area code' },
    required: true,
    note: {
      vi: 'Mã của xã/phường (hoặc huyện, tỉnh với đơn vị do cấp đó quản lý) nơi đơn vị đóng. Khu dân cư và đơn vị cấp xã phải thuộc một xã/phường.',
      en: 'Code of the commune (or district, province for units that level manages) where the unit is. Villages and commune units must be in a commune.',
    },
    example: 'QB-BD-QMOI',
    width: 18,
  },
  {
    key: 'managingLevel',
    header: { vi: 'Cấp quản lý', en: 'Managing level' },
    required: false,
    note: {
      vi: `${optionList(MANAGING_LEVELS.map((l) => MANAGING_LEVEL_LABELS[l].vi))}. Khu dân cư: luôn Cấp xã (có thể bỏ trống). Đơn vị cấp xã: Cấp huyện hoặc Cấp tỉnh. Cơ quan, doanh nghiệp, trường: bắt buộc.`,
      en: `${optionList(MANAGING_LEVELS.map((l) => MANAGING_LEVEL_LABELS[l].en))}. Villages: always commune level (may be empty). Communes: district or province level. Agencies, enterprises, schools: required.`,
    },
    example: 'Cấp xã',
    width: 14,
  },
  {
    key: 'isArmedForces',
    header: { vi: 'Thuộc lực lượng vũ trang', en: 'Armed forces' },
    required: false,
    note: {
      vi: 'Chỉ với cơ quan: Có hoặc Không (bỏ trống = Không). Cơ quan thuộc lực lượng vũ trang không thuộc diện xét.',
      en: 'Agencies only: Yes or No (empty = No). Armed-forces agencies are excluded from the standard.',
    },
    example: '',
    width: 14,
  },
  {
    key: 'enterpriseSize',
    header: { vi: 'Quy mô doanh nghiệp', en: 'Enterprise size' },
    required: false,
    note: {
      vi: `Chỉ với doanh nghiệp: ${optionList(ENTERPRISE_SIZES.map((s) => ENTERPRISE_SIZE_LABELS[s].vi))}. Doanh nghiệp nhỏ và siêu nhỏ không thuộc diện xét.`,
      en: `Enterprises only: ${optionList(ENTERPRISE_SIZES.map((s) => ENTERPRISE_SIZE_LABELS[s].en))}. Small and micro enterprises are excluded.`,
    },
    example: '',
    width: 18,
  },
  {
    key: 'schoolLevel',
    header: { vi: 'Cấp học', en: 'School level' },
    required: false,
    note: {
      vi: `Chỉ với cơ sở giáo dục: ${optionList(SCHOOL_LEVELS.map((s) => SCHOOL_LEVEL_LABELS[s].vi))}. Nhà trẻ, mẫu giáo, mầm non, tiểu học không thuộc diện xét.`,
      en: `Education institutions only: ${optionList(SCHOOL_LEVELS.map((s) => SCHOOL_LEVEL_LABELS[s].en))}. Crèches, kindergartens, pre-schools and primary schools are excluded.`,
    },
    example: '',
    width: 22,
  },
  {
    key: 'validFrom',
    header: { vi: 'Hiệu lực từ ngày', en: 'Valid from' },
    required: false,
    note: {
      vi: 'Đơn vị mới: ngày bắt đầu tồn tại (thành lập); đơn vị đã có: ngày thay đổi của dòng (địa bàn, cấp quản lý, quy mô…) có hiệu lực. Dạng dd/mm/yyyy. Các năm trước ngày này giữ nguyên số liệu. Bỏ trống: ngày nhập.',
      en: 'A new unit: the day it begins to exist (established); an existing unit: the day the row’s changes (area, managing level, size…) take effect. dd/mm/yyyy. The years before keep their figures. Empty: the day of the import.',
    },
    example: '01/01/2026',
    width: 16,
  },
];

/**
 * The name of each table in both languages: the sheet names of the template and of the dry run's messages.
 *
 * @example
 * ```ts
 * IMPORT_TABLE_LABELS.units.vi; // 'Đơn vị'
 * ```
 */
export const IMPORT_TABLE_LABELS: Readonly<Record<ImportTable, LocalizedText>> = {
  areas: { vi: 'Địa bàn', en: 'Areas' },
  units: { vi: 'Đơn vị', en: 'Units' },
  reorganisations: { vi: 'Sắp xếp địa bàn', en: 'Reorganisations' },
};

/**
 * The columns of a table.
 *
 * @example
 * ```ts
 * importColumns('areas').length; // 6
 * ```
 */
export function importColumns(table: ImportTable): readonly ImportColumn[] {
  return table === 'areas'
    ? AREA_IMPORT_COLUMNS
    : table === 'units'
      ? UNIT_IMPORT_COLUMNS
      : REORGANISATION_IMPORT_COLUMNS;
}

/**
 * A header as the template writes it: the Vietnamese header, with " *" when a value is required.
 *
 * @example
 * ```ts
 * templateHeader(UNIT_IMPORT_COLUMNS[0]!); // 'Mã đơn vị *'
 * ```
 */
export function templateHeader(column: ImportColumn): string {
  return column.required ? `${column.header.vi} *` : column.header.vi;
}

const foldHeader = (text: string) => foldForSearch(text.replace(/\*/g, ' ')).replace(/[^a-z0-9]+/g, '');

/**
 * Finds the table of a header row: reorganisations when it has "Loại sắp xếp" and "Mã địa bàn cũ", units when
 * it has a "Mã đơn vị" column, areas when it has "Mã địa bàn" and "Tên địa bàn", otherwise none (an
 * instructions sheet, say).
 *
 * @example
 * ```ts
 * detectImportTable(['Loại sắp xếp *', 'Mã địa bàn cũ *']); // 'reorganisations'
 * detectImportTable(['Mã đơn vị *', 'Tên đơn vị *']); // 'units'
 * detectImportTable(['Hướng dẫn']);                   // null
 * ```
 */
export function detectImportTable(headers: readonly string[]): ImportTable | null {
  const folded = new Set(headers.map(foldHeader));
  const has = (table: ImportTable, key: string) => {
    const column = importColumns(table).find((c) => c.key === key);
    if (!column) throw new Error(`detectImportTable: the ${table} table has no column ${key}`);
    return [column.header.vi, column.header.en, column.key].some((h) => folded.has(foldHeader(h)));
  };
  if (has('reorganisations', 'kind') && has('reorganisations', 'fromCodes')) return 'reorganisations';
  if (has('units', 'code')) return 'units';
  if (has('areas', 'code') && has('areas', 'name')) return 'areas';
  return null;
}

/**
 * Matches a header row to a table's columns: for each column key found, its index and the header as written
 * in the file; and the required columns that are missing. Unknown columns (an "STT" column, notes) are
 * ignored; a column named twice counts once (the first).
 *
 * @example
 * ```ts
 * const m = matchImportHeaders('units', ['STT', 'Mã đơn vị *', 'Unit name']);
 * m.index.get('code');   // 1
 * m.header.get('name');  // 'Unit name'
 * m.missing.map((c) => c.key); // ['type', 'areaCode']
 * ```
 */
export function matchImportHeaders(
  table: ImportTable,
  headers: readonly string[],
): { index: Map<string, number>; header: Map<string, string>; missing: ImportColumn[] } {
  const index = new Map<string, number>();
  const header = new Map<string, string>();
  const columns = importColumns(table);
  headers.forEach((text, i) => {
    const folded = foldHeader(text);
    if (!folded) return;
    const column = columns.find((c) => [c.header.vi, c.header.en, c.key].some((h) => foldHeader(h) === folded));
    if (column && !index.has(column.key)) {
      index.set(column.key, i);
      header.set(column.key, text.trim());
    }
  });
  return { index, header, missing: columns.filter((c) => c.required && !index.has(c.key)) };
}
