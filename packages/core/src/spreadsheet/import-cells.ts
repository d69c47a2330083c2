// The cells of the import tables: the words each may hold (matched ignoring case, diacritics and
// punctuation), codes, dates, and the per-cell schemas of an area row and a unit row. The checks across
// cells and rows are import-rows.ts's.
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
import { REORGANISATION_KIND_LABELS, type ReorganisationKind } from '../reorganisation-terms.js';
import { foldForSearch } from '../text.js';
import { isoDateSchema } from '../unit.schema.js';
import {
  AREA_KINDS,
  MANAGING_LEVELS,
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  type AreaKind,
  type ManagingLevel,
  type UnitType,
} from '../units.js';
import { bilingual } from '../validation.js';
import { AREA_KIND_IMPORT_LABELS } from './import-columns.js';

// ── Vocabularies: every value a cell may hold, matched ignoring case, diacritics and punctuation ─────────

const fold = (text: string) =>
  foldForSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function vocabulary<T extends string>(entries: [T, readonly string[]][]): ReadonlyMap<string, T> {
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

function lookUp<T extends string>(
  words: ReadonlyMap<string, T>,
  what: LocalizedText,
  allowed: LocalizedText,
  value: string,
  ctx: z.RefinementCtx,
): T {
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
}

/** A cell that must hold one of the words (an empty cell is "Required"). */
function requiredWord<T extends string>(words: ReadonlyMap<string, T>, what: LocalizedText, allowed: LocalizedText) {
  return z.string().transform((value, ctx): T => {
    if (value === '') {
      ctx.addIssue({ code: 'custom', message: REQUIRED });
      return z.NEVER;
    }
    return lookUp(words, what, allowed, value, ctx);
  });
}

/** A cell that may be empty (null) or hold one of the words. */
function optionalWord<T extends string>(words: ReadonlyMap<string, T>, what: LocalizedText, allowed: LocalizedText) {
  return z
    .string()
    .transform((value, ctx): T | null => (value === '' ? null : lookUp(words, what, allowed, value, ctx)));
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

/** The cells of a row of the areas table, each parsed on its own. */
export const areaRowSchema = z.object({
  code,
  name: text(200),
  kind: requiredWord(
    AREA_KIND_WORDS,
    { vi: 'loại địa bàn', en: 'area kind' },
    list(AREA_KINDS, AREA_KIND_IMPORT_LABELS),
  ),
  parentCode: optionalCode,
  validFrom: dateCell,
  validTo: dateCell,
});

/** The cells of a row of the units table, each parsed on its own. */
export const unitRowSchema = z.object({
  code,
  name: text(300),
  type: requiredWord(
    UNIT_TYPE_WORDS,
    { vi: 'loại đơn vị', en: 'unit type' },
    { vi: UNIT_TYPES.join(', '), en: UNIT_TYPES.join(', ') },
  ),
  areaCode: code,
  managingLevel: optionalWord(
    MANAGING_LEVEL_WORDS,
    { vi: 'cấp quản lý', en: 'managing level' },
    list(MANAGING_LEVELS, MANAGING_LEVEL_LABELS),
  ),
  isArmedForces: optionalWord(
    BOOLEAN_WORDS,
    { vi: 'giá trị Có/Không', en: 'yes/no value' },
    { vi: 'Có; Không', en: 'Có (yes); Không (no)' },
  ),
  enterpriseSize: optionalWord(
    ENTERPRISE_SIZE_WORDS,
    { vi: 'quy mô doanh nghiệp', en: 'enterprise size' },
    list(ENTERPRISE_SIZES, ENTERPRISE_SIZE_LABELS),
  ),
  schoolLevel: optionalWord(
    SCHOOL_LEVEL_WORDS,
    { vi: 'cấp học', en: 'school level' },
    list(SCHOOL_LEVELS, SCHOOL_LEVEL_LABELS),
  ),
  validFrom: dateCell,
});

const REORGANISATION_KIND_WORDS = vocabulary<ReorganisationKind>([
  ['merge', ['Sáp nhập', 'Hợp nhất', 'Nhập']],
  ['split', ['Chia tách', 'Chia', 'Tách']],
  ['rename', ['Đổi tên']],
  ['move', ['Chuyển nơi trực thuộc', 'Chuyển', 'Điều chỉnh địa giới', REORGANISATION_KIND_LABELS.move.vi]],
  ['dissolve', ['Giải thể', 'Kết thúc', 'End', REORGANISATION_KIND_LABELS.dissolve.vi]],
  ['establish', ['Thành lập mới', 'Thành lập', 'Establish']],
]);

/** A cell of codes separated by ";" (empty: none). */
const codeList = z.string().transform((value, ctx): string[] => {
  const codes = value
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  for (const c of codes) {
    const parsed = code.safeParse(c);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `"${c}": ${parsed.error.issues[0]?.message ?? ''}` });
      return z.NEVER;
    }
  }
  return codes;
});

/** A cell of names separated by ";" (empty: none). */
const nameList = z.string().transform((value, ctx): string[] => {
  const names = value
    .split(';')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.some((n) => n.length > 200)) {
    ctx.addIssue({
      code: 'custom',
      message: bilingual('Mỗi tên tối đa 200 ký tự', 'Each name has at most 200 characters'),
    });
    return z.NEVER;
  }
  return names;
});

const requiredDate = dateCell.transform((value, ctx): string => {
  if (value === null) {
    ctx.addIssue({ code: 'custom', message: REQUIRED });
    return z.NEVER;
  }
  return value;
});

/** The cells of a row of the reorganisations table, each parsed on its own. */
export const reorganisationRowSchema = z.object({
  kind: requiredWord(
    REORGANISATION_KIND_WORDS,
    { vi: 'loại sắp xếp', en: 'reorganisation kind' },
    {
      vi: 'Sáp nhập; Chia tách; Đổi tên; Chuyển nơi trực thuộc; Giải thể; Thành lập mới',
      en: 'Sáp nhập (merge); Chia tách (split); Đổi tên (rename); Chuyển nơi trực thuộc (move); Giải thể (dissolve); Thành lập mới (establish)',
    },
  ),
  fromCodes: codeList,
  toCodes: codeList,
  toNames: nameList,
  toKind: optionalWord(
    AREA_KIND_WORDS,
    { vi: 'loại địa bàn', en: 'area kind' },
    list(AREA_KINDS, AREA_KIND_IMPORT_LABELS),
  ),
  parentCode: optionalCode,
  effectiveDate: requiredDate,
  legalNumber: text(200),
  legalDate: requiredDate,
});
