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

/**
 * The largest id (or row version) accepted: the databases store them in 32-bit integer columns, and
 * PostgreSQL refuses a bigger number outright where SQLite would just find nothing.
 *
 * @example
 * ```ts
 * MAX_ID; // 2147483647
 * ```
 */
export const MAX_ID = 2_147_483_647;

/**
 * A stored record's id (or its version): a whole number from 1 to {@link MAX_ID}.
 *
 * @example
 * ```ts
 * idSchema.parse(42); // 42
 * idSchema.safeParse(2 ** 31).success; // false
 * ```
 */
export const idSchema = z
  .number()
  .int()
  .positive()
  .max(MAX_ID, { message: bilingual(`Mã số tối đa là ${MAX_ID}`, `An id is at most ${MAX_ID}`) });

// NUL (PostgreSQL cannot store it in text) and half of a UTF-16 surrogate pair (not Unicode at all: both
// databases would silently store U+FFFD instead, so the text read back would differ from the text sent).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a text can be stored as it is: it holds no NUL character and no half of a surrogate pair.
 *
 * @example
 * ```ts
 * isStorableText('Quảng Thủy'); // true
 * isStorableText('a\u0000b'); // false
 * isStorableText('\uD800'); // false
 * ```
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * The message for a text that {@link isStorableText} refuses, in both languages (see {@link bilingual}).
 *
 * @example
 * ```ts
 * z.string().refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE });
 * ```
 */
export const UNSTORABLE_TEXT_MESSAGE = bilingual(
  'Văn bản chứa ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode hỏng)',
  'The text contains an invalid character (NUL or broken Unicode)',
);

/**
 * Whether an object key is one that a parser drops or that reaches an object's prototype (`__proto__`,
 * `constructor`, `prototype`): no input of ours has one, so it is refused rather than silently lost.
 *
 * @example
 * ```ts
 * isReservedKey('__proto__'); // true
 * isReservedKey('KDC-1'); // false
 * ```
 */
export function isReservedKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

/**
 * The message for an input holding a key that {@link isReservedKey} refuses, in both languages.
 *
 * @example
 * ```ts
 * RESERVED_KEY_MESSAGE; // 'Khóa "__proto__", "constructor" hoặc "prototype" không được dùng | …'
 * ```
 */
export const RESERVED_KEY_MESSAGE = bilingual(
  'Khóa "__proto__", "constructor" hoặc "prototype" không được dùng trong dữ liệu gửi lên',
  'The keys "__proto__", "constructor" and "prototype" are not allowed in the input',
);

/**
 * The path of the first text in a value (strings and object keys, at any depth) that
 * {@link isStorableText} refuses, or of the first key that {@link isReservedKey} refuses, or `undefined`
 * when there is none. Walks without recursion and in time
 * linear in the value's size, so a deeply nested value can neither overflow the stack nor take long.
 *
 * @example
 * ```ts
 * findUnstorableText({ answers: { 'KDC-1': { note: 'a\u0000' } } }); // ['answers', 'KDC-1', 'note']
 * findUnstorableText({ name: 'Thôn 1' }); // undefined
 * ```
 */
export function findUnstorableText(value: unknown): (string | number)[] | undefined {
  // Each step keeps a link to its parent's step rather than a copy of the path, so the walk stays linear
  // even in a value nested a hundred thousand levels deep; the path is spelled out only for the culprit.
  interface Step {
    key: string | number;
    parent: Step | undefined;
  }
  const pathOf = (step: Step | undefined): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let s = step; s; s = s.parent) path.push(s.key);
    return path.reverse();
  };
  const stack: { value: unknown; step: Step | undefined }[] = [{ value, step: undefined }];
  const seen = new Set<object>();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, step } = next;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return pathOf(step);
    } else if (typeof current === 'object' && current !== null && !seen.has(current)) {
      seen.add(current);
      // entries() also yields the holes of a sparse array (as undefined), where map() would keep them holes.
      const entries: [string | number, unknown][] = Array.isArray(current)
        ? [...(current as unknown[]).entries()]
        : Object.entries(current);
      for (const [key, item] of entries) {
        const child = { key, parent: step };
        if (typeof key === 'string' && (!isStorableText(key) || isReservedKey(key))) return pathOf(child);
        stack.push({ value: item, step: child });
      }
    }
  }
  return undefined;
}
