import { sql, type Kysely } from 'kysely';
import { sortKeyType, withIdColumn } from './helpers.js';

// The dated administrative tree and the assessed units.

export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('areas'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('level', 'text', (col) =>
      col.notNull().check(sql`level in ('province', 'district', 'commune')`),
    )
    .addColumn('parent_id', 'integer', (col) => col.references('areas.id').onDelete('restrict'))
    .addColumn('valid_from', 'text', (col) => col.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('search_key', 'text', (col) => col.notNull())
    .addColumn('sort_key', sortKeyType(db), (col) => col.notNull())
    .addCheckConstraint('areas_valid_range', sql`valid_to is null or valid_to > valid_from`)
    .execute();
  await db.schema.createIndex('areas_parent_idx').on('areas').column('parent_id').execute();

  await withIdColumn(db, db.schema.createTable('units'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) =>
      col.notNull().check(sql`type in ('KDC', 'XA', 'CQ', 'DN', 'CSGD')`),
    )
    .addColumn('area_id', 'integer', (col) => col.notNull().references('areas.id').onDelete('restrict'))
    .addColumn('managing_level', 'text', (col) =>
      col.notNull().check(sql`managing_level in ('commune', 'district', 'province')`),
    )
    .addColumn('search_key', 'text', (col) => col.notNull())
    .addColumn('sort_key', sortKeyType(db), (col) => col.notNull())
    .execute();
  await db.schema.createIndex('units_area_type_idx').on('units').columns(['area_id', 'type']).execute();
  await db.schema.createIndex('units_type_idx').on('units').column('type').execute();
  await db.schema.createIndex('units_sort_idx').on('units').columns(['sort_key', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('units').execute();
  await db.schema.dropTable('areas').execute();
}
