import { ENTERPRISE_SIZE_LABELS, MANAGING_LEVEL_LABELS, UNIT_TYPE_LABELS } from '@antoan/core';
import { getUnit, listResultYears } from '@antoan/db';
import { computeAreaSummary, getAreaSummary, verifyResults } from '@antoan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

// Issue 13: the stored results are kept current in the transaction of every change that can move them. After
// each kind of change made through the API, a full recompute from raw data with core's engine finds no
// difference (`verifyResults`, what `pnpm results:verify` runs), and the summary read from the stored results
// deep-equals the reference computation from raw data, for the country, the province, the town and two
// communes, every demo year and the year after. Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
}, 60_000);
afterAll(() => env.destroy());

const TODAY = '2024-01-15';
const now = () => new Date('2024-01-15T03:00:00Z');
const quietQuarter = {
  crimes: 0,
  socialEvils: 0,
  firesExplosionsAccidents: 0,
  propagandaSessions: 1,
  peopleReached: 50,
  tipOffs: 0,
  newModels: 0,
  meetings: 1,
};

async function expectInStep(after: string): Promise<void> {
  const db = env.handle.db;
  const report = await verifyResults(db, { now: now() });
  expect(report.differences, `stored results differ from the engine after ${after}`).toEqual([]);
  expect(report.reportTimes, `on-time flags after ${after}`).toBe(0);
  expect(report.totals, `per-area totals against a GROUP BY of the stored results after ${after}`).toBe(0);
  expect(report.checked).toBeGreaterThan(0);
  const stored = new Set((await listResultYears(db)).map((r) => r.year));
  for (const year of [2020, 2021, 2022, 2023]) {
    for (const code of [undefined, 'QB', 'QB-BD', 'QB-BD-QTHUY', 'QB-BD-QVAN']) {
      const areaId = code === undefined ? undefined : env.areaId(code);
      const summary = await getAreaSummary(db, areaId, year, TODAY);
      expect(
        summary,
        `summary of ${code ?? 'all'} ${year} after ${after}${stored.has(year) ? '' : ' (not stored)'}`,
      ).toEqual(await computeAreaSummary(db, areaId, year, TODAY));
    }
  }
}

// each step recomputes everything twice over (verify and the reference summaries): slow on PostgreSQL under load
describe('stored results stay equal to a full recompute after every kind of change', { timeout: 60_000 }, () => {
  it('after the seed, and keeps the article’s 2021 figures', async () => {
    await expectInStep('the seed');
    const town = await getAreaSummary(env.handle.db, env.areaId('QB-BD'), 2021, TODAY);
    expect(
      [
        town.units.byType.XA,
        town.units.byType.KDC,
        town.units.byType.CQ,
        town.units.byType.DN,
        town.units.byType.CSGD,
      ].map((t) => t.recognitionRate?.text),
    ).toEqual(['15/16', '92/95', '22/22', '22/22', '58/58']);
  });

  it('after an audited unlock, incidents on both sides of the windows, a refused write and a deletion', async () => {
    const admin = env.callerFor('admin');
    const officer = env.callerFor('commune_officer');
    const unitId = env.unitId('KDC-QB-BD-QTHUY-1');
    const file = await admin.assessments.get({ unitId, year: 2022 });
    await admin.assessments.setLocked({
      unitId,
      year: 2022,
      version: file.record!.version,
      isLocked: false,
      reason: 'Kiểm tra kết quả lưu trữ',
    });
    await expectInStep('an unlock');

    // 1 November 2021 opens the villages' 2022 window (and is in the others' 2021 window): the village fails.
    const incident = await officer.incidents.create({
      unitId,
      occurredOn: '2021-11-01',
      criterionCode: 'KDC-3',
      item: 'e',
      description: 'Tranh chấp đất đai kéo dài',
    });
    await expectInStep('an incident on 1/11');
    const village2022 = (await getAreaSummary(env.handle.db, env.areaId('QB-BD-QTHUY'), 2022, TODAY)).units.byType.KDC;
    expect(village2022.notRecognised).toBeGreaterThan(0);

    // 31 October 2021 is the village's 2021 window, recognised and locked: refused, nothing moves.
    const refused = await failure(() =>
      officer.incidents.create({
        unitId,
        occurredOn: '2021-10-31',
        criterionCode: 'KDC-3',
        item: 'e',
        description: 'x',
      }),
    );
    expect(refused.code).toBe('CONFLICT');
    await expectInStep('a refused incident');

    await officer.incidents.create({
      unitId,
      occurredOn: '2022-10-31',
      criterionCode: 'KDC-3',
      item: 'a',
      description: 'Cuối kỳ',
    });
    await officer.incidents.create({
      unitId,
      occurredOn: '2021-11-15',
      criterionCode: 'KDC-3',
      item: 'b',
      description: 'Giữa tháng 11',
    });
    await expectInStep('incidents on 31/10 and 15/11');
    await officer.incidents.delete({ incidentId: incident.id });
    await expectInStep('an incident deleted');

    // a serious crime that was promptly handled (KDC-4 b) does not disqualify: recorded, then decided so
    const crime = await officer.incidents.create({
      unitId,
      occurredOn: '2022-02-01',
      criterionCode: 'KDC-4',
      item: 'b',
      description: 'Cướp tài sản',
      exception: null,
    });
    await expectInStep('a serious crime recorded');
    await officer.incidents.setException({ incidentId: crime.id, exception: 'handled_promptly' });
    await expectInStep('its exception decided');
  });

  it('after a district agency’s recognition is delegated to its commune, and taken back', async () => {
    const agency = await env.handle.db
      .selectFrom('units')
      .select('id')
      .where('type', '=', 'CQ')
      .where('managing_level', '=', 'district')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const admin = env.callerFor('admin');
    await admin.units.setRecognition({ unitId: agency.id, isMinistryMonitored: false, isRecognitionDelegated: true });
    await expectInStep('a delegation');
    await admin.units.setRecognition({ unitId: agency.id, isMinistryMonitored: false, isRecognitionDelegated: false });
    await expectInStep('a delegation taken back');
  });

  it('after a report of Q4 of the year before, answers and a cycle step', async () => {
    const officer = env.callerFor('commune_officer');
    const unitId = env.unitId('KDC-QB-BD-QTHUY-1');
    await officer.reports.submit({
      unitId,
      year: 2021,
      quarter: 4,
      counts: { ...quietQuarter, crimes: 9 },
      notes: null,
    });
    await expectInStep('a Q4 report (counts for the next two years)');

    let file = await officer.assessments.get({ unitId, year: 2022 });
    const answers = Object.fromEntries(
      Object.entries(file.record!.answers).map(([code, a]) => [code, { answer: a.answer, evidence: a.evidence }]),
    );
    let record = await officer.assessments.saveAnswers({ unitId, year: 2022, version: file.record!.version, answers });
    await expectInStep('answers saved');
    file = await officer.assessments.get({ unitId, year: 2022 });
    if (file.actions.includes('revoke')) {
      record = await env.callerFor('admin').assessments.transition({
        unitId,
        year: 2022,
        version: record.version,
        action: 'revoke',
        revocation: { reason: 'Vụ việc phát hiện sau', document: '12/QĐ-UBND' },
      });
      expect(record.status).toBe('revoked');
      await expectInStep('a revocation');
    }
  });

  it('after a registration of a new year, its answers and a grading sheet', async () => {
    const officer = env.callerFor('commune_officer');
    const unitId = env.unitId('KDC-QB-BD-QTHUY-2');
    const record = await officer.assessments.register({ unitId, year: 2023 });
    expect((await listResultYears(env.handle.db)).map((r) => r.year)).toContain(2023);
    await expectInStep('the first file of 2023');
    const sheet = await officer.grading.get({ unitId, year: 2023 });
    const firstItem = sheet.template.groups[0]!.items[0]!.code;
    await officer.grading.saveScores({
      unitId,
      year: 2023,
      templateId: sheet.template.id,
      version: null,
      scores: { [firstItem]: { self: 1, verified: 1 } },
    });
    await expectInStep('a grading sheet');
    expect(record.status).toBe('registered');
  });

  it('after an import that moves a village to another commune and makes an enterprise small (excluded)', async () => {
    const moved = await getUnit(env.handle.db, env.unitId('KDC-QB-BD-QTHUY-3'));
    const enterpriseId = (
      await env.handle.db
        .selectFrom('units')
        .select('id')
        .where('type', '=', 'DN')
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
    const enterprise = await getUnit(env.handle.db, enterpriseId);
    const area = await env.handle.db
      .selectFrom('areas')
      .select('code')
      .where('id', '=', enterprise.areaId)
      .executeTakeFirstOrThrow();
    const header =
      'Mã đơn vị *,Tên đơn vị *,Loại đơn vị *,Mã địa bàn *,Cấp quản lý,Thuộc lực lượng vũ trang,Quy mô doanh nghiệp,Cấp học';
    const rows = [
      `${moved.code},${moved.name},${UNIT_TYPE_LABELS.KDC.vi},QB-BD-QVAN,,,,`,
      `${enterprise.code},${enterprise.name},${UNIT_TYPE_LABELS.DN.vi},${area.code},${MANAGING_LEVEL_LABELS[enterprise.managingLevel].vi},,${ENTERPRISE_SIZE_LABELS.small.vi},`,
    ];
    const contentBase64 = Buffer.from(`\uFEFF${[header, ...rows].join('\n')}\n`, 'utf8').toString('base64');
    const before = await getAreaSummary(env.handle.db, env.areaId('QB-BD-QVAN'), 2022, TODAY);
    const admin = env.callerFor('admin');
    // the village's and the enterprise's files of 2020–2022 are recognised and locked: the import would count
    // the village's under another commune and turn the enterprise "not eligible", so it is refused, naming a
    // locked file, and writes nothing
    const file = (await admin.assessments.get({ unitId: enterpriseId, year: 2022 })).record!;
    expect(file.isLocked).toBe(true);
    const refused = await admin.imports.commit({ format: 'csv', fileName: 'chuyen.csv', contentBase64 }).then(
      () => null,
      (e: unknown) => e as { message: string },
    );
    expect(refused?.message).toMatch(/^Not saved: this change would .*recognised, locked file/);
    expect(refused?.message).toMatch(
      new RegExp(`${moved.name} of 20\\d\\d \\(counted elsewhere\\)|${enterprise.name} of 2022`),
    );
    expect(await getAreaSummary(env.handle.db, env.areaId('QB-BD-QVAN'), 2022, TODAY)).toEqual(before);
    expect((await getUnit(env.handle.db, moved.id)).areaId).toBe(moved.areaId);
    await expectInStep('a refused import');
    // once the files are unlocked (audited acts), the same import goes through
    for (const unitId of [enterpriseId, moved.id])
      for (const year of [2020, 2021, 2022]) {
        const record = (await admin.assessments.get({ unitId, year })).record;
        if (record?.isLocked)
          await admin.assessments.setLocked({
            unitId,
            year,
            version: record.version,
            isLocked: false,
            reason: 'Chuyển địa bàn, đổi quy mô: rà soát lại hồ sơ',
          });
      }
    const result = await admin.imports.commit({ format: 'csv', fileName: 'chuyen.csv', contentBase64 });
    expect(result.errors).toEqual([]);
    expect(result.applied).toBe(true);
    await expectInStep('an import moving a unit and changing a type attribute');
    const after = await getAreaSummary(env.handle.db, env.areaId('QB-BD-QVAN'), 2022, TODAY);
    expect(after.units.byType.KDC.total).toBe(before.units.byType.KDC.total + 1);
    const town = await getAreaSummary(env.handle.db, env.areaId('QB-BD'), 2022, TODAY);
    expect(town.units.byType.DN.excluded).toBeGreaterThan(0);
  });
});
