import { dueQuarters, ENGINE_VERSION, MISSING_REPORTS_LISTED, summarizeArea, type AreaSummary } from '@antoan/core';
import {
  aggregateModelFigures,
  computeAreaSummary,
  countAwards,
  countGrades,
  countReports,
  countUnitResults,
  listMissingReports,
  listResultYears,
  resolveSubtree,
  type Database,
  type ResultScope,
} from '@antoan/db';
import type { Kysely } from 'kysely';

/**
 * The seed article's table for an area (its subtree as it was at the end of `year`; the whole set when
 * `areaId` is undefined) and a year, read from the stored results: a few GROUP BYs over the area's rows,
 * assembled by core's `summarizeArea`. Nothing is evaluated on a read. A year whose results are not stored
 * (no data in it, so every unit is unregistered or excluded) is computed from raw data instead.
 */
export async function getAreaSummary(
  db: Kysely<Database>,
  areaId: number | undefined,
  year: number,
  today: string,
): Promise<AreaSummary> {
  const stored = (await listResultYears(db)).some((r) => r.year === year && r.engineVersion === ENGINE_VERSION);
  if (!stored) return computeAreaSummary(db, areaId, year, today);
  const date = `${year}-12-31`;
  const scope: ResultScope = {
    year,
    areaIds: areaId === undefined ? undefined : await resolveSubtree(db, areaId, date),
  };
  const quarters = dueQuarters(year, today).map((q) => q.quarter);
  const asOf = date < today ? date : today;
  const [units, grades, awards, reports, missing, models] = await Promise.all([
    countUnitResults(db, scope),
    countGrades(db, scope),
    countAwards(db, scope),
    countReports(db, scope, quarters),
    listMissingReports(db, scope, quarters, MISSING_REPORTS_LISTED),
    aggregateModelFigures(db, { areaId, year, asOf }),
  ]);
  const catalogues = new Map<string, number>();
  for (const u of units)
    if (u.result === 'DAT' || u.result === 'CHUA_DAT')
      catalogues.set(u.catalogueId, (catalogues.get(u.catalogueId) ?? 0) + u.count);
  return summarizeArea({
    areaId: areaId ?? null,
    year,
    units,
    catalogues: [...catalogues].map(([catalogueId, count]) => ({ catalogueId, count })),
    grades,
    awards,
    models,
    reports: { quarters: reports, missing },
  });
}
