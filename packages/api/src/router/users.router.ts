import {
  activeLock,
  createUserInputSchema,
  endedPlacement,
  idSchema,
  updateUserInputSchema,
  vietnamDate,
} from '@antoan/core';
import { listUsers } from '@antoan/db';
import { z } from 'zod';
import { createAccount, resetAccountPassword, setAccountDisabled, unlockAccount, updateAccount } from '../accounts.js';
import { scopeRootOf } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

/** Accounts (see accounts.ts for who manages whom). */
export const usersRouter = router({
  /**
   * The accounts the caller manages: all for an administrator, their subtree's for a province officer; each with
   * `lockedUntil` while a sign-in lock holds (null otherwise), and `ended` when its area or unit has ended (an
   * area dissolved by a reorganisation: the account stays on it until moved), with the names of its area and unit
   * (an ended one is not in today's tree).
   */
  list: protectedProcedure.meta(allow('users.manage')).query(async ({ ctx }) => {
    const root = scopeRootOf(ctx.user);
    if (root === 'none') return [];
    const users = await listUsers(ctx.db, root === null ? {} : { withinAreaId: root });
    const now = ctx.now();
    const today = vietnamDate(now);
    return users.map(({ areaValidTo, unitValidTo, ...u }) => ({
      ...u,
      lockedUntil: activeLock(u.lockedUntil, now),
      ended: endedPlacement(
        u.areaId === null ? null : { validTo: areaValidTo },
        u.unitId === null ? null : { validTo: unitValidTo },
        today,
      ),
    }));
  }),

  /**
   * Creates an account. Without a password (what the SPA sends), a one-time password is made, returned once
   * as `oneTimePassword` (never stored in clear, never audited) and must be changed at the first sign-in.
   */
  create: protectedProcedure
    .meta(allow('users.manage'))
    .input(createUserInputSchema)
    .mutation(({ ctx, input }) => createAccount(ctx, input)),

  /** Changes an account's name, role, area, unit and e-mail (both the old and the new area must be the caller's). */
  update: protectedProcedure
    .meta(allow('users.manage'))
    .input(updateUserInputSchema)
    .mutation(({ ctx, input }) => updateAccount(ctx, input)),

  /** Disables (every session ends at once) or enables an account. */
  setDisabled: protectedProcedure
    .meta(allow('users.manage'))
    .input(z.object({ userId: idSchema, isDisabled: z.boolean() }).strict())
    .mutation(({ ctx, input }) => setAccountDisabled(ctx, input.userId, input.isDisabled)),

  /**
   * Lifts a sign-in lock (administrators; province officers on the accounts of their subtree) (after too many wrong passwords: the account's, and every client's on it) and forgets
   * the failures: the user can sign in at once. Audited with the account's lock that was lifted.
   */
  unlock: protectedProcedure
    .meta(allow('users.unlock'))
    .input(z.object({ userId: idSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      // the account's lock and every client's lock on it go in the unlock's transaction
      await unlockAccount(ctx, input.userId);
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
      const oneTimePassword = await resetAccountPassword(ctx, input.userId);
      return { oneTimePassword };
    }),
});
