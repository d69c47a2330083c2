// What the commune rules that read the units it manages (managed_threshold, composite) share.
import type { LocalizedText } from '../../errors.js';
import { UNIT_TYPE_LABELS, type UnitType } from '../../units.js';

/** The reason of a commune rule evaluated without its managed units' summary. */
export const NO_MANAGED_DATA: LocalizedText = {
  vi: 'Chưa có kết quả của các đơn vị do xã quản lý (tính là không đạt)',
  en: "No results of the commune's managed units (counts as not met)",
};

/**
 * The unit types' names in lower case, comma-separated.
 *
 * @example
 * ```ts
 * typeNames(['CQ', 'DN'], 'en'); // 'agency, enterprise'
 * ```
 */
export function typeNames(types: readonly UnitType[], lang: 'vi' | 'en'): string {
  return types.map((t) => UNIT_TYPE_LABELS[t][lang].toLowerCase()).join(', ');
}
