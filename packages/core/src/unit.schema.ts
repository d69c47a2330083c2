import { z } from 'zod';
import { UNIT_TYPES } from './units.js';
import { bilingual, idSchema } from './validation.js';

/**
 * An ISO calendar date `YYYY-MM-DD` that exists (no 31 February).
 *
 * @example
 * ```ts
 * isoDateSchema.parse('2021-10-31'); // '2021-10-31'
 * isoDateSchema.safeParse('2021-02-30').success; // false
 * ```
 */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: bilingual('Ngày phải có dạng YYYY-MM-DD', 'Date must be YYYY-MM-DD') })
  .refine(
    (value) => {
      const [y, m, d] = value.split('-').map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { message: bilingual('Ngày không tồn tại', 'No such date') },
  );

/**
 * Input of the area tree: the date at which the tree is read (default: the caller's today).
 *
 * @example
 * ```ts
 * areaTreeInputSchema.parse({ date: '2021-12-31' });
 * ```
 */
export const areaTreeInputSchema = z
  .object({
    date: isoDateSchema.optional(),
  })
  .strict();

/** The parsed input of the area tree. @example `const input: AreaTreeInput = { date: '2021-12-31' };` */
export type AreaTreeInput = z.infer<typeof areaTreeInputSchema>;

/** Largest page a list may ask for. @example `MAX_PAGE_SIZE; // 500` */
export const MAX_PAGE_SIZE = 500;

/** Longest search text accepted. @example `MAX_SEARCH_LENGTH; // 200` */
export const MAX_SEARCH_LENGTH = 200;

/**
 * Input of the unit list: a page (from 1) of a given size, optionally within an area's subtree, of some
 * unit types, matching a search text that ignores case and diacritics.
 *
 * @example
 * ```ts
 * unitListInputSchema.parse({ areaId: 3, types: ['KDC'], search: 'quang thuy', page: 1, pageSize: 50 });
 * unitListInputSchema.safeParse({ page: -1 }).success; // false
 * ```
 */
export const unitListInputSchema = z
  .object({
    areaId: idSchema.optional(),
    date: isoDateSchema.optional(),
    types: z.array(z.enum(UNIT_TYPES)).max(UNIT_TYPES.length).optional(),
    search: z
      .string()
      .max(MAX_SEARCH_LENGTH, {
        message: bilingual(`Tối đa ${MAX_SEARCH_LENGTH} ký tự`, `At most ${MAX_SEARCH_LENGTH} characters`),
      })
      .optional(),
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  })
  .strict();

/** The parsed input of the unit list. @example `const input: UnitListInput = { page: 1, pageSize: 50 };` */
export type UnitListInput = z.infer<typeof unitListInputSchema>;

/**
 * A page of results with the total count, so a table can show "1–50 of 1,234".
 *
 * @example
 * ```ts
 * const page: Page<string> = { items: ['a'], total: 1, page: 1, pageSize: 50 };
 * ```
 */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Input of setting who recognises a unit (Art. 10 of 124/2021): monitored by a department of the Ministry
 * of Public Security (the Ministry recognises it), and/or recognition delegated one level down.
 *
 * @example
 * ```ts
 * unitRecognitionInputSchema.parse({ unitId: 7, isMinistryMonitored: false, isRecognitionDelegated: true });
 * ```
 */
export const unitRecognitionInputSchema = z
  .object({
    unitId: idSchema,
    isMinistryMonitored: z.boolean(),
    isRecognitionDelegated: z.boolean(),
    /** The day the change takes effect (years before keep what they had); today in Việt Nam when left out. */
    effectiveFrom: z.iso.date().optional(),
  })
  .strict();
