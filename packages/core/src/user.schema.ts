import { z } from 'zod';
import { ROLES } from './roles.js';
import { isoDateSchema } from './unit.schema.js';
import { bilingual, idSchema } from './validation.js';

/** Shortest password accepted. @example `MIN_PASSWORD_LENGTH; // 10` */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Input of signing in.
 *
 * @example
 * ```ts
 * loginInputSchema.parse({ username: 'admin', password: 'correct horse battery' });
 * ```
 */
export const loginInputSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .strict();

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, {
    message: bilingual(
      `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`,
      `The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    ),
  })
  .max(200);

/**
 * Input of changing one's own password.
 *
 * @example
 * ```ts
 * changePasswordInputSchema.parse({ currentPassword: 'old one here', newPassword: 'a much longer one' });
 * ```
 */
export const changePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword,
  })
  .strict()
  .refine((input) => input.newPassword.normalize('NFC') !== input.currentPassword.normalize('NFC'), {
    path: ['newPassword'],
    message: bilingual('Mật khẩu mới phải khác mật khẩu hiện tại', 'The new password must differ from the current one'),
  });

const accountFields = {
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  areaId: idSchema.nullable().default(null),
  unitId: idSchema.nullable().default(null),
  email: z.email().max(200).nullable().default(null),
};

/** Every role but `admin` needs an area; a `unit_reporter` also needs their unit; only a reporter has one. */
function checkRoleNeeds(input: { role: string; areaId: number | null; unitId: number | null }, ctx: z.RefinementCtx) {
  if (input.role !== 'admin' && input.areaId === null) {
    ctx.addIssue({ code: 'custom', path: ['areaId'], message: bilingual('Cần chọn địa bàn', 'Choose an area') });
  }
  if (input.role === 'unit_reporter' && input.unitId === null) {
    ctx.addIssue({ code: 'custom', path: ['unitId'], message: bilingual('Cần chọn đơn vị', 'Choose a unit') });
  }
  if (input.role !== 'unit_reporter' && input.unitId !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['unitId'],
      message: bilingual('Chỉ người báo cáo của đơn vị gắn với một đơn vị', 'Only a unit reporter belongs to a unit'),
    });
  }
}

/**
 * Input of creating a user. Every role but `admin` needs an area (the root of what they may see); a
 * `unit_reporter` also needs their unit. Without a `password`, the server makes a one-time password, returns
 * it once, and the user must change it at their first sign-in (the SPA always does this: whoever creates an
 * account never chooses a password its owner keeps).
 *
 * @example
 * ```ts
 * createUserInputSchema.parse({
 *   username: 'ca.quangthuy', displayName: 'Công an xã Quảng Thủy', role: 'commune_officer', areaId: 15,
 * });
 * ```
 */
export const createUserInputSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9._-]{3,50}$/, {
        message: bilingual(
          'Tên đăng nhập gồm 3–50 ký tự a–z, 0–9, dấu chấm, gạch ngang, gạch dưới',
          'The username has 3–50 characters a–z, 0–9, dot, dash or underscore',
        ),
      }),
    password: newPassword.optional(),
    ...accountFields,
  })
  .strict()
  .superRefine(checkRoleNeeds);

/** The parsed input of creating a user. @example `const input: CreateUserInput = createUserInputSchema.parse(raw);` */
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

/**
 * Input of editing a user: the name, role, area, unit and e-mail (the username never changes; the password
 * only through a reset).
 *
 * @example
 * ```ts
 * updateUserInputSchema.parse({ userId: 7, displayName: 'Công an xã Quảng Văn', role: 'commune_officer', areaId: 16 });
 * ```
 */
export const updateUserInputSchema = z
  .object({ userId: idSchema, ...accountFields })
  .strict()
  .superRefine(checkRoleNeeds);

/** The parsed input of editing a user. @example `const input: UpdateUserInput = updateUserInputSchema.parse(raw);` */
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

/**
 * Input of listing the audit log, newest first: filters by who, what action, which entity (and which record
 * of it), and dates in Vietnam (`from` and `to` inclusive); `beforeId` pages on from the last record shown.
 *
 * @example
 * ```ts
 * auditListInputSchema.parse({ entity: 'user', from: '2026-12-01', to: '2026-12-31', limit: 50 });
 * ```
 */
export const auditListInputSchema = z
  .object({
    userId: idSchema.optional(),
    action: z.string().max(50).optional(),
    entity: z.string().max(50).optional(),
    entityId: z.string().max(50).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    beforeId: idSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    path: ['to'],
    message: bilingual('Ngày kết thúc trước ngày bắt đầu', 'The end date is before the start date'),
  });

/** The parsed input of listing the audit log. @example `const input: AuditListInput = auditListInputSchema.parse({});` */
export type AuditListInput = z.infer<typeof auditListInputSchema>;
