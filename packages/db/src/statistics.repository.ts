import type { ModelStatistics } from '@antoan/core';
import { sql, type Kysely } from 'kysely';
import { subtreeAreaIds } from './area.repository.js';
import type { Database } from './schema.js';

/**
 * The headline model figures of an area's subtree in one SQL aggregate (no rows loaded): operating on
 * `asOf`, new in the year, stopped in the year, sites, teams and advanced examples of those operating.
 * Agrees with core's `computeModelStatistics` (a test checks it).
 */
export async function aggregateModelFigures(
  db: Kysely<Database>,
  filter: { areaId: number | undefined; year: number; asOf: string },
): Promise<Omit<ModelStatistics, 'byCategory'>> {
  const yearStart = `${filter.year}-01-01`;
  const operating = sql<boolean>`started_on <= ${filter.asOf} and (stopped_on is null or stopped_on > ${filter.asOf})`;
  let query = db
    .selectFrom('models')
    .select([
      sql<number>`coalesce(sum(case when ${operating} then 1 else 0 end), 0)`.as('operating'),
      sql<number>`coalesce(sum(case when started_on >= ${yearStart} and started_on <= ${filter.asOf} then 1 else 0 end), 0)`.as(
        'new_in_year',
      ),
      sql<number>`coalesce(sum(case when stopped_on is not null and stopped_on >= ${yearStart} and stopped_on <= ${filter.asOf} then 1 else 0 end), 0)`.as(
        'stopped_in_year',
      ),
      sql<number>`coalesce(sum(case when ${operating} then sites else 0 end), 0)`.as('sites'),
      sql<number>`coalesce(sum(case when ${operating} then teams else 0 end), 0)`.as('teams'),
      sql<number>`coalesce(sum(case when ${operating} and is_advanced_example = 1 then 1 else 0 end), 0)`.as(
        'advanced',
      ),
    ]);
  if (filter.areaId !== undefined)
    query = query.where('area_id', 'in', subtreeAreaIds(db, filter.areaId, `${filter.year}-12-31`));
  const row = await query.executeTakeFirstOrThrow();
  return {
    asOf: filter.asOf,
    operating: Number(row.operating),
    newInYear: Number(row.new_in_year),
    stoppedInYear: Number(row.stopped_in_year),
    sites: Number(row.sites),
    teams: Number(row.teams),
    advancedExamples: Number(row.advanced),
  };
}
