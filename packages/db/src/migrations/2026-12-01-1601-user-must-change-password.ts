import type { Kysely } from 'kysely';

// A user who signs in with a one-time password (a new account, a reset, the generated first admin) must
// choose their own before anything else: the server refuses every other call while the flag is set.
// The audit log's page filters by user and by action: an index for each.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('audit_log_user_idx').on('audit_log').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_action_idx').execute();
  await db.schema.dropIndex('audit_log_user_idx').execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
