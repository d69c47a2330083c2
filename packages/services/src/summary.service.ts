import {
  dueQuarters,
  ENGINE_VERSION,
  evaluationWindow,
  UNIT_TYPES,
  MISSING_REPORTS_LISTED,
  summarizeResultTotals,
  type Area,
  type AreaSummary,
} from '@antoan/core';
import {
  aggregateModelFigures,
  areasStandingFor,
  countAwards,
  listIncidentsOf,
  listMissingReports,
  listUnitResultsOf,
  listResultYears,
  resolveSubtree,
  sumAreaTotals,
  type Database,
  type ListedIncident,
  type ListedUnitResult,
  type ResultScope,
} from '@antoan/db';
import type { Kysely } from 'kysely';
import { computeAreaSummary, sumModelFigures } from './reference.service.js';

/**
 * The stored results' scope of an area in a year: its subtree as it was at the end of `year` (a commune made
 * by a later reorganisation stands, for an earlier year, for the areas it came from), or the whole set.
 */
async function resultScopeOf(
  db: Kysely<Database>,
  areaId: number | undefined,
  year: number,
): Promise<{ standing: Area[]; composed: boolean; scope: ResultScope }> {
  const date = `${year}-12-31`;
  const standing = areaId === undefined ? [] : await areasStandingFor(db, areaId, date);
  const composed =
    areaId !== undefined && standing.length > 0 && !(standing.length === 1 && standing[0]?.id === areaId);
  const subtree = new Set<number>();
  for (const area of standing) for (const id of await resolveSubtree(db, area.id, date)) subtree.add(id);
  const areaIds = areaId === undefined ? undefined : subtree;
  return { standing, composed, scope: { year, areaIds: areaIds && [...areaIds] } };
}

/** A unit that failed, and the incidents of its window that name a criterion (the reasons stored as facts). */
export type FailedUnit = ListedUnitResult & { incidents: ListedIncident[] };

/**
 * What a printed report lists beside the figures, read from the stored results and the recorded incidents
 * (nothing is evaluated): the units whose stored result is Chưa đạt (the first `limit`, with the incidents
 * of their window), and the incidents of the scope's units within their type's window of `year`.
 */
export async function listYearFindings(
  db: Kysely<Database>,
  areaId: number | undefined,
  year: number,
  limit: number,
): Promise<{
  failed: { items: FailedUnit[]; total: number };
  incidents: { items: ListedIncident[]; total: number };
}> {
  const { scope } = await resultScopeOf(db, areaId, year);
  const windows = UNIT_TYPES.map((type) => evaluationWindow(type, year));
  const [failed, incidents] = await Promise.all([
    listUnitResultsOf(db, scope, { results: ['CHUA_DAT'], limit }),
    listIncidentsOf(db, { areaIds: scope.areaIds, windows, limit, date: `${year}-12-31` }),
  ]);
  const reasons = await listIncidentsOf(db, {
    areaIds: undefined,
    windows,
    unitIds: failed.items.map((u) => u.unitId),
    limit: limit * 10,
    date: `${year}-12-31`,
  });
  const byUnit = new Map<number, ListedIncident[]>();
  for (const incident of reasons.items) byUnit.set(incident.unitId, [...(byUnit.get(incident.unitId) ?? []), incident]);
  return {
    failed: { items: failed.items.map((u) => ({ ...u, incidents: byUnit.get(u.unitId) ?? [] })), total: failed.total },
    incidents,
  };
}

/**
 * The seed article's table for an area (its subtree as it was at the end of `year`; the whole set when
 * `areaId` is undefined) and a year, read from the stored results: the per-area result totals of the area's
 * subtree summed, its awards counted and the first page of missing reports, assembled by core's
 * `summarizeResultTotals`. Nothing is evaluated on a read. A year whose results are not stored
 * (no data in it, so every unit is unregistered or excluded) is computed from raw data instead.
 */
export async function getAreaSummary(
  db: Kysely<Database>,
  areaId: number | undefined,
  year: number,
  today: string,
): Promise<AreaSummary> {
  const stored = (await listResultYears(db)).some((r) => r.year === year && r.engineVersion === ENGINE_VERSION);
  const { standing, composed, scope } = await resultScopeOf(db, areaId, year);
  const composition = () => standing.map((a) => ({ areaId: a.id, name: a.name, kind: a.kind, validTo: a.validTo }));
  if (!stored) {
    // the reference computation follows the lineage too: a successor's year before it existed is its
    // predecessors' taken together
    const computed = await computeAreaSummary(
      db,
      areaId,
      year,
      today,
      composed ? standing.map((a) => a.id) : undefined,
    );
    if (composed) computed.composedOf = composition();
    return computed;
  }
  const date = `${year}-12-31`;
  const quarters = dueQuarters(year, today).map((q) => q.quarter);
  const asOf = date < today ? date : today;
  const [totals, awards, missing, models] = await Promise.all([
    sumAreaTotals(db, scope),
    countAwards(db, scope),
    listMissingReports(db, scope, quarters, MISSING_REPORTS_LISTED),
    composed
      ? Promise.all(standing.map((a) => aggregateModelFigures(db, { areaId: a.id, year, asOf }))).then(sumModelFigures)
      : aggregateModelFigures(db, { areaId, year, asOf }),
  ]);
  const summary = summarizeResultTotals({ areaId: areaId ?? null, year, today, totals, awards, models, missing });
  if (composed) summary.composedOf = composition();
  return summary;
}
