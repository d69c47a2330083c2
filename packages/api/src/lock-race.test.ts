import type { Database } from '@antoan/db';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from './context.js';
import { createCaller } from './root.js';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

// A file locked between a request's own checks and its write: the year lock is re-checked inside the write's
// transaction (services' audited), so the write is refused and nothing of it is stored. Another transaction
// locks the file at the last moment before the request opens its write transaction (the database handed to
// the request opens it through connection() on SQLite, transaction() on PostgreSQL). Runs on SQLite, and on
// PostgreSQL when DATABASE_URL is set.

let env: ApiTestEnvironment;
const VILLAGES = [
  'KDC-QB-BD-QTHUY-1',
  'KDC-QB-BD-QTHUY-2',
  'KDC-QB-BD-QTHUY-3',
  'KDC-QB-BD-QTHUY-4',
  'KDC-QB-BD-QTHUY-5',
];
beforeAll(async () => {
  env = await createApiTestEnvironment();
  // registered before any of them is locked (a file locked behind the engine's back would refuse the others)
  for (const code of VILLAGES)
    await env.callerFor('admin').assessments.register({ unitId: env.unitId(code), year: YEAR });
});
afterAll(() => env.destroy());

const YEAR = 2022;

/** The database as a request sees it, with `lock` run (once, by another transaction) before its write opens. */
function lockingBeforeWrite(db: Kysely<Database>, lock: () => Promise<void>): Kysely<Database> {
  let locked = false;
  const opening = (builder: { execute: (work: never) => Promise<unknown> }) =>
    new Proxy(builder, {
      get: (target, property) =>
        property === 'execute'
          ? async (work: never) => {
              if (!locked) {
                locked = true;
                await lock();
              }
              return target.execute(work);
            }
          : (Reflect.get(target, property) as unknown),
    });
  return new Proxy(db, {
    get: (target, property) => {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'connection' || property === 'transaction') {
        return () => opening((value as () => { execute: (work: never) => Promise<unknown> }).call(target));
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

/** Another transaction recognises and locks the unit's file of YEAR. */
async function lockFile(unitId: number): Promise<void> {
  await env.handle.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('assessments')
      .set({ status: 'recognised', is_locked: 1 })
      .where('unit_id', '=', unitId)
      .where('year', '=', YEAR)
      .execute();
  });
}

function callerLockingBeforeWrite(unitId: number) {
  return createCaller(
    createContextInner({
      db: lockingBeforeWrite(env.handle.db, () => lockFile(unitId)),
      now: () => new Date('2022-06-01T03:00:00Z'),
      user: env.users.admin,
    }),
  );
}

const incidentOn = (unitId: number) => ({
  unitId,
  occurredOn: '2022-05-01',
  criterionCode: 'KDC-3',
  item: 'e',
  description: 'Tranh chấp đất đai kéo dài',
});

async function countRows(table: 'incidents' | 'quarterly_reports' | 'grading_sheets', unitId: number): Promise<number> {
  const rows = await env.handle.db.selectFrom(table).select('id').where('unit_id', '=', unitId).execute();
  return rows.length;
}

async function auditCount(action: string): Promise<number> {
  const rows = await env.handle.db.selectFrom('audit_log').select('id').where('action', '=', action).execute();
  return rows.length;
}

describe('a file locked after the checks and before the write', () => {
  it('refuses an incident: the lock is asked again inside the transaction', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-1');
    const incident = incidentOn(unitId);
    const audits = await auditCount('incident.create');

    const refused = await failure(() => callerLockingBeforeWrite(unitId).incidents.create(incident));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.data.text.en).toMatch(/recognised and therefore locked/);
    expect(await countRows('incidents', unitId)).toBe(0);
    expect(await auditCount('incident.create')).toBe(audits);
    // the file was open at the request's own check: locked by the other transaction, it is locked now
    expect((await env.callerFor('admin').assessments.get({ unitId, year: YEAR })).record?.isLocked).toBe(true);
  });

  it('refuses a quarterly report of the locked window', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-2');
    const report = {
      unitId,
      year: YEAR,
      quarter: 2,
      counts: {
        crimes: 0,
        socialEvils: 0,
        firesExplosionsAccidents: 0,
        propagandaSessions: 1,
        peopleReached: 10,
        tipOffs: 0,
        newModels: 0,
        meetings: 1,
      },
      notes: null,
    };
    const refused = await failure(() => callerLockingBeforeWrite(unitId).reports.submit(report));
    expect(refused.code).toBe('CONFLICT');
    expect(await countRows('quarterly_reports', unitId)).toBe(0);
  });

  it('refuses deleting an incident of the locked window: the incident stays', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-4');
    const admin = env.callerFor('admin');
    const incident = await createCaller(
      createContextInner({ db: env.handle.db, now: () => new Date('2022-06-01T03:00:00Z'), user: env.users.admin }),
    ).incidents.create(incidentOn(unitId));
    const audits = await auditCount('incident.delete');

    const refused = await failure(() => callerLockingBeforeWrite(unitId).incidents.delete({ incidentId: incident.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.data.text.en).toMatch(/recognised and therefore locked/);
    expect(await countRows('incidents', unitId)).toBe(1);
    expect(await auditCount('incident.delete')).toBe(audits);
    expect((await admin.assessments.get({ unitId, year: YEAR })).record?.isLocked).toBe(true);
  });

  it('refuses grading scores of the locked year: no sheet is stored', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-5');
    const empty = await env.callerFor('admin').grading.get({ unitId, year: YEAR });
    const items = empty.template.groups.flatMap((g) => g.items);
    const scores = Object.fromEntries(items.map((i) => [i.code, { self: i.maxPoints, verified: i.maxPoints }]));
    const audits = await auditCount('grading.save');

    const refused = await failure(() =>
      callerLockingBeforeWrite(unitId).grading.saveScores({
        unitId,
        year: YEAR,
        templateId: empty.template.id,
        version: null,
        scores,
      }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.data.text.en).toMatch(/recognised and therefore locked/);
    expect(await countRows('grading_sheets', unitId)).toBe(0);
    expect(await auditCount('grading.save')).toBe(audits);
  });

  it('writes when nobody locks the file meanwhile (the same path, without the other transaction)', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-3');
    const created = await createCaller(
      createContextInner({ db: env.handle.db, now: () => new Date('2022-06-01T03:00:00Z'), user: env.users.admin }),
    ).incidents.create(incidentOn(unitId));
    expect(created.unitId).toBe(unitId);
    expect(await countRows('incidents', unitId)).toBe(1);
  });
});
