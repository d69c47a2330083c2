import { DomainError, type LocalizedText } from '../errors.js';
import { assertYear, isoDate } from '../periods/dates.js';
import type { UnitType } from '../units.js';
import { invalidInputError } from '../zod-error.js';
import {
  catalogueSchema,
  type Catalogue,
  type Criterion,
  type EligibilityRule,
  type IncidentException,
} from './catalogue.schema.js';
import { TT124_2021 } from './tt124-2021.catalogue.js';
import { TT23_2012 } from './tt23-2012.catalogue.js';

/**
 * Validates an unknown value (e.g. JSON from a file or a database) as a {@link Catalogue}. A malformed
 * catalogue throws `DomainError('INVALID')` whose message names each problem's path and what is wrong
 * (`criteria.3.minimum: …`); the field errors are in `cause`.
 *
 * @example
 * ```ts
 * const catalogue = parseCatalogue(JSON.parse(text));
 * parseCatalogue({ ...TT124_2021, effectiveFrom: '10/02/2022' });
 * // DomainError INVALID: "Invalid catalogue tt124-2021: effectiveFrom: Date must be YYYY-MM-DD"
 * ```
 */
export function parseCatalogue(value: unknown): Catalogue {
  const result = catalogueSchema.safeParse(value);
  if (result.success) return result.data;
  const id =
    typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
      ? ` ${(value as { id: string }).id}`
      : '';
  throw invalidInputError({ vi: `Danh mục tiêu chí${id}`, en: `catalogue${id}` }, result.error.issues);
}

/**
 * What a province adds to a base catalogue: its own criteria (new codes only, e.g. `QB-KDC-6`), possibly
 * more eligibility rules, its legal basis, and optionally its own dates (default: the base's).
 *
 * @example
 * ```ts
 * const quangBinh: CatalogueExtension = {
 *   id: 'tt124-2021+quang-binh',
 *   legalBasis: { vi: 'Quyết định …/QĐ-UBND tỉnh Quảng Bình', en: 'Decision …/QĐ-UBND of Quảng Bình province' },
 *   criteria: [{ code: 'QB-KDC-6', kind: 'requirement', unitTypes: ['KDC'], … }],
 * };
 * ```
 */
export interface CatalogueExtension {
  id: string;
  title?: LocalizedText;
  legalBasis: LocalizedText;
  effectiveFrom?: string;
  effectiveTo?: string | null;
  notes?: LocalizedText;
  criteria?: readonly Criterion[];
  eligibility?: readonly EligibilityRule[];
}

/**
 * Extends a catalogue with a province's own criteria without copying it: the result keeps every criterion
 * and rule of `base` and adds the extension's, under the extension's id, with `extends: base.id`. A province
 * may only **add**: a code or rule id that already exists throws `DomainError('INVALID')`, as does anything
 * {@link parseCatalogue} refuses.
 *
 * @example
 * ```ts
 * const qb = extendCatalogue(TT124_2021, {
 *   id: 'tt124-2021+quang-binh',
 *   legalBasis: { vi: 'Quyết định của UBND tỉnh Quảng Bình', en: "Decision of Quảng Bình's People's Committee" },
 *   criteria: [{
 *     code: 'QB-KDC-6', kind: 'requirement', unitTypes: ['KDC'], verified: true,
 *     title: { vi: 'Không có pháo nổ dịp Tết', en: 'No firecrackers at Tết' },
 *     explanation: { vi: 'Không có vụ đốt pháo nổ trong dịp Tết', en: 'No firecracker incident during Tết' },
 *     checklist: [{ key: 'no-firecrackers', verified: true, text: { vi: 'Không có pháo nổ', en: 'No firecrackers' } }],
 *   }],
 * });
 * qb.criteria.length; // TT124_2021.criteria.length + 1
 * ```
 */
export function extendCatalogue(base: Catalogue, extension: CatalogueExtension): Catalogue {
  const codes = new Set(base.criteria.map((c) => c.code));
  for (const [i, criterion] of (extension.criteria ?? []).entries()) {
    if (codes.has(criterion.code)) {
      throw new DomainError('INVALID', {
        vi: `Phần mở rộng ${extension.id}: criteria.${i}.code: tiêu chí ${criterion.code} đã có trong ${base.id}; tỉnh chỉ được bổ sung tiêu chí mới`,
        en: `Extension ${extension.id}: criteria.${i}.code: criterion ${criterion.code} already exists in ${base.id}; a province may only add new criteria`,
      });
    }
  }
  const ruleIds = new Set(base.eligibility.map((r) => r.id));
  for (const [i, rule] of (extension.eligibility ?? []).entries()) {
    if (ruleIds.has(rule.id)) {
      throw new DomainError('INVALID', {
        vi: `Phần mở rộng ${extension.id}: eligibility.${i}.id: quy tắc ${rule.id} đã có trong ${base.id}`,
        en: `Extension ${extension.id}: eligibility.${i}.id: rule ${rule.id} already exists in ${base.id}`,
      });
    }
  }
  const merged: Catalogue = {
    id: extension.id,
    title: extension.title ?? base.title,
    legalBasis: {
      vi: `${base.legalBasis.vi}; ${extension.legalBasis.vi}`,
      en: `${base.legalBasis.en}; ${extension.legalBasis.en}`,
    },
    effectiveFrom: extension.effectiveFrom ?? base.effectiveFrom,
    effectiveTo: extension.effectiveTo === undefined ? base.effectiveTo : extension.effectiveTo,
    extends: base.id,
    criteria: [...base.criteria, ...(extension.criteria ?? [])],
    eligibility: [...base.eligibility, ...(extension.eligibility ?? [])],
  };
  const notes = extension.notes ?? base.notes;
  if (notes) merged.notes = notes;
  return parseCatalogue(merged);
}

/**
 * The catalogues shipped with the library, oldest first: `tt23-2012` (years ≤ 2021) and `tt124-2021`.
 *
 * @example
 * ```ts
 * BUILTIN_CATALOGUES.map((c) => c.id); // ['tt23-2012', 'tt124-2021']
 * ```
 */
export const BUILTIN_CATALOGUES: readonly Catalogue[] = [TT23_2012, TT124_2021];

/**
 * Finds a catalogue by id, or `undefined`.
 *
 * @example
 * ```ts
 * findCatalogue('tt124-2021')?.effectiveFrom; // '2022-02-10'
 * findCatalogue('nope'); // undefined
 * ```
 */
export function findCatalogue(
  id: string,
  catalogues: readonly Catalogue[] = BUILTIN_CATALOGUES,
): Catalogue | undefined {
  return catalogues.find((c) => c.id === id);
}

/**
 * Gets a catalogue by id; throws `DomainError('NOT_FOUND')` when there is none.
 *
 * @example
 * ```ts
 * getCatalogue('tt23-2012').effectiveTo; // '2022-02-09'
 * ```
 */
export function getCatalogue(id: string, catalogues: readonly Catalogue[] = BUILTIN_CATALOGUES): Catalogue {
  const catalogue = findCatalogue(id, catalogues);
  if (!catalogue) {
    throw new DomainError('NOT_FOUND', { vi: `Không có danh mục tiêu chí ${id}`, en: `No catalogue ${id}` });
  }
  return catalogue;
}

/**
 * The date that decides which catalogue governs a year: 15 November of the year, the day the year's last
 * evaluation window closes (so a year is judged by the rule in force at the end of its evaluation period).
 *
 * @example
 * ```ts
 * catalogueReferenceDate(2021); // '2021-11-15'
 * ```
 */
export function catalogueReferenceDate(year: number): string {
  assertYear(year);
  return isoDate(year, 11, 15);
}

/**
 * Finds the catalogue in force for an assessment year (on {@link catalogueReferenceDate}), or `undefined`.
 * When several are in force (a base and a province's extension), the one with the latest `effectiveFrom`
 * wins, and among equals the one listed last: pass `[...BUILTIN_CATALOGUES, myExtension]`.
 *
 * @example
 * ```ts
 * findCatalogueForYear(2021)?.id; // 'tt23-2012'
 * findCatalogueForYear(2022)?.id; // 'tt124-2021'
 * findCatalogueForYear(2010);     // undefined
 * ```
 */
export function findCatalogueForYear(
  year: number,
  catalogues: readonly Catalogue[] = BUILTIN_CATALOGUES,
): Catalogue | undefined {
  const date = catalogueReferenceDate(year);
  let best: Catalogue | undefined;
  for (const c of catalogues) {
    if (c.effectiveFrom > date || (c.effectiveTo !== null && c.effectiveTo < date)) continue;
    if (!best || c.effectiveFrom >= best.effectiveFrom) best = c;
  }
  return best;
}

/**
 * Gets the catalogue in force for an assessment year (see {@link findCatalogueForYear}); throws
 * `DomainError('NOT_FOUND')` when none is.
 *
 * @example
 * ```ts
 * getCatalogueForYear(2024).id; // 'tt124-2021'
 * ```
 */
export function getCatalogueForYear(year: number, catalogues: readonly Catalogue[] = BUILTIN_CATALOGUES): Catalogue {
  const catalogue = findCatalogueForYear(year, catalogues);
  if (!catalogue) {
    throw new DomainError('NOT_FOUND', {
      vi: `Không có danh mục tiêu chí nào có hiệu lực cho năm ${year}`,
      en: `No catalogue is in force for the year ${year}`,
    });
  }
  return catalogue;
}

/**
 * The criteria of a catalogue that apply to a unit type, in catalogue order (a new list each call; the
 * recognition engine keeps one per evaluation).
 *
 * @example
 * ```ts
 * criteriaForType(TT124_2021, 'XA').map((c) => c.code); // ['XA-1', 'XA-2', 'XA-3', 'XA-4']
 * ```
 */
export function criteriaForType(catalogue: Catalogue, type: UnitType): readonly Criterion[] {
  return catalogue.criteria.filter((c) => c.unitTypes.includes(type));
}

/**
 * Finds a criterion of a catalogue by code, or `undefined`.
 *
 * @example
 * ```ts
 * findCriterion(TT124_2021, 'KDC-4')?.kind; // 'comparison'
 * ```
 */
export function findCriterion(catalogue: Catalogue, code: string): Criterion | undefined {
  return catalogue.criteria.find((c) => c.code === code);
}

/**
 * One thing in a catalogue whose wording or parameters could not be confirmed.
 *
 * @example
 * ```ts
 * const u: UnverifiedItem = { path: 'KDC-4', text: { vi: '…', en: '…' } };
 * ```
 */
export interface UnverifiedItem {
  /** The criterion code, with `/key` (checklist) or `/letter` (disqualifying item), or `eligibility/<id>`. */
  path: string;
  text: LocalizedText;
}

/**
 * Lists everything of a catalogue marked `verified: false`: criteria (with their `note`, what is missing,
 * when they have one), their checklist items, lettered items and parts, and eligibility rules, so a report
 * can say what still needs checking.
 *
 * @example
 * ```ts
 * listUnverifiedItems(TT124_2021).map((u) => u.path);
 * // ['KDC-3', 'KDC-4', 'KDC-5', 'KDC-5/forces', 'KDC-5/models', 'CQDN-3', 'CQDN-3/a', …]
 * ```
 */
export function listUnverifiedItems(catalogue: Catalogue): UnverifiedItem[] {
  const out: UnverifiedItem[] = [];
  for (const c of catalogue.criteria) {
    if (!c.verified) out.push({ path: c.code, text: c.note ?? c.title });
    if (c.kind === 'requirement' || c.kind === 'ratio' || c.kind === 'rating') {
      for (const item of c.checklist) if (!item.verified) out.push({ path: `${c.code}/${item.key}`, text: item.text });
    }
    if (c.kind === 'disqualifying') {
      for (const item of c.items) if (!item.verified) out.push({ path: `${c.code}/${item.letter}`, text: item.text });
    }
    if (c.kind === 'parts') {
      for (const part of c.parts) {
        if (!part.verified) out.push({ path: `${c.code}/${part.letter}`, text: part.text });
        for (const item of part.checklist ?? [])
          if (!item.verified) out.push({ path: `${c.code}/${part.letter}/${item.key}`, text: item.text });
      }
    }
  }
  for (const rule of catalogue.eligibility) {
    if (!rule.verified) out.push({ path: `eligibility/${rule.id}`, text: rule.reason });
  }
  return out;
}

/**
 * What an incident may name under a criterion: a lettered item of a disqualifying list, or a part of a
 * criterion with parts that reads incidents (KDC-4 b, c, d; XA-3 b), with the exceptions it admits.
 *
 * @example
 * ```ts
 * const t: IncidentTarget = { letter: 'b', text: { vi: '…', en: '…' }, exceptions: ['handled_promptly', 'force_majeure'] };
 * ```
 */
export interface IncidentTarget {
  letter: string;
  text: LocalizedText;
  exceptions: readonly IncidentException[];
}

/**
 * The items an incident may name under a criterion, or `undefined` when incidents do not count against it
 * (an empty list: a disqualifying criterion without lettered items, any incident fails it).
 *
 * @example
 * ```ts
 * incidentTargets(findCriterion(TT124_2021, 'KDC-4')!)?.map((t) => t.letter); // ['b', 'c', 'd']
 * incidentTargets(findCriterion(TT124_2021, 'KDC-2')!); // undefined
 * ```
 */
export function incidentTargets(criterion: Criterion): readonly IncidentTarget[] | undefined {
  if (criterion.kind === 'disqualifying') {
    return criterion.items.map((i) => ({ letter: i.letter, text: i.text, exceptions: i.exceptions ?? [] }));
  }
  if (criterion.kind === 'parts') {
    const targets = criterion.parts.flatMap((p) =>
      p.incidents ? [{ letter: p.letter, text: p.text, exceptions: p.incidents.exceptions }] : [],
    );
    return targets.length > 0 ? targets : undefined;
  }
  return undefined;
}
