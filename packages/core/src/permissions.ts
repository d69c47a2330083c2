import type { Role } from './roles.js';

/**
 * Who may do what: the one table of the system's permissions. The API's procedures name one of them in their
 * `meta` (and refuse every other role before reading the input), the SPA asks {@link can} to show only what a
 * role can use, the server asks it for the large body allowance of an import. Scope (which areas and units) is
 * checked apart, with the tree. The API's access matrix test writes the same rights out by hand, per procedure.
 *
 * | permission                    | roles                                                       | what                      |
 * |-------------------------------|-------------------------------------------------------------|---------------------------|
 * | `data.read`                   | every role                                                  | read within one's scope   |
 * | `areas.browse`                | every role but unit reporters (their unit's page instead)   | the area pages in the SPA |
 * | `catalogue.browse`            | admin                                                       | the catalogue page        |
 * | `assessments.enter`           | admin, province and commune officers, unit reporters        | register, answer, cycle   |
 * | `assessments.chooseCatalogue` | admin                                                       | register with another one |
 * | `assessments.decide`          | admin, province and commune officers (of the unit's level)  | appraise, return, decide  |
 * | `assessments.revoke`          | admin, province officers (of the unit's level)              | revoke a recognition      |
 * | `assessments.unlock`          | admin, province officers                                    | unlock or lock a file     |
 * | `grading.enterScores`         | admin, province and commune officers, unit reporters        | self scores               |
 * | `grading.verifyScores`        | admin, province and commune officers                        | verified scores           |
 * | `incidents.write`             | admin, province and commune officers                        | record, decide, delete    |
 * | `reports.submit`              | admin, province and commune officers, unit reporters        | quarterly reports         |
 * | `models.write`                | admin, province and commune officers                        | models: add, edit, delete |
 * | `awards.write`                | admin, province officers                                    | awards: add, edit, delete |
 * | `units.setRecognition`        | admin, province officers                                    | who recognises a unit     |
 * | `areas.reorganise`            | admin, province officers                                    | merge, split, rename      |
 * | `imports.run`                 | admin, province officers                                    | import areas and units    |
 * | `snapshots.request`           | admin, province officers                                    | freeze figures now        |
 * | `users.manage`                | admin, province officers                                    | accounts of their subtree |
 * | `users.unlock`                | admin, province officers (accounts of their subtree)        | lift a sign-in lock       |
 * | `audit.read`                  | admin                                                       | the audit log             |
 * | `outbox.read`                 | admin                                                       | the mail outbox           |
 * | `reminders.receive`           | province and commune officers, unit reporters               | deadline reminders        |
 *
 * @example
 * ```ts
 * PERMISSIONS['incidents.write']; // ['admin', 'province_officer', 'commune_officer']
 * ```
 */
export const PERMISSIONS = {
  'data.read': ['admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer'],
  'areas.browse': ['admin', 'province_officer', 'commune_officer', 'viewer'],
  'catalogue.browse': ['admin'],
  'assessments.enter': ['admin', 'province_officer', 'commune_officer', 'unit_reporter'],
  'assessments.chooseCatalogue': ['admin'],
  'assessments.decide': ['admin', 'province_officer', 'commune_officer'],
  'assessments.revoke': ['admin', 'province_officer'],
  'assessments.unlock': ['admin', 'province_officer'],
  'grading.enterScores': ['admin', 'province_officer', 'commune_officer', 'unit_reporter'],
  'grading.verifyScores': ['admin', 'province_officer', 'commune_officer'],
  'incidents.write': ['admin', 'province_officer', 'commune_officer'],
  'reports.submit': ['admin', 'province_officer', 'commune_officer', 'unit_reporter'],
  'models.write': ['admin', 'province_officer', 'commune_officer'],
  'awards.write': ['admin', 'province_officer'],
  'units.setRecognition': ['admin', 'province_officer'],
  'areas.reorganise': ['admin', 'province_officer'],
  'imports.run': ['admin', 'province_officer'],
  'snapshots.request': ['admin', 'province_officer'],
  'users.manage': ['admin', 'province_officer'],
  'users.unlock': ['admin', 'province_officer'],
  'audit.read': ['admin'],
  'outbox.read': ['admin'],
  'reminders.receive': ['province_officer', 'commune_officer', 'unit_reporter'],
} as const satisfies Record<string, readonly Role[]>;

/** One of the keys of {@link PERMISSIONS}. @example `const p: Permission = 'awards.write';` */
export type Permission = keyof typeof PERMISSIONS;

/**
 * Whether a role has a permission of {@link PERMISSIONS} (scope is checked apart).
 *
 * @example
 * ```ts
 * can('commune_officer', 'incidents.write'); // true
 * can('viewer', 'incidents.write'); // false
 * ```
 */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * The roles that manage accounts ({@link PERMISSIONS}' `users.manage`): an administrator everywhere, a province
 * (or district) officer the users of their own area's subtree. Every other role manages nobody, not even
 * themselves (they change their own password only).
 *
 * @example
 * ```ts
 * USER_MANAGER_ROLES.includes('province_officer'); // true
 * ```
 */
export const USER_MANAGER_ROLES = PERMISSIONS['users.manage'];
