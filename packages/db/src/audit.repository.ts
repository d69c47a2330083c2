import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | number;
  before: unknown;
  after: unknown;
  at: Date;
}

export interface AuditRecord {
  id: number;
  at: string;
  userId: number | null;
  /** The display name of who made the change (null for the system, e.g. the worker). */
  userName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * Records a change and bumps the data version. Call it with the transaction that makes the change, so all
 * commit or none.
 */
export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .updateTable('data_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at.toISOString(),
      user_id: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  userId?: number | undefined;
  action?: string | undefined;
  /** ISO timestamps: records at or after `since` and before `until`. */
  since?: string | undefined;
  until?: string | undefined;
  limit: number;
  beforeId?: number | undefined;
}

/** The newest records first, matching every filter given; `beforeId` pages on (keyset, by id). */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter): Promise<AuditRecord[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .selectAll('audit_log')
    .select(['users.username', 'users.display_name']);
  if (filter.entity) query = query.where('audit_log.entity', '=', filter.entity);
  if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.userId) query = query.where('audit_log.user_id', '=', filter.userId);
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.since) query = query.where('audit_log.at', '>=', filter.since);
  if (filter.until) query = query.where('audit_log.at', '<', filter.until);
  if (filter.beforeId) query = query.where('audit_log.id', '<', filter.beforeId);
  const rows = await query.orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    userId: row.user_id,
    userName: row.display_name ?? row.username ?? null,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}

/** The actions and entities the audit log holds, sorted, for the filters of its page. */
export async function listAuditKinds(db: Kysely<Database>): Promise<{ actions: string[]; entities: string[] }> {
  const actions = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  const entities = await db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute();
  return { actions: actions.map((r) => r.action), entities: entities.map((r) => r.entity) };
}

/** The number of audited changes committed so far: cached results computed at this version are current. */
export async function readDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * Records many changes at once (an import) and bumps the data version once. Call it with the transaction
 * that makes the changes, so all commit or none.
 */
export async function writeAudits(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .updateTable('data_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
  for (let i = 0; i < entries.length; i += 500) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + 500).map((entry) => ({
          at: entry.at.toISOString(),
          user_id: entry.userId,
          action: entry.action,
          entity: entry.entity,
          entity_id: String(entry.entityId),
          before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
          after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
        })),
      )
      .execute();
  }
}
