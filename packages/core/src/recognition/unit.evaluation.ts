// One unit for one year: eligibility, each criterion of its type, the result and its one-line summary; a
// locked file keeps its recorded result.
import type { Catalogue, Criterion } from '../catalogue/catalogue.schema.js';
import { checkEligibility } from '../catalogue/eligibility.js';
import type { LocalizedText } from '../errors.js';
import { evaluationWindow } from '../periods/periods.js';
import type { UnitType } from '../units.js';
import type { IncidentRecord } from './assessment.schema.js';
import { evaluateCriterion } from './criterion.evaluation.js';
import { createEvaluationMemo, type EvaluationMemo } from './evaluation.memo.js';
import {
  RECOGNITION_RESULT_LABELS,
  type CriterionResult,
  type EvaluateOptions,
  type RecognitionResult,
  type UnitEvaluation,
  type UnitEvaluationInput,
} from './evaluation.types.js';

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
  memo: EvaluationMemo,
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
  return memo.summary(list, key, () => buildSummary(result, criteria, year));
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
 * `missing`. Criterion results, reasons and summaries are frozen (and, within one {@link evaluateArea} call,
 * shared between units with the same inputs): copy before changing them.
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
  const memo = createEvaluationMemo(options);
  return evaluateWith(input, input.catalogue ?? memo.catalogueFor(input.year), memo);
}

/**
 * Evaluates one unit with a catalogue and the memo of the evaluation it belongs to (evaluateUnit's and
 * evaluateArea's common step).
 *
 * @example
 * ```ts
 * const memo = createEvaluationMemo();
 * evaluateWith(input, TT124_2021, memo).result; // 'DAT'
 * ```
 */
export function evaluateWith(input: UnitEvaluationInput, catalogue: Catalogue, memo: EvaluationMemo): UnitEvaluation {
  const computed = computeEvaluation(input, catalogue, memo);
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

function computeEvaluation(input: UnitEvaluationInput, catalogue: Catalogue, memo: EvaluationMemo): UnitEvaluation {
  const { unit, year } = input;
  const window = memo.window(unit.type, year);
  const eligibility = checkEligibility(unit, catalogue);
  if (!eligibility.eligible) {
    return {
      unitId: unit.id,
      unitType: unit.type,
      year,
      catalogueId: catalogue.id,
      result: 'EXCLUDED',
      window,
      criteria: [],
      summary: memo.exclusionSummary(eligibility.reason),
      exclusion: { ruleId: eligibility.ruleId, reason: eligibility.reason },
    };
  }
  const list = memo.criteriaFor(catalogue, unit.type);
  const criteria = new Array<CriterionResult>(list.length);
  let allMet = true;
  let i = 0;
  for (const c of list) {
    const r = evaluateCriterion(c, input, window, memo);
    if (r.outcome !== 'met') allMet = false;
    criteria[i++] = r;
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
    summary: summarize(result, list, criteria, year, memo),
  };
  if (input.managed) evaluation.managed = input.managed;
  return evaluation;
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
