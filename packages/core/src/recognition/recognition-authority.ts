import type { LocalizedText } from '../errors.js';
import type { ManagingLevel, UnitType } from '../units.js';

/**
 * Who issues the recognition decision and the "Giấy công nhận" (Art. 10 of 124/2021): a People's Committee
 * of a level, or the Ministry of Public Security itself.
 *
 * @example
 * ```ts
 * RECOGNITION_LEVELS; // ['commune', 'district', 'province', 'ministry']
 * ```
 */
export const RECOGNITION_LEVELS = ['commune', 'district', 'province', 'ministry'] as const;

/** One of {@link RECOGNITION_LEVELS}. @example `const level: RecognitionLevel = 'ministry';` */
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];

/**
 * The recognising authorities in both languages.
 *
 * @example
 * ```ts
 * RECOGNITION_LEVEL_LABELS.ministry.vi; // 'Bộ Công an'
 * ```
 */
export const RECOGNITION_LEVEL_LABELS: Readonly<Record<RecognitionLevel, LocalizedText>> = {
  commune: { vi: 'Ủy ban nhân dân cấp xã', en: "Commune People's Committee" },
  district: { vi: 'Ủy ban nhân dân cấp huyện', en: "District People's Committee" },
  province: { vi: 'Ủy ban nhân dân cấp tỉnh', en: "Provincial People's Committee" },
  ministry: { vi: 'Bộ Công an', en: 'Ministry of Public Security' },
};

/**
 * What decides who recognises a unit, besides its type and managing level: whether a department of the
 * Ministry of Public Security monitors it (the Ministry recognises it), and whether the managing People's
 * Committee delegated recognition one level down (Art. 10).
 *
 * @example
 * ```ts
 * const hospital: RecognitionAttributes = { isMinistryMonitored: false, isRecognitionDelegated: true };
 * ```
 */
export interface RecognitionAttributes {
  isMinistryMonitored?: boolean | null;
  isRecognitionDelegated?: boolean | null;
}

/**
 * Who recognises a unit, with the legal basis and whether that basis was read.
 *
 * @example
 * ```ts
 * const a: RecognitionAuthority = { level: 'commune', delegated: false, source: 'Điều 10 Thông tư 124/2021/TT-BCA', verified: true };
 * ```
 */
export interface RecognitionAuthority {
  level: RecognitionLevel;
  /** The level above delegated recognition to `level` (Art. 10: one level down). */
  delegated: boolean;
  source: string;
  verified: boolean;
  /** What is unknown, for administrators (the post-2025 rule for communes). */
  note?: LocalizedText;
}

const ART_10 = 'Điều 10 Thông tư 124/2021/TT-BCA';
/** The day the district level was abolished. */
const DISTRICTS_ABOLISHED = '2025-07-01';
/** One level down: before the 2025 reform province → district → commune; after it province → commune. */
function levelBelow(level: RecognitionLevel, afterReform: boolean): RecognitionLevel | undefined {
  if (level === 'province') return afterReform ? 'commune' : 'district';
  return level === 'district' ? 'commune' : undefined;
}

/**
 * Who recognises a unit on a date (Art. 10 of 124/2021): the Ministry of Public Security for units its
 * departments monitor; otherwise the People's Committee of the level that manages it (a village: its commune;
 * a commune: the district, and after 1 July 2025 the province — a rule of 48/2025/TT-BCA whose text was not
 * found, so it is returned `verified: false` with a note); one level lower when that committee delegated
 * the recognition of an agency, enterprise or school (after the reform, one level below the province is the
 * commune). Villages and communes are not delegated.
 *
 * @example
 * ```ts
 * recognitionAuthority({ type: 'KDC', managingLevel: 'commune' }, '2022-11-14').level; // 'commune'
 * recognitionAuthority({ type: 'CQ', managingLevel: 'district', isRecognitionDelegated: true }, '2022-11-19');
 * // { level: 'commune', delegated: true, source: 'Điều 10 Thông tư 124/2021/TT-BCA', verified: true }
 * recognitionAuthority({ type: 'DN', managingLevel: 'province', isMinistryMonitored: true }, '2022-11-19').level; // 'ministry'
 * recognitionAuthority({ type: 'XA', managingLevel: 'district' }, '2025-11-19'); // { level: 'province', verified: false, note: … }
 * ```
 */
export function recognitionAuthority(
  unit: { type: UnitType; managingLevel: ManagingLevel } & RecognitionAttributes,
  date: string,
): RecognitionAuthority {
  if (unit.isMinistryMonitored) return { level: 'ministry', delegated: false, source: ART_10, verified: true };
  const afterReform = date >= DISTRICTS_ABOLISHED;
  let level: RecognitionLevel = unit.type === 'KDC' ? 'commune' : unit.type === 'XA' ? 'district' : unit.managingLevel;
  let verified = true;
  let note: LocalizedText | undefined;
  if (afterReform && level === 'district') {
    level = 'province';
    if (unit.type === 'XA') {
      verified = false;
      note = {
        vi: 'Chưa đối chiếu văn bản: sau 01/7/2025 không còn cấp huyện; thẩm quyền công nhận cấp xã do Thông tư 48/2025/TT-BCA sửa đổi, chưa tìm thấy văn bản. Tạm coi là UBND cấp tỉnh.',
        en: 'Not checked: after 1 Jul 2025 there is no district level; who recognises communes was changed by circular 48/2025/TT-BCA, whose text was not found. Taken to be the province for now.',
      };
    }
  }
  const below = levelBelow(level, afterReform);
  const delegated =
    unit.isRecognitionDelegated === true && unit.type !== 'KDC' && unit.type !== 'XA' && below !== undefined;
  if (delegated) level = below;
  return { level, delegated, source: ART_10, verified, ...(note ? { note } : {}) };
}
