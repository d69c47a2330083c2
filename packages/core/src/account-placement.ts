import { AREA_KIND_LABELS } from './area-labels.js';
import type { LocalizedText } from './errors.js';
import { formatDate } from './periods/dates.js';
import type { ReorganisationPlan } from './reorganisation.js';
import type { Role } from './roles.js';

// Where accounts go when their area or unit ends (issue 15, "users and scopes follow"). An officer of an area
// that ends follows it to its (first) successor, a unit's reporter the unit's successor. An area that ends with
// no successor (a dissolved district or province) takes no one along: its accounts stay on it, so they keep
// reading that area's past as it was (scope follows the area's subtree and the lineage back from it, never
// forward to areas that came after) and nothing later; they are listed, with why, so that an administrator moves
// them, and the accounts page marks them until then.

/**
 * An account as the reorganisation sees it.
 *
 * @example
 * ```ts
 * const a: PlacedAccount = { id: 7, username: 'xem.badon', role: 'viewer', areaId: 2, unitId: null };
 * ```
 */
export interface PlacedAccount {
  id: number;
  username: string;
  role: Role;
  areaId: number | null;
  unitId: number | null;
}

/**
 * What becomes of the accounts of the areas and units a reorganisation ends: those that follow (to the codes of
 * the new area and unit; null where the account had none) and those left on an ended area or unit, with why.
 *
 * @example
 * ```ts
 * const f: AccountsFollowing = { follow: [], leftBehind: [] };
 * ```
 */
export interface AccountsFollowing {
  follow: { account: PlacedAccount; toAreaCode: string | null; toUnitCode: string | null }[];
  leftBehind: AccountLeftBehind[];
}

/**
 * An account that cannot follow its area or unit: the place it stays on (ended) and why, in both languages.
 *
 * @example
 * ```ts
 * const left: AccountLeftBehind = {
 *   username: 'xem.badon', role: 'viewer', place: 'Thị xã Ba Đồn',
 *   reason: { vi: 'Thị xã Ba Đồn kết thúc từ 01/07/2025 …', en: 'Thị xã Ba Đồn ends on 01/07/2025 …' },
 * };
 * ```
 */
export interface AccountLeftBehind {
  username: string;
  role: Role;
  /** The ended area (or unit) the account stays on, with its kind. */
  place: string;
  reason: LocalizedText;
}

/**
 * Decides where each account of an ended area or unit goes: a unit's reporter follows the unit to its successor
 * (and to that unit's new area: after a split it may not be the first successor); an officer of an ended area
 * follows it to its first successor; an account whose area ends with no successor (kind `dissolve`), or whose
 * unit ends with none, stays and is listed in `leftBehind`. `accounts` are those whose area or unit the plan
 * ends (others are ignored).
 *
 * @example
 * ```ts
 * const { follow, leftBehind } = followReorganisation(plan, [
 *   { id: 4, username: 'xa.quangthuy', role: 'commune_officer', areaId: 11, unitId: null },
 * ]);
 * follow[0]?.toAreaCode; // 'QB-BD-QTV', the merged commune
 * leftBehind; // []
 * ```
 */
export function followReorganisation(
  plan: Pick<ReorganisationPlan, 'effectiveDate' | 'endAreas' | 'lineage' | 'endUnits' | 'unitLineage' | 'newUnits'>,
  accounts: readonly PlacedAccount[],
): AccountsFollowing {
  const endedAreas = new Map(plan.endAreas.map((a) => [a.id, a]));
  const endedUnits = new Map(plan.endUnits.map((u) => [u.id, u]));
  const firstSuccessor = new Map<number, string>();
  for (const l of plan.lineage)
    if (!firstSuccessor.has(l.predecessorId)) firstSuccessor.set(l.predecessorId, l.successorCode);
  const unitSuccessor = new Map<number, string>();
  for (const l of plan.unitLineage)
    if (!unitSuccessor.has(l.predecessorId)) unitSuccessor.set(l.predecessorId, l.successorCode);
  const newUnitArea = new Map(plan.newUnits.map((u) => [u.code, u.areaCode]));
  const on = formatDate(plan.effectiveDate, 'vi');
  const result: AccountsFollowing = { follow: [], leftBehind: [] };
  for (const account of accounts) {
    const area = account.areaId === null ? undefined : endedAreas.get(account.areaId);
    const unit = account.unitId === null ? undefined : endedUnits.get(account.unitId);
    if (!area && !unit) continue;
    const toUnitCode = unit ? unitSuccessor.get(unit.id) : undefined;
    if (unit && toUnitCode === undefined) {
      result.leftBehind.push({
        username: account.username,
        role: account.role,
        place: unit.name,
        reason: {
          vi: `Đơn vị ${unit.name} kết thúc từ ${on} mà không có đơn vị kế tiếp: tài khoản vẫn gắn với đơn vị đã kết thúc. Hãy chuyển tài khoản sang đơn vị khác.`,
          en: `The unit ${unit.name} ends on ${on} with no successor: the account stays on the ended unit. Move the account to another unit.`,
        },
      });
      continue;
    }
    const toAreaCode =
      (toUnitCode === undefined ? undefined : newUnitArea.get(toUnitCode)) ??
      (area ? firstSuccessor.get(area.id) : undefined);
    if (area && toAreaCode === undefined) {
      const place = `${AREA_KIND_LABELS[area.kind].vi} ${area.name}`;
      result.leftBehind.push({
        username: account.username,
        role: account.role,
        place,
        reason: {
          vi: `${place} kết thúc từ ${on} mà không có địa bàn kế tiếp: tài khoản vẫn gắn với địa bàn đã kết thúc, chỉ còn xem được số liệu của địa bàn trước ngày đó. Hãy chuyển tài khoản sang địa bàn khác.`,
          en: `${AREA_KIND_LABELS[area.kind].en} ${area.name} ends on ${on} with no successor: the account stays on the ended area and can only read its figures from before that day. Move the account to another area.`,
        },
      });
      continue;
    }
    result.follow.push({
      account,
      toAreaCode: toAreaCode ?? null,
      toUnitCode: toUnitCode ?? null,
    });
  }
  return result;
}

/**
 * When an account's area or unit has ended by `today` (an ISO date), which one and since when; null while both
 * are in force (or the account has none).
 *
 * @example
 * ```ts
 * endedPlacement({ validTo: '2025-07-01' }, null, '2026-03-10'); // { what: 'area', since: '2025-07-01' }
 * endedPlacement({ validTo: null }, { validTo: '2027-01-01' }, '2026-03-10'); // null
 * ```
 */
export function endedPlacement(
  area: { validTo: string | null } | null,
  unit: { validTo: string | null } | null,
  today: string,
): { what: 'area' | 'unit'; since: string } | null {
  const areaEnd = area?.validTo ?? null;
  const unitEnd = unit?.validTo ?? null;
  if (areaEnd !== null && areaEnd <= today) return { what: 'area', since: areaEnd };
  if (unitEnd !== null && unitEnd <= today) return { what: 'unit', since: unitEnd };
  return null;
}

/**
 * What the accounts page says of an account whose area or unit has ended (see {@link endedPlacement}).
 *
 * @example
 * ```ts
 * endedPlacementMessage({ what: 'area', since: '2025-07-01' }).vi;
 * // 'Địa bàn đã kết thúc từ 01/07/2025 — hãy chuyển tài khoản sang địa bàn khác'
 * ```
 */
export function endedPlacementMessage(ended: { what: 'area' | 'unit'; since: string }): LocalizedText {
  const since = formatDate(ended.since, 'vi');
  return ended.what === 'area'
    ? {
        vi: `Địa bàn đã kết thúc từ ${since} — hãy chuyển tài khoản sang địa bàn khác`,
        en: `The area ended on ${since} — move the account to another area`,
      }
    : {
        vi: `Đơn vị đã kết thúc từ ${since} — hãy chuyển tài khoản sang đơn vị khác`,
        en: `The unit ended on ${since} — move the account to another unit`,
      };
}
