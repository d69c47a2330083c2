import type { LocalizedText } from '../errors.js';
import type { IncidentRecord } from '../recognition/assessment.schema.js';
import {
  GRADE_LABELS,
  type Grade,
  type GradeBand,
  type GradePrecondition,
  type ItemScore,
  type SheetGroup,
  type SheetItem,
  type SheetTemplate,
} from './grading.schema.js';

/**
 * What a sheet is graded from: the scores per item code, the incidents of the graded year (for
 * deductions; filter them with `incidentsInWindow`), and whether the unit met the standard that year (for
 * the `standard_met` precondition; unknown counts as not met).
 *
 * @example
 * ```ts
 * const input: GradingInput = {
 *   scores: { 'I.1': { self: 5, verified: 4 }, 'I.2': { self: 5 } },
 *   incidents: [{ criterionCode: 'KDC-3', item: 'e' }],
 *   standardMet: true,
 * };
 * ```
 */
export interface GradingInput {
  scores: Readonly<Record<string, ItemScore | undefined>>;
  incidents?: readonly Pick<IncidentRecord, 'criterionCode' | 'item'>[];
  standardMet?: boolean | null;
}

/**
 * How one item was scored: both scores as given, the points used (verified if present, else self, else 0,
 * clamped to [0, max]), where they came from, and whether clamping changed them.
 *
 * @example
 * ```ts
 * const i: GradedItem = { code: 'II.1', group: 'II', maxPoints: 3, self: 5, verified: null, points: 3, source: 'self', clamped: true };
 * ```
 */
export interface GradedItem {
  code: string;
  group: string;
  maxPoints: number;
  self: number | null;
  verified: number | null;
  points: number;
  source: 'verified' | 'self' | 'none';
  clamped: boolean;
}

/**
 * A deduction that applied: how many incidents triggered it and the points taken off (after its cap).
 *
 * @example
 * ```ts
 * const d: AppliedDeduction = { code: 'D1', incidents: 3, points: 20, title: { vi: '…', en: '…' } };
 * ```
 */
export interface AppliedDeduction {
  code: string;
  incidents: number;
  points: number;
  title: LocalizedText;
}

/**
 * The grading of one sheet: the item total, the deductions, the final `total` in [0, 100], the grade from
 * the bands (`bandGrade`) and after preconditions (`grade`), per-group and per-item detail, and an
 * explanation in both languages.
 *
 * @example
 * ```ts
 * const r: GradingResult = gradeSheet(KDC_SHEET_TEMPLATE, input);
 * r.total; // 87.5
 * r.grade; // 'KHA'
 * ```
 */
export interface GradingResult {
  templateId: string;
  itemsTotal: number;
  deductionsTotal: number;
  total: number;
  bandGrade: Grade;
  grade: Grade;
  groups: { code: string; points: number; maxPoints: number }[];
  items: GradedItem[];
  deductions: AppliedDeduction[];
  explanation: LocalizedText[];
}

/**
 * Options of {@link gradeSheet}: `detail: false` skips the per-item list (`items` comes back empty), for
 * bulk grading where only totals and grades are kept.
 *
 * @example
 * ```ts
 * gradeSheet(template, input, { detail: false }).items; // []
 * ```
 */
export interface GradeSheetOptions {
  detail?: boolean;
}

// Points are added in hundredths (integers) so sums like 0.1 + 0.2 stay exact.
const toCents = (points: number): number => Math.round(points * 100);
const fromCents = (cents: number): number => cents / 100;

function formatPoints(points: number, lang: 'vi' | 'en'): string {
  const text = String(points);
  return lang === 'vi' && !Number.isInteger(points) ? text.replace('.', ',') : text;
}

function closingLine(band: GradeBand, itemsCents: number, deductionsCents: number, totalCents: number): LocalizedText {
  const label = GRADE_LABELS[band.grade];
  const total = fromCents(totalCents);
  return Object.freeze({
    vi: `Tổng điểm ${formatPoints(total, 'vi')}/100 (các mục ${formatPoints(fromCents(itemsCents), 'vi')}, trừ ${formatPoints(fromCents(deductionsCents), 'vi')}): ${label.vi} (từ ${formatPoints(band.minimum, 'vi')} điểm)`,
    en: `Total ${total}/100 (items ${fromCents(itemsCents)}, minus ${fromCents(deductionsCents)}): ${label.en} (from ${band.minimum} points)`,
  });
}

function preconditionLine(failed: GradePrecondition, grade: Grade, lower: Grade): LocalizedText {
  return Object.freeze({
    vi: `Đủ điểm xếp loại ${GRADE_LABELS[grade].vi} nhưng chưa đáp ứng điều kiện: ${failed.text.vi}; xếp loại ${GRADE_LABELS[lower].vi}`,
    en: `Enough points for ${GRADE_LABELS[grade].en} but a condition is not met: ${failed.text.en}; graded ${GRADE_LABELS[lower].en}`,
  });
}

function usable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function preconditionHolds(p: GradePrecondition, input: GradingInput, deductionsCents: number): boolean {
  return p.requires === 'standard_met' ? input.standardMet === true : deductionsCents === 0;
}

function gradedItem(
  group: SheetGroup,
  item: SheetItem,
  self: number | null,
  verified: number | null,
  points: number,
  clamped: boolean,
): GradedItem {
  const source: GradedItem['source'] = verified !== null ? 'verified' : self !== null ? 'self' : 'none';
  return Object.freeze({
    code: item.code,
    group: group.code,
    maxPoints: item.maxPoints,
    self,
    verified,
    points,
    source,
    clamped,
  });
}

/** The grade band a total reaches (the last, lowest one when it reaches none). */
function bandIndexOf(bands: readonly GradeBand[], totalCents: number): number {
  const index = bands.findIndex((b) => totalCents >= toCents(b.minimum));
  return index < 0 ? bands.length - 1 : index;
}

/** The band at an index the rules are known to have (a template's bands are never empty). */
function bandAt(bands: readonly GradeBand[], index: number): GradeBand {
  const band = bands[index];
  if (!band) throw new Error(`gradeSheet: the template's rules have no grade band ${index}`);
  return band;
}

/**
 * Grades a 100-point sheet:
 *
 * 1. each item scores its **verified** score when present, else its self score, else 0 ("not scored"),
 *    clamped to [0, its maximum] (a clamp is reported);
 * 2. each deduction rule counts the incidents it is triggered by (criterion code, and item letter when the
 *    rule lists items) and takes `points` per incident (or once), capped at its `maxPoints`;
 * 3. total = items − deductions, clamped to [0, 100], kept to two decimals;
 * 4. the grade is the first band whose minimum the total reaches; while a precondition of that grade fails
 *    (e.g. Xuất sắc needs the standard met), the grade drops one band.
 *
 * Item and group results and explanation lines are frozen: copy before changing.
 *
 * @example
 * ```ts
 * const scores = Object.fromEntries(
 *   KDC_SHEET_TEMPLATE.groups.flatMap((g) => g.items).map((i) => [i.code, { self: i.maxPoints }]),
 * );
 * gradeSheet(KDC_SHEET_TEMPLATE, { scores, standardMet: true }).grade;  // 'XUAT_SAC' (100 points)
 * gradeSheet(KDC_SHEET_TEMPLATE, { scores, standardMet: false }).grade; // 'KHA' (100 points, standard not met)
 * gradeSheet(KDC_SHEET_TEMPLATE, {
 *   scores, standardMet: true, incidents: [{ criterionCode: 'KDC-3' }, { criterionCode: 'KDC-3' }, { criterionCode: 'KDC-3' }],
 * }).total; // 80 (3 × 10 points, capped at 20)
 * ```
 */
export function gradeSheet(
  template: SheetTemplate,
  input: GradingInput,
  options: GradeSheetOptions = {},
): GradingResult {
  const detail = options.detail ?? true;
  const explanation: LocalizedText[] = [];
  const items: GradedItem[] = [];
  const groups: GradingResult['groups'] = [];
  let unscored: string[] | undefined;
  let itemsCents = 0;

  for (const group of template.groups) {
    let groupCents = 0;
    let groupMaxCents = 0;
    for (const item of group.items) {
      groupMaxCents += toCents(item.maxPoints);
      const score = input.scores[item.code];
      const self = usable(score?.self) ? score.self : null;
      const verified = usable(score?.verified) ? score.verified : null;
      const raw = verified ?? self;
      let points = raw ?? 0;
      let clamped = false;
      if (points > item.maxPoints) {
        points = item.maxPoints;
        clamped = true;
      } else if (points < 0) {
        points = 0;
        clamped = true;
      }
      if (raw === null) (unscored ??= []).push(item.code);
      if (clamped) {
        explanation.push({
          vi: `Mục ${item.code}: điểm ${formatPoints(raw ?? 0, 'vi')} ngoài khoảng 0–${formatPoints(item.maxPoints, 'vi')}, tính ${formatPoints(points, 'vi')}`,
          en: `Item ${item.code}: score ${raw ?? 0} outside 0–${item.maxPoints}, counted as ${points}`,
        });
      }
      groupCents += toCents(points);
      if (detail) items.push(gradedItem(group, item, self, verified, points, clamped));
    }
    itemsCents += groupCents;
    groups.push(
      Object.freeze({ code: group.code, points: fromCents(groupCents), maxPoints: fromCents(groupMaxCents) }),
    );
  }
  if (unscored) {
    explanation.push({
      vi: `Chưa chấm (tính 0 điểm): ${unscored.join(', ')}`,
      en: `Not scored (counted as 0): ${unscored.join(', ')}`,
    });
  }

  const deductions: AppliedDeduction[] = [];
  let deductionsCents = 0;
  const incidents = input.incidents ?? [];
  if (incidents.length > 0) {
    for (const rule of template.deductions) {
      let count = 0;
      for (const incident of incidents) {
        if (incident.criterionCode !== rule.trigger.criterionCode) continue;
        if (rule.trigger.items && !(incident.item && rule.trigger.items.includes(incident.item))) continue;
        count++;
      }
      if (count === 0) continue;
      let cents = toCents(rule.points) * (rule.perIncident ? count : 1);
      if (rule.maxPoints !== null) cents = Math.min(cents, toCents(rule.maxPoints));
      deductionsCents += cents;
      const points = fromCents(cents);
      deductions.push({ code: rule.code, incidents: count, points, title: rule.title });
      explanation.push({
        vi: `Trừ ${formatPoints(points, 'vi')} điểm (${rule.code}): ${count} vụ việc — ${rule.title.vi}`,
        en: `Minus ${points} points (${rule.code}): ${count} incident(s) — ${rule.title.en}`,
      });
    }
  }

  const totalCents = Math.min(10_000, Math.max(0, itemsCents - deductionsCents));
  const total = fromCents(totalCents);
  const bands = template.rules.bands;
  let index = bandIndexOf(bands, totalCents);
  const bandGrade = bandAt(bands, index).grade;
  for (;;) {
    const grade = bandAt(bands, index).grade;
    const failed = template.rules.preconditions.find(
      (p) => p.grade === grade && !preconditionHolds(p, input, deductionsCents),
    );
    if (!failed || index === bands.length - 1) break;
    explanation.push(preconditionLine(failed, grade, bandAt(bands, index + 1).grade));
    index++;
  }
  const band = bandAt(bands, index);
  const grade = band.grade;
  explanation.push(closingLine(band, itemsCents, deductionsCents, totalCents));

  return {
    templateId: template.id,
    itemsTotal: fromCents(itemsCents),
    deductionsTotal: fromCents(deductionsCents),
    total,
    bandGrade,
    grade,
    groups,
    items,
    deductions,
    explanation,
  };
}
