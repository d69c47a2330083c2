// The movement's figures of a year: its models (operating, new, by category), its awards (by kind, issuer
// and recipient) and the distribution of the 100-point grades.
import { GRADES, type Grade } from '../grading/grading.schema.js';
import { isModelOperating } from '../movement/movement-model.js';
import { AWARD_KINDS, type AwardKind, type AwardRecord, type MovementModelRecord } from '../records.schema.js';
import { assertIsoDate, assertYear, isoDate } from '../periods/dates.js';
import { UNIT_TYPES, type UnitType } from '../units.js';

// ── Models ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * What model statistics read of a movement model (a stored `MovementModelRecord` fits).
 *
 * @example
 * ```ts
 * const m: ModelFigures = { category: 'tu-quan', startedOn: '2021-03-26', stoppedOn: null, sites: 3, teams: 3, isAdvancedExample: false };
 * ```
 */
export type ModelFigures = Pick<
  MovementModelRecord,
  'category' | 'startedOn' | 'stoppedOn' | 'sites' | 'teams' | 'isAdvancedExample'
>;

/**
 * Movement-model figures on a date (`asOf`): models operating, started in the year up to that date, stopped in
 * the year, sites and teams of the operating ones, advanced examples among them, and the same per category
 * (sorted by category).
 *
 * @example
 * ```ts
 * const m: ModelStatistics = computeModelStatistics(models, 2021);
 * m.operating; // 21
 * m.newInYear; // 4
 * ```
 */
export interface ModelStatistics {
  asOf: string;
  operating: number;
  newInYear: number;
  stoppedInYear: number;
  sites: number;
  teams: number;
  advancedExamples: number;
  byCategory: { category: string; operating: number; newInYear: number; sites: number; teams: number }[];
}

/**
 * Computes {@link ModelStatistics} for a year, on `asOf` (default 31 December of the year; pass a quarter's
 * end to freeze a snapshot). "New in the year" = started between 1 January and `asOf`.
 *
 * @example
 * ```ts
 * computeModelStatistics(models, 2021).operating;               // on 2021-12-31
 * computeModelStatistics(models, 2022, '2022-03-14').newInYear; // Q1 2022 snapshot
 * ```
 */
export function computeModelStatistics(models: readonly ModelFigures[], year: number, asOf?: string): ModelStatistics {
  assertYear(year);
  const date = asOf === undefined ? isoDate(year, 12, 31) : assertIsoDate(asOf, 'asOf');
  const yearStart = isoDate(year, 1, 1);
  const out: ModelStatistics = {
    asOf: date,
    operating: 0,
    newInYear: 0,
    stoppedInYear: 0,
    sites: 0,
    teams: 0,
    advancedExamples: 0,
    byCategory: [],
  };
  const categories = new Map<string, ModelStatistics['byCategory'][number]>();
  for (const model of models) {
    let cat = categories.get(model.category);
    if (!cat)
      categories.set(
        model.category,
        (cat = { category: model.category, operating: 0, newInYear: 0, sites: 0, teams: 0 }),
      );
    const isNew = model.startedOn >= yearStart && model.startedOn <= date;
    if (isNew) {
      out.newInYear++;
      cat.newInYear++;
    }
    if (model.stoppedOn !== null && model.stoppedOn >= yearStart && model.stoppedOn <= date) out.stoppedInYear++;
    if (!isModelOperating(model, date)) continue;
    out.operating++;
    out.sites += model.sites;
    out.teams += model.teams;
    if (model.isAdvancedExample) out.advancedExamples++;
    cat.operating++;
    cat.sites += model.sites;
    cat.teams += model.teams;
  }
  out.byCategory = [...categories.values()].sort((a, b) =>
    a.category < b.category ? -1 : a.category > b.category ? 1 : 0,
  );
  return out;
}

// ── Awards ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Award figures for a year: total, collective / individual, per kind, and per issuer (most awards first,
 * then by issuer name) with its kinds.
 *
 * @example
 * ```ts
 * const a: AwardStatistics = computeAwardStatistics(awards, 2021);
 * a.byIssuer[0]; // { issuer: 'Giám đốc Công an tỉnh Quảng Bình', total: 3, byKind: { giay_khen: 3, bang_khen: 0 } }
 * ```
 */
export interface AwardStatistics {
  total: number;
  collective: number;
  individual: number;
  byKind: Record<AwardKind, number>;
  byIssuer: { issuer: string; total: number; byKind: Record<AwardKind, number> }[];
}

function zeroKinds(): Record<AwardKind, number> {
  return Object.fromEntries(AWARD_KINDS.map((k) => [k, 0])) as Record<AwardKind, number>;
}

/**
 * Counts the awards of a year by kind, recipient kind and issuer (awards of other years are ignored).
 *
 * @example
 * ```ts
 * computeAwardStatistics(awards, 2021).byKind.giay_khen; // 5
 * ```
 */
export function computeAwardStatistics(
  awards: readonly Pick<AwardRecord, 'kind' | 'recipientKind' | 'issuer' | 'year'>[],
  year: number,
): AwardStatistics {
  const out: AwardStatistics = { total: 0, collective: 0, individual: 0, byKind: zeroKinds(), byIssuer: [] };
  const issuers = new Map<string, AwardStatistics['byIssuer'][number]>();
  for (const award of awards) {
    if (award.year !== year) continue;
    out.total++;
    if (award.recipientKind === 'collective') out.collective++;
    else out.individual++;
    out.byKind[award.kind]++;
    const key = award.issuer.trim();
    let issuer = issuers.get(key);
    if (!issuer) issuers.set(key, (issuer = { issuer: key, total: 0, byKind: zeroKinds() }));
    issuer.total++;
    issuer.byKind[award.kind]++;
  }
  out.byIssuer = [...issuers.values()].sort(
    (a, b) => b.total - a.total || (a.issuer < b.issuer ? -1 : a.issuer > b.issuer ? 1 : 0),
  );
  return out;
}

// ── Grades ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * How many sheets got each grade, per unit type and over all.
 *
 * @example
 * ```ts
 * const d: GradeDistribution = computeGradeDistribution(grades);
 * d.all.XUAT_SAC; // 12
 * ```
 */
export interface GradeDistribution {
  total: number;
  all: Record<Grade, number>;
  byType: Record<UnitType, Record<Grade, number>>;
}

function zeroGrades(): Record<Grade, number> {
  return Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
}

/**
 * Counts grades per unit type and over all.
 *
 * @example
 * ```ts
 * computeGradeDistribution([{ unitType: 'KDC', grade: 'KHA' }, { unitType: 'XA', grade: 'KHA' }]).all.KHA; // 2
 * ```
 */
export function computeGradeDistribution(grades: readonly { unitType: UnitType; grade: Grade }[]): GradeDistribution {
  const byType = Object.fromEntries(UNIT_TYPES.map((t) => [t, zeroGrades()])) as Record<
    UnitType,
    Record<Grade, number>
  >;
  const all = zeroGrades();
  for (const g of grades) {
    byType[g.unitType][g.grade]++;
    all[g.grade]++;
  }
  return { total: grades.length, all, byType };
}
