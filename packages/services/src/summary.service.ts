import {
  dueQuarters,
  ENGINE_VERSION,
  MISSING_REPORTS_LISTED,
  summarizeResultTotals,
  type AreaSummary,
} from '@antoan/core';
import {
  aggregateModelFigures,
  countAwards,
  listMissingReports,
  listResultYears,
  resolveSubtree,
  sumAreaTotals,
  type Database,
  type ResultScope,
} from '@antoan/db';
import type { Kysely } from 'kysely';
import { computeAreaSummary } from './reference.service.js';

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
  if (!stored) return computeAreaSummary(db, areaId, year, today);
  const date = `${year}-12-31`;
  const scope: ResultScope = {
    year,
    areaIds: areaId === undefined ? undefined : await resolveSubtree(db, areaId, date),
  };
  const quarters = dueQuarters(year, today).map((q) => q.quarter);
  const asOf = date < today ? date : today;
  const [totals, awards, missing, models] = await Promise.all([
    sumAreaTotals(db, scope),
    countAwards(db, scope),
    listMissingReports(db, scope, quarters, MISSING_REPORTS_LISTED),
    aggregateModelFigures(db, { areaId, year, asOf }),
  ]);
  return summarizeResultTotals({ areaId: areaId ?? null, year, today, totals, awards, models, missing });
}
