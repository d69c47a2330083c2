import type { Database } from '@antoan/db';
import { seedDemo, type SeedOptions, type SeedReport } from '@antoan/db/seed';
import type { Kysely } from 'kysely';
import { reorganise } from './reorganisation.service.js';

/**
 * Loads the Ba Đồn demo with its 1 July 2025 reorganisation done through the product's operation (`reorganise`:
 * lineage, successor units, officers following, stored results of the years it reaches), and 2023–2026 data.
 * `withHistory: false` loads the tree and the units of 2021 only, as `seedDemo` does.
 */
export function seedDemoWithReform(
  db: Kysely<Database>,
  options: Omit<SeedOptions, 'reorganise'> & { now?: Date } = {},
): Promise<SeedReport> {
  const now = options.now ?? new Date();
  return seedDemo(db, {
    withHistory: options.withHistory ?? true,
    reorganise: (trx, input) => reorganise(trx, input, { userId: null, now }),
  });
}
