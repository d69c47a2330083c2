// The zod schemas of criteria (and the small schemas a catalogue's reuse): shapes only; the checks across a
// catalogue's criteria are catalogueSchema's (catalogue.schema.ts).
import { z } from 'zod';
import type { LocalizedText } from '../errors.js';
import { isIsoDate } from '../periods/dates.js';
import { QUARTERLY_METRICS } from '../reports/quarterly-report.js';
import { UNIT_TYPES } from '../units.js';
import { bilingual } from '../validation.js';
import { INCIDENT_EXCEPTIONS, RATING_ABSENT, type Criterion } from './criterion.types.js';

// ── Schemas ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Text in Vietnamese and English, both non-empty.
 *
 * @example
 * ```ts
 * localizedTextSchema.parse({ vi: 'Đạt', en: 'Met' });
 * ```
 */
export const localizedTextSchema: z.ZodType<LocalizedText> = z.strictObject({
  vi: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

/**
 * An ISO date (`YYYY-MM-DD`) that exists in the calendar.
 *
 * @example
 * ```ts
 * isoDateSchema.parse('2022-02-10');
 * ```
 */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: bilingual('Ngày phải có dạng YYYY-MM-DD', 'Date must be YYYY-MM-DD') });
const share = z.number().gt(0).lte(1);
/**
 * A non-empty list of unit types.
 *
 * @example
 * ```ts
 * unitTypesSchema.parse(['KDC']);
 * ```
 */
export const unitTypesSchema = z.array(z.enum(UNIT_TYPES)).min(1);

/**
 * A criterion code: upper-case words joined by dashes, ending in a number or word (`KDC-1`, `CQDN-3`,
 * `QB-KDC-6` for a province's own criterion).
 *
 * @example
 * ```ts
 * CRITERION_CODE_PATTERN.test('XA-4'); // true
 * CRITERION_CODE_PATTERN.test('xa4');  // false
 * ```
 */
export const CRITERION_CODE_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

const code = z.string().regex(CRITERION_CODE_PATTERN, {
  message: bilingual('Mã tiêu chí phải có dạng KDC-1', 'A criterion code looks like KDC-1'),
});

/**
 * The letters that number the items of a Vietnamese legal list, in order (no f, j, w, z).
 *
 * @example
 * ```ts
 * ITEM_LETTERS.slice(0, 7).join(' '); // 'a b c d đ e g'
 * ```
 */
export const ITEM_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
] as const;

const keySchema = z.string().regex(/^[a-z][a-z0-9_-]*$/, {
  message: bilingual('Khoá dạng chữ thường a-z, 0-9, _ -', 'Key is lower-case a-z, 0-9, _ -'),
});
const source = z.string().min(1).optional();
const letter = z.enum(ITEM_LETTERS, {
  message: bilingual('Chữ cái của điểm: a, b, c, d, đ, e, g…', 'Item letter: a, b, c, d, đ, e, g…'),
});
const exceptions = z.array(z.enum(INCIDENT_EXCEPTIONS));

const checklistItem = z.strictObject({
  key: keySchema,
  text: localizedTextSchema,
  verified: z.boolean(),
  source,
});

const comparisonRule = {
  metrics: z.array(z.enum(QUARTERLY_METRICS)).min(1),
  aggregate: z.enum(['each', 'sum']),
  maxIncrease: z.number().int().min(0),
};

const base = {
  code,
  unitTypes: unitTypesSchema,
  title: localizedTextSchema,
  explanation: localizedTextSchema,
  verified: z.boolean(),
  source,
  note: localizedTextSchema.optional(),
};

/**
 * Validates one criterion (shape only; cross-references are checked by {@link catalogueSchema}).
 *
 * @example
 * ```ts
 * criterionSchema.safeParse({ code: 'KDC-9', kind: 'ratio' }).success; // false
 * ```
 */
export const criterionSchema: z.ZodType<Criterion> = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('requirement'), checklist: z.array(checklistItem).min(1) }),
  z.strictObject({
    ...base,
    kind: z.literal('disqualifying'),
    items: z.array(
      z.strictObject({
        letter,
        text: localizedTextSchema,
        verified: z.boolean(),
        source,
        exceptions: exceptions.optional(),
      }),
    ),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('ratio'),
    numerator: localizedTextSchema,
    denominator: localizedTextSchema,
    minimum: share,
    checklist: z.array(checklistItem),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('managed_threshold'),
    managedTypes: unitTypesSchema,
    registeredMinimum: z.number().min(0).max(1).nullable(),
    recognisedMinimum: z.number().min(0).max(1),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('composite'),
    criteria: z.array(code).min(1),
    overTypes: unitTypesSchema,
    minimumShare: share,
  }),
  z.strictObject({ ...base, kind: z.literal('comparison'), ...comparisonRule }),
  z.strictObject({
    ...base,
    kind: z.literal('parts'),
    parts: z
      .array(
        z
          .strictObject({
            letter,
            text: localizedTextSchema,
            verified: z.boolean(),
            source,
            checklist: z.array(checklistItem).optional(),
            comparison: z.strictObject(comparisonRule).optional(),
            incidents: z.strictObject({ exceptions }).optional(),
          })
          .refine((p) => p.checklist !== undefined || p.comparison !== undefined || p.incidents !== undefined, {
            message: bilingual('Mỗi phần cần ít nhất một quy tắc', 'Each part needs at least one rule'),
          }),
      )
      .min(1),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('rating'),
    subject: localizedTextSchema,
    levels: z
      .array(z.strictObject({ key: keySchema, text: localizedTextSchema, passes: z.boolean() }))
      .min(1)
      .refine((levels) => levels.some((l) => l.passes), {
        message: bilingual('Cần ít nhất một mức đạt', 'At least one level must pass'),
      })
      .refine((levels) => levels.every((l) => l.key !== RATING_ABSENT), {
        message: bilingual(`Khoá "${RATING_ABSENT}" dành riêng`, `The key "${RATING_ABSENT}" is reserved`),
      }),
    absentAllowed: z.boolean(),
    checklist: z.array(checklistItem),
  }),
]);
