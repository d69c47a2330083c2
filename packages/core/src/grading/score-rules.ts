import { DomainError } from '../errors.js';
import { can, type Permission } from '../permissions.js';
import type { Role } from '../roles.js';
import type { UnitType } from '../units.js';
import { scoresOverMaximum, type ItemScore, type SheetTemplate } from './grading.schema.js';

const VERIFY: Permission = 'grading.verifyScores';

/**
 * Refuses scores a sheet may not hold: a template not meant for the unit's type (INVALID), an item the template
 * does not have (INVALID), a score above its item's maximum (INVALID), or verified scores from a role that only
 * enters its own (FORBIDDEN: verified scores are given by the level above).
 *
 * @example
 * ```ts
 * assertScoresAllowed(KDC_SHEET_TEMPLATE, 'KDC', { 'I.1': { self: 5 } }, 'unit_reporter'); // passes
 * assertScoresAllowed(KDC_SHEET_TEMPLATE, 'KDC', { 'I.1': { self: 5, verified: 4 } }, 'unit_reporter'); // throws FORBIDDEN
 * ```
 */
export function assertScoresAllowed(
  template: SheetTemplate,
  unitType: UnitType,
  scores: Readonly<Record<string, ItemScore>>,
  role: Role,
): void {
  if (!template.unitTypes.includes(unitType)) {
    throw new DomainError('INVALID', {
      vi: `Mẫu ${template.id} không dùng cho loại ${unitType}`,
      en: `Template ${template.id} is not for ${unitType}`,
    });
  }
  const itemCodes = new Set(template.groups.flatMap((g) => g.items.map((i) => i.code)));
  const unknown = Object.keys(scores).filter((code) => !itemCodes.has(code));
  if (unknown.length > 0) {
    throw new DomainError('INVALID', {
      vi: `Mẫu phiếu không có mục ${unknown.join(', ')}`,
      en: `The template has no item ${unknown.join(', ')}`,
    });
  }
  const over = scoresOverMaximum(template, scores);
  if (over.length > 0) {
    const list = over.map((o) => `${o.code} (${o.score} > ${o.maxPoints})`).join(', ');
    throw new DomainError('INVALID', {
      vi: `Điểm vượt quá điểm tối đa của mục: ${list}`,
      en: `Scores above the item's maximum: ${list}`,
    });
  }
  if (!can(role, VERIFY) && Object.values(scores).some((s) => s.verified !== undefined && s.verified !== null)) {
    throw new DomainError('FORBIDDEN', {
      vi: 'Điểm thẩm định do cấp trên chấm.',
      en: 'Verified scores are given by the level above.',
    });
  }
}
