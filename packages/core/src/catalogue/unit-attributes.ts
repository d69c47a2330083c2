import type { LocalizedText } from '../errors.js';

/**
 * Enterprise sizes as Vietnamese law classifies them (Decree 80/2021/NĐ-CP): micro, small, medium, large.
 * Small and micro enterprises are excluded from the standard.
 *
 * @example
 * ```ts
 * ENTERPRISE_SIZES; // ['micro', 'small', 'medium', 'large']
 * ```
 */
export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;

/** One of {@link ENTERPRISE_SIZES}. @example `const s: EnterpriseSize = 'medium';` */
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

/**
 * Enterprise sizes in both languages.
 *
 * @example
 * ```ts
 * ENTERPRISE_SIZE_LABELS.micro.vi; // 'Doanh nghiệp siêu nhỏ'
 * ```
 */
export const ENTERPRISE_SIZE_LABELS: Readonly<Record<EnterpriseSize, LocalizedText>> = {
  micro: { vi: 'Doanh nghiệp siêu nhỏ', en: 'Micro enterprise' },
  small: { vi: 'Doanh nghiệp nhỏ', en: 'Small enterprise' },
  medium: { vi: 'Doanh nghiệp vừa', en: 'Medium enterprise' },
  large: { vi: 'Doanh nghiệp lớn', en: 'Large enterprise' },
};

/**
 * Levels of education institutions. Crèches, kindergartens, pre-schools (which combine both) and primary
 * schools are excluded from the standard. `multi_level` is a school spanning several levels (trường liên cấp).
 *
 * @example
 * ```ts
 * SCHOOL_LEVELS.includes('primary'); // true
 * ```
 */
export const SCHOOL_LEVELS = [
  'creche',
  'kindergarten',
  'preschool',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'multi_level',
  'continuing_education',
  'vocational',
  'higher_education',
] as const;

/** One of {@link SCHOOL_LEVELS}. @example `const l: SchoolLevel = 'upper_secondary';` */
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/**
 * School levels in both languages.
 *
 * @example
 * ```ts
 * SCHOOL_LEVEL_LABELS.creche.vi; // 'Nhà trẻ'
 * ```
 */
export const SCHOOL_LEVEL_LABELS: Readonly<Record<SchoolLevel, LocalizedText>> = {
  creche: { vi: 'Nhà trẻ', en: 'Crèche' },
  kindergarten: { vi: 'Trường mẫu giáo', en: 'Kindergarten' },
  preschool: { vi: 'Trường mầm non', en: 'Pre-school (crèche and kindergarten)' },
  primary: { vi: 'Trường tiểu học', en: 'Primary school' },
  lower_secondary: { vi: 'Trường trung học cơ sở', en: 'Lower secondary school' },
  upper_secondary: { vi: 'Trường trung học phổ thông', en: 'Upper secondary school' },
  multi_level: { vi: 'Trường phổ thông nhiều cấp học', en: 'Multi-level school' },
  continuing_education: { vi: 'Trung tâm giáo dục thường xuyên', en: 'Continuing education centre' },
  vocational: { vi: 'Cơ sở giáo dục nghề nghiệp', en: 'Vocational institution' },
  higher_education: { vi: 'Cơ sở giáo dục đại học', en: 'Higher education institution' },
};

/**
 * The attributes of a unit that eligibility rules read. Missing or `null` means unknown: no rule that needs
 * the attribute excludes the unit.
 *
 * @example
 * ```ts
 * const school: UnitEligibilityAttributes = { schoolLevel: 'primary' };
 * const enterprise: UnitEligibilityAttributes = { enterpriseSize: 'medium' };
 * const agency: UnitEligibilityAttributes = { isArmedForces: true };
 * ```
 */
export interface UnitEligibilityAttributes {
  isArmedForces?: boolean | null;
  enterpriseSize?: EnterpriseSize | null;
  schoolLevel?: SchoolLevel | null;
}

/**
 * The attribute names an eligibility rule may test.
 *
 * @example
 * ```ts
 * ELIGIBILITY_ATTRIBUTES; // ['isArmedForces', 'enterpriseSize', 'schoolLevel']
 * ```
 */
export const ELIGIBILITY_ATTRIBUTES = ['isArmedForces', 'enterpriseSize', 'schoolLevel'] as const;

/** One of {@link ELIGIBILITY_ATTRIBUTES}. @example `const a: EligibilityAttribute = 'schoolLevel';` */
export type EligibilityAttribute = (typeof ELIGIBILITY_ATTRIBUTES)[number];
