import { sql, type Kysely } from 'kysely';

// Stored results (issue 13): each (unit, year)'s outcome as core's engine computed it, kept current in the
// transaction of every change that can move it, so that a summary is one GROUP BY and never re-evaluates an
// area. `result_years` lists the years whose results are all stored and the engine version they were computed
// with; a year missing there (or of another version) is recomputed whole. `area_result_totals` counts them per
// area, for summaries of large areas. Each quarterly report gets
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
    // the year's quarterly reports of the unit: bit q-1 set when quarter q was filed (on time)
    .addColumn('reports_filed', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('reports_on_time', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('engine_version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('unit_results_pk', ['unit_id', 'year'])
    .execute();
  // The per-area GROUP BY of the totals, and an area's units that miss a report (covering).
  // The units that miss a quarter's report (a small part of all), in unit order: the country's first page.
  await sql`create index unit_results_missing_idx on unit_results (year, unit_id, reports_filed)
    where reports_filed <> 15 and result <> 'EXCLUDED'`.execute(db);
  await db.schema
    .createIndex('unit_results_scope_idx')
    .on('unit_results')
    .columns([
      'year',
      'area_id',
      'unit_type',
      'result',
      'catalogue_id',
      'grade',
      'reports_filed',
      'reports_on_time',
      'unit_id',
    ])
    .execute();
  // Per area (the unit's own area, not its ancestors) and year, the stored results counted by everything a
  // summary reads: a country's figures sum ~3,400 areas' rows instead of counting ~140,000 units.
  await db.schema
    .createTable('area_result_totals')
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('area_id', 'integer', (col) => col.notNull())
    .addColumn('unit_type', 'text', (col) => col.notNull())
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('catalogue_id', 'text', (col) => col.notNull())
    .addColumn('grade', 'text')
    .addColumn('units', 'integer', (col) => col.notNull())
    // of those units, how many filed each quarter's report, and filed it on time
    .addColumn('filed_q1', 'integer', (col) => col.notNull())
    .addColumn('filed_q2', 'integer', (col) => col.notNull())
    .addColumn('filed_q3', 'integer', (col) => col.notNull())
    .addColumn('filed_q4', 'integer', (col) => col.notNull())
    .addColumn('on_time_q1', 'integer', (col) => col.notNull())
    .addColumn('on_time_q2', 'integer', (col) => col.notNull())
    .addColumn('on_time_q3', 'integer', (col) => col.notNull())
    .addColumn('on_time_q4', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('area_result_totals_idx').on('area_result_totals').columns(['year', 'area_id']).execute();
  await db.schema
    .createTable('result_years')
    .addColumn('year', 'integer', (col) => col.primaryKey())
    .addColumn('engine_version', 'integer', (col) => col.notNull())
    .addColumn('computed_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.alterTable('quarterly_reports').addColumn('on_time', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('quarterly_reports').dropColumn('on_time').execute();
  await db.schema.dropTable('result_years').execute();
  await db.schema.dropTable('area_result_totals').execute();
  await db.schema.dropTable('unit_results').execute();
}
