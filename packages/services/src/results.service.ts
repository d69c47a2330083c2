import {
  ENGINE_VERSION,
  evaluateArea,
  getSheetTemplate,
  gradeSheet,
  incidentsInWindow,
  isManagedByCommune,
  isReportOnTime,
  lockedFilesError,
  lockedFilesMoved,
  lockedFilesRefiled,
  lockedFilesRefiledError,
  reportFlags,
  yearEvaluationSpan,
  type AssessedUnit,
  type Grade,
  type LockedFilePolicy,
  type Quarter,
  type ResultTotal,
  type StoredUnitResult,
  type UnitEvaluation,
  type UnitEvaluationInput,
  unitExistsInYear,
} from '@antoan/core';
import {
  deleteUnitResults,
  listAssessedUnits,
  listAssessedUnitsByIds,
  listDataYears,
  listGradingSheets,
  listGradingSheetsInScope,
  listReportTimes,
  listResultYears,
  listUnitResults,
  loadWholeSetInputs,
  loadEvaluationInputs,
  countAreaTotals,
  listAreaTotals,
  markResultYear,
  rebuildAreaTotals,
  setReportTimes,
  upsertUnitResults,
  writeTransaction,
  exclusiveTransaction,
  STARTUP_LOCKS,
  waitForSeed,
  type Database,
  mustGet,
  unitsOn,
  loadInheritedReports,
} from '@antoan/db';
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The one writer of stored results (ARCHITECTURE.md, "Derived data"). Every change that can move a result calls
// `refreshResults` in its own transaction with the units and years it touches; a whole year is computed by
// `computeYearResults`; `verifyResults` recomputes everything from raw data with core's engine and compares.

/** What a change touched: units (before and after it, e.g. both ids are the same unit) and years. */
export interface ResultChange {
  unitIds: readonly number[];
  years: readonly number[];
  /** Areas the units were in before the change (a unit moved: its old commune is re-evaluated too). */
  formerAreaIds?: readonly number[];
  /**
   * The change adds data to its years (a file, answers, a grading sheet): a year not stored yet is computed
   * whole. Otherwise such a year is left alone (it has no file, and is computed whole when it gets one).
   */
  materialize?: boolean;
  /**
   * What to do when the change would make a recognised, locked file's data give another result (core's
   * `LockedFilePolicy`): `refuse` (the default: edits of answers, units, the tree, imports) throws a CONFLICT
   * naming the files, and the caller's transaction writes nothing; `flag` (facts such as incidents and
   * reports, and audited cycle acts) stores the change, the file keeping its result with the other beside it.
   */
  lockedFiles?: LockedFilePolicy;
}

/**
 * The years whose results an incident on `date` can move: the years whose evaluation window (any type)
 * holds the date. An incident dated 1–15 November belongs to two.
 */
export function yearsOfIncident(date: string): number[] {
  const y = Number(date.slice(0, 4));
  return [y, y + 1].filter((year) => date >= yearEvaluationSpan(year).from && date <= yearEvaluationSpan(year).to);
}

/**
 * The years whose stored results a quarterly report of (year, quarter) can move: its own year (the report
 * completeness stored with each result), and the windows whose counts KDC-4 compares with the previous
 * window's: Q1–Q3 count for their year and the next; Q4 for the next two.
 */
export function yearsOfReport(year: number, quarter: number): number[] {
  return quarter === 4 ? [year, year + 1, year + 2] : [year, year + 1];
}

/**
 * Whether a unit is evaluated with its commune: the commune itself, what it manages, and any unit whose
 * recognition is delegated (whether that puts it in the commune's XA-4 depends on the year: the engine
 * decides; evaluating it with the commune either way is what keeps both results right).
 */
const inCommuneGroup = (u: AssessedUnit) =>
  u.type === 'XA' || isManagedByCommune(u) || u.isRecognitionDelegated === true;

/**
 * The units evaluated together with the given ones: a commune with every unit it manages (XA-2 and XA-4 read
 * their results), so a village, or an agency a commune manages, brings its commune's whole group; a unit
 * managed from above stands alone.
 */
async function evaluationGroup(
  db: Kysely<Database>,
  unitIds: readonly number[],
  formerAreaIds: readonly number[],
  date: string,
): Promise<AssessedUnit[]> {
  // each unit with the area and attributes it had on `date` (dated units, migration 2001)
  const units = await listAssessedUnitsByIds(db, unitIds, date);
  const communeAreas = new Set<number>(formerAreaIds);
  for (const unit of units) if (inCommuneGroup(unit)) communeAreas.add(unit.areaId);
  const byId = new Map(units.map((u) => [u.id, u]));
  if (communeAreas.size > 0) {
    const ids = await db
      .selectFrom(unitsOn(db, date, [...communeAreas]).as('units'))
      .select('units.id')
      .execute();
    const missing = ids.map((r) => r.id).filter((id) => !byId.has(id));
    for (const unit of await listAssessedUnitsByIds(db, missing, date)) byId.set(unit.id, unit);
  }
  return [...byId.values()];
}

/** The units of `unitIds` whose file of the year is locked (recognised and not opened for correction). */
async function lockedUnitIds(db: Kysely<Database>, year: number, unitIds: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < unitIds.length; i += 500) {
    const rows = await db
      .selectFrom('assessments')
      .select('unit_id')
      .where('year', '=', year)
      .where('is_locked', '=', 1)
      .where('unit_id', 'in', unitIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.unit_id);
  }
  return out;
}

/** The cycle status of each unit's file of the year (`not_registered` without one). */
async function statusesOf(
  db: Kysely<Database>,
  year: number,
  unitIds: readonly number[] | undefined,
): Promise<Map<number, string>> {
  let query = db.selectFrom('assessments').select(['unit_id', 'status']).where('year', '=', year);
  if (unitIds !== undefined) query = query.where('unit_id', 'in', unitIds.length > 0 ? [...unitIds] : [-1]);
  return new Map((await query.execute()).map((r) => [r.unit_id, r.status]));
}

/**
 * Grades the year's 100-point sheets of the given units (all when `unitIds` is undefined): each with the
 * incidents of its unit's own window as deductions and its computed result for "must meet the standard".
 */
async function gradesOf(
  db: Kysely<Database>,
  year: number,
  unitIds: readonly number[] | undefined,
  evaluations: ReadonlyMap<number, UnitEvaluation>,
): Promise<Map<number, Grade>> {
  const sheets = unitIds
    ? await listGradingSheets(db, unitIds, year)
    : await listGradingSheetsInScope(db, { areaId: undefined, date: `${year}-12-31` }, year);
  const grades = new Map<number, Grade>();
  if (sheets.length === 0) return grades;
  const graded = sheets.map((s) => s.unitId);
  const span = yearEvaluationSpan(year);
  const incidents = new Map<number, { criterionCode: string; item: string | null; occurredOn: string }[]>();
  let query = db
    .selectFrom('incidents')
    .select(['unit_id', 'criterion_code', 'item', 'occurred_on'])
    .where('occurred_on', '>=', span.from)
    .where('occurred_on', '<=', span.to);
  if (graded.length <= 500) query = query.where('unit_id', 'in', graded);
  for (const row of await query.execute()) {
    const list = incidents.get(row.unit_id) ?? [];
    list.push({ criterionCode: row.criterion_code, item: row.item, occurredOn: row.occurred_on });
    incidents.set(row.unit_id, list);
  }
  for (const sheet of sheets) {
    const evaluation = evaluations.get(sheet.unitId);
    if (!evaluation) continue;
    const own = incidentsInWindow(incidents.get(sheet.unitId) ?? [], evaluation.unitType, year);
    grades.set(
      sheet.unitId,
      gradeSheet(
        getSheetTemplate(sheet.templateId),
        { scores: sheet.scores, incidents: own, standardMet: evaluation.result === 'DAT' },
        { detail: false },
      ).grade,
    );
  }
  return grades;
}

/**
 * The quarters of `year` that units born of a reorganisation inherit from their predecessors (quarters that began
 * before they did: db's loadInheritedReports), as filed reports: the territory's report of that quarter was filed
 * (when its last predecessor filed), so it is neither missing nor late for the successor. A quarter only some of
 * the predecessors filed (`partial`) is not.
 */
export async function inheritedReportsOfYear(
  db: Kysely<Database>,
  year: number,
  unitIds: readonly number[] | undefined,
): Promise<{ unitId: number; year: number; quarter: number; submittedAt: string }[]> {
  const quarters = ([1, 2, 3, 4] as const).map((quarter) => ({ year, quarter }));
  const out = [];
  for (const [unitId, records] of await loadInheritedReports(db, quarters, unitIds))
    for (const r of records)
      // a quarter only some predecessors filed is not filed for the successor (the others' reports are missing)
      if (r.submittedAt !== undefined && r.partial !== true)
        out.push({ unitId, year: r.year, quarter: r.quarter, submittedAt: r.submittedAt });
  return out;
}

/**
 * Each unit's quarterly reports of the year as bit sets (core's reportFlags), from the raw reports and those
 * it inherits.
 */
async function reportFlagsOf(
  db: Kysely<Database>,
  year: number,
  unitIds: readonly number[] | undefined,
): Promise<Map<number, { filed: number; onTime: number }>> {
  let query = db
    .selectFrom('quarterly_reports')
    .select(['unit_id', 'quarter', 'submitted_at'])
    .where('year', '=', year);
  if (unitIds !== undefined) query = query.where('unit_id', 'in', unitIds.length > 0 ? [...unitIds] : [-1]);
  const rows = await query.execute();
  return reportFlags(
    [
      ...rows.map((r) => ({ unitId: r.unit_id, quarter: r.quarter, submittedAt: r.submitted_at })),
      ...(await inheritedReportsOfYear(db, year, unitIds)),
    ],
    year,
  );
}

function toStored(
  units: ReadonlyMap<number, AssessedUnit>,
  evaluations: readonly UnitEvaluation[],
  statuses: ReadonlyMap<number, string>,
  grades: ReadonlyMap<number, Grade>,
  flags: ReadonlyMap<number, { filed: number; onTime: number }>,
): StoredUnitResult[] {
  return evaluations.map((e) => ({
    unitId: e.unitId,
    year: e.year,
    unitType: e.unitType,
    areaId: mustGet(units, e.unitId, 'the evaluated unit').areaId,
    catalogueId: e.catalogueId,
    result: e.result,
    computedResult: e.computedResult ?? null,
    status: statuses.get(e.unitId) ?? 'not_registered',
    grade: grades.get(e.unitId) ?? null,
    reportsFiled: flags.get(e.unitId)?.filed ?? 0,
    reportsOnTime: flags.get(e.unitId)?.onTime ?? 0,
    engineVersion: ENGINE_VERSION,
  }));
}

/**
 * Computes the results of units for a year from raw data with core's engine, without storing them: each unit
 * with its own catalogue, communes from their managed units. `group` must hold whole evaluation groups.
 * `whole`: the units are a chunk of the whole set, loaded by the whole-set loader (report counts summed in
 * SQL); otherwise an evaluation group of a change, loaded by unit.
 */
async function computeResults(
  db: Kysely<Database>,
  year: number,
  group: readonly AssessedUnit[],
  whole = false,
): Promise<StoredUnitResult[]> {
  const unitIds = group.map((u) => u.id);
  const inputs: UnitEvaluationInput[] = whole
    ? await loadWholeSetInputs(db, group, year, { onlyTheseUnits: true })
    : await loadEvaluationInputs(db, group, year, { areaId: undefined, date: `${year}-12-31`, unitIds });
  const evaluations = evaluateArea(inputs);
  const byId = new Map(evaluations.map((e) => [e.unitId, e]));
  const [statuses, grades, flags] = await Promise.all([
    statusesOf(db, year, unitIds),
    gradesOf(db, year, unitIds, byId),
    reportFlagsOf(db, year, unitIds),
  ]);
  return toStored(new Map(group.map((u) => [u.id, u])), evaluations, statuses, grades, flags);
}

/** Progress of a long computation: what is done, of how much. */
export type Progress = (done: number, total: number, what: string) => void;

/** The key of a unit's evaluation group: its commune's area for a commune and what it manages, else itself. */
const groupKey = (u: AssessedUnit) => (inCommuneGroup(u) ? u.areaId : -u.id);

/** How many units a chunk of a whole-year computation holds (whole groups; bounds the memory it takes). */
export const RESULT_CHUNK_UNITS = 12_000;

/**
 * Every unit's result of a year computed from raw data with core's engine, without storing it, in chunks of
 * whole evaluation groups (about {@link RESULT_CHUNK_UNITS} units each), so that memory stays bounded on the
 * national dataset.
 */
export async function computeYearResults(db: Kysely<Database>, year: number): Promise<StoredUnitResult[]> {
  const units = await listAssessedUnits(db, undefined, `${year}-12-31`);
  const groups = new Map<number, AssessedUnit[]>();
  for (const u of units) {
    const key = groupKey(u);
    const list = groups.get(key);
    if (list) list.push(u);
    else groups.set(key, [u]);
  }
  const out: StoredUnitResult[] = [];
  let chunk: AssessedUnit[] = [];
  for (const list of groups.values()) {
    chunk.push(...list);
    if (chunk.length < RESULT_CHUNK_UNITS) continue;
    out.push(...(await computeResults(db, year, chunk, true)));
    chunk = [];
  }
  if (chunk.length > 0) out.push(...(await computeResults(db, year, chunk, true)));
  return out;
}

/** Stores a whole year computed from raw data, replacing what was stored, and marks the year as stored. */
export async function storeYearResults(db: Kysely<Database>, year: number, now: Date): Promise<number> {
  const results = await computeYearResults(db, year);
  await db.deleteFrom('unit_results').where('year', '=', year).execute();
  await upsertUnitResults(db, results);
  await rebuildAreaTotals(db, year);
  await markResultYear(db, year, ENGINE_VERSION, now);
  return results.length;
}

/**
 * Stores a whole year unless it is stored by this engine version already, once across processes: the server
 * at start and a worker's snapshot may both find the year missing; the second waits for the first's lock,
 * then finds it stored. It also waits for a seed in progress, so it never stores a year of an empty database
 * that is being filled.
 */
export async function storeYearOnce(db: Kysely<Database>, year: number, now: Date): Promise<boolean> {
  return exclusiveTransaction(db, { key: STARTUP_LOCKS.resultYear, subkey: year }, async (trx) => {
    await waitForSeed(trx);
    const stored = (await listResultYears(trx)).find((r) => r.year === year);
    if (stored?.engineVersion === ENGINE_VERSION) return false;
    await storeYearResults(trx, year, now);
    return true;
  });
}

/**
 * Serialises the writers of results on PostgreSQL: two changes in one commune group must not each evaluate
 * the group without the other's change. A transaction-scoped advisory lock per group key (the commune's
 * area, or the unit managed from above); on SQLite a write transaction is already exclusive.
 */
async function lockGroups(db: Kysely<Database>, keys: readonly number[]): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const key of [...new Set(keys)].sort((a, b) => a - b))
    await sql`select pg_advisory_xact_lock(1313, ${key})`.execute(db);
}

/**
 * Brings the stored results up to date after a change, inside the change's transaction (`db` is the
 * transaction): re-evaluates the groups of the touched units for the touched years with core's engine and
 * stores what it finds. A year not stored yet is computed whole. Called by every mutation that can move a
 * result: answers, registration and every cycle step, incidents, quarterly reports, grading scores, a unit's
 * attributes, type or area, imports.
 */
export async function refreshResults(db: Kysely<Database>, change: ResultChange, now: Date): Promise<void> {
  if (change.unitIds.length === 0 && (change.formerAreaIds ?? []).length === 0) return;
  const stored = new Map((await listResultYears(db)).map((r) => [r.year, r.engineVersion]));
  const years = [...new Set(change.years)].sort((a, b) => a - b);
  // the groups of each stored year, by the commune areas the units are (and were) in that year: a unit counts in
  // a year with the area and attributes in force on its 31 December (migration 2001)
  const former = new Map<number, number[]>();
  for (const year of years) {
    if (stored.get(year) !== ENGINE_VERSION) continue;
    const areas = new Set(change.formerAreaIds ?? []);
    for (const r of await listUnitResults(db, year, change.unitIds)) areas.add(r.areaId);
    former.set(year, [...areas]);
  }
  const groupsOf = async () => {
    const out = new Map<number, AssessedUnit[]>();
    for (const [year, areas] of former)
      out.set(year, await evaluationGroup(db, change.unitIds, areas, `${year}-12-31`));
    return out;
  };
  // Lock the groups, then read them again: a change committed while we waited (a unit moved into one of
  // these communes) is seen now; lock whatever that adds (keys in order, so two writers never deadlock on them).
  let groups = await groupsOf();
  const locked = new Set<number>();
  for (let round = 0; round < 3; round++) {
    const keys = [...former.values(), ...[...groups.values()].map((g) => g.map(groupKey))]
      .flat()
      .filter((k) => !locked.has(k));
    if (keys.length === 0) break;
    await lockGroups(db, keys);
    for (const k of keys) locked.add(k);
    groups = await groupsOf();
  }
  for (const year of years) {
    const group = groups.get(year);
    if (group === undefined) {
      if (change.materialize) await storeYearResults(db, year, now);
      continue;
    }
    // dated units: a unit counts only in the years it exists (a unit added in 2026 never enters 2021)
    const ofYear = group.filter((u) => unitExistsInYear(u, year));
    const gone = group.filter((u) => !unitExistsInYear(u, year)).map((u) => u.id);
    const results = await computeResults(db, year, ofYear);
    if ((change.lockedFiles ?? 'refuse') === 'refuse') {
      const names = new Map(group.map((u) => [u.id, u.name ?? `#${u.id}`]));
      const before = await listUnitResults(
        db,
        year,
        results.map((r) => r.unitId),
      );
      const moved = lockedFilesMoved(before, results);
      if (moved.length > 0)
        throw lockedFilesError(moved.map((m) => ({ ...m, name: names.get(m.unitId) ?? `#${m.unitId}` })));
      // a locked file must not leave its year's figures, nor be counted elsewhere, either
      const refiled = lockedFilesRefiled(
        await lockedUnitIds(
          db,
          year,
          group.map((u) => u.id),
        ),
        before,
        results,
        gone,
        year,
      );
      if (refiled.length > 0)
        throw lockedFilesRefiledError(refiled.map((f) => ({ ...f, name: names.get(f.unitId) ?? `#${f.unitId}` })));
    }
    if (gone.length > 0) await deleteUnitResults(db, year, gone);
    await upsertUnitResults(db, results);
    // the totals of every area whose units were (or are now) in the group
    await rebuildAreaTotals(db, year, [...(former.get(year) ?? []), ...group.map((u) => u.areaId)]);
  }
}

/** One difference between a stored result and the engine's. */
export interface ResultDifference {
  unitId: number;
  year: number;
  stored: StoredUnitResult | null;
  computed: StoredUnitResult | null;
}

/** What {@link verifyResults} found. */
export interface VerifyReport {
  years: number[];
  checked: number;
  differences: ResultDifference[];
  /** Reports whose stored `on_time` was missing or wrong. */
  reportTimes: number;
  /** Per-area total rows that differ from a GROUP BY over the stored results. */
  totals: number;
  repaired: boolean;
}

const same = (a: StoredUnitResult, b: StoredUnitResult) =>
  a.reportsFiled === b.reportsFiled &&
  a.reportsOnTime === b.reportsOnTime &&
  a.unitType === b.unitType &&
  a.areaId === b.areaId &&
  a.catalogueId === b.catalogueId &&
  a.result === b.result &&
  a.computedResult === b.computedResult &&
  a.status === b.status &&
  a.grade === b.grade &&
  a.engineVersion === b.engineVersion;

async function listReportYears(db: Kysely<Database>): Promise<number[]> {
  return (await db.selectFrom('quarterly_reports').select('year').distinct().orderBy('year').execute()).map(
    (r) => r.year,
  );
}

/** The years whose results are kept: every year with data, and the current one. */
export async function resultYears(db: Kysely<Database>, currentYear: number): Promise<number[]> {
  return [...new Set([...(await listDataYears(db)), currentYear])].sort((a, b) => a - b);
}

/**
 * THE oracle check: recomputes every stored year (and every year with data) from raw data with core's
 * engine and compares with what is stored, unit by unit; also each report's `on_time`. With `repair`, writes
 * the engine's results where they differ (in one transaction per year) and marks the years as stored.
 */
export async function verifyResults(
  db: Kysely<Database>,
  options: { repair?: boolean; now: Date; onProgress?: Progress },
): Promise<VerifyReport> {
  // every stored year, and every year with data (which must be stored); a year with neither needs nothing
  const years = [...new Set([...(await listDataYears(db)), ...(await listResultYears(db)).map((r) => r.year)])].sort(
    (a, b) => a - b,
  );
  const differences: ResultDifference[] = [];
  let checked = 0;
  let totals = 0;
  for (const [i, year] of years.entries()) {
    const computed = await computeYearResults(db, year);
    const stored = new Map((await listUnitResults(db, year)).map((r) => [r.unitId, r]));
    const own: ResultDifference[] = [];
    for (const c of computed) {
      const s = stored.get(c.unitId);
      stored.delete(c.unitId);
      if (!s || !same(s, c)) own.push({ unitId: c.unitId, year, stored: s ?? null, computed: c });
    }
    for (const s of stored.values()) own.push({ unitId: s.unitId, year, stored: s, computed: null });
    checked += computed.length;
    for (const d of own) differences.push(d); // a spread of a whole year's differences would overflow the stack
    const marked = (await listResultYears(db)).find((r) => r.year === year)?.engineVersion === ENGINE_VERSION;
    if (options.repair && (own.length > 0 || !marked)) {
      await writeTransaction(db, async (trx) => {
        await upsertUnitResults(
          trx,
          own.flatMap((d) => (d.computed ? [d.computed] : [])),
        );
        const gone = own.filter((d) => d.computed === null).map((d) => d.unitId);
        if (gone.length > 0)
          await trx.deleteFrom('unit_results').where('year', '=', year).where('unit_id', 'in', gone).execute();
        await rebuildAreaTotals(trx, year);
        await markResultYear(trx, year, ENGINE_VERSION, options.now);
      });
    }
    // the per-area totals against a GROUP BY over the stored results
    const key = (t: ResultTotal & { areaId: number }) =>
      `${t.areaId}|${t.unitType}|${t.result}|${t.catalogueId}|${t.grade}|${t.filed.join()}|${t.onTime.join()}`;
    const kept = new Map((await listAreaTotals(db, year)).map((t) => [key(t), t.units]));
    let wrong = 0;
    for (const t of await countAreaTotals(db, year)) {
      if (kept.get(key(t)) !== t.units) wrong++;
      kept.delete(key(t));
    }
    wrong += kept.size;
    totals += wrong;
    if (options.repair && wrong > 0) await writeTransaction(db, (trx) => rebuildAreaTotals(trx, year));
    options.onProgress?.(i + 1, years.length, `${year}`);
  }
  // each report's on_time, a year at a time (the national dataset has ~1.9 million reports)
  let reportTimes = 0;
  for (const year of await listReportYears(db)) {
    const times = (await listReportTimes(db, { year })).flatMap((r) => {
      const onTime = isReportOnTime(r.submittedAt, r.year, r.quarter as Quarter);
      return r.onTime === (onTime ? 1 : 0) ? [] : [{ id: r.id, onTime }];
    });
    reportTimes += times.length;
    if (options.repair && times.length > 0) await writeTransaction(db, (trx) => setReportTimes(trx, times));
  }
  return { years, checked, differences, reportTimes, totals, repaired: options.repair === true };
}

/**
 * Makes sure every year that has data (and the current year) is stored with this engine version, and that
 * every report has its `on_time`: run at the start of the server and the worker, after a seed or a restore.
 * Computes only what is missing or of another engine version; returns the years it computed.
 */
export async function ensureResults(
  db: Kysely<Database>,
  options: { now: Date; currentYear: number; onProgress?: Progress },
): Promise<number[]> {
  const stored = new Map((await listResultYears(db)).map((r) => [r.year, r.engineVersion]));
  const todo = (await resultYears(db, options.currentYear)).filter((year) => stored.get(year) !== ENGINE_VERSION);
  for (const [i, year] of todo.entries()) {
    // Two processes starting together compute a year once: the second waits for the first's lock, then
    // finds the year stored.
    await storeYearOnce(db, year, options.now);
    options.onProgress?.(i + 1, todo.length, `${year}`);
  }
  const missingTimes = await listReportTimes(db, { missingOnly: true });
  if (missingTimes.length > 0) {
    await writeTransaction(db, (trx) =>
      setReportTimes(
        trx,
        missingTimes.map((r) => ({ id: r.id, onTime: isReportOnTime(r.submittedAt, r.year, r.quarter as Quarter) })),
      ),
    );
  }
  return todo;
}
