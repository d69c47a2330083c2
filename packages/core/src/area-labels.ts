import type { LocalizedText } from './errors.js';
import type { Area, AreaKind, ManagingLevel } from './units.js';

/**
 * The kinds of area in both languages, as they prefix a name in documents ("Thị xã Ba Đồn").
 *
 * @example
 * ```ts
 * AREA_KIND_LABELS['thi-xa'].vi; // 'Thị xã'
 * AREA_KIND_LABELS.phuong.en;    // 'Ward'
 * ```
 */
export const AREA_KIND_LABELS: Readonly<Record<AreaKind, LocalizedText>> = {
  tinh: { vi: 'Tỉnh', en: 'Province' },
  'thanh-pho-tw': { vi: 'Thành phố', en: 'Centrally-run city' },
  huyen: { vi: 'Huyện', en: 'District' },
  'thi-xa': { vi: 'Thị xã', en: 'Town' },
  'thanh-pho': { vi: 'Thành phố', en: 'Provincial city' },
  quan: { vi: 'Quận', en: 'Urban district' },
  xa: { vi: 'Xã', en: 'Commune' },
  phuong: { vi: 'Phường', en: 'Ward' },
  'thi-tran': { vi: 'Thị trấn', en: 'Township' },
  'dac-khu': { vi: 'Đặc khu', en: 'Special zone' },
};

/**
 * The managing levels in both languages ("Cấp xã", "Cấp huyện", "Cấp tỉnh").
 *
 * @example
 * ```ts
 * MANAGING_LEVEL_LABELS.district.vi; // 'Cấp huyện'
 * ```
 */
export const MANAGING_LEVEL_LABELS: Readonly<Record<ManagingLevel, LocalizedText>> = {
  commune: { vi: 'Cấp xã', en: 'Commune level' },
  district: { vi: 'Cấp huyện', en: 'District level' },
  province: { vi: 'Cấp tỉnh', en: 'Province level' },
};

/**
 * An area's name with its kind, as documents write it: "Thị xã Ba Đồn", "Phường Quảng Thọ" (in English
 * "Town Ba Đồn"). A name that already starts with its kind is left as it is.
 *
 * @example
 * ```ts
 * areaDisplayName({ name: 'Ba Đồn', kind: 'thi-xa' }, 'vi'); // 'Thị xã Ba Đồn'
 * areaDisplayName({ name: 'Xã Quảng Hòa', kind: 'xa' }, 'vi'); // 'Xã Quảng Hòa'
 * ```
 */
export function areaDisplayName(area: Pick<Area, 'name' | 'kind'>, language: 'vi' | 'en' = 'vi'): string {
  const label = AREA_KIND_LABELS[area.kind]?.[language] ?? '';
  if (!label || area.name.toLowerCase().startsWith(label.toLowerCase())) return area.name;
  return `${label} ${area.name}`;
}
