import {
  can,
  DomainError,
  PERMISSIONS,
  findUnstorableText,
  isReservedKey,
  RESERVED_KEY_MESSAGE,
  UNSTORABLE_TEXT_MESSAGE,
  type Permission,
  type Role,
  type User,
} from '@antoan/core';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodRealError } from 'zod';
import type { Context } from './context.js';
import { describeError, toTRPCError } from './errors.js';

/**
 * Who may call a procedure. Every procedure declares it (`.meta({ access })`, or `.meta(allow(permission))`);
 * one without is refused, and the authorization matrix test fails.
 * - `'public'`: anyone, signed in or not (logging in);
 * - `'authenticated'`: any signed-in user (their own profile, logging out);
 * - a list of roles: signed-in users with one of them, always the roles of a permission of core's
 *   `PERMISSIONS` (see {@link allow}). Scope (which areas and units) is checked inside.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface Meta {
  access: Access;
  /** The permission of core's `PERMISSIONS` the roles of `access` are (set by {@link allow}). */
  permission?: Permission;
  /**
   * Open to a user who signs in with a one-time password and has not changed it yet (who they are, changing
   * the password, signing out). Every other procedure refuses such a user until the password is changed.
   */
  beforePasswordChange?: true;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const data = describeError(error);
      const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        // Users never see a stack or an internal message.
        message: isInternal ? data.text.en : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          text: data.text,
          fieldErrors: data.fieldErrors,
        },
      };
    },
  });

/** Turns domain errors into transport errors and logs the unexpected ones with their cause. */
const errorMapping = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      ctx.log.error(`procedure ${path} failed`, { error: result.error.cause ?? result.error });
    }
  }
  return result;
});

const SIGN_IN_REQUIRED = { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' };
const NOT_ALLOWED = {
  vi: 'Vai trò của bạn không được phép thực hiện thao tác này.',
  en: 'Your role does not allow this action.',
};

/**
 * A one-time password not changed yet (the SPA shows only the password form then: see its AuthGate). The
 * server's export and print routes refuse such a session with the same words.
 */
export const PASSWORD_CHANGE_REQUIRED = {
  vi: 'Bạn cần đổi mật khẩu dùng một lần trước khi tiếp tục.',
  en: 'Change your one-time password before you go on.',
};

/** Checks the procedure's declared access before its input is even parsed. */
const accessControl = t.middleware(({ ctx, meta, path, next }) => {
  const access = meta?.access;
  if (!access) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `procedure ${path} declares no access rule` });
  }
  if (access === 'public') return next();
  if (access !== 'authenticated' && !meta.permission) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `procedure ${path} lists roles, not a permission` });
  }
  if (!ctx.user) throw new DomainError('UNAUTHORIZED', SIGN_IN_REQUIRED);
  if (meta.permission && !can(ctx.user.role, meta.permission)) throw new DomainError('FORBIDDEN', NOT_ALLOWED);
  if (ctx.user.mustChangePassword && !meta.beforePasswordChange)
    throw new DomainError('FORBIDDEN', PASSWORD_CHANGE_REQUIRED);
  return next();
});

/**
 * Refuses, before any schema, an input holding text no database can store as sent: a NUL character
 * (PostgreSQL refuses it: the call would fail with a 500 there and pass on SQLite) or half of a surrogate pair
 * (stored as U+FFFD on both). One check at the boundary covers every text field of every procedure, including
 * those added later, and answers like a schema does: BAD_REQUEST with the field's path.
 */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  const path = findUnstorableText(await getRawInput());
  if (path) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'The input contains text that cannot be stored',
      // A ZodRealError (an Error, like those zod throws): tRPC keeps it as the cause, so the client gets field errors.
      cause: new ZodRealError([
        {
          code: 'custom',
          path,
          message: isReservedKey(String(path.at(-1))) ? RESERVED_KEY_MESSAGE : UNSTORABLE_TEXT_MESSAGE,
          input: undefined,
        },
      ]),
    });
  }
  return next();
});

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new DomainError('UNAUTHORIZED', SIGN_IN_REQUIRED);
  return next({ ctx: { user: ctx.user satisfies User } });
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** For procedures open to anyone (declare `.meta({ access: 'public' })`). */
export const publicProcedure = t.procedure.use(errorMapping).use(accessControl).use(storableInput);
/** For procedures of signed-in users: `ctx.user` is set. */
export const protectedProcedure = publicProcedure.use(requireUser);

/**
 * The meta of a procedure open to the roles of a permission of core's `PERMISSIONS`:
 * `.meta(allow('awards.write'))`. `access` lists those roles (what the access matrix test compares).
 */
export function allow(permission: Permission): Meta & { access: readonly Role[]; permission: Permission } {
  return { access: PERMISSIONS[permission], permission };
}
