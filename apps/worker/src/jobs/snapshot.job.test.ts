import { computeAreaSummary, computeScopeSummaries } from '@antoan/services';
import type { ScopeFigures } from '@antoan/db/worker';
import { insertAreas, insertUnits, listAreasOn, upsertQuarterlyReport } from '@antoan/db';
import type { DatabaseHandle } from '@antoan/db/client';
import { seedDemo } from '@antoan/db/seed';
import { createTestDatabase } from '@antoan/db/testing';
import {
  countSnapshots,
  dueSnapshotPeriods,
  findJobRun,
  listSnapshotRequests,
  listSnapshots,
  requestSnapshot,
  takeSnapshot,
} from '@antoan/db/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSnapshots } from './snapshot.job.js';

// Snapshots on a real database with the Ba Đồn demo (SQLite in memory, or PostgreSQL with DATABASE_URL).

let handle: DatabaseHandle;
const figures: ScopeFigures = (o) => computeScopeSummaries(handle.db, o);
let scopes: number;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  scopes = (await listAreasOn(handle.db, '2022-12-31')).length + 1;
}, 60_000);
afterAll(() => handle.destroy());

const jan1 = new Date('2023-01-01T01:00:00Z');

/** Every stored scope of a period equals what the API's computeAreaSummary computes for it. */
async function expectSameAsComputeAreaSummary(periodKey: string, year: number, asOf: string) {
  const stored = await listSnapshots(handle.db, { periodKey });
  expect(stored).toHaveLength(scopes);
  for (const snapshot of stored) {
    expect(snapshot.statistics).toEqual(await computeAreaSummary(handle.db, snapshot.areaId ?? undefined, year, asOf));
  }
  return stored;
}

describe('dueSnapshotPeriods: quarter ends in Vietnam time', () => {
  it.each([
    ['2022-12-31T16:59:00Z', ['2022-Q2', '2022-Q3']], // 23:59 on 31 December in Vietnam: Q4 is not over
    ['2022-12-31T17:00:00Z', ['2022-Q3', '2022-Q4']], // 00:00 on 1 January in Vietnam
    ['2023-04-01T00:00:00Z', ['2022-Q4', '2023-Q1']],
  ])('at %s: %j', (instant, keys) => {
    expect(dueSnapshotPeriods(new Date(instant), 2).map((p) => p.key)).toEqual(keys);
  });
});

describe('takeSnapshot', () => {
  it('stores the figures of every area and of the whole set, equal to computeAreaSummary for each', async () => {
    const result = await takeSnapshot(handle.db, {
      figures,
      periodKey: '2021-Q4',
      now: new Date('2022-01-05T00:00:00Z'),
      owner: 'test',
    });
    expect(result).toMatchObject({ status: 'done', scopes, inserted: scopes });
    const stored = await expectSameAsComputeAreaSummary('2021-Q4', 2021, '2021-12-31');
    // The seed article's figures, frozen: 15/16 communes, 92/95 villages.
    const town = stored.find((s) => s.areaName === 'Ba Đồn')!;
    expect(town.statistics.units.byType.XA.recognitionRate?.text).toBe('15/16');
    expect(town.statistics.units.byType.KDC.recognitionRate?.text).toBe('92/95');
    expect(town.unitCount).toBe(town.memberUnitIds.length);
  });

  it('freezes the membership: later changes to the tree and the units do not alter it, and a rerun changes nothing', async () => {
    const now = new Date('2023-01-02T00:00:00Z');
    expect(await takeSnapshot(handle.db, { figures, periodKey: '2022-Q4', now, owner: 'first' })).toMatchObject({
      status: 'done',
      inserted: scopes,
    });
    const before = await expectSameAsComputeAreaSummary('2022-Q4', 2022, '2022-12-31');

    // In 2023 a village is added to a commune and a new commune appears.
    const commune = before.find((s) => s.areaName === 'Quảng Thủy')!;
    await insertUnits(handle.db, [
      { code: 'KDC-NEW-1', name: 'Thôn Mới', type: 'KDC', areaId: commune.areaId!, managingLevel: 'commune' },
    ]);
    await insertAreas(handle.db, [
      {
        code: 'NEW-XA',
        name: 'Xã Mới',
        kind: 'xa',
        level: 'commune',
        parentId: commune.areaParentId,
        validFrom: '2023-01-01',
        validTo: null,
      },
    ]);

    expect(await takeSnapshot(handle.db, { figures, periodKey: '2022-Q4', now, owner: 'second' })).toMatchObject({
      status: 'skipped',
      reason: 'done',
    });
    // Even a forced rerun (the run's record deleted) inserts nothing over the frozen rows.
    await handle.db.deleteFrom('job_runs').where('job', '=', 'snapshot').where('period_key', '=', '2022-Q4').execute();
    expect(await takeSnapshot(handle.db, { figures, periodKey: '2022-Q4', now, owner: 'third' })).toMatchObject({
      status: 'done',
      inserted: 0,
    });
    const after = await listSnapshots(handle.db, { periodKey: '2022-Q4' });
    expect(after.map(({ jobRunId: _a, ...s }) => s)).toEqual(before.map(({ jobRunId: _b, ...s }) => s));
    expect(after.find((s) => s.areaName === 'Quảng Thủy')!.memberUnitIds).toEqual(commune.memberUnitIds);
  });

  it('leaves no partial snapshot when it crashes in the middle of writing, and succeeds when tried again', async () => {
    const now = new Date('2022-10-03T00:00:00Z');
    let batches = 0;
    await expect(
      takeSnapshot(handle.db, {
        figures,
        periodKey: '2022-Q3',
        now,
        owner: 'crashing',
        batchSize: 5,
        afterBatch: (written) => {
          batches++;
          if (written >= 10) throw new Error('simulated crash after 10 rows');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(batches).toBe(2);
    expect(await countSnapshots(handle.db, '2022-Q3')).toBe(0);
    expect(await findJobRun(handle.db, 'snapshot', '2022-Q3')).toMatchObject({
      status: 'failed',
      lastError: 'simulated crash after 10 rows',
    });

    expect(await takeSnapshot(handle.db, { figures, periodKey: '2022-Q3', now, owner: 'retry' })).toMatchObject({
      status: 'done',
      inserted: scopes,
    });
    expect(await findJobRun(handle.db, 'snapshot', '2022-Q3')).toMatchObject({
      status: 'done',
      attempts: 2,
      lastError: null,
    });
  });

  it('refuses a period that is not over yet, and nonsense', async () => {
    await expect(takeSnapshot(handle.db, { figures, periodKey: '2023-Q1', now: jan1 })).rejects.toThrow(/not over yet/);
    await expect(requestSnapshot(handle.db, { periodKey: '2023-13-01', requestedBy: null, now: jan1 })).rejects.toThrow(
      /Invalid snapshot period/,
    );
  });
});

describe('runSnapshots: the worker catches up ended quarters and serves requests', () => {
  it('takes the last two ended quarters it missed (bounded), then an administrator’s on-demand request', async () => {
    // The worker was down from September 2020 to January 2021: 2020 Q3 and Q4 are caught up, Q2 is too old.
    const now = new Date('2021-01-04T02:00:00Z');
    const request = await requestSnapshot(handle.db, { periodKey: '2020-11-05', requestedBy: null, now });
    expect(await requestSnapshot(handle.db, { periodKey: '2020-11-05', requestedBy: null, now })).toEqual(request); // no double request
    const outcomes = await runSnapshots(handle.db, now, { catchUpQuarters: 2, owner: 'worker', leaseMs: 60_000 });
    expect(outcomes.map((o) => `${o.periodKey} ${o.result}`)).toEqual([
      '2020-Q3 done',
      '2020-Q4 done',
      '2020-11-05 done',
    ]);
    expect(await countSnapshots(handle.db, '2020-Q2')).toBe(0);
    await expectSameAsComputeAreaSummary('2020-Q4', 2020, '2020-12-31');
    const [served] = await listSnapshotRequests(handle.db);
    expect(served).toMatchObject({ id: request.id, status: 'done' });
    expect(served!.jobRunId).toBe((await findJobRun(handle.db, 'snapshot', '2020-11-05'))!.id);
    const day = await listSnapshots(handle.db, { periodKey: '2020-11-05', areaId: null });
    expect(day[0]).toMatchObject({ scopeKey: 'all', asOf: '2020-11-05', year: 2020 });

    // The next tick has nothing left to do.
    expect(await runSnapshots(handle.db, now, { catchUpQuarters: 2, owner: 'worker', leaseMs: 60_000 })).toEqual([]);
  });
});

describe('runSnapshots on a fresh install long after the demo years (issue 16)', () => {
  it('freezes no quarter of a year without a file or a report (no "2026" point at 0), and takes it once data begin', async () => {
    const now = new Date('2026-12-01T02:00:00Z'); // the demo's data stop in 2022
    const options = { catchUpQuarters: 2, owner: 'fresh', leaseMs: 60_000 };
    expect((await runSnapshots(handle.db, now, options)).map((o) => `${o.periodKey} ${o.result}`)).toEqual([
      '2026-Q2 skipped',
      '2026-Q3 skipped',
    ]);
    expect(await countSnapshots(handle.db, '2026-Q2')).toBe(0);
    expect(await countSnapshots(handle.db, '2026-Q3')).toBe(0);
    expect(await findJobRun(handle.db, 'snapshot', '2026-Q3')).toBeUndefined();

    // A unit files its Q3 2026 report: the year has data, the next tick freezes both quarters.
    const unit = await handle.db.selectFrom('units').select('id').orderBy('id').executeTakeFirstOrThrow();
    await upsertQuarterlyReport(
      handle.db,
      {
        unitId: unit.id,
        year: 2026,
        quarter: 3,
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
      },
      null,
      new Date('2026-09-18T02:00:00Z'),
    );
    expect((await runSnapshots(handle.db, now, options)).map((o) => `${o.periodKey} ${o.result}`)).toEqual([
      '2026-Q2 done',
      '2026-Q3 done',
    ]);
  });
});
