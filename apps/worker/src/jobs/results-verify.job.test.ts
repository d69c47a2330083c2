import { insertUser, listAudit, listUnitResults } from '@antoan/db';
import type { DatabaseHandle } from '@antoan/db/client';
import { seedDemo } from '@antoan/db/seed';
import { createTestDatabase } from '@antoan/db/testing';
import { listOutbox } from '@antoan/db/worker';
import { ensureResults } from '@antoan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runResultsVerify } from './results-verify.job.js';

let handle: DatabaseHandle;
const now = new Date('2023-01-10T19:30:00Z'); // 02:30 on 11 January in Vietnam
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, { withHistory: true });
  await ensureResults(handle.db, { now, currentYear: 2022 });
  await insertUser(
    handle.db,
    {
      username: 'quantri',
      displayName: 'Quản trị',
      passwordHash: 'x',
      role: 'admin',
      areaId: null,
      unitId: null,
      email: 'quantri@antoan.test',
    },
    now,
  );
}, 60_000);
afterAll(() => handle.destroy());

describe('the nightly check of the stored results', { timeout: 30_000 }, () => {
  it('finds nothing on results kept by the one writer, and says nothing', async () => {
    const report = await runResultsVerify(handle.db, now, { owner: 'test', leaseMs: 60_000 });
    expect(report).toMatchObject({ differences: [], totals: 0, reportTimes: 0 });
    expect(await listOutbox(handle.db)).toEqual([]);
    // once a night across workers: the same day is not checked twice
    expect(await runResultsVerify(handle.db, now, { owner: 'other', leaseMs: 60_000 })).toBeUndefined();
  });

  it('repairs a result written around the writer, records it in the audit log and mails the administrators', async () => {
    const [row] = await listUnitResults(handle.db, 2021);
    const wrong = row!.result === 'DAT' ? 'CHUA_DAT' : 'DAT';
    await handle.db
      .updateTable('unit_results')
      .set({ result: wrong })
      .where('unit_id', '=', row!.unitId)
      .where('year', '=', 2021)
      .execute();
    const next = new Date(now.getTime() + 24 * 3600_000);
    const report = await runResultsVerify(handle.db, next, { owner: 'test', leaseMs: 60_000 });
    expect(report?.differences).toHaveLength(1);
    expect((await listUnitResults(handle.db, 2021, [row!.unitId]))[0]!.result).toBe(row!.result);
    const audit = await listAudit(handle.db, { entity: 'unit_result', entityId: `${row!.unitId}:2021`, limit: 10 });
    expect(audit[0]).toMatchObject({
      action: 'results.repair',
      before: { result: wrong },
      after: { result: row!.result },
    });
    const mails = await listOutbox(handle.db);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'quantri@antoan.test', status: 'pending' });
    expect(mails[0]!.subject).toContain('Kết quả lưu trữ đã được sửa (1)');
    expect(mails[0]!.text).toContain(`unit ${row!.unitId}, 2021: ${wrong} → ${row!.result}`);
  });
});
