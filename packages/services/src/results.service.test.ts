import { insertIncident, listResultYears, listUnitResults } from '@antoan/db';
import { seedDemo } from '@antoan/db/seed';
import { createTestDatabase } from '@antoan/db/testing';
import type { DatabaseHandle } from '@antoan/db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureResults, refreshResults, verifyResults, yearsOfIncident, yearsOfReport } from './results.service.js';

describe('the years a change can move', () => {
  it.each([
    ['2021-10-31', [2021]],
    ['2021-11-01', [2021, 2022]],
    ['2021-11-15', [2021, 2022]],
    ['2021-11-16', [2022]],
    ['2021-01-01', [2021]],
  ])('an incident on %s: %j', (date, years) => {
    expect(yearsOfIncident(date)).toEqual(years);
  });

  it.each([
    [2021, 1, [2021, 2022]],
    [2021, 3, [2021, 2022]],
    [2021, 4, [2021, 2022, 2023]],
  ])('a report of %i Q%i: %j', (year, quarter, years) => {
    expect(yearsOfReport(year, quarter)).toEqual(years);
  });
});

describe('the results service on a real database', { timeout: 30_000 }, () => {
  let handle: DatabaseHandle;
  const now = new Date('2022-01-10T03:00:00Z');
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemo(handle.db, { withHistory: true });
  }, 60_000);
  afterAll(() => handle.destroy());

  it('stores every year with data once, and finds nothing to repair afterwards', async () => {
    expect(await ensureResults(handle.db, { now, currentYear: 2022 })).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(await ensureResults(handle.db, { now, currentYear: 2022 })).toEqual([]);
    const report = await verifyResults(handle.db, { now });
    expect(report).toMatchObject({ years: [2018, 2019, 2020, 2021, 2022], differences: [], reportTimes: 0, totals: 0 });
    expect(report.checked).toBe(
      5 *
        Number(
          (
            await handle.db
              .selectFrom('units')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    );
  });

  it('verify --repair finds a tampered result, puts the engine’s back and reports it', async () => {
    const [first] = await listUnitResults(handle.db, 2021);
    await handle.db
      .updateTable('unit_results')
      .set({ result: first!.result === 'DAT' ? 'CHUA_DAT' : 'DAT' })
      .where('unit_id', '=', first!.unitId)
      .where('year', '=', 2021)
      .execute();
    await handle.db
      .updateTable('quarterly_reports')
      .set({ on_time: null })
      .where('year', '=', 2021)
      .where('quarter', '=', 1)
      .execute();
    const found = await verifyResults(handle.db, { now, repair: true });
    expect(found.differences).toHaveLength(1);
    expect(found.differences[0]).toMatchObject({
      unitId: first!.unitId,
      year: 2021,
      computed: { result: first!.result },
    });
    expect(found.reportTimes).toBeGreaterThan(0);
    expect(await verifyResults(handle.db, { now })).toMatchObject({ differences: [], reportTimes: 0, totals: 0 });
    // a per-area total that no longer equals the GROUP BY over the stored results is found and rebuilt
    await handle.db
      .updateTable('area_result_totals')
      .set((eb) => ({ units: eb('units', '+', 1) }))
      .where('year', '=', 2022)
      .execute();
    const totals = await verifyResults(handle.db, { now, repair: true });
    expect(totals.totals).toBeGreaterThan(0);
    expect(await verifyResults(handle.db, { now })).toMatchObject({ differences: [], totals: 0 });
  });

  it('two concurrent changes in one commune do not miss each other', async () => {
    // Two villages of one commune get a disqualifying incident in two transactions that overlap: the second
    // waits for the first's lock on the commune group (PostgreSQL), so it evaluates the group with both.
    const villages = await handle.db
      .selectFrom('units')
      .innerJoin('areas', 'areas.id', 'units.area_id')
      .select(['units.id'])
      .where('areas.code', '=', 'QB-BD-QTHUY')
      .where('units.type', '=', 'KDC')
      .orderBy('units.id')
      .limit(2)
      .execute();
    const [a, b] = villages.map((v) => v.id);
    const change = async (unitId: number, holdMs: number) =>
      handle.db.transaction().execute(async (trx) => {
        const incident = await insertIncident(
          trx,
          {
            unitId,
            occurredOn: '2022-03-01',
            criterionCode: 'KDC-3',
            item: 'e',
            description: 'Tranh chấp',
            exception: null,
          },
          null,
          now,
        );
        await refreshResults(
          trx,
          { unitIds: [unitId], years: yearsOfIncident(incident.occurredOn), lockedFiles: 'flag' },
          now,
        );
        await new Promise((resolve) => setTimeout(resolve, holdMs));
      });
    await Promise.all([change(a!, 300), change(b!, 0)]);
    expect(await verifyResults(handle.db, { now })).toMatchObject({ differences: [] });
    const stored = await listUnitResults(handle.db, 2022, [a!, b!]);
    // both villages' 2022 files are recognised and locked: they keep Đạt, each with the incident's result beside it
    expect(stored.map((r) => [r.result, r.computedResult])).toEqual([
      ['DAT', 'CHUA_DAT'],
      ['DAT', 'CHUA_DAT'],
    ]);
    expect((await listResultYears(handle.db)).map((r) => r.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
  });
});
