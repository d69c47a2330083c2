import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateUnit, findCatalogue } from '@antoan/core';
import { createApiTestEnvironment, type ApiTestEnvironment } from './testing.js';

// The first acceptance test: the demo's per-criterion answers, incidents and reports, evaluated by core's
// engine, give the figures of the 2022 article for Ba Đồn in 2021.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withReform: true });
}, 60_000);
afterAll(() => env.destroy());

const figures = (summary: { units: { byType: Record<string, { recognitionRate: { text: string } | null }> } }) =>
  Object.fromEntries(Object.entries(summary.units.byType).map(([type, s]) => [type, s.recognitionRate?.text]));

describe('Ba Đồn, 2021', () => {
  it('reproduces 15/16 communes, 92/95 villages, 22/22 agencies, 22/22 enterprises, 58/58 schools', async () => {
    const summary = await env.callerFor('viewer').stats.summary({ areaId: env.areaId('QB-BD'), year: 2021 });
    expect(figures(summary)).toEqual({ XA: '15/16', KDC: '92/95', CQ: '22/22', DN: '22/22', CSGD: '58/58' });
    // 2021 is assessed under the circular in force, 23/2012: its 58 schools include 10 primary schools
    // and 10 kindergartens, which 23/2012 did not exclude
    expect(summary.catalogue.id).toBe('tt23-2012');
    const primary = await env.callerFor('admin').assessments.get({ unitId: env.unitId('CSGD-BD-TH-1'), year: 2021 });
    expect(primary.evaluation.result).toBe('DAT');
    expect(primary.record?.catalogueId).toBe('tt23-2012');
  });

  it('compares 2021 with a 2020 whose villages could be judged on KDC-4 (the demo has the window before 2020)', async () => {
    // The dashboard's "So với năm 2020" showed 0/16 communes and 24/95 villages: the demo's reports began with
    // Q4 2019, so 2020's villages had no previous window to compare their counts with and all failed KDC-4.
    const summary = await env.callerFor('viewer').stats.summary({ areaId: env.areaId('QB-BD'), year: 2020 });
    expect(figures(summary)).toEqual({ XA: '16/16', KDC: '93/95', CQ: '22/22', DN: '22/22', CSGD: '58/58' });
    const village = await env
      .callerFor('admin')
      .assessments.get({ unitId: env.unitId('KDC-QB-BD-QTHUY-2'), year: 2020 });
    expect(village.evaluation.criteria.find((c) => c.code === 'KDC-4')?.outcome).toBe('met');
  });

  it("gives the SPA a commune's input with its managed units, so its live result is the server's (Quảng Thủy 2020)", async () => {
    // The file page re-runs core's evaluateUnit on `evaluationInput` as answers are typed: the input lacked the
    // managed units' summary, so Quảng Thủy 2020 read "Chưa có kết quả của các đơn vị do xã quản lý" (XA-2, XA-4)
    // while its villages computed Đạt.
    const file = await env.callerFor('admin').assessments.get({ unitId: env.unitId('XA-QB-BD-QTHUY'), year: 2020 });
    expect(file.evaluation.result).toBe('DAT');
    expect(file.evaluationInput.managed?.byType.KDC).toMatchObject({ total: 6, recognised: 6 });
    const catalogue = findCatalogue(file.catalogue.id);
    if (!catalogue) throw new Error('catalogue');
    const live = evaluateUnit(file.evaluationInput, { catalogue });
    expect(live.result).toBe('DAT');
    expect(live.criteria.map((c) => [c.code, c.outcome])).toEqual(
      file.evaluation.criteria.map((c) => [c.code, c.outcome]),
    );
    expect(JSON.stringify(live.criteria)).not.toContain('Chưa có kết quả của các đơn vị do xã quản lý');
  });

  it('assesses 2022 under 124/2021: primary schools and kindergartens leave the count, decisions by Art. 9', async () => {
    const summary = await env.callerFor('viewer').stats.summary({ areaId: env.areaId('QB-BD'), year: 2022 });
    expect(summary.catalogue.id).toBe('tt124-2021');
    expect(figures(summary)).toEqual({ XA: '15/16', KDC: '94/95', CQ: '22/22', DN: '22/22', CSGD: '38/38' });
    const kindergarten = await env
      .callerFor('admin')
      .assessments.get({ unitId: env.unitId('CSGD-BD-MN-1'), year: 2022 });
    expect(kindergarten.evaluation.result).toBe('EXCLUDED');
    const village = await env
      .callerFor('admin')
      .assessments.get({ unitId: env.unitId('KDC-QB-BD-QHAI-1'), year: 2022 });
    expect(village.record?.decided?.date).toBe('2022-11-12'); // before 15/11
    const commune = await env.callerFor('admin').assessments.get({ unitId: env.unitId('XA-QB-BD-QHAI'), year: 2022 });
    expect(commune.record?.decided?.date).toBe('2022-11-19'); // before 20/11
    expect(commune.evaluation.criteria.map((c) => [c.code, c.outcome])).toEqual([
      ['XA-1', 'met'],
      ['XA-2', 'met'],
      ['XA-3', 'met'],
      ['XA-4', 'met'],
    ]);
  });

  it('offers the years with files and defaults to the newest one up to now', async () => {
    const viewer = env.callerFor('viewer', new Date('2026-11-26T03:00:00Z'));
    // the demo has files from 2020 to 2026 (2023–2024 on the old tree, 2025–2026 on the tree of its reform)
    expect(await viewer.stats.years()).toEqual({
      years: [2026, 2025, 2024, 2023, 2022, 2021, 2020],
      current: 2026,
      latest: 2026,
    });
    const in2021 = await env.callerFor('viewer', new Date('2021-06-01T00:00:00Z')).stats.years();
    expect(in2021).toEqual({ years: [2026, 2025, 2024, 2023, 2022, 2021, 2020], current: 2021, latest: 2021 });
  });

  it('counts 21 models operating and 4 new in 2021, and the awards of the police director and the town chairman', async () => {
    const summary = await env.callerFor('admin').stats.summary({ areaId: env.areaId('QB-BD'), year: 2021 });
    expect(summary.models).toMatchObject({ operating: 21, newInYear: 4 });
    expect(summary.awards.byIssuer.map((i) => i.issuer).sort()).toEqual([
      'Chủ tịch UBND thị xã Ba Đồn',
      'Giám đốc Công an tỉnh Quảng Bình',
    ]);
    expect(summary.awards.total).toBe(12);
    expect(summary.grades.total).toBe(16);
    expect(summary.reports.expected).toBe(4 * 213);
  });

  it('explains the failures through the engine: the dispute in Quảng Tiên fails the village and the commune', async () => {
    const village = await env
      .callerFor('admin')
      .assessments.get({ unitId: env.unitId('KDC-QB-BD-QTIEN-3'), year: 2021 });
    expect(village.evaluation.result).toBe('CHUA_DAT');
    expect(village.evaluation.criteria.find((c) => c.code === 'KDC-3')?.outcome).toBe('not_met');
    expect(village.incidents.map((i) => i.occurredOn)).toEqual(['2021-08-12']);
    const commune = await env.callerFor('admin').assessments.get({ unitId: env.unitId('XA-QB-BD-QTIEN'), year: 2021 });
    expect(commune.evaluation.result).toBe('CHUA_DAT');
    expect(commune.evaluation.criteria.filter((c) => c.outcome !== 'met').map((c) => c.code)).toEqual(['XA-2']);
  });

  it('changes the figure when one answer changes (after an audited unlock)', async () => {
    const officer = env.callerFor('province_officer');
    const unitId = env.unitId('KDC-QB-BD-QHAI-1');
    const before = await officer.assessments.get({ unitId, year: 2021 });
    expect(before.record?.isLocked).toBe(true);
    const unlocked = await officer.assessments.setLocked({
      unitId,
      year: 2021,
      version: before.record!.version,
      isLocked: false,
      reason: 'Sửa số hộ cam kết theo biên bản',
    });
    const answer = before.record!.answers['KDC-1']!;
    await officer.assessments.saveAnswers({
      unitId,
      year: 2021,
      version: unlocked.version,
      answers: { 'KDC-1': { answer: { ...(answer.answer as object), numerator: 1 }, evidence: answer.evidence } },
    });
    const summary = await officer.stats.summary({ areaId: env.areaId('QB-BD'), year: 2021 });
    expect(figures(summary)).toMatchObject({ KDC: '91/95', XA: '15/16' });
    const audit = await env
      .callerFor('admin')
      .audit.list({ entity: 'assessment', entityId: String(before.record!.id) });
    expect(audit.map((a) => a.action)).toEqual(['assessment.answers', 'assessment.unlock']);
  });
});

describe('Ba Đồn through its 1 July 2025 reorganisation (done by the seed through the product operation)', () => {
  const areaByCode = async (code: string) =>
    env.handle.db.selectFrom('areas').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

  it('ends the town and its 16 communes on 1/7/2025 and begins the 4 new ones under the new Quảng Trị', async () => {
    const areas = await env.handle.db.selectFrom('areas').select(['code', 'valid_to']).orderBy('id').execute();
    const ended = areas.filter((a) => a.valid_to === '2025-07-01').map((a) => a.code);
    expect(ended).toHaveLength(19); // Quảng Bình, the town, 16 communes, the former Quảng Trị
    const province = await areaByCode('QT-2025');
    const communes = await env.handle.db
      .selectFrom('areas')
      .select(['name', 'kind'])
      .where('parent_id', '=', province.id)
      .orderBy('id')
      .execute();
    expect(communes.map((c) => `${c.kind} ${c.name}`)).toEqual([
      'phuong Ba Đồn',
      'phuong Bắc Gianh',
      'xa Nam Gianh',
      'xa Nam Ba Đồn',
    ]);
    const history = await env.callerFor('admin').areas.history({ areaId: (await areaByCode('QT-NAMGIANH')).id });
    expect(history.predecessors.map((p) => p.other.code).sort()).toEqual([
      'QB-BD-QMINH',
      'QB-BD-QSON',
      'QB-BD-QTHUY',
      'QB-BD-QTIEN',
      'QB-BD-QTRUNG',
    ]);
    expect(history.predecessors[0]?.note).toBe('1680/NQ-UBTVQH15 ngày 16/06/2025');
    // every unit of the old tree that existed on 30/6/2025 has one successor (the 16 communes' units: 4)
    const lineage = await env.handle.db.selectFrom('unit_lineage').select('predecessor_id').execute();
    expect(lineage).toHaveLength(95 + 22 + 22 + 58 + 16);
  });

  it('gives 2025 on the new tree: 3/4 communes, 94/95 villages; the province sums it', async () => {
    // (the town's viewer does not see it: the town was dissolved, with no successor)
    const province = (await areaByCode('QT-2025')).id;
    await expect(env.callerFor('viewer').stats.summary({ areaId: province, year: 2025 })).rejects.toThrow();
    const summary = await env.callerFor('admin').stats.summary({ areaId: province, year: 2025 });
    expect(figures(summary)).toEqual({ XA: '3/4', KDC: '94/95', CQ: '22/22', DN: '22/22', CSGD: '38/38' });
  });

  it("compares a new commune's 2026 with its predecessors' 2024 taken together", async () => {
    const namGianh = (await areaByCode('QT-NAMGIANH')).id;
    const in2024 = await env.callerFor('admin').stats.summary({ areaId: namGianh, year: 2024 });
    expect(in2024.composedOf?.map((a) => [a.name, a.validTo])).toEqual([
      ['Quảng Minh', '2025-07-01'],
      ['Quảng Sơn', '2025-07-01'],
      ['Quảng Thủy', '2025-07-01'],
      ['Quảng Tiên', '2025-07-01'],
      ['Quảng Trung', '2025-07-01'],
    ]);
    // the five communes had 5 + 7 + 6 + 6 + 7 villages; Quảng Trung's village 2 did not pledge in 2024 (KDC-1:
    // the village fails, its commune does not)
    expect(in2024.units.byType.XA?.recognitionRate?.text).toBe('5/5');
    expect(in2024.units.byType.KDC?.recognitionRate?.text).toBe('30/31');
    const in2026 = await env.callerFor('admin').stats.summary({ areaId: namGianh, year: 2026 });
    expect(in2026.composedOf).toBeUndefined();
    expect(in2026.units.byType.KDC?.total).toBe(31);
  });
});
