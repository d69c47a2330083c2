import { z } from 'zod';
import { itemCode, points } from './grading-scores.schema.js';
import { localizedTextSchema } from '../catalogue/catalogue.schema.js';
import type { LocalizedText } from '../errors.js';
import { UNIT_TYPES, type UnitType } from '../units.js';
import { bilingual } from '../validation.js';
import { invalidInputError } from '../zod-error.js';

export {
  gradingScoresInputSchema,
  itemScoreSchema,
  scoresOverMaximum,
  type GradingScoresInput,
  type ItemScore,
} from './grading-scores.schema.js';
/**
 * The movement grades of a 100-point sheet, best first: Xuất sắc, Khá, Trung bình, Yếu.
 *
 * @example
 * ```ts
 * GRADES; // ['XUAT_SAC', 'KHA', 'TRUNG_BINH', 'YEU']
 * ```
 */
export const GRADES = ['XUAT_SAC', 'KHA', 'TRUNG_BINH', 'YEU'] as const;

/** One of {@link GRADES}. @example `const g: Grade = 'KHA';` */
export type Grade = (typeof GRADES)[number];

/**
 * The grades in both languages.
 *
 * @example
 * ```ts
 * GRADE_LABELS.XUAT_SAC; // { vi: 'Xuất sắc', en: 'Excellent' }
 * ```
 */
export const GRADE_LABELS: Readonly<Record<Grade, LocalizedText>> = {
  XUAT_SAC: { vi: 'Xuất sắc', en: 'Excellent' },
  KHA: { vi: 'Khá', en: 'Good' },
  TRUNG_BINH: { vi: 'Trung bình', en: 'Average' },
  YEU: { vi: 'Yếu', en: 'Weak' },
};

/**
 * A grade band: a total of at least `minimum` points earns `grade` (bands are listed best first).
 *
 * @example
 * ```ts
 * const band: GradeBand = { grade: 'KHA', minimum: 70 };
 * ```
 */
export interface GradeBand {
  grade: Grade;
  minimum: number;
}

/**
 * What a precondition requires: `standard_met` — the unit meets the "An toàn về an ninh, trật tự" standard
 * this year; `no_deductions` — no deduction was applied.
 *
 * @example
 * ```ts
 * PRECONDITION_KINDS; // ['standard_met', 'no_deductions']
 * ```
 */
export const PRECONDITION_KINDS = ['standard_met', 'no_deductions'] as const;

/** One of {@link PRECONDITION_KINDS}. @example `const p: PreconditionKind = 'standard_met';` */
export type PreconditionKind = (typeof PRECONDITION_KINDS)[number];

/**
 * A condition a grade needs besides the points; a unit that fails it drops to the next band down.
 *
 * @example
 * ```ts
 * const p: GradePrecondition = {
 *   grade: 'XUAT_SAC', requires: 'standard_met', verified: false,
 *   text: { vi: 'Phải đạt tiêu chuẩn "An toàn về an ninh, trật tự"', en: 'Must meet the standard' },
 * };
 * ```
 */
export interface GradePrecondition {
  grade: Grade;
  requires: PreconditionKind;
  text: LocalizedText;
  verified: boolean;
}

/**
 * The parameters that turn a total into a grade: bands (best first, the last with minimum 0) and
 * preconditions. `verified: false` while the cut-offs are ours (decision 510/QĐ-BCA-V05's were not found).
 *
 * @example
 * ```ts
 * const rules: GradingRules = { ...DEFAULT_GRADING_RULES, bands: [{ grade: 'XUAT_SAC', minimum: 95 }, …] };
 * ```
 */
export interface GradingRules {
  bands: readonly GradeBand[];
  preconditions: readonly GradePrecondition[];
  verified: boolean;
}

/**
 * An item of a sheet: a code unique in the sheet, a title and a maximum number of points.
 *
 * @example
 * ```ts
 * const item: SheetItem = { code: 'II.1', maxPoints: 3, verified: true, title: { vi: 'Tuyên truyền …', en: 'Propaganda …' } };
 * ```
 */
export interface SheetItem {
  code: string;
  title: LocalizedText;
  maxPoints: number;
  verified: boolean;
}

/**
 * A group of items (a section of the sheet).
 *
 * @example
 * ```ts
 * const group: SheetGroup = { code: 'II', title: { vi: 'Tuyên truyền', en: 'Propaganda' }, items: [item] };
 * ```
 */
export interface SheetGroup {
  code: string;
  title: LocalizedText;
  items: readonly SheetItem[];
}

/**
 * A deduction: each incident whose criterion code is `trigger.criterionCode` (and, when `trigger.items` is
 * given, whose item letter is one of them) takes `points` off the total — once per incident when
 * `perIncident`, else once — up to `maxPoints` for this rule (`null`: no cap).
 *
 * @example
 * ```ts
 * const d: DeductionRule = {
 *   code: 'D1', points: 10, perIncident: true, maxPoints: 20, verified: false,
 *   trigger: { criterionCode: 'KDC-3' },
 *   title: { vi: 'Xảy ra vụ việc thuộc tiêu chí KDC-3', en: 'An incident under KDC-3' },
 * };
 * ```
 */
export interface DeductionRule {
  code: string;
  title: LocalizedText;
  trigger: { criterionCode: string; items?: readonly string[] };
  points: number;
  perIncident: boolean;
  maxPoints: number | null;
  verified: boolean;
}

/**
 * A 100-point sheet template as data: groups of items whose maxima sum to exactly 100, deductions, and the
 * grading rules.
 *
 * @example
 * ```ts
 * const kdc: SheetTemplate = getSheetTemplate('kdc-510-2022');
 * kdc.groups.flatMap((g) => g.items).reduce((s, i) => s + i.maxPoints, 0); // 100
 * ```
 */
export interface SheetTemplate {
  id: string;
  title: LocalizedText;
  legalBasis: LocalizedText;
  unitTypes: readonly UnitType[];
  groups: readonly SheetGroup[];
  deductions: readonly DeductionRule[];
  rules: GradingRules;
}

/**
 * The zod schema of {@link GradingRules}: bands best first with strictly decreasing minima, each grade once,
 * the last band at 0; preconditions only on grades that have a band and not on the lowest one.
 *
 * @example
 * ```ts
 * gradingRulesSchema.safeParse(DEFAULT_GRADING_RULES).success; // true
 * ```
 */
export const gradingRulesSchema: z.ZodType<GradingRules> = z
  .strictObject({
    bands: z.array(z.strictObject({ grade: z.enum(GRADES), minimum: points })).min(1),
    preconditions: z.array(
      z.strictObject({
        grade: z.enum(GRADES),
        requires: z.enum(PRECONDITION_KINDS),
        text: localizedTextSchema,
        verified: z.boolean(),
      }),
    ),
    verified: z.boolean(),
  })
  .superRefine((rules, ctx) => {
    const grades = new Set<string>();
    rules.bands.forEach((band, i) => {
      if (grades.has(band.grade)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', i, 'grade'],
          message: bilingual(`Xếp loại trùng: ${band.grade}`, `Duplicate grade: ${band.grade}`),
        });
      }
      grades.add(band.grade);
      const previous = rules.bands[i - 1];
      if (previous && band.minimum >= previous.minimum) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', i, 'minimum'],
          message: bilingual('Các mức phải giảm dần', 'Band minima must decrease'),
        });
      }
    });
    const last = rules.bands[rules.bands.length - 1];
    if (last && last.minimum !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', rules.bands.length - 1, 'minimum'],
        message: bilingual('Mức thấp nhất phải là 0', 'The lowest band must start at 0'),
      });
    }
    rules.preconditions.forEach((p, i) => {
      if (!grades.has(p.grade) || p.grade === last?.grade) {
        ctx.addIssue({
          code: 'custom',
          path: ['preconditions', i, 'grade'],
          message: bilingual(
            'Điều kiện phải gắn với một mức có mức thấp hơn',
            'A precondition needs a band with a lower band below it',
          ),
        });
      }
    });
  });

/**
 * The zod schema of a {@link SheetTemplate}: unique group and item codes, item maxima summing to 100,
 * valid deductions and grading rules.
 *
 * @example
 * ```ts
 * sheetTemplateSchema.safeParse(DEFAULT_SHEET_TEMPLATES[0]).success; // true
 * ```
 */
export const sheetTemplateSchema: z.ZodType<SheetTemplate> = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: localizedTextSchema,
    legalBasis: localizedTextSchema,
    unitTypes: z.array(z.enum(UNIT_TYPES)).min(1),
    groups: z
      .array(
        z.strictObject({
          code: itemCode,
          title: localizedTextSchema,
          items: z
            .array(
              z.strictObject({
                code: itemCode,
                title: localizedTextSchema,
                maxPoints: points.gt(0),
                verified: z.boolean(),
              }),
            )
            .min(1),
        }),
      )
      .min(1),
    deductions: z.array(
      z.strictObject({
        code: itemCode,
        title: localizedTextSchema,
        trigger: z.strictObject({
          criterionCode: z.string().min(1),
          items: z.array(z.string().min(1)).min(1).optional(),
        }),
        points: points.gt(0),
        perIncident: z.boolean(),
        maxPoints: points.gt(0).nullable(),
        verified: z.boolean(),
      }),
    ),
    rules: gradingRulesSchema,
  })
  .superRefine((template, ctx) => {
    const codes = new Set<string>();
    let sum = 0;
    template.groups.forEach((group, g) => {
      if (codes.has(group.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', g, 'code'],
          message: bilingual(`Mã trùng: ${group.code}`, `Duplicate code: ${group.code}`),
        });
      }
      codes.add(group.code);
      group.items.forEach((item, i) => {
        if (codes.has(item.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', g, 'items', i, 'code'],
            message: bilingual(`Mã trùng: ${item.code}`, `Duplicate code: ${item.code}`),
          });
        }
        codes.add(item.code);
        sum += Math.round(item.maxPoints * 100);
      });
    });
    if (sum !== 10_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: bilingual(
          `Tổng điểm tối đa các mục là ${sum / 100}, phải bằng 100`,
          `Item maxima sum to ${sum / 100}, not 100`,
        ),
      });
    }
    const deductionCodes = new Set<string>();
    template.deductions.forEach((d, i) => {
      if (deductionCodes.has(d.code) || codes.has(d.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['deductions', i, 'code'],
          message: bilingual(`Mã trùng: ${d.code}`, `Duplicate code: ${d.code}`),
        });
      }
      deductionCodes.add(d.code);
    });
  });

/**
 * Validates an unknown value as a {@link SheetTemplate}; a malformed one throws `DomainError('INVALID')`
 * naming each problem's path.
 *
 * @example
 * ```ts
 * parseSheetTemplate({ ...template, groups: [] });
 * // DomainError INVALID: "Invalid sheet template kdc-510-2022: groups: Too small: …"
 * ```
 */
export function parseSheetTemplate(value: unknown): SheetTemplate {
  const result = sheetTemplateSchema.safeParse(value);
  if (result.success) return result.data;
  const id =
    typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
      ? ` ${(value as { id: string }).id}`
      : '';
  throw invalidInputError({ vi: `Mẫu phiếu chấm điểm${id}`, en: `sheet template${id}` }, result.error.issues);
}
