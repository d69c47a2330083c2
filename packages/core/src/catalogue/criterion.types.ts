// The criteria of a catalogue as types: the kinds, their shapes (one interface per kind), checklist items,
// lettered items and their incident exceptions. Their zod schemas are in criterion.schema.ts.
import type { LocalizedText } from '../errors.js';
import type { QuarterlyMetric } from '../reports/quarterly-report.js';
import type { UnitType } from '../units.js';

// ── Criterion types ───────────────────────────────────────────────────────────────────────────────────────────

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
