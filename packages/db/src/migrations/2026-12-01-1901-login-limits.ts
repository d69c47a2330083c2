import type { Kysely } from 'kysely';
import { withIdColumn } from './helpers.js';

// The sign-in limits in the database (issue 19): shared by every server, kept over a restart. Each sign-in
// attempt started from a client address (one row, deleted when it succeeds; rows out of the window pruned),
// the refusal reported for a client's blocked spell, and each account's wrong passwords in a row from one
// client address with its lock.

export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('login_attempts'))
    .addColumn('client_key', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_client_at').on('login_attempts').columns(['client_key', 'at']).execute();
  await db.schema.createIndex('login_attempts_at').on('login_attempts').column('at').execute();
  await db.schema
    .createTable('login_refusals')
    .addColumn('client_key', 'text', (col) => col.primaryKey())
    .addColumn('retry_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('login_account_failures')
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('client_key', 'text', (col) => col.notNull())
    .addColumn('failures', 'integer', (col) => col.notNull())
    .addColumn('locked_until', 'text')
    .addPrimaryKeyConstraint('login_account_failures_pk', ['user_id', 'client_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_account_failures').execute();
  await db.schema.dropTable('login_refusals').execute();
  await db.schema.dropTable('login_attempts').execute();
}
