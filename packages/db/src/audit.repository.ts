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
  await db.updateTable('data_version').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
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

export async function listAudit(
  db: Kysely<Database>,
  filter: { entity?: string | undefined; entityId?: string | undefined; limit: number; beforeId?: number | undefined },
): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    userId: row.user_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
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
  await db.updateTable('data_version').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
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
