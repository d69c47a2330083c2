import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
});
afterAll(() => env.destroy());

const counts = {
  crimes: 1,
  socialEvils: 0,
  firesExplosionsAccidents: 0,
  propagandaSessions: 4,
  peopleReached: 320,
  tipOffs: 2,
  newModels: 0,
  meetings: 3,
};

describe('incidents', () => {
  it('are recorded by the commune officer for their villages, audited, and listed by window', async () => {
    const officer = env.callerFor('commune_officer');
    const village = env.unitId('KDC-QB-BD-QTHUY-1');
    const incident = await officer.incidents.create({
      unitId: village,
      occurredOn: '2021-10-31',
      criterionCode: 'KDC-3',
      item: 'e',
      description: 'Tranh chấp đất đai kéo dài giữa hai hộ',
    });
    expect(incident).toMatchObject({ unitId: village, item: 'e', criterionCode: 'KDC-3' });
    const inWindow = await officer.incidents.list({ unitId: village, from: '2020-11-01', to: '2021-10-31' });
    expect(inWindow.map((i) => i.id)).toEqual([incident.id]);
    const nextWindow = await officer.incidents.list({ unitId: village, from: '2021-11-01', to: '2022-10-31' });
    expect(nextWindow).toEqual([]);
    const audit = await env.callerFor('admin').audit.list({ entity: 'incident', entityId: String(incident.id) });
    expect(audit.map((a) => a.action)).toEqual(['incident.create']);
  });

  it('must name a disqualifying criterion of the unit type and one of its items', async () => {
    const officer = env.callerFor('commune_officer');
    const unitId = env.unitId('KDC-QB-BD-QTHUY-2');
    const notDisqualifying = await failure(() =>
      officer.incidents.create({
        unitId,
        occurredOn: '2021-05-01',
        criterionCode: 'KDC-2',
        item: null,
        description: 'x',
      }),
    );
    expect(notDisqualifying.data.text.en).toBe(
      'KDC-2 is not a disqualifying criterion for KDC in catalogue tt23-2012.',
    );
    const otherType = await failure(() =>
      officer.incidents.create({
        unitId,
        occurredOn: '2021-05-01',
        criterionCode: 'CQDN-3',
        item: 'a',
        description: 'x',
      }),
    );
    expect(otherType.code).toBe('BAD_REQUEST');
    const noItem = await failure(() =>
      officer.incidents.create({
        unitId,
        occurredOn: '2021-05-01',
        criterionCode: 'KDC-3',
        item: null,
        description: 'x',
      }),
    );
    expect(noItem.data.text.vi).toMatch(/^Chọn một mục của KDC-3: a, b, c, d, đ, e, g/);
  });

  it('cannot be recorded for another commune, nor by a viewer', async () => {
    const other = await failure(() =>
      env.callerFor('commune_officer').incidents.create({
        unitId: env.unitId('KDC-QB-BD-QVAN-1'),
        occurredOn: '2021-05-01',
        criterionCode: 'KDC-3',
        item: 'a',
        description: 'x',
      }),
    );
    expect(other.code).toBe('FORBIDDEN');
    const viewer = await failure(() =>
      env.callerFor('viewer').incidents.create({
        unitId: env.unitId('KDC-QB-BD-QTHUY-1'),
        occurredOn: '2021-05-01',
        criterionCode: 'KDC-3',
        item: 'a',
        description: 'x',
      }),
    );
    expect(viewer.code).toBe('FORBIDDEN');
  });
});

describe('quarterly reports', () => {
  it('are filed by the reporter for their own unit, and filing again replaces the counts', async () => {
    const reporter = env.callerFor('unit_reporter');
    const unitId = env.unitId('KDC-QB-BD-QTHUY-1');
    await reporter.reports.submit({ unitId, year: 2021, quarter: 2, counts, notes: 'Quý ổn định' });
    const second = await reporter.reports.submit({
      unitId,
      year: 2021,
      quarter: 2,
      counts: { ...counts, crimes: 0 },
      notes: null,
    });
    const reports = await reporter.reports.list({ year: 2021 });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      id: second.id,
      quarter: 2,
      counts: { crimes: 0, peopleReached: 320 },
      notes: null,
    });
    const audit = await env.callerFor('admin').audit.list({ entity: 'quarterly_report', entityId: String(second.id) });
    expect(audit[0]).toMatchObject({
      action: 'report.submit',
      before: { counts: { crimes: 1 } },
      after: { counts: { crimes: 0 } },
    });
  });

  it('refuses another unit and bad counts, writing nothing', async () => {
    const reporter = env.callerFor('unit_reporter');
    const other = await failure(() =>
      reporter.reports.submit({ unitId: env.unitId('XA-QB-BD-QTHUY'), year: 2021, quarter: 1, counts, notes: null }),
    );
    expect(other.code).toBe('FORBIDDEN');
    const bad = await failure(() =>
      reporter.reports.submit({
        unitId: env.unitId('KDC-QB-BD-QTHUY-1'),
        year: 2021,
        quarter: 5,
        counts: { ...counts, crimes: -1 },
        notes: null,
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.data.fieldErrors?.map((e) => e.path).sort()).toEqual(['counts.crimes', 'quarter']);
    const rows = await env.handle.db.selectFrom('quarterly_reports').select('quarter').execute();
    expect(rows.map((r) => r.quarter)).toEqual([2]);
  });
});

describe('models and awards', () => {
  it('finds a model by a search without diacritics, within the user’s area', async () => {
    await env.callerFor('commune_officer').models.create({
      name: 'Thôn, TDP nói không với pháo',
      category: 'Tự quản',
      areaId: env.areaId('QB-BD-QTHUY'),
      startedOn: '2021-01-15',
      sites: 5,
      teams: 5,
    });
    const found = await env.callerFor('viewer').models.list({ search: 'noi khong voi phao' });
    expect(found.map((m) => m.name)).toEqual(['Thôn, TDP nói không với pháo']);
    const elsewhere = await failure(() =>
      env
        .callerFor('commune_officer')
        .models.create({ name: 'x', category: 'y', areaId: env.areaId('QB-BD-QVAN'), startedOn: '2021-01-01' }),
    );
    expect(elsewhere.code).toBe('FORBIDDEN');
    const backwards = await failure(() =>
      env.callerFor('commune_officer').models.create({
        name: 'x',
        category: 'y',
        areaId: env.areaId('QB-BD-QTHUY'),
        startedOn: '2021-05-01',
        stoppedOn: '2021-01-01',
      }),
    );
    expect(backwards.data.fieldErrors?.[0]?.message.en).toBe('The stop date must follow the start date');
  });

  it('records awards given by the province and lists them by year', async () => {
    const award = await env.callerFor('province_officer').awards.create({
      kind: 'giay_khen',
      recipientKind: 'collective',
      areaId: env.areaId('QB-BD-QTHUY'),
      unitId: env.unitId('XA-QB-BD-QTHUY'),
      recipientName: 'Công an xã Quảng Thủy',
      issuer: 'Giám đốc Công an tỉnh Quảng Bình',
      year: 2021,
      decisionNumber: '123/QĐ-CAT',
      decisionDate: '2022-03-30',
    });
    expect((await env.callerFor('viewer').awards.list({ year: 2021 })).map((a) => a.id)).toEqual([award.id]);
    expect(await env.callerFor('viewer').awards.list({ year: 2020 })).toEqual([]);
    expect((await failure(() => env.callerFor('commune_officer').awards.delete({ awardId: award.id }))).code).toBe(
      'FORBIDDEN',
    );
    const elsewhere = await failure(() =>
      env.callerFor('province_officer').awards.create({
        kind: 'bang_khen',
        recipientKind: 'collective',
        areaId: env.areaId('QB-BD-QVAN'),
        unitId: env.unitId('XA-QB-BD-QTHUY'),
        recipientName: 'x',
        issuer: 'y',
        year: 2021,
        decisionNumber: '1',
        decisionDate: '2022-01-01',
      }),
    );
    expect(elsewhere.data.text.en).toBe('The unit Xã Quảng Thủy is not in the chosen area.');
  });

  it('edits an award and deletes a model, each audited with before and after, only within the caller’s area', async () => {
    const province = env.callerFor('province_officer');
    const input = {
      kind: 'giay_khen' as const,
      recipientKind: 'individual' as const,
      areaId: env.areaId('QB-BD-QTHUY'),
      unitId: null,
      recipientName: 'Hoàng Văn Kiểm',
      issuer: 'Chủ tịch UBND thị xã Ba Đồn',
      year: 2021,
      decisionNumber: '9/QĐ-UBND',
      decisionDate: '2022-04-05',
    };
    const award = await province.awards.create(input);
    const edited = await province.awards.update({
      awardId: award.id,
      award: { ...input, decisionNumber: '99/QĐ-UBND' },
    });
    expect(edited).toMatchObject({ id: award.id, decisionNumber: '99/QĐ-UBND' });
    const admin = env.callerFor('admin');
    expect((await admin.audit.list({ entity: 'award', entityId: String(award.id) }))[0]).toMatchObject({
      action: 'award.update',
      before: { decisionNumber: '9/QĐ-UBND' },
      after: { decisionNumber: '99/QĐ-UBND' },
    });
    expect(
      (await failure(() => env.callerFor('commune_officer').awards.update({ awardId: award.id, award: input }))).code,
    ).toBe('FORBIDDEN');

    const commune = env.callerFor('commune_officer');
    const model = await commune.models.create({
      name: 'Tổ tự quản nhập nhầm',
      category: 'Tự quản',
      areaId: env.areaId('QB-BD-QTHUY'),
      startedOn: '2021-02-01',
    });
    const theirs = await env.callerFor('admin').models.create({
      name: 'Mô hình của xã khác',
      category: 'Tự quản',
      areaId: env.areaId('QB-BD-QVAN'),
      startedOn: '2021-02-01',
    });
    expect((await failure(() => commune.models.delete({ modelId: theirs.id }))).code).toBe('FORBIDDEN');
    expect((await failure(() => env.callerFor('viewer').models.delete({ modelId: model.id }))).code).toBe('FORBIDDEN');
    expect(await commune.models.delete({ modelId: model.id })).toEqual({ ok: true });
    expect((await env.callerFor('viewer').models.list({ search: 'nhap nham' })).length).toBe(0);
    expect((await admin.audit.list({ entity: 'model', entityId: String(model.id) }))[0]).toMatchObject({
      action: 'model.delete',
      before: { name: 'Tổ tự quản nhập nhầm' },
      after: null,
    });
  });
});
