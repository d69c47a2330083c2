import { computeAreaSummary, type AreaSummary, type Database } from '@antoan/db';
import type { Kysely } from 'kysely';

/**
 * Summaries are computed by the engine from the stored data, which is slow for big areas. Every change to
 * that data writes an audit record in the same transaction, so the newest audit id is a version of the
 * whole data set: a cached summary is served only while that version (and the day) is unchanged. No
 * result is stored in the database, and nothing stale is ever served, also with several server processes.
 * Bounded (least recently used entries go first).
 */
export class SummaryCache {
  readonly #entries = new Map<string, { version: number; summary: Promise<AreaSummary> }>();

  constructor(private readonly maxEntries = 200) {}

  async get(db: Kysely<Database>, areaId: number | undefined, year: number, today: string): Promise<AreaSummary> {
    const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('version')).executeTakeFirst();
    const version = Number(row?.version ?? 0);
    const key = `${areaId ?? '*'}|${year}|${today}`;
    const hit = this.#entries.get(key);
    if (hit && hit.version === version) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.summary;
    }
    const summary = computeAreaSummary(db, areaId, year, today);
    this.#entries.set(key, { version, summary });
    summary.catch(() => this.#entries.delete(key));
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return summary;
  }
}
