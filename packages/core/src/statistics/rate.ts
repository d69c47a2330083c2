import { DomainError } from '../errors.js';

/**
 * A rate as an exact fraction and as numbers: `value` in [0, 1], `percentage` in [0, 100] rounded to two
 * decimals, `text` the fraction as people write it (`'15/16'`). Functions return `null` instead of a rate when
 * the denominator is 0 (there is nothing to divide): show it as "—", never as 0 % or 100 %.
 *
 * @example
 * ```ts
 * const r: Rate = { numerator: 15, denominator: 16, text: '15/16', value: 0.9375, percentage: 93.75 };
 * ```
 */
export interface Rate {
  numerator: number;
  denominator: number;
  text: string;
  value: number;
  percentage: number;
}

/**
 * Makes a {@link Rate}, or `null` when the denominator is 0. Throws `DomainError('INVALID')` unless
 * 0 ≤ numerator ≤ denominator, both integers (a rate outside [0, 1] is a bug upstream).
 *
 * @example
 * ```ts
 * makeRate(15, 16); // { numerator: 15, denominator: 16, text: '15/16', value: 0.9375, percentage: 93.75 }
 * makeRate(0, 0);   // null
 * ```
 */
export function makeRate(numerator: number, denominator: number): Rate | null {
  if (
    !Number.isInteger(numerator) ||
    !Number.isInteger(denominator) ||
    numerator < 0 ||
    denominator < 0 ||
    numerator > denominator
  ) {
    throw new DomainError('INVALID', {
      vi: `Tỷ lệ không hợp lệ: ${numerator}/${denominator}`,
      en: `Invalid rate: ${numerator}/${denominator}`,
    });
  }
  if (denominator === 0) return null;
  const value = numerator / denominator;
  return {
    numerator,
    denominator,
    text: `${numerator}/${denominator}`,
    value,
    percentage: Math.round(value * 10_000) / 100,
  };
}

/**
 * Tells whether `numerator / denominator ≥ minimum`, exactly at the boundary: 699/1000 does not reach 0.7,
 * 7/10 does, 7/100 reaches 0.07 (the naive `minimum * denominator` would say 7.000000000000001 and fail it).
 * IEEE division is correctly rounded, so comparing the quotient with the minimum agrees with exact rational
 * comparison for any realistic counts and parameters. False when the denominator is 0.
 *
 * @example
 * ```ts
 * reachesShare(7, 10, 0.7);     // true
 * reachesShare(699, 1000, 0.7); // false
 * ```
 */
export function reachesShare(numerator: number, denominator: number, minimum: number): boolean {
  return denominator > 0 && numerator / denominator >= minimum;
}

/**
 * Formats a share (0–1) as a percentage with at most two decimals: `'69,9 %'` in Vietnamese (decimal comma),
 * `'69.9%'` in English.
 *
 * @example
 * ```ts
 * formatPercent(0.699, 'vi'); // '69,9 %'
 * formatPercent(2 / 3, 'en'); // '66.67%'
 * ```
 */
export function formatPercent(share: number, language: 'vi' | 'en'): string {
  const rounded = String(Math.round(share * 10_000) / 100);
  return language === 'vi' ? `${rounded.replace('.', ',')} %` : `${rounded}%`;
}
