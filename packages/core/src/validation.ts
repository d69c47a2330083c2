import { z } from 'zod';
import type { LocalizedText } from './errors.js';

/**
 * One problem with one field of an input, said in both languages. `path` is the field's dotted path
 * (`'answers.KDC-1.value'`, or `''` for the input as a whole).
 *
 * @example
 * ```ts
 * const e: FieldError = { path: 'pageSize', message: { vi: 'Quá lớn: …', en: 'Too big: …' } };
 * ```
 */
export interface FieldError {
  path: string;
  message: LocalizedText;
}

const SEPARATOR = ' / ';

/**
 * A custom validation message in both languages, for `refine` and `{ message }` in schemas. zod's own
 * messages are translated by {@link describeZodIssues}; custom ones carry both languages in one string.
 *
 * @example
 * ```ts
 * z.string().refine((s) => s.length > 0, { message: bilingual('Bắt buộc', 'Required') });
 * ```
 */
export function bilingual(vi: string, en: string): string {
  return `${vi}${SEPARATOR}${en}`;
}

const viLocale = z.locales.vi();
const enLocale = z.locales.en();

function localize(locale: ReturnType<typeof z.locales.en>, issue: z.core.$ZodIssue): string {
  const result = locale.localeError(issue as unknown as Parameters<typeof locale.localeError>[0]);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message;
}

/**
 * Turns zod's issues into field errors in Vietnamese and English, whatever zod's global locale is.
 *
 * @example
 * ```ts
 * const result = z.object({ page: z.number().min(1) }).safeParse({ page: 0 });
 * if (!result.success) describeZodIssues(result.error.issues);
 * // [{ path: 'page', message: { vi: 'Quá nhỏ: …', en: 'Too small: …' } }]
 * ```
 */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const at = issue.message.indexOf(SEPARATOR);
    if (at >= 0) {
      return { path, message: { vi: issue.message.slice(0, at), en: issue.message.slice(at + SEPARATOR.length) } };
    }
    return { path, message: { vi: localize(viLocale, issue), en: localize(enLocale, issue) } };
  });
}
