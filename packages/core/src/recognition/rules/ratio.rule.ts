// `ratio`: a share of at least `minimum` (KDC-1's households; CQDN-5 / CSGD-6's 70 % of a unit's own
// sub-units), with an optional checklist.
import type { RatioCriterion } from '../../catalogue/catalogue.schema.js';
import type { EvaluationWindow } from '../../periods/periods.js';
import { formatPercent, reachesShare } from '../../statistics/rate.js';
import type { CriterionAnswer } from '../assessment.schema.js';
import type { EvaluationMemo } from '../evaluation.memo.js';
import type { CriterionOutcome, CriterionResult, UnitEvaluationInput } from '../evaluation.types.js';
import { checkChecklist, checklistKey, NO_ANSWER, NO_ANSWER_KEY, worst, type RuleOutcome } from './outcome.js';

/**
 * A ratio criterion: its checklist (if any) and `numerator / denominator ≥ minimum`; missing figures, a zero
 * denominator or a numerator above the denominator count as missing.
 *
 * @example
 * ```ts
 * evaluateRatio(kdc1, { checks: { resolution: true, plan: true, registration: true }, numerator: 212, denominator: 212 }).outcome; // 'met'
 * ```
 */
export function evaluateRatio(c: RatioCriterion, answer: CriterionAnswer | undefined): RuleOutcome {
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

/**
 * A unit's result for a ratio criterion, shared through the memo by its checklist answers and figures.
 *
 * @example
 * ```ts
 * ratioResult(kdc1, input, window, createEvaluationMemo()).reasons[0]?.en; // 'Households taking part: 212/212 (100 %), reaches 100 %'
 * ```
 */
export function ratioResult(
  c: RatioCriterion,
  input: UnitEvaluationInput,
  _window: EvaluationWindow,
  memo: EvaluationMemo,
): CriterionResult {
  const answer = input.answers?.[c.code];
  const key = answer ? ratioKey(c, answer) : NO_ANSWER_KEY;
  return memo.criterionResult(c, key, () => evaluateRatio(c, answer));
}
