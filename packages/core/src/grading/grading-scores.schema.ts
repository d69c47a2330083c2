// What a grading sheet's scores are entered as: an item's self and verified scores, the input of a sheet's
// scores, and the check of scores against the items' maximums.
import { z } from 'zod';
import { bilingual, idSchema } from '../validation.js';

import type { SheetTemplate } from './grading.schema.js';

/** An item's code: letters, digits, dots and dashes (`I.1`). */
export const itemCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, {
  message: bilingual('Mã mục gồm chữ, số, dấu chấm, gạch ngang', 'An item code has letters, digits, dots and dashes'),
});
/** Points of an item or a rule: 0 to 100. */
export const points = z.number().min(0).max(100);

/**
 * The self score (by the unit) and the verified score (by the level above) of one item; `null` or absent
 * means not scored. The verified score, when present, is the one used.
 *
 * @example
 * ```ts
 * const s: ItemScore = { self: 3, verified: 2.5 };
 * ```
 */
export interface ItemScore {
  self?: number | null;
  verified?: number | null;
}

/**
 * The zod schema of an {@link ItemScore}: each score a finite number in [0, 100] or null. Scores above an
 * item's maximum are accepted here and clamped by the engine (which says so in its explanation).
 *
 * @example
 * ```ts
 * itemScoreSchema.parse({ self: 3, verified: null });
 * ```
 */
export const itemScoreSchema: z.ZodType<ItemScore> = z.strictObject({
  self: points.nullable().optional(),
  verified: points.nullable().optional(),
});

/**
 * Input of saving a unit's scores for a year on a template: item code → scores.
 *
 * @example
 * ```ts
 * gradingScoresInputSchema.parse({ unitId: 101, year: 2022, templateId: 'kdc-510-2022', scores: { 'I.1': { self: 5 } } });
 * ```
 */
export const gradingScoresInputSchema = z.strictObject({
  unitId: idSchema,
  year: z.number().int().min(1900).max(9999),
  templateId: z.string().min(1).max(100),
  scores: z.record(itemCode, itemScoreSchema),
});

/** The parsed input of saving scores. @example `const input: GradingScoresInput = gradingScoresInputSchema.parse(raw);` */
export type GradingScoresInput = z.infer<typeof gradingScoresInputSchema>;

/**
 * The scores of a sheet that are above their item's maximum (a self score of 100 for a 5-point item), as
 * errors naming the item: a saved sheet never holds one (the engine would only clamp it).
 *
 * @example
 * ```ts
 * scoresOverMaximum(KDC_SHEET_TEMPLATE, { 'I.1': { self: 100 } });
 * // [{ code: 'I.1', field: 'self', score: 100, maxPoints: 5 }]
 * ```
 */
export function scoresOverMaximum(
  template: SheetTemplate,
  scores: Readonly<Record<string, ItemScore | undefined>>,
): { code: string; field: 'self' | 'verified'; score: number; maxPoints: number }[] {
  const over: { code: string; field: 'self' | 'verified'; score: number; maxPoints: number }[] = [];
  for (const group of template.groups) {
    for (const item of group.items) {
      const score = scores[item.code];
      for (const field of ['self', 'verified'] as const) {
        const value = score?.[field];
        if (typeof value === 'number' && value > item.maxPoints)
          over.push({ code: item.code, field, score: value, maxPoints: item.maxPoints });
      }
    }
  }
  return over;
}
