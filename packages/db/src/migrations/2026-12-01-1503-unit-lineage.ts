import type { Kysely } from 'kysely';

// Issue 15, reorganisations: a unit of an area that ends (a merged commune's village) ends on the effective date
// and a successor unit begins in the new area (see core's planReorganisation). unit_lineage links them, so a
// unit's page and a comparison across the reform can follow a village through it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_lineage')
    .addColumn('predecessor_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('successor_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('effective_date', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('unit_lineage_pk', ['predecessor_id', 'successor_id'])
    .execute();
  await db.schema.createIndex('unit_lineage_successor_idx').on('unit_lineage').column('successor_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_lineage').execute();
}
