import type { AreaSummary } from '@antoan/core';
import type { Database } from '@antoan/db';
import { getAreaSummary } from '@antoan/services';
import type { Kysely } from 'kysely';
import { deepFreeze, VersionedCache } from './versioned-cache.js';

/**
 * Where the API, the exports and the printed report get an area's figures: the stored results' counts
 * assembled by core's summarizeArea (see @antoan/services' getAreaSummary). The stored results are kept current
 * in the transaction of every change, so a read is always the latest figure. Given the database's data version
 * (one per server), a summary is kept until the data changes (any write, by this process or another), so a
 * dashboard read many times between two changes is assembled once; the value served is a frozen copy.
 */
export class AreaSummaries {
  readonly #cache: VersionedCache<AreaSummary> | undefined;

  constructor(dataVersion?: () => string | null) {
    this.#cache = dataVersion && new VersionedCache<AreaSummary>(dataVersion, 1_000);
  }

  get(db: Kysely<Database>, areaId: number | undefined, year: number, today: string): Promise<AreaSummary> {
    const compute = () => getAreaSummary(db, areaId, year, today);
    if (!this.#cache) return compute();
    // kept as a frozen copy: the summary may share objects with core's constants (the catalogue's title)
    return this.#cache.get(`${areaId ?? ''}|${year}|${today}`, compute, (summary) =>
      deepFreeze(structuredClone(summary)),
    );
  }
}
