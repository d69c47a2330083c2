// `comparison`: this window's report counts against the previous window's (KDC-4 (a): crimes and social-evil
// cases contained and reduced), also read by the parts rule.
import type { ComparisonCriterion, ComparisonRule } from '../../catalogue/catalogue.schema.js';
import type { LocalizedText } from '../../errors.js';
import type { EvaluationWindow } from '../../periods/periods.js';
import { QUARTERLY_METRIC_LABELS, type ReportCounts, type WindowCounts } from '../../reports/quarterly-report.js';
import type { EvaluationMemo } from '../evaluation.memo.js';
import type { CriterionOutcome, CriterionResult, UnitEvaluationInput } from '../evaluation.types.js';
import { NO_ANSWER_KEY, worst, type RuleOutcome } from './outcome.js';

/**
 * A comparison: each metric (or their sum) of this window may exceed the previous window's by at most
 * `maxIncrease`; zero this window always passes; missing counts are missing.
 *
 * @example
 * ```ts
 * evaluateComparison({ metrics: ['crimes'], aggregate: 'each', maxIncrease: 0 }, { current: { crimes: 2 }, previous: { crimes: 1 } }).outcome; // 'not_met'
 * ```
 */
export function evaluateComparison(c: ComparisonRule, counts: WindowCounts | undefined): RuleOutcome {
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

/**
 * The memo key of a comparison's counts: two small metrics pack into one number, anything else into a string.
 *
 * @example
 * ```ts
 * comparisonKey({ metrics: ['crimes'], aggregate: 'each', maxIncrease: 0 }, { crimes: 0 }, { crimes: 1 }); // 1 * 1024 + 2
 * ```
 */
export function comparisonKey(
  c: ComparisonRule,
  current: ReportCounts,
  previous: ReportCounts | undefined,
): number | string {
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

/**
 * A unit's result for a comparison criterion, shared through the memo by its counts.
 *
 * @example
 * ```ts
 * comparisonResult(criterion, { ...input, counts: { current: { crimes: 0 } } }, window, createEvaluationMemo()).outcome; // 'met'
 * ```
 */
export function comparisonResult(
  c: ComparisonCriterion,
  input: UnitEvaluationInput,
  _window: EvaluationWindow,
  memo: EvaluationMemo,
): CriterionResult {
  const counts = input.counts;
  const key = counts?.current ? comparisonKey(c, counts.current, counts.previous) : NO_ANSWER_KEY;
  return memo.criterionResult(c, key, () => evaluateComparison(c, counts));
}
