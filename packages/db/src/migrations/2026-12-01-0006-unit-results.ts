import { sql, type Kysely } from 'kysely';

// Stored results (issue 13): each (unit, year)'s outcome as core's engine computed it, kept current in the
// transaction of every change that can move it, so that a summary is one GROUP BY and never re-evaluates an
// area. `result_years` lists the years whose results are all stored and the engine version they were computed
// with; a year missing there (or of another version) is recomputed whole. Each quarterly report gets
// `on_time`, written with the report (core's due dates); NULL until the next recompute fills it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_results')
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id').onDelete('cascade'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('unit_type', 'text', (col) => col.notNull())
    .addColumn('area_id', 'integer', (col) => col.notNull())
    .addColumn('catalogue_id', 'text', (col) => col.notNull())
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('grade', 'text')
    .addColumn('engine_version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('unit_results_pk', ['unit_id', 'year'])
    .execute();
  // Covers the summaries' GROUP BY: by year alone (the country) or by year and the areas of a subtree.
  await db.schema
    .createIndex('unit_results_scope_idx')
    .on('unit_results')
    .columns(['year', 'area_id', 'unit_type', 'result', 'catalogue_id', 'grade'])
    .execute();
  await db.schema
    .createTable('result_years')
    .addColumn('year', 'integer', (col) => col.primaryKey())
    .addColumn('engine_version', 'integer', (col) => col.notNull())
    .addColumn('computed_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.alterTable('quarterly_reports').addColumn('on_time', 'integer').execute();
  await sql`create index quarterly_reports_year_unit_idx on quarterly_reports (year, unit_id, quarter, on_time)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index quarterly_reports_year_unit_idx`.execute(db);
  await db.schema.alterTable('quarterly_reports').dropColumn('on_time').execute();
  await db.schema.dropTable('result_years').execute();
  await db.schema.dropTable('unit_results').execute();
}
