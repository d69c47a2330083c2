import { ensureResults, verifyResults } from '@antoan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

// Issue 15, KDC-4 across a reform: a unit that begins with a reorganisation has no reports of the quarters before
// it, yet its first years' comparison criteria (KDC-4, XA-4) reach back into them. They compare what its
// predecessors filed (summed for a merge), its own reports standing where it filed a quarter itself; a split is
// not followed. A predecessor's report filed again moves the successors' stored figures. Runs on SQLite, and on
// PostgreSQL when DATABASE_URL is set.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
}, 60_000);
afterAll(() => env.destroy());

const AT = new Date('2026-03-10T03:00:00Z');
const quiet = {
  crimes: 0,
  socialEvils: 0,
  firesExplosionsAccidents: 0,
  propagandaSessions: 2,
  peopleReached: 40,
  tipOffs: 0,
  newModels: 0,
  meetings: 1,
};
// the previous window of 2025 (Q4 2023 – Q3 2024), then this window's quarters before the merge (Q4 2024 – Q2 2025)
const PREVIOUS = [
  [2023, 4],
  [2024, 1],
  [2024, 2],
  [2024, 3],
] as const;
const CURRENT = [
  [2024, 4],
  [2025, 1],
  [2025, 2],
] as const;

const successorOf = async (code: string) => {
  const row = await env.handle.db
    .selectFrom('unit_lineage')
    .innerJoin('units as p', 'p.id', 'unit_lineage.predecessor_id')
    .innerJoin('units as s', 's.id', 'unit_lineage.successor_id')
    .select(['s.id', 's.code'])
    .where('p.code', '=', code)
    .executeTakeFirstOrThrow();
  return row;
};
const countsOf = async (unitId: number, year: number) =>
  (await env.callerFor('admin', AT).assessments.get({ unitId, year })).evaluationInput.counts;
const storedFlags = async (unitId: number, year: number) =>
  (
    await env.handle.db
      .selectFrom('unit_results')
      .select('reports_filed')
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .executeTakeFirstOrThrow()
  ).reports_filed;
const verify = async () => (await verifyResults(env.handle.db, { now: AT })).differences;

describe('quarterly reports across a reorganisation', { timeout: 120_000 }, () => {
  it('gives a merged commune’s units their predecessors’ reports for the quarters before they began', async () => {
    const admin = env.callerFor('admin', AT);
    const file = async (code: string, quarters: readonly (readonly [number, number])[], crimes: number) => {
      for (const [year, quarter] of quarters)
        await admin.reports.submit({
          unitId: env.unitId(code),
          year,
          quarter,
          counts: { ...quiet, crimes },
          notes: null,
        });
    };
    await file('KDC-QB-BD-QTHUY-1', PREVIOUS, 2);
    await file('KDC-QB-BD-QTHUY-1', CURRENT, 1);
    await file('XA-QB-BD-QTHUY', PREVIOUS, 2);
    await file('XA-QB-BD-QTHUY', CURRENT, 1);
    await file('XA-QB-BD-QVAN', PREVIOUS, 3);
    await file('XA-QB-BD-QVAN', CURRENT, 1);
    // what the server does at start: the years with data (now up to 2025) and the current one get stored results
    await ensureResults(env.handle.db, { now: AT, currentYear: 2026 });

    const town = env.areaId('QB-BD');
    await admin.areas.reorganise({
      kind: 'merge',
      effectiveDate: '2025-07-01',
      legalBasis: { number: '1680/NQ-UBTVQH15', date: '2025-06-16' },
      predecessorIds: [env.areaId('QB-BD-QTHUY'), env.areaId('QB-BD-QVAN')],
      successors: [{ code: 'QB-BD-QTV', name: 'Quảng Thủy Văn', kind: 'xa', parentId: town }],
      dryRun: false,
    });
    const village = await successorOf('KDC-QB-BD-QTHUY-1');
    const commune = await successorOf('XA-QB-BD-QTHUY');
    expect(commune.code).toBe('XA-QB-BD-QTV');
    expect((await successorOf('XA-QB-BD-QVAN')).id).toBe(commune.id);

    // the village (one predecessor) compares its predecessor's windows; the commune its two predecessors' summed
    expect(await countsOf(village.id, 2025)).toMatchObject({ previous: { crimes: 8 }, current: { crimes: 3 } });
    expect(await countsOf(commune.id, 2025)).toMatchObject({ previous: { crimes: 20 }, current: { crimes: 6 } });
    // a successor's own report of a quarter stands over its predecessors' (Q2 2025 filed again after the merge)
    await admin.reports.submit({
      unitId: village.id,
      year: 2025,
      quarter: 2,
      counts: { ...quiet, crimes: 5 },
      notes: null,
    });
    await admin.reports.submit({ unitId: village.id, year: 2025, quarter: 3, counts: quiet, notes: null });
    expect(await countsOf(village.id, 2025)).toMatchObject({ current: { crimes: 1 + 1 + 5 + 0 } });
    // the file says which quarters are its predecessor's, and whose
    const villageFile = await admin.assessments.get({ unitId: village.id, year: 2025 });
    expect(villageFile.reportInheritance).toEqual({
      quarters: [
        { year: 2023, quarter: 4 },
        { year: 2024, quarter: 1 },
        { year: 2024, quarter: 2 },
        { year: 2024, quarter: 3 },
        { year: 2024, quarter: 4 },
        { year: 2025, quarter: 1 },
      ],
      predecessors: [{ code: 'KDC-QB-BD-QTHUY-1', name: 'Thôn 1', until: '2025-07-01' }],
    });
    expect(
      (await admin.assessments.get({ unitId: env.unitId('KDC-QB-BD-QTHUY-2'), year: 2024 })).reportInheritance,
    ).toBeNull();
    // inherited quarters count as filed in the stored flags: Q1 from the predecessor, Q2 and Q3 its own
    expect(await storedFlags(village.id, 2025)).toBe(0b0111);
    expect(await storedFlags(commune.id, 2025)).toBe(0b0011);
    expect(await verify()).toEqual([]);

    // a predecessor's quarter filed again reaches the successors that inherit it
    await admin.reports.submit({
      unitId: env.unitId('XA-QB-BD-QVAN'),
      year: 2025,
      quarter: 3, // began 15/06/2025, before the merge; the new commune has not filed it
      counts: { ...quiet, crimes: 4 },
      notes: null,
    });
    // the comparison reads what was filed; the quarter counts as filed only once both former communes filed it
    expect(await countsOf(commune.id, 2025)).toMatchObject({ current: { crimes: 6 + 4 } });
    expect(await storedFlags(commune.id, 2025)).toBe(0b0011);
    await admin.reports.submit({
      unitId: env.unitId('XA-QB-BD-QTHUY'),
      year: 2025,
      quarter: 3,
      counts: { ...quiet, crimes: 1 },
      notes: null,
    });
    expect(await storedFlags(commune.id, 2025)).toBe(0b0111);
    expect(await countsOf(commune.id, 2025)).toMatchObject({ current: { crimes: 6 + 4 + 1 } });
    // a quarter that began after the merge is the new commune's to file, not a former one's
    const late = await failure(() =>
      admin.reports.submit({
        unitId: env.unitId('XA-QB-BD-QVAN'),
        year: 2025,
        quarter: 4,
        counts: quiet,
        notes: null,
      }),
    );
    expect(late.code).toBe('BAD_REQUEST');
    expect(late.data.text.vi).toBe(
      'Xã Quảng Văn (XA-QB-BD-QVAN) đã kết thúc từ 01/07/2025: báo cáo quý 4/2025 do đơn vị kế tiếp nộp.',
    );
    await admin.reports.submit({
      unitId: env.unitId('KDC-QB-BD-QTHUY-1'),
      year: 2025,
      quarter: 1,
      counts: { ...quiet, crimes: 9 },
      notes: null,
    });
    expect(await countsOf(village.id, 2025)).toMatchObject({ current: { crimes: 1 + 9 + 5 + 0 } });
    // 2024 is the predecessors' own year: the new units did not exist and count nowhere in it
    expect(await verify()).toEqual([]);
  });

  it('follows a later reorganisation back through the earlier one, but not through a split', async () => {
    const admin = env.callerFor('admin', AT);
    const merged = (
      await env.handle.db.selectFrom('areas').select('id').where('code', '=', 'QB-BD-QTV').executeTakeFirstOrThrow()
    ).id;
    const villages = await env.handle.db
      .selectFrom('units')
      .select(['id', 'code'])
      .where('area_id', '=', merged)
      .where('type', '=', 'KDC')
      .orderBy('code')
      .execute();
    await admin.areas.reorganise({
      kind: 'split',
      effectiveDate: '2026-01-01',
      legalBasis: { number: '99/NQ-HĐND', date: '2025-12-20' },
      predecessorIds: [merged],
      successors: [
        { code: 'QB-BD-QTV-A', name: 'Quảng Thủy Văn A', kind: 'xa', parentId: env.areaId('QB-BD') },
        { code: 'QB-BD-QTV-B', name: 'Quảng Thủy Văn B', kind: 'xa', parentId: env.areaId('QB-BD') },
      ],
      unitAssignments: Object.fromEntries(villages.map((u) => [String(u.id), 0])),
      dryRun: false,
    });
    // the village went on whole: its 2026 previous window (Q4 2024 – Q3 2025) is its predecessor's, which was
    // partly that one's predecessor's (Q4 2024, Q1 2025) and partly its own (Q2, Q3 2025)
    const village = await successorOf((await successorOf('KDC-QB-BD-QTHUY-1')).code);
    expect(await countsOf(village.id, 2026)).toMatchObject({ previous: { crimes: 1 + 9 + 5 + 0 } });
    // what it files itself for a quarter stands over what came two steps down the lineage, not beside it
    await admin.reports.submit({
      unitId: village.id,
      year: 2025,
      quarter: 1,
      counts: { ...quiet, crimes: 2 },
      notes: null,
    });
    expect(await countsOf(village.id, 2026)).toMatchObject({ previous: { crimes: 1 + 2 + 5 + 0 } });
    // the commune was split in two: neither new commune inherits its counts, which cannot be divided
    const communes = await env.handle.db
      .selectFrom('units')
      .select('id')
      .where('code', 'in', ['XA-QB-BD-QTV-A', 'XA-QB-BD-QTV-B'])
      .execute();
    expect(communes).toHaveLength(2);
    for (const c of communes) expect((await countsOf(c.id, 2026))?.previous).toBeUndefined();
    expect(await verify()).toEqual([]);
  });
});
