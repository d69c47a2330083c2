import type { ManagingLevel } from './units.js';

/**
 * The roles of the system's users, from widest to narrowest:
 *
 * | role               | Vietnamese                 | may                                                           |
 * |--------------------|----------------------------|---------------------------------------------------------------|
 * | `admin`            | Quản trị hệ thống          | everything, everywhere; manage users; unlock recognised data  |
 * | `province_officer` | Cán bộ Công an tỉnh/huyện  | run the cycle for their area's subtree; recognise; unlock     |
 * | `commune_officer`  | Cán bộ Công an xã          | enter and appraise the units of their commune                 |
 * | `unit_reporter`    | Người báo cáo của đơn vị   | file their own unit's registration, self-assessment, reports  |
 * | `viewer`           | Người xem                  | read their area's data, change nothing                        |
 *
 * @example
 * ```ts
 * ROLES.includes('viewer'); // true
 * ```
 */
export const ROLES = ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'] as const;

/** One of {@link ROLES}. @example `const r: Role = 'commune_officer';` */
export type Role = (typeof ROLES)[number];

/**
 * Role names in both languages.
 *
 * @example
 * ```ts
 * ROLE_LABELS.commune_officer.vi; // 'Cán bộ Công an xã'
 * ```
 */
export const ROLE_LABELS: Readonly<Record<Role, Readonly<{ vi: string; en: string }>>> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  province_officer: { vi: 'Cán bộ Công an tỉnh/huyện', en: 'Province/district officer' },
  commune_officer: { vi: 'Cán bộ Công an xã', en: 'Commune officer' },
  unit_reporter: { vi: 'Người báo cáo của đơn vị', en: 'Unit reporter' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
};

/**
 * A user of the system. `areaId` is the root of the subtree the user may see (null for an admin: all);
 * `unitId` is the one unit a `unit_reporter` reports for.
 *
 * @example
 * ```ts
 * const officer: User = {
 *   id: 2, username: 'ca.quangthuy', displayName: 'Công an xã Quảng Thủy', role: 'commune_officer',
 *   areaId: 15, unitId: null, email: null, isDisabled: false, mustChangePassword: false,
 * };
 * ```
 */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  areaId: number | null;
  unitId: number | null;
  email: string | null;
  isDisabled: boolean;
  /**
   * The user signs in with a one-time password (set by whoever created the account or reset the password, or
   * generated at the first start) and must choose their own before doing anything else.
   */
  mustChangePassword: boolean;
}

/**
 * Which managing levels a role may recognise units of (issue the recognition decision for): the commune
 * People's Committee recognises its villages and its own agencies, enterprises and schools; the district
 * and province levels recognise communes and the units they manage. Who signs is recorded on the decision.
 *
 * @example
 * ```ts
 * recognisableLevels('commune_officer'); // ['commune']
 * recognisableLevels('viewer'); // []
 * ```
 */
export function recognisableLevels(role: Role): readonly ManagingLevel[] {
  switch (role) {
    case 'admin':
    case 'province_officer':
      return ['commune', 'district', 'province'];
    case 'commune_officer':
      return ['commune'];
    default:
      return [];
  }
}

/**
 * The roles a user of `role` may give to an account they manage: an administrator any role, a province
 * officer every role but administrator (a district officer of their province is a `province_officer` too).
 *
 * @example
 * ```ts
 * assignableRoles('province_officer'); // ['province_officer', 'commune_officer', 'unit_reporter', 'viewer']
 * assignableRoles('commune_officer'); // []
 * ```
 */
export function assignableRoles(role: Role): readonly Role[] {
  switch (role) {
    case 'admin':
      return ROLES;
    case 'province_officer':
      return ['province_officer', 'commune_officer', 'unit_reporter', 'viewer'];
    default:
      return [];
  }
}

/**
 * Until when an account's sign-in lock holds, or null when there is none or it has run out (the lock is
 * stored until it is lifted or overwritten; only one still ahead of `now` locks the account).
 *
 * @example
 * ```ts
 * activeLock('2026-12-01T10:15:00.000Z', new Date('2026-12-01T10:00:00Z')); // '2026-12-01T10:15:00.000Z'
 * activeLock('2026-12-01T10:15:00.000Z', new Date('2026-12-01T11:00:00Z')); // null
 * ```
 */
export function activeLock(lockedUntil: string | null, now: Date): string | null {
  return lockedUntil !== null && lockedUntil > now.toISOString() ? lockedUntil : null;
}

/**
 * Whether `actor` may change the account `target` (edit its role and area, disable it, reset its password),
 * as far as roles go: never their own account (one could lock oneself out or raise one's own role), and only
 * an account whose role the actor may assign. The area check (the target's area lies in the actor's subtree)
 * needs the tree and is made by the API.
 *
 * @example
 * ```ts
 * canManageUser({ id: 1, role: 'admin' }, { id: 2, role: 'province_officer' }); // true
 * canManageUser({ id: 2, role: 'province_officer' }, { id: 1, role: 'admin' }); // false
 * canManageUser({ id: 2, role: 'province_officer' }, { id: 2, role: 'province_officer' }); // false: oneself
 * ```
 */
export function canManageUser(actor: Pick<User, 'id' | 'role'>, target: Pick<User, 'id' | 'role'>): boolean {
  return actor.id !== target.id && assignableRoles(actor.role).includes(target.role);
}
