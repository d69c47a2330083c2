import { sql, type Kysely } from 'kysely';

// Issue 14 (the criteria as circular 124/2021 writes them), schema part:
// - incidents: the exception that keeps a serious crime or accident from disqualifying ("kịp thời phát
//   hiện, xử lý, báo cáo" or force majeure: KDC-4 b/d, CQDN-3 đ), who decided it and when; and
//   `legacy_ref`, the criterion and item an incident named before the catalogue correction remapped it;
// - assessment_answers.legacy_value: an answer as it was before the correction, when its meaning changed;
// - assessments.criteria_to_review: JSON array of the criterion codes that must be (re-)answered.
// The data itself is moved by 2026-12-01-1002.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('incidents')
    .addColumn('exception', 'text', (col) => col.check(sql`exception in ('handled_promptly', 'force_majeure')`))
    .execute();
  await db.schema
    .alterTable('incidents')
    .addColumn('exception_decided_by', 'integer', (col) => col.references('users.id'))
    .execute();
  await db.schema.alterTable('incidents').addColumn('exception_decided_at', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('legacy_ref', 'text').execute();
  await db.schema.alterTable('assessment_answers').addColumn('legacy_value', 'text').execute();
  await db.schema
    .alterTable('assessments')
    .addColumn('criteria_to_review', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessments').dropColumn('criteria_to_review').execute();
  await db.schema.alterTable('assessment_answers').dropColumn('legacy_value').execute();
  await db.schema.alterTable('incidents').dropColumn('legacy_ref').execute();
  await db.schema.alterTable('incidents').dropColumn('exception_decided_at').execute();
  await db.schema.alterTable('incidents').dropColumn('exception_decided_by').execute();
  await db.schema.alterTable('incidents').dropColumn('exception').execute();
}
