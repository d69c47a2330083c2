import { z } from 'zod';
import type { LocalizedText } from '../errors.js';
import { isIsoDate } from '../periods/dates.js';
import { QUARTERLY_METRICS, type QuarterlyMetric } from '../reports/quarterly-report.js';
import { UNIT_TYPES, type UnitType } from '../units.js';
import { bilingual } from '../validation.js';
import {
  ELIGIBILITY_ATTRIBUTES,
  ENTERPRISE_SIZES,
  SCHOOL_LEVELS,
  type EligibilityAttribute,
  type EnterpriseSize,
  type SchoolLevel,
} from './unit-attributes.js';

// ── Types ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * The kinds of criterion, each with its own rule:
 *
 * | kind                | passes when                                                                     | example |
 * |---------------------|---------------------------------------------------------------------------------|---------|
 * | `requirement`       | every item of its checklist is answered yes                                     | KDC-2   |
 * | `disqualifying`     | no incident in the window references it (any of its lettered items)             | KDC-3   |
 * | `ratio`             | numerator / denominator ≥ `minimum` (and its checklist, if any, is all yes)     | KDC-1   |
 * | `managed_threshold` | of the units the commune manages: registered share ≥ `registeredMinimum` and recognised share ≥ `recognisedMinimum` | XA-4 |
 * | `composite`         | each listed criterion is met by ≥ `minimumShare` of the commune's units of `overTypes` | XA-2 |
 * | `comparison`        | this window's counts ≤ previous window's + `maxIncrease` (each metric, or their sum) | —     |
 * | `parts`             | every lettered part holds (each part: its checklist, its comparison, no counted incident) | KDC-4 |
 * | `rating`            | the answered rating is a passing level (or the body is absent where allowed), and its checklist is all yes | KDC-5 |
 *
 * @example
 * ```ts
 * CRITERION_KINDS.includes('ratio'); // true
 * ```
 */
export const CRITERION_KINDS = [
  'requirement',
  'disqualifying',
  'ratio',
  'managed_threshold',
  'composite',
  'comparison',
  'parts',
  'rating',
] as const;

/** One of {@link CRITERION_KINDS}. @example `const k: CriterionKind = 'disqualifying';` */
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/**
 * A yes/no item of a criterion's checklist. The answer gives `checks[key] = true | false`.
 *
 * @example
 * ```ts
 * const item: ChecklistItem = {
 *   key: 'resolution', verified: true,
 *   text: { vi: 'Chi bộ có nghị quyết trong quý I', en: 'The party cell passed a resolution in Q1' },
 * };
 * ```
 */
export interface ChecklistItem {
  key: string;
  text: LocalizedText;
  verified: boolean;
  /** Where the item is in the legal text (`Điều 4 khoản 1 Thông tư 124/2021/TT-BCA`); default: the criterion's. */
  source?: string;
}

/**
 * Why an incident that happened does not disqualify, where the law says so: `handled_promptly` ("kịp thời
 * phát hiện, xử lý, báo cáo ngay") and `force_majeure` ("trường hợp bất khả kháng"). An item lists the
 * exceptions it admits (KDC-4 b, CQDN-3 đ: both; KDC-4 d: force majeure).
 *
 * @example
 * ```ts
 * INCIDENT_EXCEPTIONS; // ['handled_promptly', 'force_majeure']
 * ```
 */
export const INCIDENT_EXCEPTIONS = ['handled_promptly', 'force_majeure'] as const;

/** One of {@link INCIDENT_EXCEPTIONS}. @example `const e: IncidentException = 'force_majeure';` */
export type IncidentException = (typeof INCIDENT_EXCEPTIONS)[number];

/**
 * The exceptions in both languages, as the law words them.
 *
 * @example
 * ```ts
 * INCIDENT_EXCEPTION_LABELS.force_majeure.vi; // 'Trường hợp bất khả kháng'
 * ```
 */
export const INCIDENT_EXCEPTION_LABELS: Readonly<Record<IncidentException, LocalizedText>> = {
  handled_promptly: {
    vi: 'Đã kịp thời phát hiện, xử lý và báo cáo ngay cơ quan có thẩm quyền',
    en: 'Promptly detected, handled and reported to the competent authority',
  },
  force_majeure: { vi: 'Trường hợp bất khả kháng', en: 'Force majeure' },
};

/**
 * A lettered item of a disqualifying list (a, b, c, d, đ, e, g, …). An incident that references the
 * criterion and this letter fails the criterion.
 *
 * @example
 * ```ts
 * const item: DisqualifyingItem = {
 *   letter: 'c', verified: true, text: { vi: 'Truyền đạo trái pháp luật', en: 'Spreading an illegal religion' },
 * };
 * ```
 */
export interface DisqualifyingItem {
  letter: string;
  text: LocalizedText;
  verified: boolean;
  /** Where the item is in the legal text; default: the criterion's. */
  source?: string;
  /** Exceptions that keep an incident of this item from disqualifying (none when absent). */
  exceptions?: readonly IncidentException[];
}

/**
 * What every criterion has. `code` is stable across catalogue versions (`KDC-1`, `XA-4`, `CQDN-3`…);
 * `verified: false` says its wording or its parameters could not be confirmed against the legal text;
 * `source` points into the legal text.
 *
 * @example
 * ```ts
 * const base: CriterionBase = {
 *   code: 'KDC-2', unitTypes: ['KDC'], verified: true, source: 'Thông tư 124/2021/TT-BCA',
 *   title: { vi: 'Chấp hành chủ trương, chính sách, pháp luật', en: 'Carries out policy and law' },
 *   explanation: { vi: '…', en: '…' },
 * };
 * ```
 */
export interface CriterionBase {
  code: string;
  unitTypes: readonly UnitType[];
  title: LocalizedText;
  explanation: LocalizedText;
  verified: boolean;
  /** Article, clause and point of the legal text: `Điều 4 khoản 3 Thông tư 124/2021/TT-BCA`. */
  source?: string;
  /**
   * For administrators, not officials: what could not be confirmed and what is missing ("chưa đối chiếu
   * văn bản …"), or how the engine reads a rule the law leaves open.
   */
  note?: LocalizedText;
}

/** A criterion met when every checklist item is answered yes. @example `const c: RequirementCriterion = { ...base, kind: 'requirement', checklist: [item] };` */
export interface RequirementCriterion extends CriterionBase {
  kind: 'requirement';
  checklist: readonly ChecklistItem[];
}

/** A criterion failed by any incident in the window that references it. @example `const c: DisqualifyingCriterion = { ...base, kind: 'disqualifying', items: [] };` */
export interface DisqualifyingCriterion extends CriterionBase {
  kind: 'disqualifying';
  items: readonly DisqualifyingItem[];
}

/**
 * A criterion met when the answered `numerator / denominator` reaches `minimum` (a share in (0, 1]) and its
 * checklist (possibly empty) is all yes.
 *
 * @example
 * ```ts
 * const c: RatioCriterion = {
 *   ...base, kind: 'ratio', minimum: 1, checklist: [],
 *   numerator: { vi: 'Số hộ ký cam kết', en: 'Households pledged' },
 *   denominator: { vi: 'Số hộ thường trú', en: 'Resident households' },
 * };
 * ```
 */
export interface RatioCriterion extends CriterionBase {
  kind: 'ratio';
  numerator: LocalizedText;
  denominator: LocalizedText;
  minimum: number;
  checklist: readonly ChecklistItem[];
}

/**
 * A commune's criterion over the units it manages (its `KDC`, and its `CQ`/`DN`/`CSGD` whose managing level
 * is the commune), restricted to `managedTypes`. Excluded units do not count. Met when registered / eligible
 * ≥ `registeredMinimum` (skipped when `null`) and recognised (Đạt) / eligible ≥ `recognisedMinimum`.
 *
 * @example
 * ```ts
 * const xa4: ManagedThresholdCriterion = {
 *   ...base, kind: 'managed_threshold', managedTypes: ['KDC', 'CQ', 'DN', 'CSGD'],
 *   registeredMinimum: 1, recognisedMinimum: 0.7,
 * };
 * ```
 */
export interface ManagedThresholdCriterion extends CriterionBase {
  kind: 'managed_threshold';
  managedTypes: readonly UnitType[];
  registeredMinimum: number | null;
  recognisedMinimum: number;
}

/**
 * A commune's criterion that holds when each of `criteria` is met by at least `minimumShare` of the
 * commune's eligible units of `overTypes` (1 = all of them).
 *
 * @example
 * ```ts
 * const xa2: CompositeCriterion = {
 *   ...base, kind: 'composite', criteria: ['KDC-2', 'KDC-3', 'KDC-4'], overTypes: ['KDC'], minimumShare: 1,
 * };
 * ```
 */
export interface CompositeCriterion extends CriterionBase {
  kind: 'composite';
  criteria: readonly string[];
  overTypes: readonly UnitType[];
  minimumShare: number;
}

/**
 * A criterion comparing this window's report counts with the previous window's: with `aggregate: 'each'`
 * every metric must satisfy `current ≤ previous + maxIncrease`; with `'sum'` the sum of the metrics must.
 * A metric whose current count is 0 always satisfies it. Without current counts, or without previous counts
 * for a metric that is not 0 now, the outcome is `missing` (not met).
 *
 * @example
 * ```ts
 * const kdc4: ComparisonCriterion = {
 *   ...base, kind: 'comparison', metrics: ['crimes', 'socialEvils'], aggregate: 'each', maxIncrease: 0,
 * };
 * ```
 */
export interface ComparisonCriterion extends CriterionBase {
  kind: 'comparison';
  metrics: readonly QuarterlyMetric[];
  aggregate: 'each' | 'sum';
  maxIncrease: number;
}

/**
 * The rule of a comparison (a `comparison` criterion, or a part of a `parts` criterion): with
 * `aggregate: 'each'` every metric must satisfy `current ≤ previous + maxIncrease`; with `'sum'` their sum.
 *
 * @example
 * ```ts
 * const rule: ComparisonRule = { metrics: ['crimes', 'socialEvils'], aggregate: 'each', maxIncrease: 0 };
 * ```
 */
export interface ComparisonRule {
  metrics: readonly QuarterlyMetric[];
  aggregate: 'each' | 'sum';
  maxIncrease: number;
}

/**
 * One lettered part of a `parts` criterion (KDC-4 a–d). A part holds when each rule it has holds: its
 * `checklist` (answered in the criterion's `checks`, keys unique across the parts), its `comparison` (report
 * counts), and, when `incidents` is given, no counted incident naming the criterion and this letter
 * (an incident whose exception is in `incidents.exceptions` is listed but not counted).
 *
 * @example
 * ```ts
 * const b: CriterionPart = {
 *   letter: 'b', verified: true, text: { vi: 'Không để xảy ra tội phạm nghiêm trọng trở lên', en: 'No serious crime' },
 *   incidents: { exceptions: ['handled_promptly', 'force_majeure'] },
 * };
 * ```
 */
export interface CriterionPart {
  letter: string;
  text: LocalizedText;
  verified: boolean;
  source?: string;
  checklist?: readonly ChecklistItem[];
  comparison?: ComparisonRule;
  incidents?: { exceptions: readonly IncidentException[] };
}

/**
 * A criterion of several lettered parts, **all** required (KDC-4 a–d; XA-3's two halves).
 *
 * @example
 * ```ts
 * const kdc4: PartsCriterion = { ...base, kind: 'parts', parts: [a, b, c, d] };
 * ```
 */
export interface PartsCriterion extends CriterionBase {
  kind: 'parts';
  parts: readonly CriterionPart[];
}

/**
 * A level of a rating scale (a yearly rating of a body: "Hoàn thành tốt nhiệm vụ", "Tập thể lao động tiên
 * tiến" …) and whether it is good enough for the criterion.
 *
 * @example
 * ```ts
 * const level: RatingLevel = { key: 'hoan-thanh', passes: true, text: { vi: 'Hoàn thành nhiệm vụ', en: 'Fulfilled its tasks' } };
 * ```
 */
export interface RatingLevel {
  key: string;
  text: LocalizedText;
  passes: boolean;
}

/**
 * A criterion on the yearly rating of a body (the grassroots forces of a village, the security force of an
 * agency, enterprise or school), answered as `rating` (a level key) with its own evidence. Met when the
 * level passes (or, when `absentAllowed`, the answer is `'none'`: the unit has no such body) and the
 * checklist (e.g. "nobody disciplined") is all yes.
 *
 * @example
 * ```ts
 * const kdc5: RatingCriterion = {
 *   ...base, kind: 'rating', subject: { vi: 'Lực lượng …', en: 'The forces …' }, absentAllowed: false,
 *   levels: [{ key: 'hoan-thanh', passes: true, text: { vi: 'Hoàn thành nhiệm vụ', en: 'Fulfilled its tasks' } }],
 *   checklist: [],
 * };
 * ```
 */
export interface RatingCriterion extends CriterionBase {
  kind: 'rating';
  subject: LocalizedText;
  levels: readonly RatingLevel[];
  absentAllowed: boolean;
  checklist: readonly ChecklistItem[];
}

/**
 * The answer `rating` that says a unit has no body to rate (allowed where `absentAllowed`).
 *
 * @example
 * ```ts
 * const answer = { rating: RATING_ABSENT }; // 'none'
 * ```
 */
export const RATING_ABSENT = 'none';

/**
 * Any criterion of a catalogue (a union discriminated by `kind`).
 *
 * @example
 * ```ts
 * function describe(c: Criterion) { return c.kind === 'ratio' ? `≥ ${c.minimum}` : c.kind; }
 * ```
 */
export type Criterion =
  | RequirementCriterion
  | DisqualifyingCriterion
  | RatioCriterion
  | ManagedThresholdCriterion
  | CompositeCriterion
  | ComparisonCriterion
  | PartsCriterion
  | RatingCriterion;

/**
 * An eligibility rule: units of `unitTypes` whose `attribute` takes one of `values` are excluded from the
 * standard, for `reason`.
 *
 * @example
 * ```ts
 * const rule: EligibilityRule = {
 *   id: 'small-micro-enterprises', unitTypes: ['DN'], attribute: 'enterpriseSize', values: ['micro', 'small'],
 *   reason: { vi: 'Doanh nghiệp nhỏ và siêu nhỏ không thuộc diện…', en: 'Small and micro enterprises are not…' },
 *   verified: true,
 * };
 * ```
 */
export interface EligibilityRule {
  id: string;
  unitTypes: readonly UnitType[];
  attribute: EligibilityAttribute;
  values: readonly (boolean | EnterpriseSize | SchoolLevel)[];
  reason: LocalizedText;
  verified: boolean;
}

/**
 * A versioned criteria catalogue: the legal basis, the dates it is in force (`effectiveTo` is the last day,
 * inclusive; `null` while in force), the criteria of every unit type and the eligibility rules. A province's
 * extension names its base in `extends`.
 *
 * @example
 * ```ts
 * const c: Catalogue = TT124_2021;
 * c.criteria.filter((x) => x.unitTypes.includes('KDC')).map((x) => x.code); // ['KDC-1', …, 'KDC-5']
 * ```
 */
export interface Catalogue {
  id: string;
  title: LocalizedText;
  legalBasis: LocalizedText;
  effectiveFrom: string;
  effectiveTo: string | null;
  extends?: string | null;
  notes?: LocalizedText;
  criteria: readonly Criterion[];
  eligibility: readonly EligibilityRule[];
}

// ── Schemas ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Text in Vietnamese and English, both non-empty.
 *
 * @example
 * ```ts
 * localizedTextSchema.parse({ vi: 'Đạt', en: 'Met' });
 * ```
 */
export const localizedTextSchema: z.ZodType<LocalizedText> = z.strictObject({
  vi: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

const isoDate = z
  .string()
  .refine(isIsoDate, { message: bilingual('Ngày phải có dạng YYYY-MM-DD', 'Date must be YYYY-MM-DD') });
const share = z.number().gt(0).lte(1);
const unitTypes = z.array(z.enum(UNIT_TYPES)).min(1);

/**
 * A criterion code: upper-case words joined by dashes, ending in a number or word (`KDC-1`, `CQDN-3`,
 * `QB-KDC-6` for a province's own criterion).
 *
 * @example
 * ```ts
 * CRITERION_CODE_PATTERN.test('XA-4'); // true
 * CRITERION_CODE_PATTERN.test('xa4');  // false
 * ```
 */
export const CRITERION_CODE_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

const code = z.string().regex(CRITERION_CODE_PATTERN, {
  message: bilingual('Mã tiêu chí phải có dạng KDC-1', 'A criterion code looks like KDC-1'),
});

/**
 * The letters that number the items of a Vietnamese legal list, in order (no f, j, w, z).
 *
 * @example
 * ```ts
 * ITEM_LETTERS.slice(0, 7).join(' '); // 'a b c d đ e g'
 * ```
 */
export const ITEM_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
] as const;

const keySchema = z.string().regex(/^[a-z][a-z0-9_-]*$/, {
  message: bilingual('Khoá dạng chữ thường a-z, 0-9, _ -', 'Key is lower-case a-z, 0-9, _ -'),
});
const source = z.string().min(1).optional();
const letter = z.enum(ITEM_LETTERS, {
  message: bilingual('Chữ cái của điểm: a, b, c, d, đ, e, g…', 'Item letter: a, b, c, d, đ, e, g…'),
});
const exceptions = z.array(z.enum(INCIDENT_EXCEPTIONS));

const checklistItem = z.strictObject({
  key: keySchema,
  text: localizedTextSchema,
  verified: z.boolean(),
  source,
});

const comparisonRule = {
  metrics: z.array(z.enum(QUARTERLY_METRICS)).min(1),
  aggregate: z.enum(['each', 'sum']),
  maxIncrease: z.number().int().min(0),
};

const base = {
  code,
  unitTypes,
  title: localizedTextSchema,
  explanation: localizedTextSchema,
  verified: z.boolean(),
  source,
  note: localizedTextSchema.optional(),
};

/**
 * Validates one criterion (shape only; cross-references are checked by {@link catalogueSchema}).
 *
 * @example
 * ```ts
 * criterionSchema.safeParse({ code: 'KDC-9', kind: 'ratio' }).success; // false
 * ```
 */
export const criterionSchema: z.ZodType<Criterion> = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('requirement'), checklist: z.array(checklistItem).min(1) }),
  z.strictObject({
    ...base,
    kind: z.literal('disqualifying'),
    items: z.array(
      z.strictObject({
        letter,
        text: localizedTextSchema,
        verified: z.boolean(),
        source,
        exceptions: exceptions.optional(),
      }),
    ),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('ratio'),
    numerator: localizedTextSchema,
    denominator: localizedTextSchema,
    minimum: share,
    checklist: z.array(checklistItem),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('managed_threshold'),
    managedTypes: unitTypes,
    registeredMinimum: z.number().min(0).max(1).nullable(),
    recognisedMinimum: z.number().min(0).max(1),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('composite'),
    criteria: z.array(code).min(1),
    overTypes: unitTypes,
    minimumShare: share,
  }),
  z.strictObject({ ...base, kind: z.literal('comparison'), ...comparisonRule }),
  z.strictObject({
    ...base,
    kind: z.literal('parts'),
    parts: z
      .array(
        z
          .strictObject({
            letter,
            text: localizedTextSchema,
            verified: z.boolean(),
            source,
            checklist: z.array(checklistItem).optional(),
            comparison: z.strictObject(comparisonRule).optional(),
            incidents: z.strictObject({ exceptions }).optional(),
          })
          .refine((p) => p.checklist !== undefined || p.comparison !== undefined || p.incidents !== undefined, {
            message: bilingual('Mỗi phần cần ít nhất một quy tắc', 'Each part needs at least one rule'),
          }),
      )
      .min(1),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('rating'),
    subject: localizedTextSchema,
    levels: z
      .array(z.strictObject({ key: keySchema, text: localizedTextSchema, passes: z.boolean() }))
      .min(1)
      .refine((levels) => levels.some((l) => l.passes), {
        message: bilingual('Cần ít nhất một mức đạt', 'At least one level must pass'),
      })
      .refine((levels) => levels.every((l) => l.key !== RATING_ABSENT), {
        message: bilingual(`Khoá "${RATING_ABSENT}" dành riêng`, `The key "${RATING_ABSENT}" is reserved`),
      }),
    absentAllowed: z.boolean(),
    checklist: z.array(checklistItem),
  }),
]);

const eligibilityRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  unitTypes,
  attribute: z.enum(ELIGIBILITY_ATTRIBUTES),
  values: z.array(z.union([z.boolean(), z.enum(ENTERPRISE_SIZES), z.enum(SCHOOL_LEVELS)])).min(1),
  reason: localizedTextSchema,
  verified: z.boolean(),
});

const ALLOWED_VALUES: Record<EligibilityAttribute, readonly unknown[]> = {
  isArmedForces: [true, false],
  enterpriseSize: ENTERPRISE_SIZES,
  schoolLevel: SCHOOL_LEVELS,
};

const ONLY_XA = bilingual(
  'Tiêu chí này chỉ áp dụng cho cấp xã (XA)',
  'This kind of criterion applies to communes (XA) only',
);

/**
 * The zod schema of a {@link Catalogue}. Besides shapes it checks: unique criterion codes, unique checklist
 * keys and item letters, `effectiveTo` ≥ `effectiveFrom`, at least one criterion for every unit type,
 * `managed_threshold` and `composite` criteria only for `XA`, over non-XA types, composites referring to
 * existing criteria of those types that are themselves neither composite nor managed thresholds (so a
 * commune's dependencies resolve in one pass), and eligibility values that suit their attribute.
 * Use {@link parseCatalogue} to get a `DomainError` instead of zod's error.
 *
 * @example
 * ```ts
 * catalogueSchema.safeParse(TT124_2021).success; // true
 * ```
 */
export const catalogueSchema: z.ZodType<Catalogue> = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\+[a-z0-9]+(-[a-z0-9]+)*)*$/, {
      message: bilingual('Mã danh mục dạng tt124-2021', 'A catalogue id looks like tt124-2021'),
    }),
    title: localizedTextSchema,
    legalBasis: localizedTextSchema,
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    extends: z.string().min(1).nullable().optional(),
    notes: localizedTextSchema.optional(),
    criteria: z.array(criterionSchema).min(1),
    eligibility: z.array(eligibilityRuleSchema),
  })
  .superRefine((catalogue, ctx) => {
    if (catalogue.effectiveTo !== null && catalogue.effectiveTo < catalogue.effectiveFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['effectiveTo'],
        message: bilingual('Ngày hết hiệu lực trước ngày có hiệu lực', 'effectiveTo is before effectiveFrom'),
      });
    }
    const byCode = new Map<string, (typeof catalogue.criteria)[number]>();
    catalogue.criteria.forEach((criterion, i) => {
      if (byCode.has(criterion.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'code'],
          message: bilingual(`Mã tiêu chí trùng: ${criterion.code}`, `Duplicate criterion code: ${criterion.code}`),
        });
      }
      byCode.set(criterion.code, criterion);
      if (new Set(criterion.unitTypes).size !== criterion.unitTypes.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'unitTypes'],
          message: bilingual('Loại đơn vị trùng', 'Duplicate unit type'),
        });
      }
      if (
        criterion.kind === 'requirement' ||
        criterion.kind === 'ratio' ||
        criterion.kind === 'rating' ||
        criterion.kind === 'parts'
      ) {
        const keys = new Set<string>();
        const lists =
          criterion.kind === 'parts'
            ? criterion.parts.map((p, k) => ({ path: ['parts', k, 'checklist'], list: p.checklist ?? [] }))
            : [{ path: ['checklist'], list: criterion.checklist }];
        for (const { path, list } of lists) {
          list.forEach((item, j) => {
            if (keys.has(item.key)) {
              ctx.addIssue({
                code: 'custom',
                path: ['criteria', i, ...path, j, 'key'],
                message: bilingual(`Khoá trùng: ${item.key}`, `Duplicate key: ${item.key}`),
              });
            }
            keys.add(item.key);
          });
        }
      }
      if (criterion.kind === 'parts' || criterion.kind === 'rating') {
        const seen = new Set<string>();
        const keys =
          criterion.kind === 'parts' ? criterion.parts.map((p) => p.letter) : criterion.levels.map((l) => l.key);
        keys.forEach((key, j) => {
          if (seen.has(key)) {
            ctx.addIssue({
              code: 'custom',
              path: ['criteria', i, criterion.kind === 'parts' ? 'parts' : 'levels', j],
              message: bilingual(`Trùng: ${key}`, `Duplicate: ${key}`),
            });
          }
          seen.add(key);
        });
      }
      if (criterion.kind === 'disqualifying') {
        const letters = new Set<string>();
        criterion.items.forEach((item, j) => {
          if (letters.has(item.letter)) {
            ctx.addIssue({
              code: 'custom',
              path: ['criteria', i, 'items', j, 'letter'],
              message: bilingual(`Điểm trùng: ${item.letter}`, `Duplicate item letter: ${item.letter}`),
            });
          }
          letters.add(item.letter);
        });
      }
      if (criterion.kind === 'managed_threshold' || criterion.kind === 'composite') {
        if (criterion.unitTypes.length !== 1 || criterion.unitTypes[0] !== 'XA') {
          ctx.addIssue({ code: 'custom', path: ['criteria', i, 'unitTypes'], message: ONLY_XA });
        }
        const over = criterion.kind === 'composite' ? criterion.overTypes : criterion.managedTypes;
        const field = criterion.kind === 'composite' ? 'overTypes' : 'managedTypes';
        if (over.includes('XA')) {
          ctx.addIssue({
            code: 'custom',
            path: ['criteria', i, field],
            message: bilingual(
              'Đơn vị do xã quản lý không gồm cấp xã',
              'The units a commune manages do not include communes',
            ),
          });
        }
      }
      if (criterion.kind === 'comparison' && new Set(criterion.metrics).size !== criterion.metrics.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'metrics'],
          message: bilingual('Chỉ số trùng', 'Duplicate metric'),
        });
      }
    });
    catalogue.criteria.forEach((criterion, i) => {
      if (criterion.kind !== 'composite') return;
      criterion.criteria.forEach((ref, j) => {
        const target = byCode.get(ref);
        const path = ['criteria', i, 'criteria', j];
        if (!target) {
          ctx.addIssue({ code: 'custom', path, message: bilingual(`Không có tiêu chí ${ref}`, `No criterion ${ref}`) });
        } else if (target.kind === 'composite' || target.kind === 'managed_threshold') {
          ctx.addIssue({
            code: 'custom',
            path,
            message: bilingual(`${ref} không thể là tiêu chí tổng hợp`, `${ref} cannot itself depend on managed units`),
          });
        } else if (!criterion.overTypes.every((t) => target.unitTypes.includes(t))) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: bilingual(
              `${ref} không áp dụng cho ${criterion.overTypes.join(', ')}`,
              `${ref} does not apply to ${criterion.overTypes.join(', ')}`,
            ),
          });
        }
      });
    });
    for (const type of UNIT_TYPES) {
      if (!catalogue.criteria.some((c) => c.unitTypes.includes(type))) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria'],
          message: bilingual(`Không có tiêu chí nào cho loại ${type}`, `No criterion for unit type ${type}`),
        });
      }
    }
    const ruleIds = new Set<string>();
    catalogue.eligibility.forEach((rule, i) => {
      if (ruleIds.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['eligibility', i, 'id'],
          message: bilingual(`Mã quy tắc trùng: ${rule.id}`, `Duplicate rule id: ${rule.id}`),
        });
      }
      ruleIds.add(rule.id);
      rule.values.forEach((value, j) => {
        if (!ALLOWED_VALUES[rule.attribute].includes(value)) {
          ctx.addIssue({
            code: 'custom',
            path: ['eligibility', i, 'values', j],
            message: bilingual(
              `Giá trị ${String(value)} không hợp với thuộc tính ${rule.attribute}`,
              `Value ${String(value)} does not suit attribute ${rule.attribute}`,
            ),
          });
        }
      });
    });
  });
