// `rating`: a body's yearly rating, a level key of the catalogue, with an optional checklist (KDC-5, CQDN-4,
// CSGD-5).
import { RATING_ABSENT, type RatingCriterion } from '../../catalogue/catalogue.schema.js';
import type { EvaluationWindow } from '../../periods/periods.js';
import type { CriterionAnswer } from '../assessment.schema.js';
import type { EvaluationMemo } from '../evaluation.memo.js';
import type { CriterionResult, UnitEvaluationInput } from '../evaluation.types.js';
import { checkChecklist, checklistKey, NO_ANSWER, NO_ANSWER_KEY, worst, type RuleOutcome } from './outcome.js';

/**
 * A rating criterion: met when the rating is a passing level (or absent where the catalogue allows it) and
 * the checklist is met.
 *
 * @example
 * ```ts
 * evaluateRating(kdc5, { rating: 'hoan-thanh', checks: { 'no-discipline': true } }).outcome; // 'met'
 * ```
 */
export function evaluateRating(c: RatingCriterion, answer: CriterionAnswer | undefined): RuleOutcome {
  if (!answer) return { outcome: 'missing', reasons: [NO_ANSWER] };
  const result: RuleOutcome =
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

/**
 * A unit's result for a rating criterion, shared through the memo by its rating and checklist answers.
 *
 * @example
 * ```ts
 * ratingResult(kdc5, input, window, createEvaluationMemo()).outcome; // 'met'
 * ```
 */
export function ratingResult(
  c: RatingCriterion,
  input: UnitEvaluationInput,
  _window: EvaluationWindow,
  memo: EvaluationMemo,
): CriterionResult {
  const answer = input.answers?.[c.code];
  const key = answer ? `${answer.rating ?? ''}|${checklistKey(c.checklist, answer.checks)}` : NO_ANSWER_KEY;
  return memo.criterionResult(c, key, () => evaluateRating(c, answer));
}
