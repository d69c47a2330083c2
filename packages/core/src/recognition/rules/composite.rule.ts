// `composite`: the share of a commune's managed units (of some types) that meet other criteria (XA-2: its
// villages meet KDC-2, KDC-3 and KDC-4).
import type { CompositeCriterion } from '../../catalogue/catalogue.schema.js';
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
 * A composite criterion: for each criterion it names, the share of eligible managed units meeting it must
 * reach `minimumShare`.
 *
 * @example
 * ```ts
 * evaluateComposite(xa2, { byType: { KDC: { total: 4, excluded: 0, registered: 4, recognised: 4, criteriaMet: { 'KDC-2': 4, 'KDC-3': 4, 'KDC-4': 4 } } } }).outcome; // 'met'
 * ```
 */
export function evaluateComposite(c: CompositeCriterion, managed: ManagedUnitsSummary | undefined): RuleOutcome {
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

/**
 * A commune's result for a composite criterion (never memoised: it depends on the whole commune).
 *
 * @example
 * ```ts
 * compositeResult(xa2, { ...input, managed }, window, createEvaluationMemo()).outcome; // 'met'
 * ```
 */
export function compositeResult(
  c: CompositeCriterion,
  input: UnitEvaluationInput,
  _window: EvaluationWindow,
  _memo: EvaluationMemo,
): CriterionResult {
  return toResult(c, evaluateComposite(c, input.managed));
}
