import { z } from 'zod';
import { ROLES } from './roles.js';
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
    message: bilingual(`Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`, `The password needs at least ${MIN_PASSWORD_LENGTH} characters`),
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
  .strict();

/**
 * Input of creating a user. Every role but `admin` needs an area (the root of what they may see); a
 * `unit_reporter` also needs their unit.
 *
 * @example
 * ```ts
 * createUserInputSchema.parse({
 *   username: 'ca.quangthuy', displayName: 'Công an xã Quảng Thủy', password: 'mật khẩu đủ dài',
 *   role: 'commune_officer', areaId: 15,
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
    displayName: z.string().trim().min(1).max(200),
    password: newPassword,
    role: z.enum(ROLES),
    areaId: idSchema.nullable().default(null),
    unitId: idSchema.nullable().default(null),
    email: z.email().max(200).nullable().default(null),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.role !== 'admin' && input.areaId === null) {
      ctx.addIssue({ code: 'custom', path: ['areaId'], message: bilingual('Cần chọn địa bàn', 'Choose an area') });
    }
    if (input.role === 'unit_reporter' && input.unitId === null) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: bilingual('Cần chọn đơn vị', 'Choose a unit') });
    }
  });

/** The parsed input of creating a user. @example `const input: CreateUserInput = createUserInputSchema.parse(raw);` */
export type CreateUserInput = z.infer<typeof createUserInputSchema>;
