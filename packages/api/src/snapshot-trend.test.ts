import { seedDemoSnapshots } from '@antoan/db/seed';
import { computeScopeSummaries } from '@antoan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, type ApiTestEnvironment } from './testing.js';

// Issue 15: the dashboard's trend of an area made by a reorganisation goes on from its predecessors' frozen
// figures, summed, for the quarters before it existed. On the demo with its 1 July 2025 reform: phường Nam Ba Đồn
// was four communes of Ba Đồn until then. Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.

let env: ApiTestEnvironment;
const NOW = new Date('2026-11-30T00:00:00Z');
beforeAll(async () => {
  env = await createApiTestEnvironment({ withReform: true });
  // what the server does on its first start: the decided years' quarters frozen (2020-Q1 … 2025-Q4)
  await seedDemoSnapshots(env.handle.db, NOW, (o) => computeScopeSummaries(env.handle.db, { ...o, now: NOW }));
}, 120_000);
afterAll(() => env.destroy());

const areaId = async (code: string) =>
  (await env.handle.db.selectFrom('areas').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

describe('the trend of an area made by a reorganisation', { timeout: 120_000 }, () => {
  it('sums its predecessors’ frozen quarters before it existed, and has its own after', async () => {
    const admin = env.callerFor('admin', NOW);
    const namBaDon = await areaId('QT-NAMBADON');
    const trend = await admin.snapshots.trend({ areaId: namBaDon });
    const byKey = new Map(trend.map((p) => [p.periodKey, p]));
    // its own snapshots: the quarters that began after 1/7/2025
    expect(byKey.get('2025-Q3')?.composedOf).toBeNull();
    expect(byKey.get('2025-Q4')?.composedOf).toBeNull();
    // before: the four former communes, every quarter since 2020 (Q3 2025 began on 15/06, but it has its own)
    expect(trend.filter((p) => p.composedOf !== null).map((p) => p.periodKey)).toEqual(
      [2020, 2021, 2022, 2023, 2024, 2025].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`)).slice(0, 22),
    );
    const q4 = byKey.get('2024-Q4')!;
    expect(q4.composedOf?.map((a) => [a.name, a.until])).toEqual([
      ['Quảng Hòa', '2025-07-01'],
      ['Quảng Lộc', '2025-07-01'],
      ['Quảng Tân', '2025-07-01'],
      ['Quảng Văn', '2025-07-01'],
    ]);
    // the sum of their own frozen figures of that quarter, type by type
    let villages = 0;
    let recognised = 0;
    for (const code of ['QB-BD-QHOA', 'QB-BD-QLOC', 'QB-BD-QTAN', 'QB-BD-QVAN']) {
      const [own] = await admin.snapshots.list({ areaId: await areaId(code), periodKey: '2024-Q4' });
      villages += own!.statistics.units.byType.KDC.total;
      recognised += own!.statistics.units.byType.KDC.recognised;
    }
    expect(villages).toBe(24);
    expect(q4.units.byType.KDC).toMatchObject({ total: villages, recognised });
    expect(q4.units.byType.KDC.recognitionRate?.text).toBe(`${recognised}/${villages}`);
    // an area never reorganised has its own quarters only
    const thuy = await admin.snapshots.trend({ areaId: await areaId('QB-BD-QTHUY') });
    expect(thuy.every((p) => p.composedOf === null)).toBe(true);
    expect(thuy.map((p) => p.periodKey)).toContain('2024-Q4');
  });
});
