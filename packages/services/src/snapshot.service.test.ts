import { isDomainError } from '@antoan/core';
import { listAudit } from '@antoan/db';
import type { DatabaseHandle } from '@antoan/db/client';
import { seedDemo } from '@antoan/db/seed';
import { createTestDatabase } from '@antoan/db/testing';
import { claimJobRun, findJobRun, listSnapshots, SNAPSHOT_JOB, takeSnapshot } from '@antoan/db/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeScopeSummaries, redoSnapshot } from './snapshot.service.js';

// A period frozen empty for good was what a worker did when it started beside a seeding server (issue 19):
// the snapshot now refuses figures that count no unit, and a frozen period can be taken again, audited.

const now = new Date('2026-10-02T01:00:00Z');
const figures = (db: DatabaseHandle['db']) => (o: { year: number; today: string; membershipDate: string }) =>
  computeScopeSummaries(db, { ...o, now });

describe('snapshots before and after the data is loaded', { timeout: 60_000 }, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  }, 60_000);
  afterAll(() => handle.destroy());

  it('refuses to freeze a database with no unit, and leaves the period to be taken later', async () => {
    const attempt = takeSnapshot(handle.db, { periodKey: '2026-Q3', now, figures: figures(handle.db) });
    await expect(attempt).rejects.toSatisfy((error) => isDomainError(error) && error.code === 'CONFLICT');
    await expect(attempt).rejects.toThrow(/no unit/);
    expect(await listSnapshots(handle.db, { periodKey: '2026-Q3' })).toEqual([]);
    expect((await findJobRun(handle.db, SNAPSHOT_JOB, '2026-Q3'))?.status).toBe('failed');
  });

  it('refuses figures computed before a seed committed, then freezes the loaded data', async () => {
    const stale = await figures(handle.db)({ year: 2026, today: '2026-06-30', membershipDate: '2026-06-30' });
    expect(stale.reduce((n, s) => n + s.unitIds.length, 0)).toBe(0);
    expect((await seedDemo(handle.db, { withHistory: false })).seeded).toBe(true);
    await expect(
      takeSnapshot(handle.db, { periodKey: '2026-Q2', now, figures: () => Promise.resolve(stale) }),
    ).rejects.toThrow(/no unit/);
    expect(await listSnapshots(handle.db, { periodKey: '2026-Q2' })).toEqual([]);

    const result = await takeSnapshot(handle.db, { periodKey: '2026-Q2', now, figures: figures(handle.db) });
    expect(result.status).toBe('done');
    const whole = (await listSnapshots(handle.db, { periodKey: '2026-Q2', areaId: null }))[0]!;
    expect(whole.unitCount).toBe(213);
  });

  it('redoes a frozen period: rows discarded and taken again, with an audit record saying why', async () => {
    const before = await listSnapshots(handle.db, { periodKey: '2026-Q2' });
    const { discarded, result } = await redoSnapshot(handle.db, '2026-Q2', {
      userId: null,
      reason: 'frozen before the data was loaded',
      now: new Date(now.getTime() + 60_000),
    });
    expect(discarded).toBe(before.length);
    expect(result.status).toBe('done');
    const after = await listSnapshots(handle.db, { periodKey: '2026-Q2' });
    expect(after.map((s) => s.scopeKey)).toEqual(before.map((s) => s.scopeKey));
    expect(after.every((s) => !before.some((b) => b.id === s.id))).toBe(true);
    const audit = (await listAudit(handle.db, { entity: 'snapshot', limit: 10 })).find(
      (a) => a.action === 'snapshot.discard',
    );
    expect(audit).toMatchObject({
      entityId: '2026-Q2',
      userId: null,
      before: { rows: before.length, run: { status: 'done' } },
      after: { reason: 'frozen before the data was loaded' },
    });
  });

  it('refuses to redo a period a worker is taking now', async () => {
    const claimed = await claimJobRun(handle.db, {
      job: SNAPSHOT_JOB,
      periodKey: '2026-Q1',
      owner: 'another-worker',
      now,
      leaseMs: 600_000,
    });
    expect(claimed).toBeDefined();
    await expect(
      redoSnapshot(handle.db, '2026-Q1', { userId: null, reason: 'test', now: new Date(now.getTime() + 1000) }),
    ).rejects.toThrow(/taking the snapshot of 2026-Q1 now/);
    expect((await findJobRun(handle.db, SNAPSHOT_JOB, '2026-Q1'))?.owner).toBe('another-worker');
  });
});

// The guard is per scope: figures in which one area counts no unit while it has units (computed before that
// area's units were loaded) are refused even when other areas count theirs; an area without units is frozen.
describe('snapshots refuse a scope frozen empty while it has units', { timeout: 60_000 }, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    expect((await seedDemo(handle.db, { withHistory: false })).seeded).toBe(true);
  }, 60_000);
  afterAll(() => handle.destroy());

  it('refuses figures where one area with units counts none; freezes an area that has none', async () => {
    // an area without any unit, under the first area of the tree
    const parent = await handle.db
      .selectFrom('areas')
      .select(['id', 'kind', 'level', 'valid_from'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { id: bare } = await handle.db
      .insertInto('areas')
      .values({
        code: 'KHONG-DON-VI',
        name: 'Khu vực chưa có đơn vị',
        kind: parent.kind,
        level: parent.level,
        parent_id: parent.id,
        valid_from: parent.valid_from,
        valid_to: null,
        search_key: 'khu vuc chua co don vi',
        sort_key: 'khu vuc chua co don vi',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const real = await figures(handle.db)({ year: 2026, today: '2026-06-30', membershipDate: '2026-06-30' });
    expect(real.find((s) => s.areaId === bare)?.unitIds).toEqual([]);

    // one leaf area that has units, counted empty (its units loaded after the figures were computed)
    const leaf = real.find((s) => s.areaId !== null && s.areaIds.length === 1 && s.unitIds.length > 0)!;
    const partial = real.map((s) => (s.areaId === leaf.areaId ? { ...s, unitIds: [] } : s));
    expect(partial.reduce((n, s) => n + s.unitIds.length, 0)).toBeGreaterThan(0);
    await expect(
      takeSnapshot(handle.db, { periodKey: '2026-Q2', now, figures: () => Promise.resolve(partial) }),
    ).rejects.toThrow(/no unit/);
    expect(await listSnapshots(handle.db, { periodKey: '2026-Q2' })).toEqual([]);

    const result = await takeSnapshot(handle.db, { periodKey: '2026-Q2', now, figures: () => Promise.resolve(real) });
    expect(result.status).toBe('done');
    expect((await listSnapshots(handle.db, { periodKey: '2026-Q2', areaId: bare }))[0]?.unitCount).toBe(0);
    expect((await listSnapshots(handle.db, { periodKey: '2026-Q2', areaId: leaf.areaId }))[0]?.unitCount).toBe(
      leaf.unitIds.length,
    );
  });
});
