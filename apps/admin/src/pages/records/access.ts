import { can, type Permission, type Role } from '@antoan/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc.js';

// Who may do what is core's PERMISSIONS table, the same one the procedures' `meta` names (packages/api). The
// server checks again; these only hide buttons a role cannot use.

/** The signed-in user's role (undefined while loading): shares the query of the sign-in gate. */
export function useRole(): Role | undefined {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  return me.data?.role;
}

/** Whether the signed-in user's role (undefined while loading: no) has a permission of core's table. */
export function canUse(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && can(role, permission);
}
