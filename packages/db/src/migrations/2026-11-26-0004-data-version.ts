import type { Kysely } from 'kysely';

// One row counting the changes to the data. Every audited write bumps it in its own transaction; the row
// lock orders the bumps by commit, so a reader that sees version N sees every change up to N (an identity
// id, handed out at insert, does not give that on PostgreSQL).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
  await db.insertInto('data_version').values({ id: 1, version: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_version').execute();
}
