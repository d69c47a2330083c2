import type { LocalizedText } from '../errors.js';
import type { AwardKind } from '../records.schema.js';

/**
 * Award kinds (see `AWARD_KINDS`) in both languages.
 *
 * @example
 * ```ts
 * AWARD_KIND_LABELS.bang_khen.vi; // 'Bằng khen'
 * ```
 */
export const AWARD_KIND_LABELS: Readonly<Record<AwardKind, LocalizedText>> = {
  giay_khen: { vi: 'Giấy khen', en: 'Certificate of merit' },
  bang_khen: { vi: 'Bằng khen', en: 'Certificate of honour' },
};

/**
 * Who receives an award: a collective (a unit) or an individual.
 *
 * @example
 * ```ts
 * RECIPIENT_KINDS; // ['collective', 'individual']
 * ```
 */
export const RECIPIENT_KINDS = ['collective', 'individual'] as const;

/** One of {@link RECIPIENT_KINDS}. @example `const r: RecipientKind = 'individual';` */
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/**
 * Recipient kinds in both languages.
 *
 * @example
 * ```ts
 * RECIPIENT_KIND_LABELS.collective.vi; // 'Tập thể'
 * ```
 */
export const RECIPIENT_KIND_LABELS: Readonly<Record<RecipientKind, LocalizedText>> = {
  collective: { vi: 'Tập thể', en: 'Collective' },
  individual: { vi: 'Cá nhân', en: 'Individual' },
};
