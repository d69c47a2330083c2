import { computeAreaSummary, readDataVersion, type AreaSummary, type Database } from '@antoan/db';
import type { Kysely } from 'kysely';

/**
 * Summaries are computed by the engine from the stored data, which is slow for big areas. Every change to
 * that data writes an audit record in the same transaction, which bumps the data version (a one-row
 * counter, ordered by commit): a cached summary is served only while that version (and the day) is
 * unchanged. No result is stored in the database; writes outside the application (a seed script, manual
 * SQL) are not seen until the next audited change or a restart.
 * Bounded (least recently used entries go first).
 */
export class SummaryCache {
  readonly #entries = new Map<string, { version: number; summary: Promise<AreaSummary> }>();

  constructor(private readonly maxEntries = 200) {}

  async get(db: Kysely<Database>, areaId: number | undefined, year: number, today: string): Promise<AreaSummary> {
    const version = await readDataVersion(db);
    const key = `${areaId ?? '*'}|${year}|${today}`;
    const hit = this.#entries.get(key);
    if (hit && hit.version === version) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.summary;
    }
    const summary = computeAreaSummary(db, areaId, year, today);
    const entry = { version, summary };
    this.#entries.set(key, entry);
    // A failed computation is forgotten (unless a newer one replaced it meanwhile).
    summary.catch(() => this.#entries.get(key) === entry && this.#entries.delete(key));
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return summary;
  }
}
