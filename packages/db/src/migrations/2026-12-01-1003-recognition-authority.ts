import { sql, type Kysely } from 'kysely';

// Issue 14, who recognises (Art. 10 of 124/2021): a unit monitored by a department of the Ministry of Public
// Security is recognised by the Ministry itself; a People's Committee may delegate recognition one level
// down. Two flags on units (0/1 like every flag, see migration 0002); both default to 0, which is what every
// existing unit was.

export async function up(db: Kysely<any>): Promise<void> {
  for (const name of ['is_ministry_monitored', 'is_recognition_delegated']) {
    await db.schema
      .alterTable('units')
      .addColumn(name, 'integer', (col) =>
        col
          .notNull()
          .defaultTo(0)
          .check(sql.raw(`${name} in (0, 1)`)),
      )
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').dropColumn('is_recognition_delegated').execute();
  await db.schema.alterTable('units').dropColumn('is_ministry_monitored').execute();
}
