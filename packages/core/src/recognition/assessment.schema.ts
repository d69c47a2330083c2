import { z } from 'zod';
import { criteriaForType } from '../catalogue/catalogue.js';
import {
  CRITERION_CODE_PATTERN,
  RATING_ABSENT,
  type Catalogue,
  type IncidentException,
} from '../catalogue/catalogue.schema.js';
import type { UnitType } from '../units.js';
import { bilingual, idSchema, type FieldError } from '../validation.js';

/**
 * The answer to one criterion, as a unit or its appraiser files it. Which fields matter depends on the
 * criterion's kind:
 *
 * - `requirement`: `checks` — one yes/no per checklist key (`null` or absent = not answered yet);
 * - `ratio`: `numerator` and `denominator` (non-negative integers), and `checks` for its checklist, if any
 *   (the second 70 % rule of CQDN-5 / CSGD-6 is a ratio: sub-units rated well / direct sub-units);
 * - `rating`: `rating`, the key of the level the body was rated (`'none'`: no such body, where allowed),
 *   and `checks` for its checklist;
 * - `parts`: `checks` for the checklists of its parts (the rest of its parts read incidents and counts).
 *
 * The other kinds are computed from data (incidents, report counts, the managed units) and take no answer.
 *
 * @example
 * ```ts
 * const kdc1: CriterionAnswer = { checks: { resolution: true, registration: true }, numerator: 212, denominator: 212 };
 * const kdc2: CriterionAnswer = { checks: { 'carried-out': true }, note: 'Biên bản họp ngày 15/3' };
 * ```
 */
export interface CriterionAnswer {
  checks?: Readonly<Record<string, boolean | null>>;
  numerator?: number;
  denominator?: number;
  rating?: string;
  note?: string;
}

/**
 * The zod schema of a {@link CriterionAnswer} (its shape only; {@link validateAnswers} checks it against a
 * catalogue).
 *
 * @example
 * ```ts
 * criterionAnswerSchema.parse({ numerator: 95, denominator: 100 });
 * criterionAnswerSchema.safeParse({ numerator: -1 }).success; // false
 * ```
 */
export const criterionAnswerSchema: z.ZodType<CriterionAnswer> = z.strictObject({
  checks: z.record(z.string().min(1).max(64), z.boolean().nullable()).optional(),
  numerator: z.number().int().min(0).max(100_000_000).optional(),
  denominator: z.number().int().min(0).max(100_000_000).optional(),
  rating: z.string().min(1).max(64).optional(),
  note: z.string().max(2000).optional(),
});

const criterionCode = z.string().regex(CRITERION_CODE_PATTERN, {
  message: bilingual('Mã tiêu chí phải có dạng KDC-1', 'A criterion code looks like KDC-1'),
});

/**
 * Input of saving a unit's answers for a year: criterion code → answer.
 *
 * @example
 * ```ts
 * assessmentAnswersInputSchema.parse({
 *   unitId: 101, year: 2022,
 *   answers: { 'KDC-1': { checks: { resolution: true, registration: true }, numerator: 212, denominator: 212 } },
 * });
 * ```
 */
export const assessmentAnswersInputSchema = z.strictObject({
  unitId: idSchema,
  year: z.number().int().min(1900).max(9999),
  answers: z.record(criterionCode, criterionAnswerSchema),
});

/** The parsed input of saving answers. @example `const input: AssessmentAnswersInput = assessmentAnswersInputSchema.parse(raw);` */
export type AssessmentAnswersInput = z.infer<typeof assessmentAnswersInputSchema>;

/**
 * What the engines read of an incident recorded against a unit (a stored `Incident` fits): the date it
 * happened (ISO, Vietnam date), the criterion it falls under and, for a lettered list, the item. It counts
 * toward the year whose window holds `occurredOn`, unless `exception` is one its item admits (a serious
 * crime promptly detected, handled and reported, or force majeure: KDC-4 b, CQDN-3 đ).
 *
 * @example
 * ```ts
 * const i: IncidentRecord = { criterionCode: 'KDC-3', item: 'e', occurredOn: '2021-10-31', description: 'Tranh chấp đất kéo dài' };
 * const handled: IncidentRecord = { criterionCode: 'KDC-4', item: 'b', occurredOn: '2022-05-02', exception: 'handled_promptly' };
 * ```
 */
export interface IncidentRecord {
  criterionCode: string;
  item?: string | null;
  occurredOn: string;
  description?: string;
  exception?: IncidentException | null;
}

/**
 * Checks answers against a catalogue for a unit type: unknown criterion codes, criteria that take no answer
 * (computed from data), unknown checklist keys, ratio fields on a requirement, and a numerator above its
 * denominator. Returns field errors (paths like `answers.KDC-1.numerator`), empty when all is well.
 *
 * @example
 * ```ts
 * validateAnswers(TT124_2021, 'KDC', { 'KDC-1': { numerator: 5, denominator: 4 } });
 * // [{ path: 'answers.KDC-1.numerator', message: { vi: 'Tử số (5) lớn hơn mẫu số (4)', en: 'Numerator (5) exceeds denominator (4)' } }]
 * ```
 */
export function validateAnswers(
  catalogue: Catalogue,
  unitType: UnitType,
  answers: Readonly<Record<string, CriterionAnswer | undefined>>,
): FieldError[] {
  const errors: FieldError[] = [];
  const criteria = new Map(criteriaForType(catalogue, unitType).map((c) => [c.code, c]));
  for (const [code, answer] of Object.entries(answers)) {
    if (!answer) continue;
    const path = `answers.${code}`;
    const criterion = criteria.get(code);
    if (!criterion) {
      errors.push({
        path,
        message: {
          vi: `Danh mục ${catalogue.id} không có tiêu chí ${code} cho loại ${unitType}`,
          en: `Catalogue ${catalogue.id} has no criterion ${code} for ${unitType}`,
        },
      });
      continue;
    }
    const checklist =
      criterion.kind === 'requirement' || criterion.kind === 'ratio' || criterion.kind === 'rating'
        ? criterion.checklist
        : criterion.kind === 'parts'
          ? criterion.parts.flatMap((p) => p.checklist ?? [])
          : undefined;
    if (!checklist || (criterion.kind === 'parts' && checklist.length === 0)) {
      errors.push({
        path,
        message: {
          vi: `Tiêu chí ${code} được tính từ dữ liệu, không nhận câu trả lời`,
          en: `Criterion ${code} is computed from data and takes no answer`,
        },
      });
      continue;
    }
    if (criterion.kind === 'rating') {
      const levels = criterion.levels.map((l) => l.key);
      if (criterion.absentAllowed) levels.push(RATING_ABSENT);
      if (answer.rating !== undefined && !levels.includes(answer.rating)) {
        errors.push({
          path: `${path}.rating`,
          message: {
            vi: `Mức xếp loại phải là một trong: ${levels.join(', ')}`,
            en: `The rating must be one of: ${levels.join(', ')}`,
          },
        });
      }
    } else if (answer.rating !== undefined) {
      errors.push({
        path: `${path}.rating`,
        message: { vi: `Tiêu chí ${code} không có xếp loại`, en: `Criterion ${code} takes no rating` },
      });
    }
    const keys = new Set(checklist.map((i) => i.key));
    for (const key of Object.keys(answer.checks ?? {})) {
      if (!keys.has(key)) {
        errors.push({
          path: `${path}.checks.${key}`,
          message: { vi: `Tiêu chí ${code} không có mục ${key}`, en: `Criterion ${code} has no item ${key}` },
        });
      }
    }
    if (criterion.kind !== 'ratio') {
      for (const field of ['numerator', 'denominator'] as const) {
        if (answer[field] !== undefined) {
          errors.push({
            path: `${path}.${field}`,
            message: { vi: `Tiêu chí ${code} không có tỷ lệ`, en: `Criterion ${code} has no ratio` },
          });
        }
      }
    } else if (
      answer.numerator !== undefined &&
      answer.denominator !== undefined &&
      answer.numerator > answer.denominator
    ) {
      errors.push({
        path: `${path}.numerator`,
        message: {
          vi: `Tử số (${answer.numerator}) lớn hơn mẫu số (${answer.denominator})`,
          en: `Numerator (${answer.numerator}) exceeds denominator (${answer.denominator})`,
        },
      });
    }
  }
  return errors;
}
