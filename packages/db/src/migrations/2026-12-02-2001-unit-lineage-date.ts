import type { Kysely } from 'kysely';

// Issue 15, KDC-4 across a reorganisation: the engine's loaders ask whether any lineage reaches back into a year's
// comparison windows (effective_date after the windows' first day) before reading predecessors' reports; most
// years' windows begin after every reorganisation, and this index answers that without reading the table.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('unit_lineage_date_idx').on('unit_lineage').column('effective_date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('unit_lineage_date_idx').execute();
}
