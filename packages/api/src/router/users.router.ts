import {
  assignableRoles,
  canManageUser,
  createUserInputSchema,
  DomainError,
  idSchema,
  updateUserInputSchema,
  USER_MANAGER_ROLES,
  type Role,
  type User,
} from '@antoan/core';
import {
  clearFailedLogins,
  deleteUserSessions,
  findCredentials,
  getUnit,
  getUser,
  insertUser,
  isAreaWithin,
  listUsers,
  setUserDisabled,
  updatePasswordHash,
  updateUser,
  writeAudit,
  type Database,
} from '@antoan/db';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { hashPassword, oneTimePassword } from '../password.js';
import { allow, protectedProcedure, router } from '../trpc.js';
import { assertAreaInScope, scopeRootOf } from '../scope.js';

// Accounts: an administrator manages every account; a province officer the accounts of their area's subtree
// (never an administrator, never their own). The role rules are core's (assignableRoles, canManageUser); the
// area rules are checked here, with the tree.

const NOT_YOURS = {
  vi: 'Bạn không được quản lý tài khoản này.',
  en: 'You may not manage this account.',
};
const ROLE_NOT_ASSIGNABLE = {
  vi: 'Bạn không được giao vai trò này.',
  en: 'You may not give this role.',
};

interface ManagerContext {
  db: Kysely<Database>;
  user: User;
}

/** Refuses an account the caller may not change: by role (core), then by area (the caller's subtree). */
async function assertMayManage(ctx: ManagerContext, target: User): Promise<void> {
  if (!canManageUser(ctx.user, target)) throw new DomainError('FORBIDDEN', NOT_YOURS);
  const root = scopeRootOf(ctx.user);
  if (root === null) return;
  if (root === 'none' || target.areaId === null || !(await isAreaWithin(ctx.db, target.areaId, root))) {
    throw new DomainError('FORBIDDEN', NOT_YOURS);
  }
}

/** Checks what an account is given: a role the caller may assign, an area in their scope, a unit of that area. */
async function assertAssignable(
  ctx: ManagerContext,
  input: { role: Role; areaId: number | null; unitId: number | null },
): Promise<void> {
  if (!assignableRoles(ctx.user.role).includes(input.role)) throw new DomainError('FORBIDDEN', ROLE_NOT_ASSIGNABLE);
  if (input.areaId !== null) await assertAreaInScope(ctx, input.areaId);
  if (input.unitId !== null) {
    const unit = await getUnit(ctx.db, input.unitId);
    if (input.areaId !== null && unit.areaId !== input.areaId) {
      throw new DomainError('INVALID', {
        vi: 'Đơn vị không thuộc địa bàn đã chọn.',
        en: 'The unit is not in the chosen area.',
      });
    }
  }
}

export const usersRouter = router({
  /** The accounts the caller manages: all for an administrator, their subtree's for a province officer. */
  list: protectedProcedure.meta(allow('users.manage')).query(({ ctx }) => {
    const root = scopeRootOf(ctx.user);
    if (root === null) return listUsers(ctx.db);
    if (root === 'none') return [];
    return listUsers(ctx.db, { withinAreaId: root });
  }),

  /**
   * Creates an account. Without a password (what the SPA sends), a one-time password is made, returned once
   * as `oneTimePassword` (never stored in clear, never audited) and must be changed at the first sign-in.
   */
  create: protectedProcedure
    .meta(allow('users.manage'))
    .input(createUserInputSchema)
    .mutation(async ({ ctx, input }) => {
      await assertAssignable(ctx, input);
      const { password: chosen, ...account } = input;
      const password = chosen ?? oneTimePassword();
      const passwordHash = await hashPassword(password);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const user = await insertUser(trx, { ...account, passwordHash, mustChangePassword: chosen === undefined }, now);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'user.create',
          entity: 'user',
          entityId: user.id,
          before: null,
          after: user,
          at: now,
        });
        return { ...user, oneTimePassword: chosen === undefined ? password : null };
      });
    }),

  /** Changes an account's name, role, area, unit and e-mail (both the old and the new area must be the caller's). */
  update: protectedProcedure
    .meta(allow('users.manage'))
    .input(updateUserInputSchema)
    .mutation(async ({ ctx, input }) => {
      const before = await getUser(ctx.db, input.userId);
      await assertMayManage(ctx, before);
      await assertAssignable(ctx, input);
      const { userId, ...changes } = input;
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        await updateUser(trx, userId, changes);
        const after = await getUser(trx, userId);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'user.update',
          entity: 'user',
          entityId: userId,
          before,
          after,
          at: now,
        });
        return after;
      });
    }),

  /** Disables (every session ends at once) or enables an account. */
  setDisabled: protectedProcedure
    .meta(allow('users.manage'))
    .input(z.object({ userId: idSchema, isDisabled: z.boolean() }).strict())
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) {
        throw new DomainError('CONFLICT', {
          vi: 'Không thể tự khóa tài khoản của mình.',
          en: 'You cannot disable your own account.',
        });
      }
      const before = await getUser(ctx.db, input.userId);
      await assertMayManage(ctx, before);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        await setUserDisabled(trx, input.userId, input.isDisabled);
        if (input.isDisabled) await deleteUserSessions(trx, input.userId);
        const after = { ...before, isDisabled: input.isDisabled };
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: input.isDisabled ? 'user.disable' : 'user.enable',
          entity: 'user',
          entityId: input.userId,
          before,
          after,
          at: now,
        });
        return after;
      });
    }),

  /**
   * Lifts a sign-in lock (after too many wrong passwords: the account's, and every client's on it) and forgets
   * the failures: the user can sign in at once. Audited with the account's lock that was lifted.
   */
  unlock: protectedProcedure
    .meta(allow('users.unlock'))
    .input(z.object({ userId: idSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const user = await getUser(ctx.db, input.userId);
      const now = ctx.now();
      await ctx.db.transaction().execute(async (trx) => {
        const credentials = await findCredentials(trx, user.username);
        const before = { failedLogins: credentials?.failedLogins ?? 0, lockedUntil: credentials?.lockedUntil ?? null };
        await clearFailedLogins(trx, user.id);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'user.unlock',
          entity: 'user',
          entityId: user.id,
          before,
          after: { failedLogins: 0, lockedUntil: null },
          at: now,
        });
      });
      // the clients' locks go once the unlock is committed (a failed write leaves them)
      ctx.loginLimiter.forgetAccount(user.id);
      return { ok: true as const };
    }),

  /**
   * Replaces an account's password with a one-time password, returned once: the account's sessions end, its
   * lockout is lifted, and its owner must choose a new password at the next sign-in.
   */
  resetPassword: protectedProcedure
    .meta(allow('users.manage'))
    .input(z.object({ userId: idSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const before = await getUser(ctx.db, input.userId);
      await assertMayManage(ctx, before);
      const password = oneTimePassword();
      const hash = await hashPassword(password);
      const now = ctx.now();
      await ctx.db.transaction().execute(async (trx) => {
        // with mustChange it also clears the account's failures and lock
        await updatePasswordHash(trx, input.userId, hash, now, { mustChange: true });
        await deleteUserSessions(trx, input.userId);
        const after = { ...before, mustChangePassword: true };
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'password.reset',
          entity: 'user',
          entityId: input.userId,
          before,
          after,
          at: now,
        });
      });
      ctx.loginLimiter.forgetAccount(input.userId);
      return { oneTimePassword: password };
    }),
});
