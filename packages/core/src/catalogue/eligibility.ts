import { DomainError, type LocalizedText } from '../errors.js';
import { UNIT_TYPE_LABELS, type UnitType } from '../units.js';
import type { Catalogue } from './catalogue.schema.js';
import type { UnitEligibilityAttributes } from './unit-attributes.js';

/**
 * The outcome of the eligibility rules for a unit: eligible, or excluded by a rule with its reason.
 *
 * @example
 * ```ts
 * const r: EligibilityResult = { eligible: false, ruleId: 'small-micro-enterprises', reason: { vi: '…', en: '…' } };
 * ```
 */
export type EligibilityResult = { eligible: true } | { eligible: false; ruleId: string; reason: LocalizedText };

const ELIGIBLE: EligibilityResult = Object.freeze({ eligible: true });

/**
 * Applies a catalogue's eligibility rules to a unit: the first rule for the unit's type whose attribute takes
 * one of its values excludes it. An attribute that is missing or `null` excludes nothing.
 *
 * @example
 * ```ts
 * checkEligibility({ type: 'DN', enterpriseSize: 'small' }, TT124_2021);
 * // { eligible: false, ruleId: 'small-micro-enterprises', reason: { vi: 'Doanh nghiệp nhỏ và …', en: 'Small and micro …' } }
 * checkEligibility({ type: 'CSGD', schoolLevel: 'upper_secondary' }, TT124_2021); // { eligible: true }
 * ```
 */
export function checkEligibility(
  unit: { type: UnitType } & UnitEligibilityAttributes,
  catalogue: Catalogue,
): EligibilityResult {
  for (const rule of catalogue.eligibility) {
    if (!rule.unitTypes.includes(unit.type)) continue;
    const value = unit[rule.attribute];
    if (value === undefined || value === null) continue;
    if ((rule.values as readonly unknown[]).includes(value)) {
      return { eligible: false, ruleId: rule.id, reason: rule.reason };
    }
  }
  return ELIGIBLE;
}

/**
 * Throws `DomainError('INVALID')` with the rule's reason when a unit is excluded; use it when a unit
 * registers for the standard.
 *
 * @example
 * ```ts
 * assertEligible({ type: 'CQ', isArmedForces: true, name: 'Ban Chỉ huy quân sự thị xã' }, TT124_2021);
 * // DomainError INVALID: "Ban Chỉ huy quân sự thị xã (Agency) cannot register: Armed-forces agencies and units are not assessed …"
 * ```
 */
export function assertEligible(
  unit: { type: UnitType; name?: string } & UnitEligibilityAttributes,
  catalogue: Catalogue,
): void {
  const result = checkEligibility(unit, catalogue);
  if (result.eligible) return;
  const who = unit.name ?? '';
  throw new DomainError('INVALID', {
    vi: `${who} (${UNIT_TYPE_LABELS[unit.type].vi}) không thể đăng ký: ${result.reason.vi}`.trim(),
    en: `${who} (${UNIT_TYPE_LABELS[unit.type].en}) cannot register: ${result.reason.en}`.trim(),
  });
}
