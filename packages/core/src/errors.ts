/**
 * The codes of {@link DomainError}. The API layer maps each to one transport error
 * (`NOT_FOUND` → 404, `CONFLICT` → 409, `INVALID` → 400, `FORBIDDEN` → 403, `UNAUTHORIZED` → 401,
 * `TOO_MANY_REQUESTS` → 429: too many attempts, try again later).
 *
 * @example
 * ```ts
 * DOMAIN_ERROR_CODES.includes('CONFLICT'); // true
 * ```
 */
export const DOMAIN_ERROR_CODES = [
  'NOT_FOUND',
  'CONFLICT',
  'INVALID',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'TOO_MANY_REQUESTS',
] as const;

/** One of {@link DOMAIN_ERROR_CODES}. @example `const c: DomainErrorCode = 'NOT_FOUND';` */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * A message meant for a person, in Vietnamese and English.
 *
 * @example
 * ```ts
 * const m: LocalizedText = { vi: 'Không tìm thấy đơn vị', en: 'Unit not found' };
 * ```
 */
export interface LocalizedText {
  vi: string;
  en: string;
}

/**
 * The one error type of the domain: a code and a message in both languages. `message` (the standard
 * `Error` message) is the English text, so logs stay readable.
 *
 * @example
 * ```ts
 * throw new DomainError('NOT_FOUND', { vi: 'Không tìm thấy đơn vị 42', en: 'Unit 42 not found' });
 * ```
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly text: LocalizedText;

  constructor(code: DomainErrorCode, text: LocalizedText, options?: { cause?: unknown }) {
    super(text.en, options);
    this.code = code;
    this.text = text;
  }
}

/**
 * Tells whether a value is a {@link DomainError} (also across package copies, by shape).
 *
 * @example
 * ```ts
 * isDomainError(new DomainError('INVALID', { vi: 'Sai', en: 'Wrong' })); // true
 * isDomainError(new Error('x')); // false
 * ```
 */
export function isDomainError(value: unknown): value is DomainError {
  return (
    value instanceof DomainError ||
    (value instanceof Error &&
      value.name === 'DomainError' &&
      typeof (value as Partial<DomainError>).code === 'string' &&
      typeof (value as Partial<DomainError>).text === 'object')
  );
}
