import { criteriaForType, incidentTargets } from './catalogue/catalogue.js';
import { INCIDENT_EXCEPTION_LABELS, type Catalogue, type IncidentException } from './catalogue/catalogue.schema.js';
import { DomainError } from './errors.js';
import { formatDate } from './periods/dates.js';
import { quarterBeganBefore } from './reports/lineage-reports.js';
import type { UnitType } from './units.js';

// The rules of the records kept beside a unit's file: what an incident may name, which year's file a
// quarterly report feeds, who may be monitored by the Ministry or have their recognition delegated.

/**
 * Refuses (INVALID) an incident the engine would never count, or an exception its item does not admit: it must
 * name a criterion of the unit's type that incidents fail (a disqualifying list, or a part of a criterion with
 * parts that reads incidents, such as KDC-4 b) and one of its letters, when it has any; an exception (promptly
 * handled, force majeure) must be one the item admits.
 *
 * @example
 * ```ts
 * assertIncidentTarget(TT124_2021, 'KDC', { criterionCode: 'KDC-3', item: 'e', exception: null }); // passes
 * assertIncidentTarget(TT124_2021, 'KDC', { criterionCode: 'KDC-1', item: null, exception: null });
 * // throws INVALID "KDC-1 không phải tiêu chí loại trừ của loại KDC trong danh mục tt124-2021."
 * ```
 */
export function assertIncidentTarget(
  catalogue: Catalogue,
  type: UnitType,
  incident: { criterionCode: string; item: string | null; exception: IncidentException | null },
): void {
  const { criterionCode: code, item, exception } = incident;
  const criterion = criteriaForType(catalogue, type).find((c) => c.code === code);
  const targets = criterion && incidentTargets(criterion);
  if (!targets) {
    throw new DomainError('INVALID', {
      vi: `${code} không phải tiêu chí loại trừ của loại ${type} trong danh mục ${catalogue.id}.`,
      en: `${code} is not a disqualifying criterion for ${type} in catalogue ${catalogue.id}.`,
    });
  }
  const target = targets.find((t) => t.letter === item);
  if (targets.length > 0 && !target) {
    throw new DomainError('INVALID', {
      vi: `Chọn một mục của ${code}: ${targets.map((t) => t.letter).join(', ')}.`,
      en: `Choose an item of ${code}: ${targets.map((t) => t.letter).join(', ')}.`,
    });
  }
  if (exception !== null && !target?.exceptions.includes(exception)) {
    throw new DomainError('INVALID', {
      vi: `${code}${item ? ` điểm ${item}` : ''} không có ngoại lệ "${INCIDENT_EXCEPTION_LABELS[exception].vi}".`,
      en: `${code}${item ? ` item (${item})` : ''} admits no exception "${INCIDENT_EXCEPTION_LABELS[exception].en}".`,
    });
  }
}

/**
 * The year whose file a quarterly report of (year, quarter) feeds, and whose lock refuses it: Q4 is counted
 * in the next year's window (core's `comparisonQuarters`), Q1–Q3 in the year's own.
 *
 * @example
 * ```ts
 * reportFileYear(2021, 3); // 2021
 * reportFileYear(2021, 4); // 2022
 * ```
 */
export function reportFileYear(year: number, quarter: number): number {
  return quarter === 4 ? year + 1 : year;
}

/**
 * Refuses (INVALID) to mark a village or a commune as monitored by the Ministry, or its recognition as
 * delegated: only agencies, enterprises and schools may be (Art. 10).
 *
 * @example
 * ```ts
 * assertRecognitionSettings('DN', { isMinistryMonitored: true, isRecognitionDelegated: false }); // passes
 * assertRecognitionSettings('KDC', { isMinistryMonitored: false, isRecognitionDelegated: true }); // throws INVALID
 * ```
 */
export function assertRecognitionSettings(
  type: UnitType,
  settings: { isMinistryMonitored: boolean; isRecognitionDelegated: boolean },
): void {
  if ((type === 'KDC' || type === 'XA') && (settings.isMinistryMonitored || settings.isRecognitionDelegated)) {
    throw new DomainError('INVALID', {
      vi: 'Chỉ cơ quan, doanh nghiệp, cơ sở giáo dục mới do Bộ Công an theo dõi hoặc được ủy quyền công nhận.',
      en: 'Only agencies, enterprises and schools may be monitored by the Ministry or have their recognition delegated.',
    });
  }
}

/**
 * Refuses (INVALID) a quarterly report of a quarter that began on or after the day the unit ended (a unit of a
 * reorganised area): that quarter is its successor's to file. A quarter that began before still is the unit's
 * (its successor inherits it), and a unit may file a quarter from before it began (figures entered again).
 *
 * @example
 * ```ts
 * const village = { name: 'Thôn 1', code: 'KDC-QB-BD-QHOA-1', validTo: '2025-07-01' };
 * assertReportInUnitLife(village, { year: 2025, quarter: 3 }); // passes: Q3 began on 15/06/2025
 * assertReportInUnitLife(village, { year: 2025, quarter: 4 });
 * // throws INVALID "Thôn 1 (KDC-QB-BD-QHOA-1) đã kết thúc từ 01/07/2025: báo cáo quý 4/2025 do đơn vị kế tiếp nộp."
 * ```
 */
export function assertReportInUnitLife(
  unit: { name: string; code: string; validTo?: string | null | undefined },
  quarter: { year: number; quarter: number },
): void {
  if (unit.validTo === null || unit.validTo === undefined || quarterBeganBefore(quarter, unit.validTo)) return;
  const q = `${quarter.quarter}/${quarter.year}`;
  throw new DomainError('INVALID', {
    vi: `${unit.name} (${unit.code}) đã kết thúc từ ${formatDate(unit.validTo, 'vi')}: báo cáo quý ${q} do đơn vị kế tiếp nộp.`,
    en: `${unit.name} (${unit.code}) ended on ${formatDate(unit.validTo, 'vi')}: the report of quarter ${q} is its successor's to file.`,
  });
}
