import { z } from 'zod';
import { AREA_KIND_LABELS } from './area-labels.js';
import type { LocalizedText } from './errors.js';
import { formatDate, isIsoDate } from './periods/dates.js';
import {
  communeUnitName,
  REORGANISATION_KINDS,
  REORGANISATION_KIND_LABELS,
  successorCode,
  type ReorganisationKind,
} from './reorganisation-terms.js';
import { AREA_KIND_LEVEL, AREA_KINDS, type Area, type AreaKind, type Unit } from './units.js';

// A reorganisation of the administrative tree (issue 15), as the 2025 reform did it: communes merged, split,
// renamed or moved under another parent, on an effective date and by a legal act. The past never moves, so
// nothing is rewritten: the areas that change end on the effective date (valid_to, exclusive) and their
// successors begin on it, with the lineage between them; each unit of an ended area ends too and a successor
// unit (same name, type and attributes) begins in the new area, linked to it. Every year before the effective
// date keeps its tree, its units and its figures; from the year the date falls in (units count when they exist
// on 31 December), the new tree counts. `planReorganisation` is pure: it checks the request against the tree and
// says every area and unit it touches; the API applies the plan in one audited transaction.

const isoDate = z.string().refine(isIsoDate, { message: 'Ngày không hợp lệ (yyyy-mm-dd) / Invalid date (yyyy-mm-dd)' });

/**
 * The request: which areas end, which begin, when and by which act. Validated at the API's edge.
 *
 * @example
 * ```ts
 * reorganisationInputSchema.parse({
 *   kind: 'rename', effectiveDate: '2025-07-01', legalBasis: { number: '1680/NQ-UBTVQH15', date: '2025-06-16' },
 *   predecessorIds: [12], successors: [{ code: 'QB-BD-QT2', name: 'Quảng Thủy', kind: 'xa', parentId: 1 }],
 * });
 * ```
 */
export const reorganisationInputSchema = z
  .object({
    kind: z.enum(REORGANISATION_KINDS),
    effectiveDate: isoDate,
    legalBasis: z.object({ number: z.string().trim().min(1).max(200), date: isoDate }).strict(),
    /** The areas that end (none when establishing). */
    predecessorIds: z.array(z.number().int().positive()).max(50),
    successors: z
      .array(
        z
          .object({
            code: z
              .string()
              .trim()
              .min(1)
              .max(50)
              .regex(/^[A-Za-z0-9._-]+$/),
            name: z.string().trim().min(1).max(200),
            kind: z.enum(AREA_KINDS as [AreaKind, ...AreaKind[]]),
            parentId: z.number().int().positive().nullable(),
          })
          .strict(),
      )
      .max(50),
    /** A split: the successor (its index) of each unit, by unit id; a unit not listed goes to the first. */
    unitAssignments: z.record(z.string().regex(/^\d+$/), z.number().int().min(0)).optional(),
    /** A dissolution: the area of the same level, living that day, that takes the dissolved one over. */
    intoId: z.number().int().positive().optional(),
  })
  .strict();

/** A reorganisation request (see {@link reorganisationInputSchema}). @example `const r: ReorganisationInput = reorganisationInputSchema.parse(body);` */
export type ReorganisationInput = z.infer<typeof reorganisationInputSchema>;

/**
 * What the planner reads: the areas, the units of the areas that end, and the codes already taken.
 *
 * @example
 * ```ts
 * const context: ReorganisationContext = { areas, units, areaCodes: new Set(['QB']), unitCodes: new Set() };
 * ```
 */
export interface ReorganisationContext {
  areas: readonly Area[];
  /** Every unit attached to one of the predecessor areas (whatever their dates). */
  units: readonly (Unit & { validFrom: string; validTo: string | null })[];
  areaCodes: ReadonlySet<string>;
  unitCodes: ReadonlySet<string>;
}

/**
 * A unit that begins in a new area on the effective date: the successor of `from` (whose type and eligibility
 * attributes it takes), or a new commune's own unit (`from` empty: the commune units it succeeds are in
 * `unitLineage`).
 *
 * @example
 * ```ts
 * const village: PlannedUnit = { code: 'KDC-QB-BD-QTV-7', name: 'Thôn Văn Phú', type: 'KDC', areaCode: 'QB-BD-QTV', managingLevel: 'commune', from: 41 };
 * ```
 */
export interface PlannedUnit {
  code: string;
  name: string;
  type: Unit['type'];
  areaCode: string;
  managingLevel: Unit['managingLevel'];
  /** The unit whose attributes it takes over (null for a new commune unit). */
  from: number | null;
}

/**
 * The part of a request a reason of {@link planReorganisation} is about: the former areas, the successors (their
 * number or codes), a successor's kind, a successor's parent.
 *
 * @example
 * ```ts
 * const f: ReorganisationErrorField = 'predecessors';
 * ```
 */
export type ReorganisationErrorField = 'predecessors' | 'successors' | 'successorKind' | 'parent' | 'into';

/**
 * What a reorganisation writes; `errors` empty when it can be applied.
 *
 * @example
 * ```ts
 * const plan: ReorganisationPlan = planReorganisation(input, context);
 * if (plan.errors.length === 0) plan.newUnits.length; // units that begin in the new areas
 * ```
 */
export interface ReorganisationPlan {
  /** Each reason with the part of the request it is about (an import reports it against that column). */
  errors: (LocalizedText & { field: ReorganisationErrorField })[];
  effectiveDate: string;
  /** The legal basis as the lineage and the audit record say it. */
  note: string;
  endAreas: Area[];
  newAreas: { code: string; name: string; kind: AreaKind; level: Area['level']; parentId: number | null }[];
  /**
   * Predecessor area id → successor area code, with the event the lineage records; `successorId` when the
   * successor already exists (a dissolution into another area), else the successor is one of `newAreas`.
   */
  lineage: {
    predecessorId: number;
    successorCode: string;
    successorId?: number;
    event: 'merge' | 'split' | 'rename';
  }[];
  /** The units that end on the effective date. */
  endUnits: { id: number; code: string; name: string; areaId: number }[];
  newUnits: PlannedUnit[];
  /** Predecessor unit id → successor unit code. */
  unitLineage: { predecessorId: number; successorCode: string }[];
}

/**
 * The plan of a reorganisation, or the reasons it cannot be done, in both languages. Checks: the predecessors
 * exist on the effective date and share one level (merge: two or more; otherwise one); the successors' number
 * (merge, rename, move: one; split: two or more; establish: one or more; dissolve: none), codes (new, distinct), kinds (the predecessors' level) and parents (existing that day, one level up or
 * the province; none for a province); an area to end has no areas below it that day (move those first); a
 * dissolved area has no units that day; the area a dissolved one goes into (`intoId`) lives that day, is of its
 * level and is not itself (the lineage, event `merge`, links them). Unit codes of the
 * successors replace the old area's code inside the unit code (`KDC-QB-BD-QTHUY-3` → `KDC-QB-BD-MOI-3`), else
 * add the new area's code, with `-2`, `-3` … where two would collide. A commune's own unit (`XA`) ends with it;
 * each new commune gets one (`XA-<code>`), managed at the level its predecessors' were.
 *
 * @example
 * ```ts
 * const plan = planReorganisation(
 *   { kind: 'merge', effectiveDate: '2025-07-01', legalBasis: { number: '1680/NQ-UBTVQH15', date: '2025-06-16' },
 *     predecessorIds: [11, 12], successors: [{ code: 'QB-BD-MOI', name: 'Quảng Mới', kind: 'xa', parentId: 1 }] },
 *   context,
 * );
 * plan.errors;   // []
 * plan.endUnits; // every unit of communes 11 and 12 on 1 July 2025
 * plan.newUnits; // their successors in Quảng Mới, and one commune unit XA-QB-BD-MOI
 * ```
 */
export function planReorganisation(input: ReorganisationInput, context: ReorganisationContext): ReorganisationPlan {
  const errors: ReorganisationPlan['errors'] = [];
  const fail = (vi: string, en: string, field: ReorganisationErrorField = 'predecessors') =>
    errors.push({ vi, en, field });
  const date = input.effectiveDate;
  const on = (a: Area) => a.validFrom <= date && (a.validTo === null || a.validTo > date);
  const byId = new Map(context.areas.map((a) => [a.id, a]));
  const label = (a: Pick<Area, 'name' | 'kind'>) => `${AREA_KIND_LABELS[a.kind].vi} ${a.name}`;
  const plan: ReorganisationPlan = {
    errors,
    effectiveDate: date,
    note: `${input.legalBasis.number} ngày ${formatDate(input.legalBasis.date, 'vi')}`,
    endAreas: [],
    newAreas: [],
    lineage: [],
    endUnits: [],
    newUnits: [],
    unitLineage: [],
  };

  const predecessors: Area[] = [];
  for (const id of new Set(input.predecessorIds)) {
    const area = byId.get(id);
    if (!area) fail(`Không có địa bàn mã số ${id}.`, `No area with id ${id}.`);
    else if (!on(area))
      fail(
        `${label(area)} không còn hiệu lực ngày ${formatDate(date, 'vi')}.`,
        `${area.name} does not exist on ${date}.`,
      );
    else if (area.validTo !== null)
      // an area that already ended (a later reorganisation took it) is not rewritten by an earlier one
      fail(
        `${label(area)} đã kết thúc ngày ${formatDate(area.validTo, 'vi')}: không sắp xếp lại được.`,
        `${area.name} already ended on ${area.validTo}: it cannot be reorganised again.`,
      );
    else predecessors.push(area);
  }
  const counts: Record<ReorganisationKind, [number, number, number, number]> = {
    // [min predecessors, max predecessors, min successors, max successors]
    merge: [2, 50, 1, 1],
    split: [1, 1, 2, 50],
    rename: [1, 1, 1, 1],
    move: [1, 1, 1, 1],
    dissolve: [1, 1, 0, 0],
    establish: [0, 0, 1, 50],
  };
  const [minP, maxP, minS, maxS] = counts[input.kind];
  const kindLabel = REORGANISATION_KIND_LABELS[input.kind];
  if (maxP === 0 && input.predecessorIds.length > 0)
    fail(
      `${kindLabel.vi}: không có địa bàn cũ, bỏ chọn các địa bàn cũ (muốn thay địa bàn cũ thì dùng sáp nhập, chia tách hoặc đổi tên).`,
      `${kindLabel.en}: there is no former area; leave the former areas empty (to replace one, merge, split or rename).`,
    );
  else if (input.predecessorIds.length < minP || input.predecessorIds.length > maxP)
    fail(
      `${kindLabel.vi}: cần ${minP === maxP ? minP : `từ ${minP}`} địa bàn cũ.`,
      `${kindLabel.en}: needs ${minP === maxP ? minP : `at least ${minP}`} former area(s).`,
    );
  if (input.successors.length < minS || input.successors.length > maxS)
    fail(
      `${kindLabel.vi}: cần ${minS === maxS ? minS : `từ ${minS}`} địa bàn mới.`,
      `${kindLabel.en}: needs ${minS === maxS ? minS : `at least ${minS}`} new area(s).`,
      'successors',
    );
  const levels = new Set(predecessors.map((a) => a.level));
  if (levels.size > 1) fail('Các địa bàn cũ phải cùng một cấp.', 'The former areas must be of one level.');
  const level = predecessors[0]?.level;
  if (input.intoId !== undefined) {
    const into = byId.get(input.intoId);
    const area = predecessors[0];
    if (input.kind !== 'dissolve')
      fail(
        `${kindLabel.vi}: chỉ khi giải thể mới chọn địa bàn tiếp nhận.`,
        `${kindLabel.en}: only a dissolution takes an area to go into.`,
        'into',
      );
    else if (!into) fail(`Không có địa bàn mã số ${input.intoId}.`, `No area with id ${input.intoId}.`, 'into');
    else if (input.predecessorIds.includes(into.id))
      fail(
        `${label(into)} không thể giải thể vào chính nó: chọn địa bàn khác tiếp nhận.`,
        `${into.name} cannot be dissolved into itself: choose another area to take it over.`,
        'into',
      );
    else if (!on(into))
      fail(
        `${label(into)} không có hiệu lực ngày ${formatDate(date, 'vi')}: không tiếp nhận được (thành lập địa bàn đó trước).`,
        `${into.name} does not exist on ${date}: it cannot take the area over (establish it first).`,
        'into',
      );
    else if (area && into.level !== area.level)
      fail(
        `${label(into)} không cùng cấp với ${label(area)}: chỉ giải thể vào địa bàn cùng cấp.`,
        `${into.name} is not of the level of ${area.name}: an area is dissolved into one of its own level.`,
        'into',
      );
  }
  for (const area of predecessors) {
    const below = context.areas.filter((c) => c.parentId === area.id && on(c));
    if (below.length > 0)
      fail(
        `${label(area)} còn ${below.length} địa bàn trực thuộc ngày ${formatDate(date, 'vi')} (${below.map(label).join(', ')}): chuyển các địa bàn đó trước.`,
        `${area.name} still has ${below.length} area(s) below it on ${date}: move them first.`,
      );
  }

  const seenCodes = new Set<string>();
  for (const s of input.successors) {
    if (context.areaCodes.has(s.code) || seenCodes.has(s.code))
      fail(`Mã địa bàn "${s.code}" đã có.`, `The area code "${s.code}" is taken.`, 'successors');
    seenCodes.add(s.code);
    // establishing: each new area's own kind says its level
    const sLevel = level ?? AREA_KIND_LEVEL[s.kind];
    if (level !== undefined && AREA_KIND_LEVEL[s.kind] !== level)
      fail(
        `"${s.name}": loại ${AREA_KIND_LABELS[s.kind].vi} không cùng cấp với địa bàn cũ.`,
        `"${s.name}": the kind ${AREA_KIND_LABELS[s.kind].en} is not of the former areas' level.`,
        'successorKind',
      );
    const parent = s.parentId === null ? undefined : byId.get(s.parentId);
    if (
      sLevel === 'province'
        ? s.parentId !== null
        : !parent || !on(parent) || parent.level === 'commune' || parent.level === sLevel
    )
      fail(
        `"${s.name}": địa bàn cấp trên không hợp lệ ngày ${formatDate(date, 'vi')}.`,
        `"${s.name}": the parent area is not valid on ${date}.`,
        'parent',
      );
  }

  const living = context.units.filter((u) => u.validFrom <= date && (u.validTo === null || u.validTo > date));
  if (input.kind === 'dissolve') {
    for (const area of predecessors) {
      const left = living.filter((u) => u.areaId === area.id);
      if (left.length > 0)
        fail(
          `${label(area)} còn ${left.length} đơn vị ngày ${formatDate(date, 'vi')}: chuyển các đơn vị đó trước.`,
          `${area.name} still has ${left.length} unit(s) on ${date}: move them first.`,
        );
    }
  }
  if (errors.length > 0) return plan;

  plan.endAreas = predecessors;
  plan.newAreas = input.successors.map((s) => ({ ...s, level: AREA_KIND_LEVEL[s.kind] }));
  const event = input.kind === 'merge' ? 'merge' : input.kind === 'split' ? 'split' : 'rename';
  for (const p of predecessors)
    for (const s of input.successors) plan.lineage.push({ predecessorId: p.id, successorCode: s.code, event });
  const into = input.intoId === undefined ? undefined : byId.get(input.intoId);
  if (into)
    for (const p of predecessors)
      plan.lineage.push({ predecessorId: p.id, successorCode: into.code, successorId: into.id, event: 'merge' });

  const taken = new Set(context.unitCodes);
  const fresh = (base: string) => {
    let code = base;
    for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
    taken.add(code);
    return code;
  };
  const communeUnits = new Map<string, string>(); // successor area code → its commune unit's code
  const numbering = new Map<string, number>(); // `KDC-<new area>-` → the last number given
  for (const area of predecessors) {
    for (const unit of living.filter((u) => u.areaId === area.id)) {
      plan.endUnits.push({ id: unit.id, code: unit.code, name: unit.name, areaId: unit.areaId });
      if (unit.type === 'XA') {
        // one commune unit per new commune, managed where its predecessors were; each old one links to it
        for (const s of input.kind === 'split' ? input.successors : input.successors.slice(0, 1)) {
          let code = communeUnits.get(s.code);
          if (code === undefined) {
            code = fresh(`XA-${s.code}`);
            communeUnits.set(s.code, code);
            plan.newUnits.push({
              code,
              name: communeUnitName(s.kind, s.name),
              type: 'XA',
              areaCode: s.code,
              managingLevel: unit.managingLevel,
              from: null,
            });
          }
          plan.unitLineage.push({ predecessorId: unit.id, successorCode: code });
        }
        continue;
      }
      const index = input.unitAssignments?.[String(unit.id)] ?? 0;
      const to = input.successors[Math.min(index, input.successors.length - 1)];
      if (!to) throw new Error('planReorganisation: an area that changes has no successor');
      const code = fresh(successorCode(unit.code, area.code, to.code, date, numbering, context.unitCodes));
      plan.newUnits.push({
        code,
        name: unit.name,
        type: unit.type,
        areaCode: to.code,
        managingLevel: unit.managingLevel,
        from: unit.id,
      });
      plan.unitLineage.push({ predecessorId: unit.id, successorCode: code });
    }
  }
  return plan;
}
