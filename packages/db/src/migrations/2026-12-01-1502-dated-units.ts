import type { Kysely } from 'kysely';

// Issue 15, dated units: a unit exists from a date (and may end); it counts in a year only if it exists on
// 31 December of that year (core's unitExistsInYear), so adding a unit in 2026 never moves 2021's figures.
// Every existing unit is dated "before the records" (core's SINCE_BEFORE_RECORDS): it counts in every year, as
// it did. valid_to is exclusive, as for areas.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('units')
    .addColumn('valid_from', 'text', (col) => col.notNull().defaultTo('1900-01-01'))
    .execute();
  await db.schema.alterTable('units').addColumn('valid_to', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').dropColumn('valid_to').execute();
  await db.schema.alterTable('units').dropColumn('valid_from').execute();
}
