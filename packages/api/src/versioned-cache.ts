import { LRUCache } from 'lru-cache';

/**
 * Values computed from the database and kept while its data does not change: each read first asks the data
 * version (see @antoan/db's `DatabaseHandle.dataVersion`, a pragma on SQLite, no query), and the first read
 * under a new version empties the cache. Without a version (PostgreSQL) nothing is kept and every read
 * computes. Bounded: at most `maxEntries` values, the least recently used out first.
 *
 * A value is stored only if the version did not move while it was computed, so a value read half before and
 * half after a change is served once, to the request that computed it, like any read racing a write.
 */
export class VersionedCache<V> {
  #version: string | null = null;
  readonly #entries: LRUCache<string, { value: V }>;

  constructor(
    private readonly dataVersion: () => string | null,
    maxEntries = 1_000,
  ) {
    this.#entries = new LRUCache({ max: maxEntries });
  }

  /**
   * The value kept for `key` under the current data version, or `compute`'s. What `keep` returns for a computed
   * value is kept and served (e.g. a frozen copy), or nothing is kept when it returns undefined; without a
   * version, `compute`'s value is served as it is and `keep` is not called.
   */
  async get(key: string, compute: () => Promise<V>, keep: (value: V) => V | undefined = (v) => v): Promise<V> {
    const version = this.dataVersion();
    if (version === null) return compute();
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
    }
    const hit = this.#entries.get(key);
    if (hit) return hit.value;
    const computed = await compute();
    const value = keep(computed);
    if (value === undefined) return computed;
    if (this.#version === version && this.dataVersion() === version) this.#entries.set(key, { value });
    return value;
  }

  /** How many values are kept now (for tests and the benchmark). */
  get size(): number {
    return this.#entries.size;
  }
}

/** Freezes an object and everything it holds, so that a value served to many requests cannot be changed by one. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
