import { changePasswordInputSchema, DomainError, loginInputSchema } from '@antoan/core';
import {
  clearFailedLogins,
  deleteSession,
  deleteUserSessions,
  findCredentials,
  insertSession,
  updatePasswordHash,
} from '@antoan/db';
import { audited } from '@antoan/services';
import { accountAttempts, authenticate, countFailure, isLocked } from '../auth.js';
import { clientKey } from '../login-limiter.js';
import { SESSION_TTL_MS, sessionIdOf } from '../context.js';
import { DUMMY_HASH, hashPassword, randomToken, verifyPassword } from '../password.js';
import { protectedProcedure, publicProcedure, router } from '../trpc.js';

/** 'HH:mm dd/mm/yyyy' in Vietnam (UTC+7, no daylight saving), rounded up to the minute (never too early). */
function formatVietnamTime(at: Date): string {
  const local = new Date(Math.ceil(at.getTime() / 60_000) * 60_000 + 7 * 3_600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

/**
 * The one answer to every failed sign-in (unknown username, wrong password, locked or disabled account), so
 * that it tells a guesser nothing: neither whether the account exists nor when a lock ends.
 */
export const SIGN_IN_FAILED = {
  vi: 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa vì nhập sai nhiều lần. Hãy kiểm tra lại, thử lại sau ít phút hoặc nhờ quản trị viên mở khóa.',
  en: 'Wrong username or password, or the account is locked for a while after too many wrong passwords. Check them, try again in a few minutes or ask an administrator to unlock it.',
};

const CURRENT_PASSWORD_WRONG = { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' };
const CURRENT_PASSWORD_LOCKED = {
  vi: 'Đã nhập sai mật khẩu hiện tại quá nhiều lần: tài khoản tạm bị khóa. Hãy thử lại sau ít phút hoặc nhờ quản trị viên mở khóa.',
  en: 'Too many wrong current passwords: the account is locked for a while. Try again in a few minutes or ask an administrator to unlock it.',
};

export const authRouter = router({
  /** Signs in: a new session (a fresh token, so a planted cookie is never reused) in an httpOnly cookie. */
  login: publicProcedure
    .meta({ access: 'public' })
    .input(loginInputSchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      // Per client address, before any password is checked: guessing across many accounts stops too.
      const attempt = await ctx.loginLimiter.begin(ctx.db, ctx.clientIp, now);
      if (!attempt.allowed) {
        if (attempt.first) {
          // Once per blocked spell, with the client and the time only: never the username or the password.
          ctx.log.info('sign-in attempts refused for a while', {
            client: clientKey(ctx.clientIp),
            until: attempt.retryAt.toISOString(),
          });
        }
        const until = formatVietnamTime(attempt.retryAt);
        throw new DomainError('TOO_MANY_REQUESTS', {
          vi: `Quá nhiều lần đăng nhập từ địa chỉ này. Thử lại sau ${until}.`,
          en: `Too many sign-in attempts from this address. Try again after ${until}.`,
        });
      }
      const result = await authenticate(ctx.db, input.username, input.password, now, {
        limiter: ctx.loginLimiter,
        clientIp: ctx.clientIp,
      });
      if (!result.ok) throw new DomainError('UNAUTHORIZED', SIGN_IN_FAILED);
      await attempt.succeeded();
      const user = result.user;
      if (ctx.sessionId) await deleteSession(ctx.db, ctx.sessionId);
      const token = randomToken();
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      await insertSession(ctx.db, { id: sessionIdOf(token), userId: user.id, createdAt: now, expiresAt });
      ctx.setSessionCookie(token, expiresAt);
      return user;
    }),

  logout: publicProcedure.meta({ access: 'authenticated', beforePasswordChange: true }).mutation(async ({ ctx }) => {
    if (ctx.sessionId) await deleteSession(ctx.db, ctx.sessionId);
    ctx.setSessionCookie(null);
    return { ok: true as const };
  }),

  /** The signed-in user, or null (the SPA asks this first to decide whether to show the login form). */
  me: publicProcedure.meta({ access: 'public', beforePasswordChange: true }).query(({ ctx }) => ctx.user),

  /**
   * Changes one's own password; every other session of the user ends. This is also how a one-time password
   * is replaced (the only call, with `me` and `logout`, open to a user who still has one).
   */
  changePassword: protectedProcedure
    .meta({ access: 'authenticated', beforePasswordChange: true })
    .input(changePasswordInputSchema)
    .mutation(async ({ ctx, input }) => {
      // Like a sign-in: one attempt at a time per account, wrong current passwords count towards its lock
      // (a stolen session cannot try 700 passwords in one batch), and a locked account changes nothing.
      const now = ctx.now();
      const source = { limiter: ctx.loginLimiter, clientIp: ctx.clientIp };
      await accountAttempts.run(ctx.user.username.normalize('NFC').toLowerCase(), async () => {
        const credentials = await findCredentials(ctx.db, ctx.user.username);
        const ok = await verifyPassword(input.currentPassword, credentials?.passwordHash ?? DUMMY_HASH);
        if (!credentials || (await isLocked(ctx.db, credentials, now, source)))
          throw new DomainError('TOO_MANY_REQUESTS', CURRENT_PASSWORD_LOCKED);
        if (!ok) {
          await countFailure(ctx.db, credentials.user.id, now, source);
          throw new DomainError('INVALID', CURRENT_PASSWORD_WRONG);
        }
        await source.limiter.accountSucceeded(ctx.db, credentials.user.id, source.clientIp);
      });
      const hash = await hashPassword(input.newPassword);
      return audited(ctx, { action: 'password.change', entity: 'user' }, async (trx, at) => {
        await updatePasswordHash(trx, ctx.user.id, hash, at);
        await clearFailedLogins(trx, ctx.user.id);
        await deleteUserSessions(trx, ctx.user.id, ctx.sessionId ?? undefined);
        return { result: { ok: true as const }, entityId: ctx.user.id, before: null, after: null };
      });
    }),

  /**
   * Ends every session of the caller, this one included (a lost phone, a shared computer): every browser
   * signed in as them is asked to sign in again.
   */
  signOutEverywhere: protectedProcedure
    .meta({ access: 'authenticated', beforePasswordChange: true })
    .mutation(async ({ ctx }) => {
      await audited(ctx, { action: 'session.endAll', entity: 'user' }, async (trx) => {
        await deleteUserSessions(trx, ctx.user.id);
        return { result: undefined, entityId: ctx.user.id, before: null, after: null };
      });
      ctx.setSessionCookie(null);
      return { ok: true as const };
    }),
});
