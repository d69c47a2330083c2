import { DomainError } from '../errors.js';

// Calendar dates as ISO strings (`YYYY-MM-DD`). Arithmetic goes through UTC milliseconds, which has no
// daylight saving and no machine time zone, so results never depend on where the code runs.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Vietnam's offset from UTC: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975).
 *
 * @example
 * ```ts
 * VIETNAM_UTC_OFFSET_MINUTES; // 420
 * ```
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

/**
 * Tells whether a string is an ISO calendar date `YYYY-MM-DD` that exists (no 31 February).
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2023-02-29'); // false
 * isIsoDate('2023-2-1');   // false
 * ```
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Throws `DomainError('INVALID')` unless `value` is an existing ISO date; returns it otherwise.
 *
 * @example
 * ```ts
 * assertIsoDate('2021-10-31'); // '2021-10-31'
 * assertIsoDate('31/10/2021'); // throws DomainError INVALID
 * ```
 */
export function assertIsoDate(value: unknown, what = 'date'): string {
  if (!isIsoDate(value)) {
    throw new DomainError('INVALID', {
      vi: `Ngày không hợp lệ (${what}): ${String(value)}; cần dạng YYYY-MM-DD`,
      en: `Invalid ${what}: ${String(value)}; expected YYYY-MM-DD`,
    });
  }
  return value;
}

/**
 * Throws `DomainError('INVALID')` unless `year` is an integer in 1900–9999.
 *
 * @example
 * ```ts
 * assertYear(2022); // 2022
 * assertYear(22);   // throws DomainError INVALID
 * ```
 */
export function assertYear(year: number): number {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new DomainError('INVALID', {
      vi: `Năm không hợp lệ: ${year}; cần một số nguyên 1900–9999`,
      en: `Invalid year: ${year}; expected an integer 1900–9999`,
    });
  }
  return year;
}

/**
 * Builds the ISO date of a year, month (1–12) and day, zero-padded.
 *
 * @example
 * ```ts
 * isoDate(2021, 11, 1); // '2021-11-01'
 * ```
 */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Adds (or, when negative, subtracts) whole days to an ISO date.
 *
 * @example
 * ```ts
 * addDays('2022-03-14', 6);  // '2022-03-20'
 * addDays('2022-03-01', -1); // '2022-02-28'
 * ```
 */
export function addDays(date: string, days: number): string {
  assertIsoDate(date);
  const ms =
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The number of days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * ```ts
 * daysBetween('2022-03-14', '2022-03-20'); // 6
 * ```
 */
export function daysBetween(from: string, to: string): number {
  assertIsoDate(from);
  assertIsoDate(to);
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / DAY_MS);
}

/**
 * The calendar date in Vietnam (UTC+7) at the instant `now`. Pass the instant in; this library never reads
 * the clock.
 *
 * @example
 * ```ts
 * vietnamDate(new Date('2021-10-31T16:59:59Z')); // '2021-10-31'
 * vietnamDate(new Date('2021-10-31T17:30:00Z')); // '2021-11-01' (already 00:30 on 1 November in Vietnam)
 * ```
 */
export function vietnamDate(now: Date): string {
  const ms = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new DomainError('INVALID', { vi: 'Thời điểm không hợp lệ', en: 'Invalid instant' });
  }
  const text = new Date(ms + VIETNAM_UTC_OFFSET_MINUTES * 60_000).toISOString();
  if (text.length !== 24) {
    throw new DomainError('INVALID', {
      vi: 'Thời điểm ngoài khoảng năm 0000–9999',
      en: 'Instant outside the years 0000–9999',
    });
  }
  return text.slice(0, 10);
}

const INSTANT_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The Vietnam calendar date of a timestamp: an ISO date (`YYYY-MM-DD`, taken as already Vietnamese), an ISO
 * instant **with** a zone (`…Z` or `…+07:00`), or a `Date`. An instant without a zone is refused
 * (`DomainError('INVALID')`), because its meaning would depend on the machine running the code.
 *
 * @example
 * ```ts
 * toVietnamDate('2022-03-20');                // '2022-03-20'
 * toVietnamDate('2022-03-20T18:00:00Z');      // '2022-03-21'
 * toVietnamDate('2022-03-20T23:59:00+07:00'); // '2022-03-20'
 * ```
 */
export function toVietnamDate(value: string | Date): string {
  if (value instanceof Date) return vietnamDate(value);
  if (isIsoDate(value)) return value;
  if (typeof value === 'string' && INSTANT_WITH_ZONE.test(value)) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return vietnamDate(new Date(ms));
  }
  throw new DomainError('INVALID', {
    vi: `Thời điểm không hợp lệ: ${String(value)}; cần YYYY-MM-DD hoặc ISO 8601 có múi giờ`,
    en: `Invalid timestamp: ${String(value)}; expected YYYY-MM-DD or ISO 8601 with a zone`,
  });
}

/**
 * Formats an ISO date for a person: `dd/mm/yyyy` in Vietnamese, the ISO date itself in English.
 *
 * @example
 * ```ts
 * formatDate('2021-10-31', 'vi'); // '31/10/2021'
 * formatDate('2021-10-31', 'en'); // '2021-10-31'
 * ```
 */
export function formatDate(date: string, language: 'vi' | 'en'): string {
  if (language === 'en') return date;
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * An inclusive range of ISO dates: both `from` and `to` belong to it.
 *
 * @example
 * ```ts
 * const range: DateRange = { from: '2020-11-01', to: '2021-10-31' };
 * ```
 */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * Tells whether an ISO date lies in an inclusive range (plain string comparison: ISO dates sort as text).
 *
 * @example
 * ```ts
 * isDateInRange('2021-10-31', { from: '2020-11-01', to: '2021-10-31' }); // true
 * isDateInRange('2021-11-01', { from: '2020-11-01', to: '2021-10-31' }); // false
 * ```
 */
export function isDateInRange(date: string, range: DateRange): boolean {
  return date >= range.from && date <= range.to;
}
