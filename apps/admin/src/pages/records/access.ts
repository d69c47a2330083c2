import type { Role } from '@antoan/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc.js';

// Who may write what: the same role sets as the procedures' `.meta({ access })` in packages/api (the SPA
// cannot import them at run time). The server checks again; these only hide buttons a role cannot use.

/** incidents.create/delete, models.create/update (OFFICERS). */
export const OFFICER_ROLES: readonly Role[] = ['admin', 'province_officer', 'commune_officer'];
/** awards.create/delete (SENIOR_ROLES). */
export const SENIOR_ROLES: readonly Role[] = ['admin', 'province_officer'];
/** reports.submit (ENTRY_ROLES) and grading.saveScores (OFFICERS + unit_reporter). */
export const ENTRY_ROLES: readonly Role[] = ['admin', 'province_officer', 'commune_officer', 'unit_reporter'];

/** The signed-in user's role (undefined while loading): shares the query of the sign-in gate. */
export function useRole(): Role | undefined {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  return me.data?.role;
}

export function canUse(role: Role | undefined, roles: readonly Role[]): boolean {
  return role !== undefined && roles.includes(role);
}
