import type { z } from 'zod';
import { DomainError } from './errors.js';
import { describeZodIssues } from './validation.js';

const MAX_ISSUES_IN_MESSAGE = 5;

/**
 * Turns zod's issues into one `DomainError('INVALID')` whose message names each problem's path and what is
 * wrong, in both languages (at most five, then "and N more"); the full field errors are its `cause`.
 *
 * @example
 * ```ts
 * const r = catalogueSchema.safeParse(value);
 * if (!r.success) throw invalidInputError({ vi: 'Danh mục tiêu chí', en: 'catalogue' }, r.error.issues);
 * // DomainError INVALID: "Invalid catalogue: criteria.3.minimum: Too big: expected number to be <=1"
 * ```
 */
export function invalidInputError(what: { vi: string; en: string }, issues: readonly z.core.$ZodIssue[]): DomainError {
  const errors = describeZodIssues(issues);
  const shown = errors.slice(0, MAX_ISSUES_IN_MESSAGE);
  const more = errors.length - shown.length;
  const list = (lang: 'vi' | 'en') =>
    shown
      .map((e) => `${e.path === '' ? (lang === 'vi' ? '(gốc)' : '(root)') : e.path}: ${e.message[lang]}`)
      .join('; ') + (more > 0 ? (lang === 'vi' ? `; và ${more} lỗi khác` : `; and ${more} more`) : '');
  return new DomainError(
    'INVALID',
    { vi: `${what.vi} không hợp lệ: ${list('vi')}`, en: `Invalid ${what.en}: ${list('en')}` },
    { cause: errors },
  );
}
