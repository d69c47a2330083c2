/**
 * The kinds of unit that are assessed against the standard "An toàn về an ninh, trật tự"
 * (circular 124/2021/TT-BCA, amended by 48/2025/TT-BCA). The codes are the domain's own and stay
 * untranslated everywhere in the code base:
 *
 * | code   | Vietnamese                                     | English                       |
 * |--------|------------------------------------------------|-------------------------------|
 * | `KDC`  | khu dân cư (thôn, làng, bản, ấp, tổ dân phố…)  | residential area / village    |
 * | `XA`   | xã, phường, thị trấn, đặc khu                  | commune-level unit            |
 * | `CQ`   | cơ quan                                        | agency                        |
 * | `DN`   | doanh nghiệp                                   | enterprise                    |
 * | `CSGD` | cơ sở giáo dục                                 | education institution         |
 *
 * @example
 * ```ts
 * import { UNIT_TYPES, isUnitType } from '@antoan/core';
 * UNIT_TYPES.length; // 5
 * isUnitType('KDC'); // true
 * ```
 */
export const UNIT_TYPES = ['KDC', 'XA', 'CQ', 'DN', 'CSGD'] as const;

/**
 * One of the five assessed unit types (see {@link UNIT_TYPES}).
 *
 * @example
 * ```ts
 * const t: UnitType = 'CSGD';
 * ```
 */
export type UnitType = (typeof UNIT_TYPES)[number];

/**
 * Tells whether a string is one of the unit type codes.
 *
 * @example
 * ```ts
 * isUnitType('XA'); // true
 * isUnitType('xa'); // false: codes are upper case
 * ```
 */
export function isUnitType(value: unknown): value is UnitType {
  return typeof value === 'string' && (UNIT_TYPES as readonly string[]).includes(value);
}

/**
 * Names of the unit types in both languages, for labels and reports.
 *
 * @example
 * ```ts
 * UNIT_TYPE_LABELS.KDC.vi; // 'Khu dân cư'
 * UNIT_TYPE_LABELS.KDC.en; // 'Residential area'
 * ```
 */
export const UNIT_TYPE_LABELS: Readonly<Record<UnitType, Readonly<{ vi: string; en: string }>>> = {
  KDC: { vi: 'Khu dân cư', en: 'Residential area' },
  XA: { vi: 'Xã, phường, thị trấn', en: 'Commune' },
  CQ: { vi: 'Cơ quan', en: 'Agency' },
  DN: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  CSGD: { vi: 'Cơ sở giáo dục', en: 'Education institution' },
};

/**
 * The level of government that manages an agency, enterprise or school and therefore decides who
 * recognises it. Villages (`KDC`) are always managed by their commune; communes (`XA`) by the level above.
 *
 * @example
 * ```ts
 * const level: ManagingLevel = 'commune';
 * ```
 */
export const MANAGING_LEVELS = ['commune', 'district', 'province'] as const;

/** One of {@link MANAGING_LEVELS}. @example `const l: ManagingLevel = 'district';` */
export type ManagingLevel = (typeof MANAGING_LEVELS)[number];

/**
 * The levels of the administrative tree. The district level was abolished on 1 July 2025; the tree is
 * dated, so areas of that level remain for the years before.
 *
 * @example
 * ```ts
 * AREA_LEVELS; // ['province', 'district', 'commune']
 * ```
 */
export const AREA_LEVELS = ['province', 'district', 'commune'] as const;

/** One of {@link AREA_LEVELS}. @example `const l: AreaLevel = 'commune';` */
export type AreaLevel = (typeof AREA_LEVELS)[number];

/**
 * The precise kind of an area, as Vietnamese administrative law names it.
 *
 * | kind            | level    | Vietnamese               |
 * |-----------------|----------|--------------------------|
 * | `tinh`          | province | tỉnh                     |
 * | `thanh-pho-tw`  | province | thành phố trực thuộc TƯ  |
 * | `huyen`         | district | huyện                    |
 * | `thi-xa`        | district | thị xã                   |
 * | `thanh-pho`     | district | thành phố thuộc tỉnh     |
 * | `quan`          | district | quận                     |
 * | `xa`            | commune  | xã                       |
 * | `phuong`        | commune  | phường                   |
 * | `thi-tran`      | commune  | thị trấn (until 2025)    |
 * | `dac-khu`       | commune  | đặc khu (since 2025)     |
 *
 * @example
 * ```ts
 * AREA_KIND_LEVEL['thi-xa']; // 'district'
 * ```
 */
export const AREA_KIND_LEVEL = {
  tinh: 'province',
  'thanh-pho-tw': 'province',
  huyen: 'district',
  'thi-xa': 'district',
  'thanh-pho': 'district',
  quan: 'district',
  xa: 'commune',
  phuong: 'commune',
  'thi-tran': 'commune',
  'dac-khu': 'commune',
} as const satisfies Record<string, AreaLevel>;

/** One of the keys of {@link AREA_KIND_LEVEL}. @example `const k: AreaKind = 'phuong';` */
export type AreaKind = keyof typeof AREA_KIND_LEVEL;

/** Every {@link AreaKind}, in the order of {@link AREA_KIND_LEVEL}. @example `AREA_KINDS.includes('xa'); // true` */
export const AREA_KINDS = Object.keys(AREA_KIND_LEVEL) as AreaKind[];

/**
 * An area of the dated administrative tree: a province, a district-level unit or a commune-level unit.
 * `validFrom` is inclusive and `validTo` exclusive (ISO dates, `YYYY-MM-DD`); `validTo` is `null` while
 * the area exists.
 *
 * @example
 * ```ts
 * const quangThuy: Area = {
 *   id: 12, code: '19xxx', name: 'Quảng Thủy', kind: 'xa', level: 'commune',
 *   parentId: 2, validFrom: '2008-01-01', validTo: null,
 * };
 * ```
 */
export interface Area {
  id: number;
  code: string;
  name: string;
  kind: AreaKind;
  level: AreaLevel;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

/**
 * An area with its children, as the tree is shown for a date.
 *
 * @example
 * ```ts
 * const node: AreaNode = { ...quangThuy, children: [] };
 * ```
 */
export interface AreaNode extends Area {
  children: AreaNode[];
}

/**
 * A unit that is assessed every year. `areaId` is the area it belongs to (for a `KDC`, its commune; for an
 * `XA`, the commune itself); `managingLevel` decides who recognises it.
 *
 * @example
 * ```ts
 * const village: Unit = {
 *   id: 101, code: 'KDC-QT-01', name: 'Thôn Văn Phú', type: 'KDC', areaId: 12, managingLevel: 'commune',
 * };
 * ```
 */
export interface Unit {
  id: number;
  code: string;
  name: string;
  type: UnitType;
  areaId: number;
  managingLevel: ManagingLevel;
  /** A department of the Ministry of Public Security monitors it: the Ministry recognises it (Art. 10). */
  isMinistryMonitored?: boolean;
  /** Its managing People's Committee delegated recognition one level down (Art. 10). */
  isRecognitionDelegated?: boolean;
  /**
   * The first day it exists (ISO date; {@link SINCE_BEFORE_RECORDS} for a unit older than the records). It
   * counts in a year only from the year this date falls in (see {@link unitExistsInYear}).
   */
  validFrom?: string;
  /** The day it ceased to exist (exclusive, as an area's `validTo`), or null while it exists. */
  validTo?: string | null;
}

/**
 * The start date of a unit that existed before the records began (every unit created before dated units).
 *
 * @example
 * ```ts
 * unit.validFrom === SINCE_BEFORE_RECORDS; // it counts in every year
 * ```
 */
export const SINCE_BEFORE_RECORDS = '1900-01-01';

/**
 * Whether a unit counts in a year's figures: it exists on the last day of the year (as the area tree of a year
 * is the tree of 31 December). A unit created in 2026 counts from 2026, so adding it never moves 2021; a unit
 * that ceased on 1 July 2025 (a merged village) counts last in 2024, its successor from 2025. A unit without
 * dates always counts.
 *
 * @example
 * ```ts
 * unitExistsInYear({ validFrom: '2026-03-01', validTo: null }, 2021); // false
 * unitExistsInYear({ validFrom: '2026-03-01', validTo: null }, 2026); // true
 * unitExistsInYear({ validFrom: '1900-01-01', validTo: '2025-07-01' }, 2025); // false
 * ```
 */
export function unitExistsInYear(unit: { validFrom?: string; validTo?: string | null }, year: number): boolean {
  const lastDay = `${year}-12-31`;
  return (
    (unit.validFrom ?? SINCE_BEFORE_RECORDS) <= lastDay &&
    (unit.validTo === undefined || unit.validTo === null || unit.validTo > lastDay)
  );
}
