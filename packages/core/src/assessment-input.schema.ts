import { z } from 'zod';
import { evidenceSchema, recognitionDecisionSchema, revocationSchema } from './assessment.js';
import { CYCLE_ACTION_NAMES, type CycleAction } from './cycle.js';
import { yearSchema } from './records.schema.js';
import { criterionAnswerSchema } from './recognition/assessment.schema.js';
import { bilingual, idSchema } from './validation.js';

// The inputs of a unit's yearly file as the API's `assessments.*` procedures take them (the SPA's forms send
// the same shapes). A file's `version` is a stored integer, like an id: a write naming an older one is refused.

const unitYear = { unitId: idSchema, year: yearSchema };

/**
 * A unit and a year: which file (`assessments.get`).
 *
 * @example
 * ```ts
 * unitYearInputSchema.parse({ unitId: 7, year: 2022 });
 * ```
 */
export const unitYearInputSchema = z.object(unitYear).strict();

/**
 * Registering a unit for a year; `catalogueId` (administrators only) picks a catalogue other than the one in
 * force that year.
 *
 * @example
 * ```ts
 * registerInputSchema.parse({ unitId: 7, year: 2022 });
 * registerInputSchema.parse({ unitId: 7, year: 2021, catalogueId: 'tt124-2021' });
 * ```
 */
export const registerInputSchema = z.object({ ...unitYear, catalogueId: z.string().max(50).optional() }).strict();
/** @example `const input: RegisterInput = registerInputSchema.parse(raw);` */
export type RegisterInput = z.infer<typeof registerInputSchema>;

/**
 * The answers (and their evidence) of some criteria of a file, by criterion code; the others stay as they were.
 *
 * @example
 * ```ts
 * fileAnswersSchema.parse({ 'KDC-2': { answer: { checks: { 'carried-out': true } } } }); // evidence defaults to no note, no link
 * ```
 */
export const fileAnswersSchema = z.record(
  z.string().max(20),
  z.object({ answer: criterionAnswerSchema, evidence: evidenceSchema.default({ note: null, links: [] }) }).strict(),
);
/** @example `const answers: FileAnswers = fileAnswersSchema.parse(raw);` */
export type FileAnswers = z.infer<typeof fileAnswersSchema>;

/**
 * Saving answers of a file at the version the user read.
 *
 * @example
 * ```ts
 * saveAnswersInputSchema.parse({ unitId: 7, year: 2022, version: 3, answers: { 'KDC-2': { answer: { checks: { 'carried-out': true } } } } });
 * ```
 */
export const saveAnswersInputSchema = z.object({ ...unitYear, version: idSchema, answers: fileAnswersSchema }).strict();
/** @example `const input: SaveAnswersInput = saveAnswersInputSchema.parse(raw);` */
export type SaveAnswersInput = z.infer<typeof saveAnswersInputSchema>;

/**
 * Moving a file along the cycle: a decision (recognise, reject) needs its number, date and authority, a
 * revocation its reason and document; appraising and returning take a note.
 *
 * @example
 * ```ts
 * cycleTransitionInputSchema.parse({ unitId: 7, year: 2022, version: 5, action: 'submit' });
 * cycleTransitionInputSchema.safeParse({ unitId: 7, year: 2022, version: 6, action: 'recognise' }).success; // false: no decision
 * ```
 */
export const cycleTransitionInputSchema = z
  .object({
    ...unitYear,
    version: idSchema,
    action: z.enum(CYCLE_ACTION_NAMES as [CycleAction, ...CycleAction[]]),
    note: z.string().trim().max(2000).nullable().default(null),
    decision: recognitionDecisionSchema.optional(),
    revocation: revocationSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if ((input.action === 'recognise' || input.action === 'reject') && !input.decision) {
      ctx.addIssue({
        code: 'custom',
        path: ['decision'],
        message: bilingual(
          'Cần số, ngày, cơ quan ban hành quyết định',
          'The decision number, date and authority are required',
        ),
      });
    }
    if (input.action === 'reopen' && !input.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: bilingual('Cần ghi lý do mở lại hồ sơ', 'The reason for reopening the file is required'),
      });
    }
    if (input.action === 'revoke' && !input.revocation) {
      ctx.addIssue({
        code: 'custom',
        path: ['revocation'],
        message: bilingual('Cần lý do và văn bản thu hồi', 'The reason and the revoking document are required'),
      });
    }
  });
/** @example `const input: CycleTransitionInput = cycleTransitionInputSchema.parse(raw);` */
export type CycleTransitionInput = z.infer<typeof cycleTransitionInputSchema>;

/**
 * Unlocking a recognised file for correction, or locking it again, with the reason (audited).
 *
 * @example
 * ```ts
 * setLockedInputSchema.parse({ unitId: 7, year: 2021, version: 8, isLocked: false, reason: 'Sai số hộ' });
 * ```
 */
export const setLockedInputSchema = z
  .object({ ...unitYear, version: idSchema, isLocked: z.boolean(), reason: z.string().trim().min(1).max(2000) })
  .strict();
/** @example `const input: SetLockedInput = setLockedInputSchema.parse(raw);` */
export type SetLockedInput = z.infer<typeof setLockedInputSchema>;
