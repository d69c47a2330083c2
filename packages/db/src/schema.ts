import type { AreaKind, AreaLevel, ManagingLevel, UnitType } from '@antoan/core';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables as Kysely sees them. Column names are snake_case; repositories map rows to core's camelCase
 * domain types, so these row types never leave this package. Dates are ISO text (`YYYY-MM-DD`) and
 * timestamps ISO text in UTC on both dialects, so they compare and sort the same in SQLite and PostgreSQL.
 */
export interface Database {
  areas: AreaTable;
  units: UnitTable;
  area_lineage: AreaLineageTable;
  unit_lineage: UnitLineageTable;
  unit_versions: UnitVersionTable;
  users: UserTable;
  login_attempts: LoginAttemptTable;
  login_refusals: LoginRefusalTable;
  login_account_failures: LoginAccountFailureTable;
  sessions: SessionTable;
  assessments: AssessmentTable;
  assessment_answers: AssessmentAnswerTable;
  incidents: IncidentTable;
  grading_sheets: GradingSheetTable;
  grading_scores: GradingScoreTable;
  quarterly_reports: QuarterlyReportTable;
  models: ModelTable;
  awards: AwardTable;
  audit_log: AuditLogTable;
  data_version: DataVersionTable;
  job_runs: JobRunTable;
  notifications: NotificationTable;
  reminder_deliveries: ReminderDeliveryTable;
  mail_outbox: MailOutboxTable;
  stat_snapshots: StatSnapshotTable;
  snapshot_requests: SnapshotRequestTable;
  unit_results: UnitResultTable;
  result_years: ResultYearTable;
  area_result_totals: AreaResultTotalTable;
}

/** 0 or 1: flags are integers on both dialects (see migration 0002). */
export type Flag = ColumnType<number, number | undefined, number>;

/** The dated administrative tree: `valid_from` inclusive, `valid_to` exclusive, `NULL` while it exists. */
export interface AreaTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: AreaKind;
  level: AreaLevel;
  parent_id: number | null;
  valid_from: string;
  valid_to: string | null;
  /** `foldForSearch(name)`: lower case, no diacritics, đ → d. */
  search_key: string;
  /** `vietnameseSortKey(name)`: binary order is Vietnamese alphabetical order. */
  sort_key: string;
}

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  type: UnitType;
  area_id: number;
  managing_level: ManagingLevel;
  /** `foldForSearch(name + ' ' + code)`. */
  search_key: string;
  /** `vietnameseSortKey(name)`: binary order is Vietnamese alphabetical order. */
  sort_key: string;
  is_armed_forces: Flag;
  enterprise_size: string | null;
  school_level: string | null;
  /** A department of the Ministry of Public Security monitors it: the Ministry recognises it (Art. 10). */
  is_ministry_monitored: Flag;
  /** Its managing People's Committee delegated recognition one level down (Art. 10). */
  is_recognition_delegated: Flag;
  /** The first day it exists (migration 1502; '1900-01-01' for a unit older than the records). */
  valid_from: Generated<string>;
  /** The day it ceased to exist (exclusive), or NULL. */
  valid_to: string | null;
}

/**
 * An earlier period of a unit's membership and eligibility attributes (migration 2001): from `valid_from`
 * (inclusive) to `valid_to` (exclusive). The `units` row holds the values in force since the last period ends.
 */
export interface UnitVersionTable {
  unit_id: number;
  valid_from: string;
  valid_to: string;
  area_id: number;
  type: UnitType;
  managing_level: ManagingLevel;
  is_armed_forces: Flag;
  enterprise_size: string | null;
  school_level: string | null;
  is_ministry_monitored: Flag;
  is_recognition_delegated: Flag;
}

/** A unit ended by a reorganisation and the unit that took it over (migration 1503). */
export interface UnitLineageTable {
  predecessor_id: number;
  successor_id: number;
  effective_date: string;
  note: string | null;
}

export interface AreaLineageTable {
  id: Generated<number>;
  predecessor_id: number;
  successor_id: number;
  event: 'merge' | 'split' | 'rename';
  effective_date: string;
  note: string | null;
}

/** A sign-in attempt started from a client address (migration 1901): deleted when it succeeds. */
export interface LoginAttemptTable {
  id: Generated<number>;
  client_key: string;
  at: string;
}

/** The refusal of a client's current blocked spell, reported once (migration 1901). */
export interface LoginRefusalTable {
  client_key: string;
  retry_at: string;
}

/** An account's wrong passwords in a row from one client address, and that client's lock (migration 1901). */
export interface LoginAccountFailureTable {
  user_id: number;
  client_key: string;
  failures: number;
  locked_until: string | null;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  area_id: number | null;
  unit_id: number | null;
  email: string | null;
  is_disabled: Flag;
  created_at: string;
  password_changed_at: string;
  failed_logins: Generated<number>;
  /** ISO timestamp until which sign-in is refused after repeated failures, or null. */
  locked_until: string | null;
  /** 1 while the user signs in with a one-time password and must choose their own (migration 1601). */
  must_change_password: Flag;
}

export interface SessionTable {
  /** SHA-256 of the session token: a leaked table does not give working cookies. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface AssessmentTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  catalogue_id: string;
  status: string;
  version: Generated<number>;
  is_locked: Flag;
  registered_at: string;
  registered_by: number | null;
  self_assessed_at: string | null;
  self_assessed_by: number | null;
  submitted_at: string | null;
  submitted_by: number | null;
  appraised_at: string | null;
  appraised_by: number | null;
  appraisal_note: string | null;
  decided_at: string | null;
  decided_by: number | null;
  decision_number: string | null;
  decision_date: string | null;
  decision_authority: string | null;
  certificate_number: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
  revoke_reason: string | null;
  revoke_document: string | null;
  /** JSON array of criterion codes to (re-)answer after a catalogue correction (migration 2026-12-01-1002). */
  criteria_to_review: ColumnType<string, string | undefined, string>;
}

export interface AssessmentAnswerTable {
  assessment_id: number;
  criterion_code: string;
  /** JSON text. */
  value: string;
  evidence_note: string | null;
  /** JSON array of URLs. */
  evidence_links: ColumnType<string, string | undefined, string>;
  /** JSON: the answer as it was before a catalogue correction changed its meaning, else null. */
  legacy_value: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IncidentTable {
  id: Generated<number>;
  unit_id: number;
  occurred_on: string;
  criterion_code: string;
  item: string | null;
  description: string;
  created_at: string;
  created_by: number | null;
  /** 'handled_promptly' | 'force_majeure': why it does not disqualify, where its item admits it. */
  exception: ColumnType<string | null, string | null | undefined, string | null>;
  exception_decided_by: ColumnType<number | null, number | null | undefined, number | null>;
  exception_decided_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** What the incident named before a catalogue correction remapped it ('CQDN-3 d'), else null. */
  legacy_ref: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface GradingSheetTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  template_id: string;
  version: Generated<number>;
  updated_at: string;
  updated_by: number | null;
}

export interface GradingScoreTable {
  sheet_id: number;
  item_code: string;
  self_score: number | null;
  verified_score: number | null;
  note: string | null;
}

export interface QuarterlyReportTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  quarter: number;
  crimes: number;
  social_evils: number;
  fires_explosions_accidents: number;
  propaganda_sessions: number;
  people_reached: number;
  tip_offs: number;
  new_models: number;
  meetings: number;
  notes: string | null;
  submitted_at: string;
  submitted_by: number | null;
  /** 1 when its Vietnam date is on or before the quarter's due date (core's isReportOnTime); NULL until computed. */
  on_time: number | null;
}

export interface ModelTable {
  id: Generated<number>;
  name: string;
  category: string;
  area_id: number;
  host_unit_id: number | null;
  started_on: string;
  stopped_on: string | null;
  sites: number;
  teams: number;
  is_advanced_example: Flag;
  search_key: string;
}

export interface AwardTable {
  id: Generated<number>;
  kind: string;
  recipient_kind: 'collective' | 'individual';
  area_id: number;
  unit_id: number | null;
  recipient_name: string;
  issuer: string;
  year: number;
  decision_number: string;
  decision_date: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  /** JSON of the record before the change (null on create). */
  before: string | null;
  /** JSON of the record after the change (null on delete). */
  after: string | null;
}

/** One run of a scheduled job for one period (migration 0003): the claim, the lease and the outcome. */
export interface JobRunTable {
  id: Generated<number>;
  job: string;
  period_key: string;
  status: 'running' | 'done' | 'failed';
  owner: string;
  lease_until: string;
  attempts: ColumnType<number, number | undefined, number>;
  started_at: string;
  finished_at: string | null;
  /** JSON. */
  summary: string | null;
  last_error: string | null;
}

/** An in-app notification (a reminder digest), in both languages; `dedupe_key` is unique. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  /** JSON. */
  data: ColumnType<string, string | undefined, string>;
  dedupe_key: string;
  job_run_id: number | null;
  created_at: string;
  read_at: string | null;
}

/** One person told of one reminder stage (its occasion key), once: the primary key is (user, occasion). */
export interface ReminderDeliveryTable {
  user_id: number;
  occasion_key: string;
  notification_id: number | null;
  created_at: string;
}

/** A mail to send (or, without SMTP, to log): status, attempts and the next attempt stay visible. */
export interface MailOutboxTable {
  id: Generated<number>;
  notification_id: number | null;
  dedupe_key: string;
  to_address: string;
  subject: string;
  text_body: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'logged';
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  created_at: string;
  sent_at: string | null;
  message_id: string | null;
}

/** Frozen statistics of a scope (`all` or `area:<id>`) for a period; unique per (scope, period). */
export interface StatSnapshotTable {
  id: Generated<number>;
  scope_key: string;
  area_id: number | null;
  period_key: string;
  year: number;
  as_of: string;
  area_name: string | null;
  area_parent_id: number | null;
  /** JSON arrays. */
  member_area_ids: string;
  member_unit_ids: string;
  unit_count: number;
  /** JSON. */
  statistics: string;
  job_run_id: number | null;
  created_at: string;
}

/** A snapshot asked for by an administrator, taken by the worker. */
export interface SnapshotRequestTable {
  id: Generated<number>;
  period_key: string;
  requested_by: number | null;
  requested_at: string;
  status: 'pending' | 'done' | 'failed';
  processed_at: string | null;
  job_run_id: number | null;
  error: string | null;
}

export type AreaRow = Selectable<AreaTable>;
export type NewAreaRow = Insertable<AreaTable>;
export type AreaUpdate = Updateable<AreaTable>;
export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;

/** One row (id 1): the number of audited changes so far. */
export interface DataVersionTable {
  id: number;
  version: number;
}

/** A (unit, year)'s stored result (migration 0006): written only by the results service, checked by `results:verify`. */
export interface UnitResultTable {
  unit_id: number;
  year: number;
  unit_type: UnitType;
  area_id: number;
  catalogue_id: string;
  /** The result every total counts: a locked file's recorded result (migration 1501), else the computed one. */
  result: string;
  /** A locked file's result on today's data, only where it differs from `result`; NULL otherwise. */
  computed_result: string | null;
  status: string;
  grade: string | null;
  reports_filed: number;
  reports_on_time: number;
  engine_version: number;
}

/** The stored results of an area's own units (not its descendants') counted by what a summary reads. */
export interface AreaResultTotalTable {
  year: number;
  area_id: number;
  unit_type: UnitType;
  result: string;
  catalogue_id: string;
  grade: string | null;
  units: number;
  filed_q1: number;
  filed_q2: number;
  filed_q3: number;
  filed_q4: number;
  on_time_q1: number;
  on_time_q2: number;
  on_time_q3: number;
  on_time_q4: number;
}

/** A year whose results are all stored, and the engine version they were computed with. */
export interface ResultYearTable {
  year: number;
  engine_version: number;
  computed_at: string;
}
