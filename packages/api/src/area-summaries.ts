import type { AreaSummary } from '@antoan/core';
import type { Database } from '@antoan/db';
import { getAreaSummary } from '@antoan/services';
import type { Kysely } from 'kysely';

/**
 * Where the API, the exports and the printed report get an area's figures: the stored results' counts
 * assembled by core's summarizeArea (see @antoan/services' getAreaSummary). Nothing is cached: the stored
 * results are kept current in the transaction of every change, so a read is always the latest figure.
 */
export class AreaSummaries {
  get(db: Kysely<Database>, areaId: number | undefined, year: number, today: string): Promise<AreaSummary> {
    return getAreaSummary(db, areaId, year, today);
  }
}
