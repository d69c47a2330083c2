import { sql, type Kysely } from 'kysely';
import { withIdColumn } from './helpers.js';

// The whole domain of a year: eligibility attributes of units, area lineage, users and sessions,
// assessments with answers, incidents, grading sheets, quarterly reports, models, awards, the audit log.

export async function up(db: Kysely<any>): Promise<void> {
  // Flags are integers 0/1 on both dialects: better-sqlite3 cannot bind JS booleans and PostgreSQL will
  // not take 0/1 for a boolean column, so one representation keeps the repositories dialect-free.
  const flag = (name: string) => (col: any) => col.notNull().defaultTo(0).check(sql.raw(`${name} in (0, 1)`));

  // Eligibility attributes (circular 124/2021: armed-forces agencies, small and micro enterprises, primary
  // schools, kindergartens and crèches are excluded).
  await db.schema.alterTable('units').addColumn('is_armed_forces', 'integer', flag('is_armed_forces')).execute();
  await db.schema.alterTable('units').addColumn('enterprise_size', 'text').execute();
  await db.schema.alterTable('units').addColumn('school_level', 'text').execute();

  await withIdColumn(db, db.schema.createTable('area_lineage'))
    .addColumn('predecessor_id', 'integer', (col) => col.notNull().references('areas.id'))
    .addColumn('successor_id', 'integer', (col) => col.notNull().references('areas.id'))
    .addColumn('event', 'text', (col) => col.notNull().check(sql`event in ('merge', 'split', 'rename')`))
    .addColumn('effective_date', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addUniqueConstraint('area_lineage_pair', ['predecessor_id', 'successor_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('users'))
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) =>
      col.notNull().check(sql`role in ('admin', 'province_officer', 'commune_officer', 'unit_reporter', 'viewer')`),
    )
    .addColumn('area_id', 'integer', (col) => col.references('areas.id'))
    .addColumn('unit_id', 'integer', (col) => col.references('units.id'))
    .addColumn('email', 'text')
    .addColumn('is_disabled', 'integer', flag('is_disabled'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('password_changed_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await withIdColumn(db, db.schema.createTable('assessments'))
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('catalogue_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`status in ('registered', 'self_assessed', 'submitted', 'appraised', 'recognised', 'not_recognised', 'revoked')`,
        ),
    )
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('is_locked', 'integer', flag('is_locked'))
    .addColumn('registered_at', 'text', (col) => col.notNull())
    .addColumn('registered_by', 'integer', (col) => col.references('users.id'))
    .addColumn('self_assessed_at', 'text')
    .addColumn('self_assessed_by', 'integer', (col) => col.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer', (col) => col.references('users.id'))
    .addColumn('appraised_at', 'text')
    .addColumn('appraised_by', 'integer', (col) => col.references('users.id'))
    .addColumn('appraisal_note', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer', (col) => col.references('users.id'))
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('decision_authority', 'text')
    .addColumn('certificate_number', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'integer', (col) => col.references('users.id'))
    .addColumn('revoke_reason', 'text')
    .addColumn('revoke_document', 'text')
    .addUniqueConstraint('assessments_unit_year', ['unit_id', 'year'])
    .execute();
  await db.schema.createIndex('assessments_year_idx').on('assessments').columns(['year', 'status']).execute();

  await db.schema
    .createTable('assessment_answers')
    .addColumn('assessment_id', 'integer', (col) => col.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('criterion_code', 'text', (col) => col.notNull())
    /** JSON: the answer in the shape the criterion's kind expects (core's answer schema). */
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('evidence_note', 'text')
    /** JSON array of URLs. */
    .addColumn('evidence_links', 'text', (col) => col.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('assessment_answers_pk', ['assessment_id', 'criterion_code'])
    .execute();

  await withIdColumn(db, db.schema.createTable('incidents'))
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('occurred_on', 'text', (col) => col.notNull())
    .addColumn('criterion_code', 'text', (col) => col.notNull())
    .addColumn('item', 'text')
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .execute();
  await db.schema.createIndex('incidents_unit_date_idx').on('incidents').columns(['unit_id', 'occurred_on']).execute();

  await withIdColumn(db, db.schema.createTable('grading_sheets'))
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('template_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'integer', (col) => col.references('users.id'))
    .addUniqueConstraint('grading_sheets_unit_year', ['unit_id', 'year'])
    .execute();

  await db.schema
    .createTable('grading_scores')
    .addColumn('sheet_id', 'integer', (col) => col.notNull().references('grading_sheets.id').onDelete('cascade'))
    .addColumn('item_code', 'text', (col) => col.notNull())
    .addColumn('self_score', 'real')
    .addColumn('verified_score', 'real')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('grading_scores_pk', ['sheet_id', 'item_code'])
    .execute();

  await withIdColumn(db, db.schema.createTable('quarterly_reports'))
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('quarter', 'integer', (col) => col.notNull().check(sql`quarter between 1 and 4`))
    .addColumn('crimes', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('social_evils', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('fires_explosions_accidents', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('propaganda_sessions', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('people_reached', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('tip_offs', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('new_models', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('meetings', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('submitted_at', 'text', (col) => col.notNull())
    .addColumn('submitted_by', 'integer', (col) => col.references('users.id'))
    .addUniqueConstraint('quarterly_reports_unit_period', ['unit_id', 'year', 'quarter'])
    .execute();
  await db.schema.createIndex('quarterly_reports_period_idx').on('quarterly_reports').columns(['year', 'quarter']).execute();

  await withIdColumn(db, db.schema.createTable('models'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('area_id', 'integer', (col) => col.notNull().references('areas.id'))
    .addColumn('host_unit_id', 'integer', (col) => col.references('units.id'))
    .addColumn('started_on', 'text', (col) => col.notNull())
    .addColumn('stopped_on', 'text')
    .addColumn('sites', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('teams', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('is_advanced_example', 'integer', flag('is_advanced_example'))
    .addColumn('search_key', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('models_area_idx').on('models').column('area_id').execute();

  await withIdColumn(db, db.schema.createTable('awards'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('recipient_kind', 'text', (col) => col.notNull().check(sql`recipient_kind in ('collective', 'individual')`))
    .addColumn('area_id', 'integer', (col) => col.notNull().references('areas.id'))
    .addColumn('unit_id', 'integer', (col) => col.references('units.id'))
    .addColumn('recipient_name', 'text', (col) => col.notNull())
    .addColumn('issuer', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('decision_number', 'text', (col) => col.notNull())
    .addColumn('decision_date', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('awards_area_year_idx').on('awards').columns(['area_id', 'year']).execute();

  await withIdColumn(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log', 'awards', 'models', 'quarterly_reports', 'grading_scores', 'grading_sheets', 'incidents',
    'assessment_answers', 'assessments', 'sessions', 'users', 'area_lineage',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['school_level', 'enterprise_size', 'is_armed_forces']) {
    await db.schema.alterTable('units').dropColumn(column).execute();
  }
}
