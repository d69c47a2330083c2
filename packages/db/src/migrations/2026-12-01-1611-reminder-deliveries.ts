import type { Kysely } from 'kysely';

// Who was told of which reminder stage (issue 16): the worker tells each person of every stage still
// outstanding (a fresh install, a new user, a worker down for weeks), and of each one only once. Unique on
// (user, occasion): two workers that plan the same delivery cannot both store it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reminder_deliveries')
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('occasion_key', 'text', (col) => col.notNull())
    .addColumn('notification_id', 'integer', (col) => col.references('notifications.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('reminder_deliveries_pk', ['user_id', 'occasion_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminder_deliveries').execute();
}
