import { BUILTIN_CATALOGUES, criteriaForType, getCatalogueForYear } from '../catalogue/catalogue.js';
import {
  INCIDENT_EXCEPTION_LABELS,
  RATING_ABSENT,
  type Catalogue,
  type ComparisonRule,
  type CompositeCriterion,
  type IncidentException,
  type PartsCriterion,
  type RatingCriterion,
  type Criterion,
  type CriterionKind,
  type DisqualifyingCriterion,
  type ManagedThresholdCriterion,
  type RatioCriterion,
  type RequirementCriterion,
  type ChecklistItem,
} from '../catalogue/catalogue.schema.js';
import { checkEligibility } from '../catalogue/eligibility.js';
import type { UnitEligibilityAttributes } from '../catalogue/unit-attributes.js';
import { DomainError, type LocalizedText } from '../errors.js';
import { formatDate } from '../periods/dates.js';
import { evaluationWindow, type EvaluationWindow } from '../periods/periods.js';
import { QUARTERLY_METRIC_LABELS, type WindowCounts } from '../reports/quarterly-report.js';
import { formatPercent, reachesShare } from '../statistics/rate.js';
import { UNIT_TYPE_LABELS, type ManagingLevel, type UnitType } from '../units.js';
import type { CriterionAnswer, IncidentRecord } from './assessment.schema.js';
import { recognitionAuthority, type RecognitionAttributes } from './recognition-authority.js';

// ── Results and labels ──────────────────────────────────────────────────────────────────────────────

/**
 * The yearly result of a unit: `DAT` (Đạt, meets every criterion), `CHUA_DAT` (Chưa đạt, registered but
 * fails at least one), `NOT_REGISTERED` (Chưa đăng ký, did not register that year) and `EXCLUDED`
 * (Không thuộc diện, excluded by an eligibility rule).
 *
 * @example
 * ```ts
 * RECOGNITION_RESULTS; // ['DAT', 'CHUA_DAT', 'NOT_REGISTERED', 'EXCLUDED']
 * ```
 */
export const RECOGNITION_RESULTS = ['DAT', 'CHUA_DAT', 'NOT_REGISTERED', 'EXCLUDED'] as const;

/** One of {@link RECOGNITION_RESULTS}. @example `const r: RecognitionResult = 'DAT';` */
export type RecognitionResult = (typeof RECOGNITION_RESULTS)[number];

/**
 * The results in both languages.
 *
 * @example
 * ```ts
 * RECOGNITION_RESULT_LABELS.CHUA_DAT; // { vi: 'Chưa đạt', en: 'Not met' }
 * ```
 */
export const RECOGNITION_RESULT_LABELS: Readonly<Record<RecognitionResult, LocalizedText>> = {
  DAT: { vi: 'Đạt', en: 'Met' },
  CHUA_DAT: { vi: 'Chưa đạt', en: 'Not met' },
  NOT_REGISTERED: { vi: 'Chưa đăng ký', en: 'Not registered' },
  EXCLUDED: { vi: 'Không thuộc diện', en: 'Not eligible' },
};

/**
 * The outcome of one criterion: `met`, `not_met`, or `missing` (no answer or no data: counts as not met).
 *
 * @example
 * ```ts
 * CRITERION_OUTCOMES; // ['met', 'not_met', 'missing']
 * ```
 */
export const CRITERION_OUTCOMES = ['met', 'not_met', 'missing'] as const;

/** One of {@link CRITERION_OUTCOMES}. @example `const o: CriterionOutcome = 'missing';` */
export type CriterionOutcome = (typeof CRITERION_OUTCOMES)[number];

/**
 * The criterion outcomes in both languages.
 *
 * @example
 * ```ts
 * CRITERION_OUTCOME_LABELS.missing.vi; // 'Thiếu câu trả lời, dữ liệu'
 * ```
 */
export const CRITERION_OUTCOME_LABELS: Readonly<Record<CriterionOutcome, LocalizedText>> = {
  met: { vi: 'Đạt', en: 'Met' },
  not_met: { vi: 'Không đạt', en: 'Not met' },
  missing: { vi: 'Thiếu câu trả lời, dữ liệu', en: 'Missing answer or data' },
};

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * The unit being evaluated: what the engine needs of a {@link Unit} plus its eligibility attributes. A full
 * `Unit` with those attributes fits.
 *
 * @example
 * ```ts
 * const school: AssessedUnit = { id: 7, type: 'CSGD', areaId: 12, managingLevel: 'district', schoolLevel: 'upper_secondary' };
 * ```
 */
export interface AssessedUnit extends UnitEligibilityAttributes, RecognitionAttributes {
  id: number;
  type: UnitType;
  areaId: number;
  managingLevel: ManagingLevel;
  name?: string;
  /** When it exists (see `unitExistsInYear`): loaders give the engine only the units of the year. */
  validFrom?: string;
  validTo?: string | null;
}

/**
 * For one managed unit type of a commune: how many units there are, how many are excluded, registered and
 * recognised (Đạt), and for each criterion code how many eligible units meet it.
 *
 * @example
 * ```ts
 * const villages: ManagedTypeSummary = { total: 10, excluded: 0, registered: 10, recognised: 7, criteriaMet: { 'KDC-3': 9 } };
 * ```
 */
export interface ManagedTypeSummary {
  total: number;
  excluded: number;
  registered: number;
  recognised: number;
  criteriaMet: Record<string, number>;
}

/**
 * What a commune's dependent criteria (XA-2, XA-4) read of the units it manages: its `KDC`, and its
 * `CQ`/`DN`/`CSGD` whose managing level is `commune`. {@link evaluateArea} builds it; build it yourself with
 * {@link summarizeManagedUnits} to evaluate one commune from stored results.
 *
 * @example
 * ```ts
 * const managed: ManagedUnitsSummary = { byType: { KDC: { total: 10, excluded: 0, registered: 10, recognised: 7, criteriaMet: {} } } };
 * ```
 */
export interface ManagedUnitsSummary {
  byType: Partial<Record<UnitType, ManagedTypeSummary>>;
}

/**
 * Everything the engine needs to evaluate one unit for one year. `answers` maps criterion codes to answers;
 * `incidents` may hold any dates (only those in the unit type's window of `year` count); `counts` feeds the
 * comparison criterion; `managed` (communes only) feeds XA-2 and XA-4.
 *
 * @example
 * ```ts
 * const input: UnitEvaluationInput = {
 *   unit: { id: 101, type: 'KDC', areaId: 12, managingLevel: 'commune' },
 *   year: 2022,
 *   registered: true,
 *   answers: {
 *     'KDC-1': { checks: { resolution: true, registration: true }, numerator: 212, denominator: 212 },
 *     'KDC-2': { checks: { 'carried-out': true } },
 *     'KDC-5': { checks: { forces: true, models: true } },
 *   },
 *   incidents: [{ criterionCode: 'KDC-3', item: 'e', occurredOn: '2021-10-31' }],
 *   counts: { current: { crimes: 1, socialEvils: 0 }, previous: { crimes: 2, socialEvils: 1 } },
 * };
 * ```
 */
export interface UnitEvaluationInput {
  unit: AssessedUnit;
  year: number;
  registered: boolean;
  answers?: Readonly<Record<string, CriterionAnswer | undefined>>;
  incidents?: readonly IncidentRecord[];
  counts?: WindowCounts;
  managed?: ManagedUnitsSummary;
  /**
   * The catalogue this unit is evaluated with, overriding {@link EvaluateOptions} (see
   * `catalogueForUnitYear`: the one its own file names, else the one in force that year). Lets one area mix
   * units of different catalogues and give each the same result in every scope.
   */
  catalogue?: Catalogue;
  /**
   * The result recorded when the unit's file of this year was decided and locked (see
   * `recordedResultOnLock`): a recognised, locked file keeps it whatever later data say. The engine returns it
   * as `result` and what the data would give now as `computedResult`, so nothing counting the file moves
   * until it is unlocked (an audited act). Absent for a file that is not locked.
   */
  recordedResult?: 'DAT' | 'CHUA_DAT';
}

/**
 * Which catalogue to evaluate with: a fixed `catalogue`, or the one in force for each input's year among
 * `catalogues` (default {@link BUILTIN_CATALOGUES}).
 *
 * @example
 * ```ts
 * const options: EvaluateOptions = { catalogue: TT124_2021 }; // e.g. assess 2021 under 124/2021, and say so
 * ```
 */
export interface EvaluateOptions {
  catalogue?: Catalogue;
  catalogues?: readonly Catalogue[];
}

// ── Outputs ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * One criterion's outcome for a unit, with the reasons in both languages.
 *
 * @example
 * ```ts
 * const r: CriterionResult = {
 *   code: 'KDC-3', kind: 'disqualifying', outcome: 'not_met', verified: false,
 *   title: { vi: '…', en: '…' },
 *   reasons: [{ vi: 'Vụ việc ngày 31/10/2021, điểm e: …', en: 'Incident on 2021-10-31, item (e): …' }],
 * };
 * ```
 */
export interface CriterionResult {
  code: string;
  kind: CriterionKind;
  outcome: CriterionOutcome;
  verified: boolean;
  title: LocalizedText;
  reasons: readonly LocalizedText[];
}

/**
 * The evaluation of one unit for one year: the result, the window used, each criterion's outcome (in
 * catalogue order; empty when excluded), the exclusion if any, for communes the managed-units summary, and a
 * one-line summary in both languages.
 *
 * @example
 * ```ts
 * const e: UnitEvaluation = evaluateUnit(input);
 * e.result;       // 'CHUA_DAT'
 * e.summary.vi;   // 'Chưa đạt: không đạt KDC-3'
 * ```
 */
export interface UnitEvaluation {
  unitId: number;
  unitType: UnitType;
  year: number;
  catalogueId: string;
  result: RecognitionResult;
  window: EvaluationWindow;
  criteria: CriterionResult[];
  exclusion?: { ruleId: string; reason: LocalizedText };
  managed?: ManagedUnitsSummary;
  summary: LocalizedText;
  /**
   * Present only on a locked file (input `recordedResult`) whose data now give another result than the one
   * recorded at its decision: that other result. `result` stays the recorded one; the file's page shows both
   * and the way to act (unlock, revoke).
   */
  computedResult?: RecognitionResult;
}

// ── Criterion rules ─────────────────────────────────────────────────────────────────────────────────

const NO_ANSWER: LocalizedText = {
  vi: 'Chưa có câu trả lời: tiêu chí chưa được trả lời được tính là không đạt',
  en: 'No answer: an unanswered criterion is not met',
};

interface Partial_ {
  outcome: CriterionOutcome;
  reasons: LocalizedText[];
}

function worst(a: CriterionOutcome, b: CriterionOutcome): CriterionOutcome {
  if (a === 'not_met' || b === 'not_met') return 'not_met';
  if (a === 'missing' || b === 'missing') return 'missing';
  return 'met';
}

function checkChecklist(checklist: readonly ChecklistItem[], answer: CriterionAnswer | undefined): Partial_ {
  const reasons: LocalizedText[] = [];
  let outcome: CriterionOutcome = 'met';
  const checks = answer?.checks;
  for (const item of checklist) {
    const value = checks?.[item.key];
    if (value === false) {
      outcome = 'not_met';
      reasons.push({ vi: `Chưa đáp ứng: ${item.text.vi}`, en: `Not met: ${item.text.en}` });
    } else if (value !== true) {
      outcome = worst(outcome, 'missing');
      reasons.push({
        vi: `Chưa trả lời (tính là không đạt): ${item.text.vi}`,
        en: `Not answered (counts as not met): ${item.text.en}`,
      });
    }
  }
  return { outcome, reasons };
}

function evaluateRequirement(c: RequirementCriterion, answer: CriterionAnswer | undefined): Partial_ {
  if (!answer || !answer.checks) return { outcome: 'missing', reasons: [NO_ANSWER] };
  const result = checkChecklist(c.checklist, answer);
  if (result.outcome === 'met') {
    result.reasons.push(
      c.checklist.length === 1
        ? { vi: 'Đáp ứng yêu cầu', en: 'The requirement is met' }
        : { vi: `Đáp ứng đủ ${c.checklist.length} yêu cầu`, en: `All ${c.checklist.length} requirements are met` },
    );
  }
  return result;
}

function evaluateRatio(c: RatioCriterion, answer: CriterionAnswer | undefined): Partial_ {
  if (!answer) return { outcome: 'missing', reasons: [NO_ANSWER] };
  const result =
    c.checklist.length > 0 ? checkChecklist(c.checklist, answer) : { outcome: 'met' as CriterionOutcome, reasons: [] };
  const { numerator, denominator } = answer;
  const min = { vi: formatPercent(c.minimum, 'vi'), en: formatPercent(c.minimum, 'en') };
  if (numerator === undefined || denominator === undefined) {
    result.outcome = worst(result.outcome, 'missing');
    result.reasons.push({
      vi: `Chưa có số liệu ${c.numerator.vi.toLowerCase()} / ${c.denominator.vi.toLowerCase()} (tính là không đạt)`,
      en: `No figures for ${c.numerator.en.toLowerCase()} / ${c.denominator.en.toLowerCase()} (counts as not met)`,
    });
  } else if (denominator === 0) {
    result.outcome = worst(result.outcome, 'missing');
    result.reasons.push({
      vi: `${c.denominator.vi} bằng 0: không tính được tỷ lệ (tính là không đạt)`,
      en: `${c.denominator.en} is 0: no ratio can be computed (counts as not met)`,
    });
  } else if (numerator > denominator) {
    // 121 of 120 households is a typing error, not 100 %: never met (the input schema refuses to store it).
    result.outcome = worst(result.outcome, 'missing');
    result.reasons.push({
      vi: `${c.numerator.vi} (${numerator}) lớn hơn ${c.denominator.vi.toLowerCase()} (${denominator}): số liệu không hợp lệ (tính là không đạt)`,
      en: `${c.numerator.en} (${numerator}) exceeds ${c.denominator.en.toLowerCase()} (${denominator}): invalid figures (counts as not met)`,
    });
  } else {
    const share = numerator / denominator;
    const figures = {
      vi: `${c.numerator.vi}: ${numerator}/${denominator} (${formatPercent(share, 'vi')})`,
      en: `${c.numerator.en}: ${numerator}/${denominator} (${formatPercent(share, 'en')})`,
    };
    if (reachesShare(numerator, denominator, c.minimum)) {
      result.reasons.push({ vi: `${figures.vi}, đạt mức ${min.vi}`, en: `${figures.en}, reaches ${min.en}` });
    } else {
      result.outcome = 'not_met';
      result.reasons.push({ vi: `${figures.vi}, chưa đạt mức ${min.vi}`, en: `${figures.en}, below ${min.en}` });
    }
  }
  return result;
}

const MAX_LISTED_INCIDENTS = 5;

function inWindow(incident: IncidentRecord, code: string, window: EvaluationWindow): boolean {
  return incident.criterionCode === code && incident.occurredOn >= window.from && incident.occurredOn <= window.to;
}

function byDate(a: IncidentRecord, b: IncidentRecord): number {
  return a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0;
}

/** "Vụ việc ngày 31/10/2022, điểm e (…): description" */
function describeIncident(incident: IncidentRecord, itemText: LocalizedText | undefined): LocalizedText {
  const what = itemText
    ? { vi: `, điểm ${incident.item} (${itemText.vi})`, en: `, item (${incident.item}) (${itemText.en})` }
    : incident.item
      ? { vi: `, điểm ${incident.item}`, en: `, item (${incident.item})` }
      : { vi: '', en: '' };
  const description = incident.description ? `: ${incident.description}` : '';
  return {
    vi: `Vụ việc ngày ${formatDate(incident.occurredOn, 'vi')}${what.vi}${description}`,
    en: `Incident on ${incident.occurredOn}${what.en}${description}`,
  };
}

/**
 * Splits incidents into those that count and those excused by an exception their item admits, and words
 * both: counted ones fail, excused ones are listed as not counted.
 */
function judgeIncidents(
  hits: readonly IncidentRecord[],
  itemOf: (
    letter: string | null | undefined,
  ) => { text: LocalizedText; exceptions?: readonly IncidentException[] | undefined } | undefined,
): { counted: number; reasons: LocalizedText[] } {
  const counted: LocalizedText[] = [];
  const excused: LocalizedText[] = [];
  for (const incident of [...hits].sort(byDate)) {
    const item = itemOf(incident.item);
    const line = describeIncident(incident, item?.text);
    const exception = incident.exception ?? undefined;
    if (exception && item?.exceptions?.includes(exception)) {
      const label = INCIDENT_EXCEPTION_LABELS[exception];
      excused.push({
        vi: `${line.vi} — không tính: ${label.vi.toLowerCase()}`,
        en: `${line.en} — not counted: ${label.en.toLowerCase()}`,
      });
    } else {
      counted.push(line);
    }
  }
  const reasons = counted.slice(0, MAX_LISTED_INCIDENTS);
  if (counted.length > MAX_LISTED_INCIDENTS) {
    const more = counted.length - MAX_LISTED_INCIDENTS;
    reasons.push({ vi: `và ${more} vụ việc khác`, en: `and ${more} more incidents` });
  }
  reasons.push(...excused.slice(0, MAX_LISTED_INCIDENTS));
  return { counted: counted.length, reasons };
}

function noIncident(window: EvaluationWindow): LocalizedText {
  return {
    vi: `Không có vụ việc nào trong kỳ ${formatDate(window.from, 'vi')}–${formatDate(window.to, 'vi')}`,
    en: `No incident in the window ${window.from} – ${window.to}`,
  };
}

function evaluateDisqualifying(
  c: DisqualifyingCriterion,
  incidents: readonly IncidentRecord[] | undefined,
  window: EvaluationWindow,
): Partial_ {
  const hits = incidents?.filter((i) => inWindow(i, c.code, window)) ?? [];
  if (hits.length === 0) return { outcome: 'met', reasons: [noIncident(window)] };
  const { counted, reasons } = judgeIncidents(hits, (letter) =>
    letter ? c.items.find((i) => i.letter === letter) : undefined,
  );
  return { outcome: counted > 0 ? 'not_met' : 'met', reasons };
}

function prefixed(letter: string, reasons: readonly LocalizedText[]): LocalizedText[] {
  return reasons.map((r) => ({ vi: `Điểm ${letter}: ${r.vi}`, en: `Item (${letter}): ${r.en}` }));
}

function evaluateParts(
  c: PartsCriterion,
  answer: CriterionAnswer | undefined,
  counts: WindowCounts | undefined,
  incidents: readonly IncidentRecord[] | undefined,
  window: EvaluationWindow,
): Partial_ {
  let outcome: CriterionOutcome = 'met';
  const reasons: LocalizedText[] = [];
  const hits = incidents?.filter((i) => inWindow(i, c.code, window)) ?? [];
  for (const part of c.parts) {
    let partOutcome: CriterionOutcome = 'met';
    const partReasons: LocalizedText[] = [];
    if (part.checklist && part.checklist.length > 0) {
      if (!answer?.checks) {
        partOutcome = 'missing';
        partReasons.push(NO_ANSWER);
      } else {
        const r = checkChecklist(part.checklist, answer);
        partOutcome = worst(partOutcome, r.outcome);
        partReasons.push(...r.reasons);
      }
    }
    if (part.comparison) {
      const r = evaluateComparison(part.comparison, counts);
      partOutcome = worst(partOutcome, r.outcome);
      partReasons.push(...r.reasons);
    }
    if (part.incidents) {
      const mine = hits.filter((i) => i.item === part.letter);
      if (mine.length === 0) {
        partReasons.push(noIncident(window));
      } else {
        const exceptions = part.incidents.exceptions;
        const r = judgeIncidents(mine, () => ({ text: part.text, exceptions }));
        if (r.counted > 0) partOutcome = 'not_met';
        partReasons.push(...r.reasons);
      }
    }
    if (partOutcome === 'met' && partReasons.length === 0) partReasons.push({ vi: 'Đáp ứng', en: 'Met' });
    outcome = worst(outcome, partOutcome);
    reasons.push(...prefixed(part.letter, partReasons));
  }
  // an incident naming the criterion but no part of it (no letter, or an unknown one) counts against it
  // (a part that reads no incidents cannot take one: an incident naming it counts against the criterion too)
  const letters = new Set(c.parts.filter((p) => p.incidents).map((p) => p.letter));
  const stray = hits.filter((i) => !i.item || !letters.has(i.item));
  if (stray.length > 0) {
    outcome = 'not_met';
    reasons.push(...judgeIncidents(stray, () => undefined).reasons);
  }
  return { outcome, reasons };
}

function evaluateRating(c: RatingCriterion, answer: CriterionAnswer | undefined): Partial_ {
  if (!answer) return { outcome: 'missing', reasons: [NO_ANSWER] };
  const result: Partial_ =
    c.checklist.length > 0 ? checkChecklist(c.checklist, answer) : { outcome: 'met', reasons: [] };
  const rating = answer.rating;
  const passing = c.levels.filter((l) => l.passes).map((l) => l.text);
  const needs = {
    vi: passing.map((t) => `"${t.vi}"`).join(' hoặc '),
    en: passing.map((t) => `"${t.en}"`).join(' or '),
  };
  if (rating === undefined || rating === null) {
    result.outcome = worst(result.outcome, 'missing');
    result.reasons.unshift({
      vi: `Chưa có kết quả xếp loại của ${c.subject.vi.toLowerCase()} (tính là không đạt)`,
      en: `No rating of ${c.subject.en.toLowerCase()} (counts as not met)`,
    });
  } else if (rating === RATING_ABSENT) {
    if (c.absentAllowed) {
      result.reasons.unshift({
        vi: `Đơn vị không có ${c.subject.vi.toLowerCase()}`,
        en: `The unit has no ${c.subject.en.toLowerCase()}`,
      });
    } else {
      result.outcome = 'not_met';
      result.reasons.unshift({
        vi: `Không có ${c.subject.vi.toLowerCase()} để xếp loại`,
        en: `No ${c.subject.en.toLowerCase()} to rate`,
      });
    }
  } else {
    const level = c.levels.find((l) => l.key === rating);
    if (!level) {
      result.outcome = worst(result.outcome, 'missing');
      result.reasons.unshift({
        vi: `Mức xếp loại không có trong danh mục: ${rating}`,
        en: `Rating not in the catalogue: ${rating}`,
      });
    } else if (level.passes) {
      result.reasons.unshift({
        vi: `${c.subject.vi}: xếp loại "${level.text.vi}"`,
        en: `${c.subject.en}: rated "${level.text.en}"`,
      });
    } else {
      result.outcome = 'not_met';
      result.reasons.unshift({
        vi: `${c.subject.vi}: xếp loại "${level.text.vi}", cần ${needs.vi}`,
        en: `${c.subject.en}: rated "${level.text.en}", needs ${needs.en}`,
      });
    }
  }
  return result;
}

function evaluateComparison(c: ComparisonRule, counts: WindowCounts | undefined): Partial_ {
  const current = counts?.current;
  if (!current) {
    return {
      outcome: 'missing',
      reasons: [
        {
          vi: 'Chưa có số liệu của kỳ đánh giá (tính là không đạt)',
          en: 'No counts for the window (counts as not met)',
        },
      ],
    };
  }
  const previous = counts?.previous;
  const groups: { label: LocalizedText; cur: number | undefined; prev: number | undefined }[] = [];
  if (c.aggregate === 'each') {
    for (const m of c.metrics) groups.push({ label: QUARTERLY_METRIC_LABELS[m], cur: current[m], prev: previous?.[m] });
  } else {
    let cur: number | undefined = 0;
    let prev: number | undefined = previous ? 0 : undefined;
    for (const m of c.metrics) {
      const a = current[m];
      cur = a === undefined || cur === undefined ? undefined : cur + a;
      const b = previous?.[m];
      prev = b === undefined || prev === undefined ? undefined : prev + b;
    }
    const label = {
      vi: c.metrics.map((m) => QUARTERLY_METRIC_LABELS[m].vi.toLowerCase()).join(' + '),
      en: c.metrics.map((m) => QUARTERLY_METRIC_LABELS[m].en.toLowerCase()).join(' + '),
    };
    groups.push({ label: { vi: `Tổng ${label.vi}`, en: `Total ${label.en}` }, cur, prev });
  }
  let outcome: CriterionOutcome = 'met';
  const reasons: LocalizedText[] = [];
  const allowance =
    c.maxIncrease > 0
      ? { vi: ` (cho phép tăng ${c.maxIncrease})`, en: ` (allowed increase ${c.maxIncrease})` }
      : { vi: '', en: '' };
  for (const g of groups) {
    if (g.cur === undefined) {
      outcome = worst(outcome, 'missing');
      reasons.push({ vi: `${g.label.vi}: chưa có số liệu kỳ này`, en: `${g.label.en}: no count for this window` });
    } else if (g.cur === 0) {
      reasons.push({ vi: `${g.label.vi}: 0`, en: `${g.label.en}: 0` });
    } else if (g.prev === undefined) {
      outcome = worst(outcome, 'missing');
      reasons.push({
        vi: `${g.label.vi}: ${g.cur}, không có số liệu kỳ trước để so sánh (tính là không đạt)`,
        en: `${g.label.en}: ${g.cur}, no previous-window count to compare with (counts as not met)`,
      });
    } else if (g.cur > g.prev + c.maxIncrease) {
      outcome = 'not_met';
      reasons.push({
        vi: `${g.label.vi}: ${g.cur}, tăng ${g.cur - g.prev} so với kỳ trước (${g.prev})${allowance.vi}`,
        en: `${g.label.en}: ${g.cur}, up ${g.cur - g.prev} on the previous window (${g.prev})${allowance.en}`,
      });
    } else {
      reasons.push({
        vi: `${g.label.vi}: ${g.cur}, kỳ trước ${g.prev}`,
        en: `${g.label.en}: ${g.cur}, previous window ${g.prev}`,
      });
    }
  }
  return { outcome, reasons };
}

const NO_MANAGED_DATA: LocalizedText = {
  vi: 'Chưa có kết quả của các đơn vị do xã quản lý (tính là không đạt)',
  en: "No results of the commune's managed units (counts as not met)",
};

function typeNames(types: readonly UnitType[], lang: 'vi' | 'en'): string {
  return types.map((t) => UNIT_TYPE_LABELS[t][lang].toLowerCase()).join(', ');
}

function evaluateManagedThreshold(c: ManagedThresholdCriterion, managed: ManagedUnitsSummary | undefined): Partial_ {
  if (!managed) return { outcome: 'missing', reasons: [NO_MANAGED_DATA] };
  let eligible = 0;
  let registered = 0;
  let recognised = 0;
  for (const type of c.managedTypes) {
    const s = managed.byType[type];
    if (!s) continue;
    eligible += s.total - s.excluded;
    registered += s.registered;
    recognised += s.recognised;
  }
  if (eligible === 0) {
    return {
      outcome: 'missing',
      reasons: [
        {
          vi: `Xã không có đơn vị nào thuộc diện (${typeNames(c.managedTypes, 'vi')}) để tính tỷ lệ (tính là không đạt)`,
          en: `The commune has no eligible ${typeNames(c.managedTypes, 'en')} to compute the share (counts as not met)`,
        },
      ],
    };
  }
  let outcome: CriterionOutcome = 'met';
  const reasons: LocalizedText[] = [];
  if (c.registeredMinimum !== null) {
    const ok = reachesShare(registered, eligible, c.registeredMinimum);
    if (!ok) outcome = 'not_met';
    reasons.push({
      vi: `Đã đăng ký ${registered}/${eligible} (${formatPercent(registered / eligible, 'vi')}), ${ok ? 'đạt' : 'chưa đạt'} mức ${formatPercent(c.registeredMinimum, 'vi')}`,
      en: `Registered ${registered}/${eligible} (${formatPercent(registered / eligible, 'en')}), ${ok ? 'reaches' : 'below'} ${formatPercent(c.registeredMinimum, 'en')}`,
    });
  }
  const ok = reachesShare(recognised, eligible, c.recognisedMinimum);
  if (!ok) outcome = 'not_met';
  reasons.push({
    vi: `Đạt tiêu chuẩn ${recognised}/${eligible} (${formatPercent(recognised / eligible, 'vi')}), ${ok ? 'đạt' : 'chưa đạt'} mức tối thiểu ${formatPercent(c.recognisedMinimum, 'vi')}`,
    en: `Recognised ${recognised}/${eligible} (${formatPercent(recognised / eligible, 'en')}), ${ok ? 'reaches' : 'below'} the minimum ${formatPercent(c.recognisedMinimum, 'en')}`,
  });
  return { outcome, reasons };
}

function evaluateComposite(c: CompositeCriterion, managed: ManagedUnitsSummary | undefined): Partial_ {
  if (!managed) return { outcome: 'missing', reasons: [NO_MANAGED_DATA] };
  let eligible = 0;
  for (const type of c.overTypes) {
    const s = managed.byType[type];
    if (s) eligible += s.total - s.excluded;
  }
  if (eligible === 0) {
    return {
      outcome: 'missing',
      reasons: [
        {
          vi: `Xã không có ${typeNames(c.overTypes, 'vi')} thuộc diện đánh giá (tính là không đạt)`,
          en: `The commune has no eligible ${typeNames(c.overTypes, 'en')} (counts as not met)`,
        },
      ],
    };
  }
  let outcome: CriterionOutcome = 'met';
  const reasons: LocalizedText[] = [];
  for (const code of c.criteria) {
    let met = 0;
    for (const type of c.overTypes) met += managed.byType[type]?.criteriaMet[code] ?? 0;
    const ok = reachesShare(met, eligible, c.minimumShare);
    if (!ok) outcome = 'not_met';
    reasons.push({
      vi: `${code}: ${met}/${eligible} ${typeNames(c.overTypes, 'vi')} đạt (${formatPercent(met / eligible, 'vi')}), ${ok ? 'đạt' : 'cần'} ${formatPercent(c.minimumShare, 'vi')}`,
      en: `${code}: ${met}/${eligible} ${typeNames(c.overTypes, 'en')} meet it (${formatPercent(met / eligible, 'en')}), ${ok ? 'reaches' : 'needs'} ${formatPercent(c.minimumShare, 'en')}`,
    });
  }
  return { outcome, reasons };
}

// Most units share the same outcome and reasons for a criterion (every village whose KDC-2 is answered yes,
// every village without incident in the same window, the same KDC-4 counts …). Results are therefore built
// once per distinct input and shared (frozen): at 100,000 units this keeps memory and GC time small.
const MEMO_LIMIT = 4096;
const memo = new WeakMap<Criterion, Map<number | string, CriterionResult>>();

function toResult(c: Criterion, partial: Partial_): CriterionResult {
  for (const reason of partial.reasons) Object.freeze(reason);
  return Object.freeze({
    code: c.code,
    kind: c.kind,
    outcome: partial.outcome,
    verified: c.verified,
    title: c.title,
    reasons: Object.freeze(partial.reasons),
  });
}

function memoized(c: Criterion, key: number | string, compute: () => Partial_): CriterionResult {
  let cache = memo.get(c);
  if (!cache) memo.set(c, (cache = new Map<number | string, CriterionResult>()));
  let result = cache.get(key);
  if (!result) {
    result = toResult(c, compute());
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(key, result);
  }
  return result;
}

// Memo keys are numbers whenever the inputs are small (hashing a number is much cheaper than building and
// hashing a string at 100,000 units); larger inputs fall back to a string key. Numbers and strings never
// collide in a Map.
const NO_ANSWER_KEY = -1;

/** The checklist's answers in base 3 (1 yes, 2 no, 0 unanswered); exact up to 33 items. */
function checklistKey(checklist: readonly ChecklistItem[], checks: CriterionAnswer['checks']): number {
  let key = 0;
  for (const item of checklist) {
    const value = checks?.[item.key];
    key = key * 3 + (value === true ? 1 : value === false ? 2 : 0);
  }
  return key;
}

const SMALL = 1 << 20; // counts below this fit 20 bits

function ratioKey(c: RatioCriterion, answer: CriterionAnswer): number | string {
  const check = checklistKey(c.checklist, answer.checks);
  const n = answer.numerator === undefined ? 0 : answer.numerator + 1;
  const d = answer.denominator === undefined ? 0 : answer.denominator + 1;
  if (
    c.checklist.length <= 7 &&
    Number.isInteger(n) &&
    Number.isInteger(d) &&
    n >= 0 &&
    d >= 0 &&
    n < SMALL &&
    d < SMALL
  ) {
    return (d * SMALL + n) * 4096 + check; // < 2^52
  }
  return `${check}|${n}|${d}`;
}

function comparisonKey(c: ComparisonRule, counts: WindowCounts): number | string {
  const current = counts.current!;
  const previous = counts.previous;
  if (c.metrics.length <= 2) {
    let key = 0;
    let small = true;
    for (const m of c.metrics) {
      const a = current[m];
      const b = previous?.[m];
      const x = a === undefined ? 0 : a + 1;
      const y = b === undefined ? 0 : b + 1;
      if (!(Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < 1024 && y < 1024)) small = false;
      key = (key * 1024 + x) * 1024 + y; // ≤ 40 bits for two metrics
    }
    if (small) return key;
  }
  let key = '';
  for (const m of c.metrics) key += `${current[m] ?? 'u'},${previous?.[m] ?? 'u'};`;
  return key;
}

function hasIncident(
  incidents: readonly IncidentRecord[] | undefined,
  code: string,
  window: EvaluationWindow,
): boolean {
  if (incidents) for (const i of incidents) if (inWindow(i, code, window)) return true;
  return false;
}

function evaluateCriterion(c: Criterion, input: UnitEvaluationInput, window: EvaluationWindow): CriterionResult {
  switch (c.kind) {
    case 'requirement': {
      const answer = input.answers?.[c.code];
      const key = answer?.checks ? checklistKey(c.checklist, answer.checks) : NO_ANSWER_KEY;
      return memoized(c, key, () => evaluateRequirement(c, answer));
    }
    case 'ratio': {
      const answer = input.answers?.[c.code];
      const key = answer ? ratioKey(c, answer) : NO_ANSWER_KEY;
      return memoized(c, key, () => evaluateRatio(c, answer));
    }
    case 'disqualifying': {
      const incidents = input.incidents;
      const hit = hasIncident(incidents, c.code, window);
      // window objects are cached, so `from` is a flat string whose hash V8 keeps
      if (!hit) return memoized(c, window.from, () => evaluateDisqualifying(c, undefined, window));
      return toResult(c, evaluateDisqualifying(c, incidents, window));
    }
    case 'comparison': {
      const counts = input.counts;
      const key = counts?.current ? comparisonKey(c, counts) : NO_ANSWER_KEY;
      return memoized(c, key, () => evaluateComparison(c, counts));
    }
    case 'parts': {
      const answer = input.answers?.[c.code];
      const counts = input.counts;
      if (hasIncident(input.incidents, c.code, window))
        return toResult(c, evaluateParts(c, answer, counts, input.incidents, window));
      const checklist = c.parts.flatMap((p) => p.checklist ?? []);
      let key = `${window.from}|${answer?.checks ? checklistKey(checklist, answer.checks) : NO_ANSWER_KEY}`;
      for (const p of c.parts)
        if (p.comparison) key += `|${counts?.current ? comparisonKey(p.comparison, counts) : NO_ANSWER_KEY}`;
      return memoized(c, key, () => evaluateParts(c, answer, counts, undefined, window));
    }
    case 'rating': {
      const answer = input.answers?.[c.code];
      const key = answer ? `${answer.rating ?? ''}|${checklistKey(c.checklist, answer.checks)}` : NO_ANSWER_KEY;
      return memoized(c, key, () => evaluateRating(c, answer));
    }
    case 'managed_threshold':
      return toResult(c, evaluateManagedThreshold(c, input.managed));
    case 'composite':
      return toResult(c, evaluateComposite(c, input.managed));
  }
}

// ── One unit ────────────────────────────────────────────────────────────────────────────────────────

function resolveCatalogue(year: number, options: EvaluateOptions): Catalogue {
  return options.catalogue ?? getCatalogueForYear(year, options.catalogues ?? BUILTIN_CATALOGUES);
}

const summaryMemo = new WeakMap<readonly Criterion[], Map<number | string, LocalizedText>>();
const RESULT_INDEX: Readonly<Record<RecognitionResult, number>> = {
  DAT: 0,
  CHUA_DAT: 1,
  NOT_REGISTERED: 2,
  EXCLUDED: 3,
};

function summarize(
  result: RecognitionResult,
  list: readonly Criterion[],
  criteria: readonly CriterionResult[],
  year: number,
): LocalizedText {
  // outcomes in base 3, then the result, then (for NOT_REGISTERED, whose text names it) the year
  let key: number | string;
  if (criteria.length <= 15) {
    let outcomes = 0;
    for (const c of criteria) outcomes = outcomes * 3 + (c.outcome === 'met' ? 0 : c.outcome === 'not_met' ? 1 : 2);
    key = outcomes * 4 + RESULT_INDEX[result]; // < 3^15 · 4 ≈ 5.7e7
    if (result === 'NOT_REGISTERED') key += 4 * 3 ** criteria.length * year; // < 2^53
  } else {
    key = `${result}|${year}|${criteria.map((c) => c.outcome).join()}`;
  }
  let cache = summaryMemo.get(list);
  if (!cache) summaryMemo.set(list, (cache = new Map<number | string, LocalizedText>()));
  let summary = cache.get(key);
  if (!summary) {
    summary = Object.freeze(buildSummary(result, criteria, year));
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(key, summary);
  }
  return summary;
}

function buildSummary(result: RecognitionResult, criteria: readonly CriterionResult[], year: number): LocalizedText {
  if (result === 'DAT') {
    return { vi: `Đạt: đáp ứng cả ${criteria.length} tiêu chí`, en: `Met: all ${criteria.length} criteria are met` };
  }
  const failed = criteria.filter((c) => c.outcome === 'not_met').map((c) => c.code);
  const missing = criteria.filter((c) => c.outcome === 'missing').map((c) => c.code);
  const vi: string[] = [];
  const en: string[] = [];
  if (failed.length) {
    vi.push(`không đạt ${failed.join(', ')}`);
    en.push(`${failed.join(', ')} not met`);
  }
  if (missing.length) {
    vi.push(`thiếu câu trả lời, dữ liệu ${missing.join(', ')}`);
    en.push(`${missing.join(', ')} missing an answer or data`);
  }
  if (result === 'NOT_REGISTERED') {
    return {
      vi: `Chưa đăng ký xây dựng đạt tiêu chuẩn năm ${year}${vi.length ? ` (${vi.join('; ')})` : ''}`,
      en: `Did not register for the standard in ${year}${en.length ? ` (${en.join('; ')})` : ''}`,
    };
  }
  return { vi: `Chưa đạt: ${vi.join('; ')}`, en: `Not met: ${en.join('; ')}` };
}

const exclusionSummaries = new WeakMap<LocalizedText, LocalizedText>();

/**
 * Evaluates one unit for one year against the catalogue in force (or `options.catalogue`):
 *
 * 1. excluded by an eligibility rule → `EXCLUDED` (no criteria evaluated);
 * 2. otherwise every criterion of the unit's type is evaluated — an unanswered criterion, or one without the
 *    data it needs, is `missing` and counts as not met;
 * 3. not registered → `NOT_REGISTERED` (criteria still reported, so a commune's XA-2 can read them);
 * 4. registered → `DAT` when every criterion is met, else `CHUA_DAT`.
 *
 * Incidents count only when their date lies in the unit type's window of `year` (KDC 1/11 → 31/10, others
 * 16/11 → 15/11). For a commune, pass `managed` (or use {@link evaluateArea}); without it XA-2 and XA-4 are
 * `missing`. Criterion results, reasons and summaries are frozen and shared between units with the same
 * inputs (this keeps 100,000 evaluations small): copy before changing them.
 *
 * @example
 * ```ts
 * const village = { id: 101, type: 'KDC', areaId: 12, managingLevel: 'commune' } as const;
 * const answers = {
 *   'KDC-1': { checks: { resolution: true, registration: true }, numerator: 212, denominator: 212 },
 *   'KDC-2': { checks: { 'carried-out': true } },
 *   'KDC-5': { checks: { forces: true, models: true } },
 * };
 * const counts = { current: { crimes: 0, socialEvils: 1 }, previous: { crimes: 1, socialEvils: 1 } };
 *
 * evaluateUnit({ unit: village, year: 2022, registered: true, answers, counts }).result; // 'DAT'
 *
 * const late = evaluateUnit({
 *   unit: village, year: 2022, registered: true, answers, counts,
 *   incidents: [{ criterionCode: 'KDC-3', item: 'e', occurredOn: '2022-10-31' }],
 * });
 * late.result;      // 'CHUA_DAT'
 * late.summary.en;  // 'Not met: KDC-3 not met'
 * // The same incident on 2022-11-01 falls in the 2023 window: 2022 stays 'DAT'.
 * ```
 */
export function evaluateUnit(input: UnitEvaluationInput, options: EvaluateOptions = {}): UnitEvaluation {
  return evaluateWith(input, input.catalogue ?? resolveCatalogue(input.year, options));
}

function evaluateWith(input: UnitEvaluationInput, catalogue: Catalogue): UnitEvaluation {
  const computed = computeEvaluation(input, catalogue);
  return input.recordedResult === undefined ? computed : keepRecorded(computed, input.recordedResult);
}

/** A locked file's evaluation: its recorded result, and what the data give now beside it when that differs. */
function keepRecorded(computed: UnitEvaluation, recorded: 'DAT' | 'CHUA_DAT'): UnitEvaluation {
  if (computed.result === recorded) return computed;
  const label = RECOGNITION_RESULT_LABELS[recorded];
  return {
    ...computed,
    result: recorded,
    computedResult: computed.result,
    summary: {
      vi: `${label.vi} theo quyết định đã khóa; số liệu hiện nay cho: ${computed.summary.vi}`,
      en: `${label.en} as decided and locked; the data now give: ${computed.summary.en}`,
    },
  };
}

function computeEvaluation(input: UnitEvaluationInput, catalogue: Catalogue): UnitEvaluation {
  const { unit, year } = input;
  const window = evaluationWindow(unit.type, year);
  const eligibility = checkEligibility(unit, catalogue);
  if (!eligibility.eligible) {
    let summary = exclusionSummaries.get(eligibility.reason);
    if (!summary) {
      summary = Object.freeze({
        vi: `Không thuộc diện: ${eligibility.reason.vi}`,
        en: `Not eligible: ${eligibility.reason.en}`,
      });
      exclusionSummaries.set(eligibility.reason, summary);
    }
    return {
      unitId: unit.id,
      unitType: unit.type,
      year,
      catalogueId: catalogue.id,
      result: 'EXCLUDED',
      window,
      criteria: [],
      summary,
      exclusion: { ruleId: eligibility.ruleId, reason: eligibility.reason },
    };
  }
  const list = criteriaForType(catalogue, unit.type);
  const criteria = new Array<CriterionResult>(list.length);
  let allMet = true;
  for (let i = 0; i < list.length; i++) {
    const r = evaluateCriterion(list[i]!, input, window);
    if (r.outcome !== 'met') allMet = false;
    criteria[i] = r;
  }
  const result: RecognitionResult = !input.registered ? 'NOT_REGISTERED' : allMet ? 'DAT' : 'CHUA_DAT';
  const evaluation: UnitEvaluation = {
    unitId: unit.id,
    unitType: unit.type,
    year,
    catalogueId: catalogue.id,
    result,
    window,
    criteria,
    summary: summarize(result, list, criteria, year),
  };
  if (input.managed) evaluation.managed = input.managed;
  return evaluation;
}

// ── An area, bottom-up ──────────────────────────────────────────────────────────────────────────────

// While evaluating an area, counts accumulate per commune and type in fixed-shape objects, criteria met
// counted by position (all units of a type share the catalogue's criteria list); they become the public
// ManagedUnitsSummary once, when the commune is evaluated.
interface TypeTally {
  total: number;
  excluded: number;
  registered: number;
  recognised: number;
  codes: readonly string[] | undefined;
  met: number[];
  other: Map<string, number> | undefined; // criteria not in `codes` (a catalogue mix-up; kept correct anyway)
}
type AreaTally = Record<UnitType, TypeTally | undefined>;

function newAreaTally(): AreaTally {
  return { KDC: undefined, XA: undefined, CQ: undefined, DN: undefined, CSGD: undefined };
}

function tally(area: AreaTally, e: UnitEvaluation): void {
  let t = area[e.unitType];
  if (!t)
    area[e.unitType] = t = {
      total: 0,
      excluded: 0,
      registered: 0,
      recognised: 0,
      codes: undefined,
      met: [],
      other: undefined,
    };
  t.total++;
  if (e.result === 'EXCLUDED') {
    t.excluded++;
    return;
  }
  if (e.result !== 'NOT_REGISTERED') t.registered++;
  if (e.result === 'DAT') t.recognised++;
  const criteria = e.criteria;
  if (!t.codes) {
    t.codes = criteria.map((c) => c.code);
    t.met = criteria.map(() => 0);
  }
  const codes = t.codes;
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i]!;
    if (c.outcome !== 'met') continue;
    if (codes[i] === c.code) t.met[i]!++;
    else (t.other ??= new Map<string, number>()).set(c.code, (t.other.get(c.code) ?? 0) + 1);
  }
}

function toSummary(area: AreaTally): ManagedUnitsSummary {
  const byType: ManagedUnitsSummary['byType'] = {};
  for (const type of ['KDC', 'XA', 'CQ', 'DN', 'CSGD'] as const) {
    const t = area[type];
    if (!t) continue;
    const criteriaMet: Record<string, number> = {};
    t.codes?.forEach((code, i) => {
      if (t.met[i]! > 0) criteriaMet[code] = t.met[i]!;
    });
    t.other?.forEach((n, code) => (criteriaMet[code] = (criteriaMet[code] ?? 0) + n));
    byType[type] = {
      total: t.total,
      excluded: t.excluded,
      registered: t.registered,
      recognised: t.recognised,
      criteriaMet,
    };
  }
  return { byType };
}

/**
 * Summarises the evaluations of the units one commune manages (pass only those: its `KDC` and its
 * commune-managed `CQ`/`DN`/`CSGD`), to evaluate the commune alone with {@link evaluateUnit}.
 *
 * @example
 * ```ts
 * const managed = summarizeManagedUnits(villageEvaluations);
 * evaluateUnit({ unit: commune, year: 2022, registered: true, answers, incidents, managed });
 * ```
 */
export function summarizeManagedUnits(evaluations: readonly UnitEvaluation[]): ManagedUnitsSummary {
  const area = newAreaTally();
  for (const e of evaluations) {
    if (e.unitType === 'XA') {
      throw new DomainError('INVALID', {
        vi: `Đơn vị ${e.unitId} là cấp xã, không phải đơn vị do xã quản lý`,
        en: `Unit ${e.unitId} is a commune, not a unit a commune manages`,
      });
    }
    tally(area, e);
  }
  return toSummary(area);
}

/**
 * Tells whether a unit is managed by the commune of its `areaId` (XA-4: "do xã quản lý hoặc được giao quản
 * lý"): villages always; agencies, enterprises and schools when their managing level is `commune`, or when
 * their recognition is delegated one level down to the commune (Art. 10: from the district; after the 2025
 * reform, when there is no district, from the province — the same rule as {@link recognitionAuthority}, so
 * pass the `year` to decide which); communes never (managed from above). Without a year, the rule before the
 * reform.
 *
 * @example
 * ```ts
 * isManagedByCommune({ type: 'KDC', managingLevel: 'commune' });  // true
 * isManagedByCommune({ type: 'DN', managingLevel: 'province' });  // false
 * isManagedByCommune({ type: 'CQ', managingLevel: 'district', isRecognitionDelegated: true }); // true
 * isManagedByCommune({ type: 'CQ', managingLevel: 'province', isRecognitionDelegated: true }, 2025); // true
 * ```
 */
export function isManagedByCommune(
  unit: Pick<AssessedUnit, 'type' | 'managingLevel' | 'isRecognitionDelegated' | 'isMinistryMonitored'>,
  year?: number,
): boolean {
  if (unit.type === 'KDC') return true;
  if (unit.type === 'XA') return false;
  if (unit.managingLevel === 'commune') return true;
  if (unit.isRecognitionDelegated !== true) return false;
  if (year === undefined) return unit.managingLevel === 'district';
  // decided as the recognition of that year is (before 20 November, Art. 9)
  return recognitionAuthority(unit, `${year}-11-19`).level === 'commune';
}

/**
 * Evaluates many units bottom-up in one pass, whatever their order: first every unit that is not a commune,
 * folding each result into its commune's summary (grouped by year and `areaId` in Maps), then each commune
 * (`XA`, whose `areaId` is the commune itself) with the summary of the units it manages (XA-2, XA-4). No
 * recursion; linear in the number of units. Results come back in input order. A given `managed` on a
 * commune's input is replaced by the computed one.
 *
 * Throws `DomainError('INVALID')` for a duplicate unit id (within a year) or two communes with the same
 * `areaId` and year.
 *
 * @example
 * ```ts
 * const results = evaluateArea([communeInput, ...villageInputs, ...schoolInputs]);
 * const commune = results[0]!;
 * commune.criteria.find((c) => c.code === 'XA-4')?.reasons[1]?.vi;
 * // 'Đạt tiêu chuẩn 7/10 (70 %), đạt mức tối thiểu 70 %'
 * ```
 */
export function evaluateArea(inputs: readonly UnitEvaluationInput[], options: EvaluateOptions = {}): UnitEvaluation[] {
  // filled by push (a `new Array(n)` this large would be a slow dictionary-mode array); communes get a
  // placeholder and their result in the second pass
  const results: (UnitEvaluation | null)[] = [];
  const catalogues = new Map<number, Catalogue>();
  const catalogueFor = (year: number): Catalogue => {
    let c = catalogues.get(year);
    if (!c) {
      c = resolveCatalogue(year, options);
      catalogues.set(year, c);
    }
    return c;
  };
  const seen = new Map<number, Set<number>>();
  const summaries = new Map<number, Map<number, AreaTally>>();
  const communeAreas = new Map<number, Set<number>>();
  const communes: number[] = [];
  // the inputs are usually all of one year: keep that year's maps at hand
  let lastYear = Number.NaN;
  let ids = new Set<number>();
  let byArea = new Map<number, AreaTally>();
  let areas = new Set<number>();
  let catalogue: Catalogue | undefined;

  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    const { unit, year } = input;
    if (year !== lastYear) {
      lastYear = year;
      catalogue = catalogueFor(year);
      ids = seen.get(year) ?? new Set<number>();
      seen.set(year, ids);
      byArea = summaries.get(year) ?? new Map<number, AreaTally>();
      summaries.set(year, byArea);
      areas = communeAreas.get(year) ?? new Set<number>();
      communeAreas.set(year, areas);
    }
    if (ids.has(unit.id)) {
      throw new DomainError('INVALID', {
        vi: `Đơn vị ${unit.id} xuất hiện hai lần cho năm ${year}`,
        en: `Unit ${unit.id} appears twice for the year ${year}`,
      });
    }
    ids.add(unit.id);
    if (unit.type === 'XA') {
      if (areas.has(unit.areaId)) {
        throw new DomainError('INVALID', {
          vi: `Hai đơn vị cấp xã cùng địa bàn ${unit.areaId} cho năm ${year}`,
          en: `Two communes share the area ${unit.areaId} for the year ${year}`,
        });
      }
      areas.add(unit.areaId);
      communes.push(i);
      results.push(null);
      continue;
    }
    const evaluation = evaluateWith(input, input.catalogue ?? catalogue!);
    results.push(evaluation);
    if (!isManagedByCommune(unit, year)) continue;
    let area = byArea.get(unit.areaId);
    if (!area) byArea.set(unit.areaId, (area = newAreaTally()));
    tally(area, evaluation);
  }

  for (const i of communes) {
    const input = inputs[i]!;
    const area = summaries.get(input.year)?.get(input.unit.areaId);
    const managed = area ? toSummary(area) : { byType: {} };
    results[i] = evaluateWith({ ...input, managed }, input.catalogue ?? catalogueFor(input.year));
  }
  return results as UnitEvaluation[];
}

/**
 * Keeps the incidents that fall in a unit type's evaluation window of a year (e.g. to feed a grading sheet's
 * deductions with the same incidents the recognition engine counts).
 *
 * @example
 * ```ts
 * incidentsInWindow([{ criterionCode: 'KDC-3', occurredOn: '2021-11-01' }], 'KDC', 2021); // []
 * incidentsInWindow([{ criterionCode: 'KDC-3', occurredOn: '2021-10-31' }], 'KDC', 2021).length; // 1
 * ```
 */
export function incidentsInWindow<T extends Pick<IncidentRecord, 'occurredOn'>>(
  incidents: readonly T[],
  type: UnitType,
  year: number,
): T[] {
  const window = evaluationWindow(type, year);
  return incidents.filter((i) => i.occurredOn >= window.from && i.occurredOn <= window.to);
}
