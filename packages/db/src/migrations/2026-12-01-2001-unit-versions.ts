import type { Kysely } from 'kysely';

// Issue 15, a unit's membership and eligibility attributes are dated. `units` keeps the values in force now (the
// latest period: what lists, forms and scopes read); `unit_versions` keeps the earlier periods, each with the area
// and the attributes the unit had from `valid_from` (inclusive) to `valid_to` (exclusive). The periods of a unit
// tile the time from its own `valid_from` to the start of its current values, so a reader of a year takes the
// period holding 31 December when there is one, else the `units` row. A unit never changed has no row here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_versions')
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('valid_from', 'text', (col) => col.notNull())
    .addColumn('valid_to', 'text', (col) => col.notNull())
    .addColumn('area_id', 'integer', (col) => col.notNull().references('areas.id'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('managing_level', 'text', (col) => col.notNull())
    .addColumn('is_armed_forces', 'integer', (col) => col.notNull())
    .addColumn('enterprise_size', 'text')
    .addColumn('school_level', 'text')
    .addColumn('is_ministry_monitored', 'integer', (col) => col.notNull())
    .addColumn('is_recognition_delegated', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('unit_versions_pk', ['unit_id', 'valid_from'])
    .execute();
  await db.schema.createIndex('unit_versions_area_idx').on('unit_versions').columns(['area_id', 'unit_id']).execute();
  await db.schema.createIndex('unit_versions_to_idx').on('unit_versions').column('valid_to').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_versions').execute();
}
