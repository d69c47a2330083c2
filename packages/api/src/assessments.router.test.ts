import { evaluateUnit, findCatalogue } from '@antoan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
});
afterAll(() => env.destroy());

const fullVillageAnswers = {
  'KDC-1': {
    answer: { checks: { resolution: true, plan: true, registration: true }, numerator: 212, denominator: 212 },
    evidence: { note: 'Nghị quyết 05-NQ/CB', links: ['https://example.org/nq05.pdf'] },
  },
  'KDC-2': { answer: { checks: { 'carried-out': true } }, evidence: { note: null, links: [] } },
  'KDC-4': {
    answer: { checks: { 'other-violations': true, 'offenders-managed': true } },
    evidence: { note: null, links: [] },
  },
  // the forces' rating is an answer with its own evidence (Art. 4(5))
  'KDC-5': {
    answer: { rating: 'hoan-thanh-tot', checks: { 'no-discipline': true } },
    evidence: { note: 'Quyết định xếp loại số 12/QĐ-UBND', links: [] },
  },
};

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

/** The reports of the 2022 window and the one before it (Q4 of the year before and Q1–Q3): KDC-4 needs both. */
async function fileReports(unitId: number) {
  for (const [year, quarter] of [
    [2020, 4],
    [2021, 1],
    [2021, 2],
    [2021, 3],
    [2021, 4],
    [2022, 1],
    [2022, 2],
    [2022, 3],
  ] as const) {
    await env.callerFor('commune_officer').reports.submit({ unitId, year, quarter, counts: quietQuarter, notes: null });
  }
}

describe('the recognition cycle through the API', () => {
  it('takes a village from registration to recognition, each step by the role allowed to take it', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-1');
    const reporter = env.callerFor('unit_reporter');
    const officer = env.callerFor('commune_officer');

    let record = await reporter.assessments.register({ unitId, year: 2022 });
    expect(record).toMatchObject({ status: 'registered', catalogueId: 'tt124-2021', version: 1 });
    record = await reporter.assessments.saveAnswers({
      unitId,
      year: 2022,
      version: record.version,
      answers: fullVillageAnswers,
    });
    expect(record.answers['KDC-1']?.evidence.links).toEqual(['https://example.org/nq05.pdf']);
    record = await reporter.assessments.transition({
      unitId,
      year: 2022,
      version: record.version,
      action: 'selfAssess',
    });
    record = await reporter.assessments.transition({ unitId, year: 2022, version: record.version, action: 'submit' });
    expect(record.submitted?.by).toBe(env.users.unit_reporter.id);

    const cannot = await failure(() =>
      reporter.assessments.transition({ unitId, year: 2022, version: record.version, action: 'appraise' }),
    );
    expect(cannot.code).toBe('FORBIDDEN');

    const file = await officer.assessments.get({ unitId, year: 2022 });
    expect(file.actions).toEqual(['return', 'appraise']);
    record = await officer.assessments.transition({
      unitId,
      year: 2022,
      version: record.version,
      action: 'appraise',
      note: 'Hồ sơ đầy đủ',
    });
    const decision = {
      number: '45/QĐ-UBND',
      date: '2022-12-20',
      authority: 'UBND xã Quảng Thủy',
      certificateNumber: 'GCN-45',
    };
    const notMet = await failure(() =>
      officer.assessments.transition({ unitId, year: 2022, version: record.version, action: 'recognise', decision }),
    );
    expect(notMet.code).toBe('CONFLICT');
    expect(notMet.data.text.en).toContain('does not meet the standard');
    await fileReports(unitId);
    const noDecision = await failure(() =>
      officer.assessments.transition({ unitId, year: 2022, version: record.version, action: 'recognise' }),
    );
    expect(noDecision.code).toBe('BAD_REQUEST');
    expect(noDecision.data.fieldErrors?.[0]?.path).toBe('decision');
    record = await officer.assessments.transition({
      unitId,
      year: 2022,
      version: record.version,
      action: 'recognise',
      decision,
    });
    expect(record).toMatchObject({
      status: 'recognised',
      isLocked: true,
      decided: { number: '45/QĐ-UBND', authority: 'UBND xã Quảng Thủy', by: env.users.commune_officer.id },
    });

    const locked = await failure(() =>
      officer.assessments.saveAnswers({ unitId, year: 2022, version: record.version, answers: fullVillageAnswers }),
    );
    expect(locked.code).toBe('CONFLICT');
    expect(locked.data.text.vi).toContain('bị khóa');
    // Nor can the data behind it change: an incident in its window, a report of its window.
    const incident = await failure(() =>
      officer.incidents.create({
        unitId,
        occurredOn: '2022-05-01',
        criterionCode: 'KDC-3',
        item: 'e',
        description: 'x',
      }),
    );
    expect(incident.code).toBe('CONFLICT');
    const report = await failure(() =>
      officer.reports.submit({ unitId, year: 2022, quarter: 2, counts: { ...quietQuarter, crimes: 9 }, notes: null }),
    );
    expect(report.code).toBe('CONFLICT');
    expect((await officer.assessments.get({ unitId, year: 2022 })).evaluation.result).toBe('DAT');
    const audit = await env.callerFor('admin').audit.list({ entity: 'assessment', entityId: String(record.id) });
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'assessment.register',
      'assessment.answers',
      'assessment.selfAssess',
      'assessment.submit',
      'assessment.appraise',
      'assessment.recognise',
    ]);
  });

  it('explains an invalid transition in words', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-2');
    const officer = env.callerFor('commune_officer');
    const record = await officer.assessments.register({ unitId, year: 2022 });
    const { code, data } = await failure(() =>
      officer.assessments.transition({
        unitId,
        year: 2022,
        version: record.version,
        action: 'recognise',
        decision: { number: '1', date: '2022-12-20', authority: 'UBND' },
      }),
    );
    expect(code).toBe('CONFLICT');
    expect(data.text).toEqual({
      vi: 'Không thể công nhận: hồ sơ đang ở trạng thái "Đã đăng ký".',
      en: 'Cannot recognise: the file is "Registered".',
    });
  });

  it('refuses a stale version instead of overwriting a concurrent edit', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-3');
    const officer = env.callerFor('commune_officer');
    const record = await officer.assessments.register({ unitId, year: 2022 });
    const [first, second] = await Promise.allSettled([
      officer.assessments.saveAnswers({
        unitId,
        year: 2022,
        version: record.version,
        answers: { 'KDC-2': fullVillageAnswers['KDC-2'] },
      }),
      officer.assessments.saveAnswers({
        unitId,
        year: 2022,
        version: record.version,
        answers: { 'KDC-5': fullVillageAnswers['KDC-5'] },
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    const stale = await failure(() =>
      officer.assessments.saveAnswers({ unitId, year: 2022, version: record.version, answers: {} }),
    );
    expect(stale.code).toBe('CONFLICT');
    const stored = await officer.assessments.get({ unitId, year: 2022 });
    expect(Object.keys(stored.record!.answers)).toHaveLength(1);
    expect(stored.record!.version).toBe(2);
  });

  it('refuses wrong answers with the reason and writes nothing', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-4');
    const officer = env.callerFor('commune_officer');
    const record = await officer.assessments.register({ unitId, year: 2022 });
    const wrong = await failure(() =>
      officer.assessments.saveAnswers({
        unitId,
        year: 2022,
        version: record.version,
        answers: {
          'KDC-1': {
            answer: { checks: { resolution: true }, numerator: 300, denominator: 200 },
            evidence: { note: null, links: [] },
          },
          'KDC-2': fullVillageAnswers['KDC-2'],
        },
      }),
    );
    expect(wrong.code).toBe('BAD_REQUEST');
    expect(wrong.data.text.vi).toContain('Tử số (300) lớn hơn mẫu số (200)');
    const badLink = await failure(() =>
      officer.assessments.saveAnswers({
        unitId,
        year: 2022,
        version: record.version,
        answers: { 'KDC-2': { answer: { checks: {} }, evidence: { note: null, links: ['javascript:alert(1)'] } } },
      }),
    );
    expect(badLink.code).toBe('BAD_REQUEST');
    const stored = await officer.assessments.get({ unitId, year: 2022 });
    expect(stored.record).toMatchObject({ version: 1, answers: {} });
  });

  it('refuses to register an excluded unit, saying why', async () => {
    await env.handle.db
      .updateTable('units')
      .set({ school_level: 'primary' })
      .where('id', '=', env.unitId('CSGD-BD-THCS2-13'))
      .execute();
    const { code, data } = await failure(() =>
      env.callerFor('province_officer').assessments.register({ unitId: env.unitId('CSGD-BD-THCS2-13'), year: 2022 }),
    );
    expect(code).toBe('BAD_REQUEST');
    expect(data.text.vi).toContain('không thể đăng ký');
  });

  it('computes the result from the answers: a village with a disqualifying incident is not met', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-5');
    const officer = env.callerFor('commune_officer');
    const record = await officer.assessments.register({ unitId, year: 2022 });
    await officer.assessments.saveAnswers({ unitId, year: 2022, version: record.version, answers: fullVillageAnswers });
    await fileReports(unitId);
    expect((await officer.assessments.get({ unitId, year: 2022 })).evaluation.result).toBe('DAT');
    await officer.incidents.create({
      unitId,
      occurredOn: '2022-10-31',
      criterionCode: 'KDC-3',
      item: 'e',
      description: 'Tranh chấp kéo dài',
    });
    const after = await officer.assessments.get({ unitId, year: 2022 });
    expect(after.evaluation.result).toBe('CHUA_DAT');
    expect(after.incidents).toHaveLength(1);
    // 1 November belongs to the next year's window.
    await officer.incidents.create({
      unitId,
      occurredOn: '2022-11-01',
      criterionCode: 'KDC-3',
      item: 'e',
      description: 'Vụ khác',
    });
    expect((await officer.assessments.get({ unitId, year: 2022 })).incidents).toHaveLength(1);
  });

  it('a file flagged by the catalogue correction shows what to re-answer; a changed answer leaves the list', async () => {
    // a year no other test touches for this village: its KDC-5 answer must be new for the first save to
    // count as a review (the stale-version test above saves KDC-5 of 2022 or not, whichever write wins)
    const unitId = env.unitId('KDC-QB-BD-QTHUY-3');
    const year = 2024;
    const officer = env.callerFor('commune_officer');
    let record = await officer.assessments.register({ unitId, year });
    expect(record.answers['KDC-5']).toBeUndefined();
    // as migration 2026-12-01-1002 leaves a file written under the old KDC-5
    await env.handle.db
      .updateTable('assessments')
      .set({ criteria_to_review: JSON.stringify(['KDC-4', 'KDC-5']) })
      .where('id', '=', record.id)
      .execute();
    record = (await officer.assessments.get({ unitId, year })).record!;
    expect(record.criteriaToReview).toEqual(['KDC-4', 'KDC-5']);
    record = await officer.assessments.saveAnswers({
      unitId,
      year,
      version: record.version,
      answers: { 'KDC-5': fullVillageAnswers['KDC-5'] },
    });
    expect(record.criteriaToReview).toEqual(['KDC-4']);
    expect(record.answers['KDC-5']?.evidence.note).toBe('Quyết định xếp loại số 12/QĐ-UBND');
    // saving the same answer again is not a review
    record = await officer.assessments.saveAnswers({
      unitId,
      year,
      version: record.version,
      answers: { 'KDC-5': fullVillageAnswers['KDC-5'] },
    });
    expect(record.criteriaToReview).toEqual(['KDC-4']);
  });

  it('a serious crime promptly detected, handled and reported does not disqualify (KDC-4 b), and says who decided it', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-6');
    const officer = env.callerFor('commune_officer');
    const record = await officer.assessments.register({ unitId, year: 2022 });
    await officer.assessments.saveAnswers({ unitId, year: 2022, version: record.version, answers: fullVillageAnswers });
    await fileReports(unitId);
    const handled = await officer.incidents.create({
      unitId,
      occurredOn: '2022-05-02',
      criterionCode: 'KDC-4',
      item: 'b',
      exception: 'handled_promptly',
      description: 'Cố ý gây thương tích; bắt giữ và báo cáo ngay',
    });
    expect(handled).toMatchObject({ exception: 'handled_promptly', exceptionDecidedBy: env.users.commune_officer.id });
    let file = await officer.assessments.get({ unitId, year: 2022 });
    expect(file.evaluation.result).toBe('DAT');
    expect(
      file.evaluation.criteria
        .find((c) => c.code === 'KDC-4')
        ?.reasons.map((r) => r.vi)
        .join(' | '),
    ).toContain('không tính: đã kịp thời phát hiện, xử lý');
    // without the exception the same crime disqualifies
    await officer.incidents.create({
      unitId,
      occurredOn: '2022-06-02',
      criterionCode: 'KDC-4',
      item: 'b',
      description: 'Cướp tài sản',
    });
    file = await officer.assessments.get({ unitId, year: 2022 });
    expect(file.evaluation.result).toBe('CHUA_DAT');
    // an exception the item does not admit is refused: (c) a new hot spot has none
    const refused = await failure(() =>
      officer.incidents.create({
        unitId,
        occurredOn: '2022-06-03',
        criterionCode: 'KDC-4',
        item: 'c',
        exception: 'force_majeure',
        description: 'Tụ điểm mới',
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.data.text.vi).toContain('không có ngoại lệ');
    const noPart = await failure(() =>
      officer.incidents.create({
        unitId,
        occurredOn: '2022-06-03',
        criterionCode: 'KDC-4',
        item: 'a',
        description: 'x',
      }),
    );
    expect(noPart.data.text.en).toContain('Choose an item of KDC-4: b, c, d');
    // decided later: the robbery was promptly detected, handled and reported; another officer decides it
    const robbery = (await officer.incidents.list({ unitId, from: '2022-06-02', to: '2022-06-02' }))[0]!;
    const decided = await env
      .callerFor('province_officer')
      .incidents.setException({ incidentId: robbery.id, exception: 'handled_promptly' });
    expect(decided).toMatchObject({ exception: 'handled_promptly', exceptionDecidedBy: env.users.province_officer.id });
    expect((await officer.assessments.get({ unitId, year: 2022 })).evaluation.result).toBe('DAT');
    const audit = await env.callerFor('admin').audit.list({ entity: 'incident', entityId: String(robbery.id) });
    expect(audit.map((a) => a.action)).toEqual(['incident.exception', 'incident.create']);
    // withdrawn: it counts again
    await officer.incidents.setException({ incidentId: robbery.id, exception: null });
    expect((await officer.assessments.get({ unitId, year: 2022 })).evaluation.result).toBe('CHUA_DAT');
  });

  it('gives the engine input so the browser computes the same result with core, and lists the unit history', async () => {
    const unitId = env.unitId('KDC-QB-BD-QTHUY-5');
    const officer = env.callerFor('commune_officer');
    const file = await officer.assessments.get({ unitId, year: 2022 });
    const catalogue = findCatalogue(file.record!.catalogueId)!;
    expect(evaluateUnit(file.evaluationInput, { catalogue })).toEqual(file.evaluation);
    // Answers changed in the browser: the engine says what the server will say once they are saved.
    const edited = { ...file.evaluationInput, incidents: [] };
    expect(evaluateUnit(edited, { catalogue }).result).toBe('DAT');

    const history = await officer.assessments.history({ unitId });
    expect(history.map((h) => [h.year, h.status, h.result])).toEqual([[2022, 'registered', 'CHUA_DAT']]);
    const other = await failure(() => officer.assessments.history({ unitId: env.unitId('KDC-QB-BD-QVAN-1') }));
    expect(other.code).toBe('FORBIDDEN');
  });
});

describe('grading', () => {
  it('saves scores with a version check and computes the grade live', async () => {
    const unitId = env.unitId('XA-QB-BD-QTHUY');
    const officer = env.callerFor('province_officer');
    const empty = await officer.grading.get({ unitId, year: 2022 });
    expect(empty.sheet).toBeNull();
    expect(empty.result.total).toBe(0);
    const items = empty.template.groups.flatMap((g) => g.items);
    const scores = Object.fromEntries(items.map((i) => [i.code, { self: i.maxPoints, verified: i.maxPoints }]));
    const saved = await officer.grading.saveScores({
      unitId,
      year: 2022,
      templateId: empty.template.id,
      version: null,
      scores,
    });
    const graded = await officer.grading.get({ unitId, year: 2022 });
    expect(graded.result.itemsTotal).toBe(100);
    const stale = await failure(() =>
      officer.grading.saveScores({ unitId, year: 2022, templateId: empty.template.id, version: null, scores }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(saved.version).toBe(1);
    const village = await env
      .callerFor('unit_reporter')
      .grading.get({ unitId: env.unitId('KDC-QB-BD-QTHUY-1'), year: 2023 });
    const firstItem = village.template.groups[0]!.items[0]!.code;
    const reporterVerified = await failure(() =>
      env.callerFor('unit_reporter').grading.saveScores({
        unitId: village.unit.id,
        year: 2023,
        templateId: village.template.id,
        version: null,
        scores: { [firstItem]: { self: 1, verified: 1 } },
      }),
    );
    expect(reporterVerified.code).toBe('FORBIDDEN');
    // A self score above the item's maximum is refused (the engine would only clamp it): nothing is saved.
    const tooHigh = await failure(() =>
      env.callerFor('unit_reporter').grading.saveScores({
        unitId: village.unit.id,
        year: 2023,
        templateId: village.template.id,
        version: null,
        scores: { [firstItem]: { self: 100 } },
      }),
    );
    expect(tooHigh.code).toBe('BAD_REQUEST');
    expect(tooHigh.data.text.vi).toBe(
      `Điểm vượt quá điểm tối đa của mục: ${firstItem} (100 > ${village.template.groups[0]!.items[0]!.maxPoints})`,
    );
    expect(reporterVerified.data.text.en).toBe('Verified scores are given by the level above.');
    const selfOnly = await env.callerFor('unit_reporter').grading.saveScores({
      unitId: village.unit.id,
      year: 2023,
      templateId: village.template.id,
      version: null,
      scores: { [firstItem]: { self: 1 } },
    });
    expect(selfOnly.scores[firstItem]).toEqual({ self: 1, verified: null });
    // The officer verifies; the reporter then corrects the self score: the verified score stays.
    const verified = await env.callerFor('commune_officer').grading.saveScores({
      unitId: village.unit.id,
      year: 2023,
      templateId: village.template.id,
      version: selfOnly.version,
      scores: { [firstItem]: { verified: 0.5 } },
    });
    const corrected = await env.callerFor('unit_reporter').grading.saveScores({
      unitId: village.unit.id,
      year: 2023,
      templateId: village.template.id,
      version: verified.version,
      scores: { [firstItem]: { self: 2 } },
    });
    expect(corrected.scores[firstItem]).toEqual({ self: 2, verified: 0.5 });
  });
});
