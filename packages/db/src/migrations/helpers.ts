import { PostgresAdapter, sql, type CreateTableBuilder, type Expression, type Kysely } from 'kysely';

// Frozen helpers for migrations only. Migrations never import application code: what they need lives here
// and must not change meaning once a migration that uses it has shipped.

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer surrogate key: `integer primary key autoincrement` in SQLite, an identity column in PostgreSQL. */
export function withIdColumn<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}

/** A column holding core's `vietnameseSortKey`: compared byte by byte (PostgreSQL needs `COLLATE "C"`). */
export function sortKeyType(db: Kysely<any>): Expression<unknown> {
  return isPostgres(db) ? sql`text collate "C"` : sql`text`;
}
