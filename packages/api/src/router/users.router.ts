import { createUserInputSchema, DomainError, idSchema } from '@antoan/core';
import {
  clearFailedLogins,
  deleteUserSessions,
  findCredentials,
  getUnit,
  getUser,
  insertUser,
  listUsers,
  setUserDisabled,
  writeAudit,
} from '@antoan/db';
import { z } from 'zod';
import { hashPassword } from '../password.js';
import { ADMIN_ONLY, protectedProcedure, router } from '../trpc.js';
import { assertAreaInScope } from '../scope.js';

export const usersRouter = router({
  list: protectedProcedure.meta({ access: ADMIN_ONLY }).query(({ ctx }) => listUsers(ctx.db)),

  create: protectedProcedure
    .meta({ access: ADMIN_ONLY })
    .input(createUserInputSchema)
    .mutation(async ({ ctx, input }) => {
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
      const passwordHash = await hashPassword(input.password);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const user = await insertUser(trx, { ...input, passwordHash }, now);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'user.create',
          entity: 'user',
          entityId: user.id,
          before: null,
          after: user,
          at: now,
        });
        return user;
      });
    }),

  setDisabled: protectedProcedure
    .meta({ access: ADMIN_ONLY })
    .input(z.object({ userId: idSchema, isDisabled: z.boolean() }).strict())
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) {
        throw new DomainError('CONFLICT', {
          vi: 'Không thể tự khóa tài khoản của mình.',
          en: 'You cannot disable your own account.',
        });
      }
      const before = await getUser(ctx.db, input.userId);
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
    .meta({ access: ADMIN_ONLY })
    .input(z.object({ userId: idSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const user = await getUser(ctx.db, input.userId);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const credentials = await findCredentials(trx, user.username);
        const before = { failedLogins: credentials?.failedLogins ?? 0, lockedUntil: credentials?.lockedUntil ?? null };
        await clearFailedLogins(trx, user.id);
        ctx.loginLimiter.forgetAccount(user.id);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'user.unlock',
          entity: 'user',
          entityId: user.id,
          before,
          after: { failedLogins: 0, lockedUntil: null },
          at: now,
        });
        return { ok: true as const };
      });
    }),
});
