// A catalogue's shape (its eligibility rules, its criteria) and its zod schema with the checks across
// criteria. The criteria's own types and schemas are in criterion.types.ts and criterion.schema.ts, re-exported
// here (this module is where the rest of core and its users import them from).
import { z } from 'zod';
import type { LocalizedText } from '../errors.js';
import { UNIT_TYPES, type UnitType } from '../units.js';
import { bilingual } from '../validation.js';
import { criterionSchema, isoDateSchema, localizedTextSchema, unitTypesSchema } from './criterion.schema.js';
import type { Criterion } from './criterion.types.js';
import {
  ELIGIBILITY_ATTRIBUTES,
  ENTERPRISE_SIZES,
  SCHOOL_LEVELS,
  type EligibilityAttribute,
  type EnterpriseSize,
  type SchoolLevel,
} from './unit-attributes.js';

export * from './criterion.types.js';
export { CRITERION_CODE_PATTERN, criterionSchema, ITEM_LETTERS, localizedTextSchema } from './criterion.schema.js';

// ── Catalogue types ─────────────────────────────────────────────────────────────────────────────────

/**
 * An eligibility rule: units of `unitTypes` whose `attribute` takes one of `values` are excluded from the
 * standard, for `reason`.
 *
 * @example
 * ```ts
 * const rule: EligibilityRule = {
 *   id: 'small-micro-enterprises', unitTypes: ['DN'], attribute: 'enterpriseSize', values: ['micro', 'small'],
 *   reason: { vi: 'Doanh nghiệp nhỏ và siêu nhỏ không thuộc diện…', en: 'Small and micro enterprises are not…' },
 *   verified: true,
 * };
 * ```
 */
export interface EligibilityRule {
  id: string;
  unitTypes: readonly UnitType[];
  attribute: EligibilityAttribute;
  values: readonly (boolean | EnterpriseSize | SchoolLevel)[];
  reason: LocalizedText;
  verified: boolean;
}

/**
 * A versioned criteria catalogue: the legal basis, the dates it is in force (`effectiveTo` is the last day,
 * inclusive; `null` while in force), the criteria of every unit type and the eligibility rules. A province's
 * extension names its base in `extends`.
 *
 * @example
 * ```ts
 * const c: Catalogue = TT124_2021;
 * c.criteria.filter((x) => x.unitTypes.includes('KDC')).map((x) => x.code); // ['KDC-1', …, 'KDC-5']
 * ```
 */
export interface Catalogue {
  id: string;
  title: LocalizedText;
  legalBasis: LocalizedText;
  effectiveFrom: string;
  effectiveTo: string | null;
  extends?: string | null;
  notes?: LocalizedText;
  criteria: readonly Criterion[];
  eligibility: readonly EligibilityRule[];
}

// ── Catalogue schema ────────────────────────────────────────────────────────────────────────────────

const eligibilityRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  unitTypes: unitTypesSchema,
  attribute: z.enum(ELIGIBILITY_ATTRIBUTES),
  values: z.array(z.union([z.boolean(), z.enum(ENTERPRISE_SIZES), z.enum(SCHOOL_LEVELS)])).min(1),
  reason: localizedTextSchema,
  verified: z.boolean(),
});

const ALLOWED_VALUES: Record<EligibilityAttribute, readonly unknown[]> = {
  isArmedForces: [true, false],
  enterpriseSize: ENTERPRISE_SIZES,
  schoolLevel: SCHOOL_LEVELS,
};

const ONLY_XA = bilingual(
  'Tiêu chí này chỉ áp dụng cho cấp xã (XA)',
  'This kind of criterion applies to communes (XA) only',
);

/**
 * The zod schema of a {@link Catalogue}. Besides shapes it checks: unique criterion codes, unique checklist
 * keys and item letters, `effectiveTo` ≥ `effectiveFrom`, at least one criterion for every unit type,
 * `managed_threshold` and `composite` criteria only for `XA`, over non-XA types, composites referring to
 * existing criteria of those types that are themselves neither composite nor managed thresholds (so a
 * commune's dependencies resolve in one pass), and eligibility values that suit their attribute.
 * Use {@link parseCatalogue} to get a `DomainError` instead of zod's error.
 *
 * @example
 * ```ts
 * catalogueSchema.safeParse(TT124_2021).success; // true
 * ```
 */
export const catalogueSchema: z.ZodType<Catalogue> = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\+[a-z0-9]+(-[a-z0-9]+)*)*$/, {
      message: bilingual('Mã danh mục dạng tt124-2021', 'A catalogue id looks like tt124-2021'),
    }),
    title: localizedTextSchema,
    legalBasis: localizedTextSchema,
    effectiveFrom: isoDateSchema,
    effectiveTo: isoDateSchema.nullable(),
    extends: z.string().min(1).nullable().optional(),
    notes: localizedTextSchema.optional(),
    criteria: z.array(criterionSchema).min(1),
    eligibility: z.array(eligibilityRuleSchema),
  })
  .superRefine((catalogue, ctx) => {
    if (catalogue.effectiveTo !== null && catalogue.effectiveTo < catalogue.effectiveFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['effectiveTo'],
        message: bilingual('Ngày hết hiệu lực trước ngày có hiệu lực', 'effectiveTo is before effectiveFrom'),
      });
    }
    const byCode = new Map<string, (typeof catalogue.criteria)[number]>();
    catalogue.criteria.forEach((criterion, i) => {
      if (byCode.has(criterion.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'code'],
          message: bilingual(`Mã tiêu chí trùng: ${criterion.code}`, `Duplicate criterion code: ${criterion.code}`),
        });
      }
      byCode.set(criterion.code, criterion);
      if (new Set(criterion.unitTypes).size !== criterion.unitTypes.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'unitTypes'],
          message: bilingual('Loại đơn vị trùng', 'Duplicate unit type'),
        });
      }
      if (
        criterion.kind === 'requirement' ||
        criterion.kind === 'ratio' ||
        criterion.kind === 'rating' ||
        criterion.kind === 'parts'
      ) {
        const keys = new Set<string>();
        const lists =
          criterion.kind === 'parts'
            ? criterion.parts.map((p, k) => ({ path: ['parts', k, 'checklist'], list: p.checklist ?? [] }))
            : [{ path: ['checklist'], list: criterion.checklist }];
        for (const { path, list } of lists) {
          list.forEach((item, j) => {
            if (keys.has(item.key)) {
              ctx.addIssue({
                code: 'custom',
                path: ['criteria', i, ...path, j, 'key'],
                message: bilingual(`Khoá trùng: ${item.key}`, `Duplicate key: ${item.key}`),
              });
            }
            keys.add(item.key);
          });
        }
      }
      if (criterion.kind === 'parts' || criterion.kind === 'rating') {
        const seen = new Set<string>();
        const keys =
          criterion.kind === 'parts' ? criterion.parts.map((p) => p.letter) : criterion.levels.map((l) => l.key);
        keys.forEach((key, j) => {
          if (seen.has(key)) {
            ctx.addIssue({
              code: 'custom',
              path: ['criteria', i, criterion.kind === 'parts' ? 'parts' : 'levels', j],
              message: bilingual(`Trùng: ${key}`, `Duplicate: ${key}`),
            });
          }
          seen.add(key);
        });
      }
      if (criterion.kind === 'disqualifying') {
        const letters = new Set<string>();
        criterion.items.forEach((item, j) => {
          if (letters.has(item.letter)) {
            ctx.addIssue({
              code: 'custom',
              path: ['criteria', i, 'items', j, 'letter'],
              message: bilingual(`Điểm trùng: ${item.letter}`, `Duplicate item letter: ${item.letter}`),
            });
          }
          letters.add(item.letter);
        });
      }
      if (criterion.kind === 'managed_threshold' || criterion.kind === 'composite') {
        if (criterion.unitTypes.length !== 1 || criterion.unitTypes[0] !== 'XA') {
          ctx.addIssue({ code: 'custom', path: ['criteria', i, 'unitTypes'], message: ONLY_XA });
        }
        const over = criterion.kind === 'composite' ? criterion.overTypes : criterion.managedTypes;
        const field = criterion.kind === 'composite' ? 'overTypes' : 'managedTypes';
        if (over.includes('XA')) {
          ctx.addIssue({
            code: 'custom',
            path: ['criteria', i, field],
            message: bilingual(
              'Đơn vị do xã quản lý không gồm cấp xã',
              'The units a commune manages do not include communes',
            ),
          });
        }
      }
      if (criterion.kind === 'comparison' && new Set(criterion.metrics).size !== criterion.metrics.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'metrics'],
          message: bilingual('Chỉ số trùng', 'Duplicate metric'),
        });
      }
    });
    catalogue.criteria.forEach((criterion, i) => {
      if (criterion.kind !== 'composite') return;
      criterion.criteria.forEach((ref, j) => {
        const target = byCode.get(ref);
        const path = ['criteria', i, 'criteria', j];
        if (!target) {
          ctx.addIssue({ code: 'custom', path, message: bilingual(`Không có tiêu chí ${ref}`, `No criterion ${ref}`) });
        } else if (target.kind === 'composite' || target.kind === 'managed_threshold') {
          ctx.addIssue({
            code: 'custom',
            path,
            message: bilingual(`${ref} không thể là tiêu chí tổng hợp`, `${ref} cannot itself depend on managed units`),
          });
        } else if (!criterion.overTypes.every((t) => target.unitTypes.includes(t))) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: bilingual(
              `${ref} không áp dụng cho ${criterion.overTypes.join(', ')}`,
              `${ref} does not apply to ${criterion.overTypes.join(', ')}`,
            ),
          });
        }
      });
    });
    for (const type of UNIT_TYPES) {
      if (!catalogue.criteria.some((c) => c.unitTypes.includes(type))) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria'],
          message: bilingual(`Không có tiêu chí nào cho loại ${type}`, `No criterion for unit type ${type}`),
        });
      }
    }
    const ruleIds = new Set<string>();
    catalogue.eligibility.forEach((rule, i) => {
      if (ruleIds.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['eligibility', i, 'id'],
          message: bilingual(`Mã quy tắc trùng: ${rule.id}`, `Duplicate rule id: ${rule.id}`),
        });
      }
      ruleIds.add(rule.id);
      rule.values.forEach((value, j) => {
        if (!ALLOWED_VALUES[rule.attribute].includes(value)) {
          ctx.addIssue({
            code: 'custom',
            path: ['eligibility', i, 'values', j],
            message: bilingual(
              `Giá trị ${String(value)} không hợp với thuộc tính ${rule.attribute}`,
              `Value ${String(value)} does not suit attribute ${rule.attribute}`,
            ),
          });
        }
      });
    });
  });
