// `managed_threshold`: the shares of the units a commune manages that registered and that are recognised
// (XA-4: 100 % registered, at least 70 % Đạt).
import type { ManagedThresholdCriterion } from '../../catalogue/catalogue.schema.js';
import type { LocalizedText } from '../../errors.js';
import type { EvaluationWindow } from '../../periods/periods.js';
import { formatPercent, reachesShare } from '../../statistics/rate.js';
import type { EvaluationMemo } from '../evaluation.memo.js';
import type {
  CriterionOutcome,
  CriterionResult,
  ManagedUnitsSummary,
  UnitEvaluationInput,
} from '../evaluation.types.js';
import { NO_MANAGED_DATA, typeNames } from './managed-units.js';
import { toResult, type RuleOutcome } from './outcome.js';

/**
 * A managed-threshold criterion over the eligible units of its managed types: registered share (when the
 * catalogue sets one) and recognised share must reach their minimums.
 *
 * @example
 * ```ts
 * evaluateManagedThreshold(xa4, { byType: { KDC: { total: 10, excluded: 0, registered: 10, recognised: 7, criteriaMet: {} } } }).outcome; // 'met'
 * ```
 */
export function evaluateManagedThreshold(
  c: ManagedThresholdCriterion,
  managed: ManagedUnitsSummary | undefined,
): RuleOutcome {
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

/**
 * A commune's result for a managed-threshold criterion (never memoised: it depends on the whole commune).
 *
 * @example
 * ```ts
 * managedThresholdResult(xa4, { ...input, managed }, window, createEvaluationMemo()).outcome; // 'met'
 * ```
 */
export function managedThresholdResult(
  c: ManagedThresholdCriterion,
  input: UnitEvaluationInput,
  _window: EvaluationWindow,
  _memo: EvaluationMemo,
): CriterionResult {
  return toResult(c, evaluateManagedThreshold(c, input.managed));
}
