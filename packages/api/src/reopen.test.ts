import { verifyResults } from '@antoan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

// Issue 16, point 9: a refused ("không công nhận") file could not be reopened. core's cycle now has `reopen`
// (not_recognised → self_assessed) for the officers who decide the unit's level, with a reason; the refusal's
// decision leaves the file (the audit log keeps it). Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
}, 60_000);
afterAll(() => env.destroy());

describe("a file's lock on its grading sheet", () => {
  it('says the sheet of a recognised, locked file is locked (the page shows it read-only), and not that of a refused one', async () => {
    const admin = env.callerFor('admin');
    expect((await admin.grading.get({ unitId: env.unitId('XA-QB-BD-QTHUY'), year: 2021 })).locked).toBe(true);
    expect((await admin.grading.get({ unitId: env.unitId('XA-QB-BD-QTIEN'), year: 2021 })).locked).toBe(false);
  });
});

describe('a refused file', () => {
  it('is reopened with a reason by an officer of its level, audited, and goes through the cycle again', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTIEN-3'); // the demo's 2021 dispute: refused
    const admin = env.callerFor('admin');
    const file = await admin.assessments.get({ unitId, year: 2021 });
    expect(file.status).toBe('not_recognised');
    expect(file.actions).toEqual(['reopen']);
    const refusal = file.record?.decided;
    expect(refusal?.number).toBeTruthy();
    const version = file.record?.version ?? 0;

    // a unit reporter never decides; without a reason it is refused
    expect(
      (await env.callerFor('unit_reporter').assessments.get({ unitId: env.unitId('KDC-QB-BD-QTHUY-1'), year: 2021 }))
        .actions,
    ).not.toContain('reopen');
    const noReason = await failure(() =>
      admin.assessments.transition({ unitId, year: 2021, version, action: 'reopen' }),
    );
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(noReason.data.fieldErrors?.[0]).toMatchObject({ path: 'note' });

    const reason = 'Tranh chấp đã được hòa giải thành, xem xét lại';
    const reopened = await env
      .callerFor('province_officer')
      .assessments.transition({ unitId, year: 2021, version, action: 'reopen', note: reason });
    expect(reopened).toMatchObject({ status: 'self_assessed', decided: null, isLocked: false });
    expect(reopened.appraised?.note).toBe(reason);
    const audit = await admin.audit.list({ entity: 'assessment', entityId: String(reopened.id) });
    expect(audit[0]).toMatchObject({
      action: 'assessment.reopen',
      userId: env.users.province_officer.id,
      before: { status: 'not_recognised', decided: { number: refusal?.number } },
      after: { status: 'self_assessed', decided: null },
    });
    // back in the cycle: submitted again; the computed result is still the engine's (the dispute stands)
    const again = await admin.assessments.get({ unitId, year: 2021 });
    expect(again.actions).toContain('submit');
    expect(again.evaluation.result).toBe('CHUA_DAT');
    expect((await verifyResults(env.handle.db, { now: new Date('2026-11-20T03:00:00Z') })).differences).toEqual([]);
  });
});
