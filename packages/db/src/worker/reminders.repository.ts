import {
  digestMail,
  DomainError,
  PERMISSIONS,
  reminderDeliveryKey,
  type EnterpriseSize,
  type ObligationFacts,
  type ReminderArea,
  type ReminderOccasion,
  type ReminderPlan,
  type ReminderUnit,
  type ReminderUser,
  type Role,
  type SchoolLevel,
} from '@antoan/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { chunk } from '../chunk.js';
import { finishJobRun, type JobRun } from './job-runs.repository.js';
import { insertNotifications } from './notifications.repository.js';
import { enqueueMails } from './outbox.repository.js';

// What the reminder planner (core's planReminders) needs, loaded in a handful of whole-table queries (no
// per-unit round trips, no IN lists: the national case has ~100,000 units), and the one transaction that
// stores a day's digests as notifications and queued mails together with the run's completion.

export interface ReminderInputs {
  units: ReminderUnit[];
  areas: ReminderArea[];
  users: ReminderUser[];
  facts: Map<string, ObligationFacts>;
}

/**
 * Loads the units of the areas that exist on `day`, those areas, the users who may receive reminders, and for
 * each occasion's deadline the units that have done what it asks (and, for the self-assessment and the
 * grading, the registered units it applies to).
 */
export async function loadReminderInputs(
  db: Kysely<Database>,
  occasions: readonly ReminderOccasion[],
  day: string,
): Promise<ReminderInputs> {
  const facts = new Map<string, ObligationFacts>();
  if (occasions.length === 0) return { units: [], areas: [], users: [], facts };

  const areaRows = await db
    .selectFrom('areas')
    .select(['id', 'name', 'parent_id', 'level'])
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .execute();
  const areas: ReminderArea[] = areaRows.map((a) => ({
    id: a.id,
    name: a.name,
    parentId: a.parent_id,
    level: a.level,
  }));
  const validAreas = new Set(areas.map((a) => a.id));

  const unitRows = await db
    .selectFrom('units')
    .select([
      'id',
      'code',
      'name',
      'type',
      'area_id',
      'managing_level',
      'is_armed_forces',
      'enterprise_size',
      'school_level',
    ])
    .execute();
  const units: ReminderUnit[] = [];
  for (const u of unitRows) {
    if (!validAreas.has(u.area_id)) continue;
    units.push({
      id: u.id,
      code: u.code,
      name: u.name,
      type: u.type,
      areaId: u.area_id,
      managingLevel: u.managing_level,
      isArmedForces: u.is_armed_forces === 1,
      enterpriseSize: u.enterprise_size as EnterpriseSize | null,
      schoolLevel: u.school_level as SchoolLevel | null,
    });
  }

  const userRows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'area_id', 'unit_id', 'email'])
    .where('is_disabled', '=', 0)
    .where('role', 'in', PERMISSIONS['reminders.receive'])
    .execute();
  const users: ReminderUser[] = userRows.map((u) => ({
    id: u.id,
    displayName: u.display_name,
    role: u.role as Role,
    areaId: u.area_id,
    unitId: u.unit_id,
    email: u.email,
  }));

  const assessmentsOf = new Map<number, Promise<{ unit_id: number; status: string }[]>>();
  const assessments = (year: number) => {
    let rows = assessmentsOf.get(year);
    if (!rows) {
      rows = db.selectFrom('assessments').select(['unit_id', 'status']).where('year', '=', year).execute();
      assessmentsOf.set(year, rows);
    }
    return rows;
  };

  for (const occasion of occasions) {
    if (facts.has(occasion.deadlineKey)) continue;
    switch (occasion.obligation) {
      case 'quarterly_report': {
        const rows = await db
          .selectFrom('quarterly_reports')
          .select('unit_id')
          .where('year', '=', occasion.year)
          .where('quarter', '=', occasion.quarter ?? 0)
          .execute();
        facts.set(occasion.deadlineKey, { done: new Set(rows.map((r) => r.unit_id)) });
        break;
      }
      case 'registration': {
        facts.set(occasion.deadlineKey, { done: new Set((await assessments(occasion.year)).map((r) => r.unit_id)) });
        break;
      }
      case 'self_assessment': {
        const rows = await assessments(occasion.year);
        facts.set(occasion.deadlineKey, {
          expected: new Set(rows.map((r) => r.unit_id)),
          done: new Set(rows.filter((r) => r.status !== 'registered').map((r) => r.unit_id)),
        });
        break;
      }
      case 'recognition': {
        const rows = await assessments(occasion.year);
        facts.set(occasion.deadlineKey, {
          expected: new Set(rows.map((r) => r.unit_id)),
          done: new Set(
            rows
              .filter((r) => r.status === 'recognised' || r.status === 'not_recognised' || r.status === 'revoked')
              .map((r) => r.unit_id),
          ),
        });
        break;
      }
      case 'grading': {
        const rows = await db
          .selectFrom('grading_sheets')
          .select('unit_id')
          .where('year', '=', occasion.year)
          .execute();
        facts.set(occasion.deadlineKey, {
          expected: new Set((await assessments(occasion.year)).map((r) => r.unit_id)),
          done: new Set(rows.map((r) => r.unit_id)),
        });
        break;
      }
    }
  }
  return { units, areas, users, facts };
}

/**
 * What the people who may receive reminders were told before of the given occasions, as core's
 * `reminderDeliveryKey`s (the planner's `alreadyTold`).
 */
export async function loadReminderDeliveries(
  db: Kysely<Database>,
  occasionKeys: readonly string[],
): Promise<Set<string>> {
  const told = new Set<string>();
  for (const part of chunk([...new Set(occasionKeys)], 200)) {
    const rows = await db
      .selectFrom('reminder_deliveries')
      .select(['user_id', 'occasion_key'])
      .where('occasion_key', 'in', part)
      .execute();
    for (const row of rows) told.add(reminderDeliveryKey(row.user_id, row.occasion_key));
  }
  return told;
}

export interface ReminderRunSummary {
  day: string;
  /** The stage days' occasions of the day. */
  occasions: string[];
  /** The occasions outstanding from earlier stages that reached someone who had not heard of them. */
  outstanding?: string[];
  missing: number;
  digests: number;
  notifications: number;
  mailsQueued: number;
  withoutEmail: number;
  unaddressed: number;
}

/**
 * Stores a day's plan in ONE transaction: the fence (the run must still be ours, else nothing is written), one
 * notification per digest, one queued mail per digest whose recipient has an address. Every row has a unique
 * dedupe key, so even a replayed plan inserts nothing twice; each (person, occasion) told is recorded in
 * `reminder_deliveries`. `occasions` are the stage days' occasions, `outstanding` the earlier stages also
 * planned (the summary names those that reached someone). Returns the run's summary.
 */
export async function saveReminderRun(
  db: Kysely<Database>,
  run: Pick<JobRun, 'id' | 'job' | 'periodKey' | 'owner'>,
  plan: ReminderPlan,
  occasions: readonly ReminderOccasion[],
  now: Date,
  outstanding: readonly ReminderOccasion[] = [],
): Promise<ReminderRunSummary> {
  const reached = new Set(plan.digests.flatMap((d) => d.sections.map((s) => s.occasionKey)));
  const told = outstanding.filter((o) => reached.has(o.key)).map((o) => o.key);
  const summary: ReminderRunSummary = {
    day: plan.day,
    occasions: occasions.map((o) => o.key),
    ...(told.length > 0 ? { outstanding: told } : {}),
    missing: plan.missing,
    digests: plan.digests.length,
    notifications: 0,
    mailsQueued: 0,
    withoutEmail: plan.digests.filter((d) => !d.email).length,
    unaddressed: plan.unaddressed.reduce((n, u) => n + u.unitIds.length, 0),
  };
  await db.transaction().execute(async (trx) => {
    await finishJobRun(trx, run, now, summary);
    const ids = await insertNotifications(
      trx,
      plan.digests.map((d) => ({
        userId: d.userId,
        kind: 'reminder',
        title: d.title,
        body: d.body,
        data: { day: d.day, itemCount: d.itemCount, sections: d.sections },
        dedupeKey: d.dedupeKey,
        jobRunId: run.id,
      })),
      now,
    );
    summary.notifications = ids.size;
    // Each person hears of each stage once: record what this run tells whom. A delivery stored meanwhile by
    // another worker (a concurrent run of another day) fails this run, which is tried again and plans anew.
    const deliveries = plan.digests.flatMap((d) =>
      ids.has(d.dedupeKey)
        ? d.sections.map((s) => ({
            user_id: d.userId,
            occasion_key: s.occasionKey,
            notification_id: ids.get(d.dedupeKey) ?? null,
            created_at: now.toISOString(),
          }))
        : [],
    );
    for (const part of chunk(deliveries, 200)) {
      const stored = await trx
        .insertInto('reminder_deliveries')
        .values(part)
        .onConflict((oc) => oc.columns(['user_id', 'occasion_key']).doNothing())
        .returning('user_id')
        .execute();
      if (stored.length !== part.length) {
        throw new DomainError('CONFLICT', {
          vi: 'Một nhắc việc vừa được gửi bởi tiến trình khác; lượt chạy sẽ được lập lại',
          en: 'A reminder was just delivered by another worker; the run will be planned again',
        });
      }
    }
    const mails = plan.digests.flatMap((d) =>
      d.email && ids.has(d.dedupeKey)
        ? [
            {
              notificationId: ids.get(d.dedupeKey) ?? null,
              dedupeKey: `${d.dedupeKey}:mail`,
              to: d.email,
              ...digestMail(d),
            },
          ]
        : [],
    );
    summary.mailsQueued = await enqueueMails(trx, mails, now);
    // The summary with the final counts (the fence above already holds the row).
    await trx
      .updateTable('job_runs')
      .set({ summary: JSON.stringify(summary) })
      .where('id', '=', run.id)
      .execute();
  });
  return summary;
}
