import { insertAreas, insertLineage } from '@antoan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

let env: ApiTestEnvironment;

beforeAll(async () => {
  env = await createApiTestEnvironment();
});
afterAll(() => env.destroy());

describe('areas.tree', () => {
  it('returns Ba Đồn town under Quảng Bình with its 16 communes and wards for the admin', async () => {
    const { date, roots } = await env.callerFor('admin').areas.tree({});
    expect(date).toBe('2021-12-31');
    expect(roots[0]?.name).toBe('Quảng Bình');
    expect(roots[0]?.children[0]?.children).toHaveLength(16);
  });

  it('shows a commune officer only their commune', async () => {
    const { roots } = await env.callerFor('commune_officer').areas.tree({});
    expect(roots.map((r) => r.name)).toEqual(['Quảng Thủy']);
  });

  it('asks an anonymous caller to sign in', async () => {
    const { code, data } = await failure(() => env.callerFor('anonymous').areas.tree({}));
    expect(code).toBe('UNAUTHORIZED');
    expect(data.text.vi).toBe('Vui lòng đăng nhập.');
  });
});

describe('areas.history', () => {
  it('shows what a merged commune came from, and keeps 2021 reportable as it was', async () => {
    const town = env.areaId('QB-BD');
    await env.handle.db
      .updateTable('areas')
      .set({ valid_to: '2025-07-01' })
      .where('code', 'in', ['QB-BD-QTHUY', 'QB-BD-QVAN'])
      .execute();
    const [merged] = await insertAreas(env.handle.db, [
      {
        code: 'QB-BD-MERGED',
        name: 'Xã Quảng Thủy Văn',
        kind: 'xa',
        level: 'commune',
        parentId: town,
        validFrom: '2025-07-01',
        validTo: null,
      },
    ]);
    for (const code of ['QB-BD-QTHUY', 'QB-BD-QVAN']) {
      await insertLineage(env.handle.db, {
        predecessorId: env.areaId(code),
        successorId: merged!.id,
        event: 'merge',
        effectiveDate: '2025-07-01',
        note: null,
      });
    }
    const history = await env.callerFor('admin').areas.history({ areaId: merged!.id });
    expect(history.predecessors.map((p) => p.other.name).sort()).toEqual(['Quảng Thủy', 'Quảng Văn']);
    const tree2021 = await env.callerFor('admin').areas.tree({ date: '2021-12-31' });
    const tree2026 = await env.callerFor('admin').areas.tree({ date: '2026-01-01' });
    const names = (t: typeof tree2021) => t.roots[0]!.children[0]!.children.map((c) => c.name);
    expect(names(tree2021)).toContain('Quảng Thủy');
    expect(names(tree2021)).not.toContain('Xã Quảng Thủy Văn');
    expect(names(tree2026)).toContain('Xã Quảng Thủy Văn');
    expect(names(tree2026)).not.toContain('Quảng Thủy');
    await env.handle.db.deleteFrom('area_lineage').execute();
    await env.handle.db
      .updateTable('areas')
      .set({ valid_to: null })
      .where('code', 'in', ['QB-BD-QTHUY', 'QB-BD-QVAN'])
      .execute();
  });
});

describe('units.list', () => {
  it('finds Quảng Thủy from "quang thuy"', async () => {
    const page = await env.callerFor('admin').units.list({ search: 'xa quang thuy' });
    expect(page.items.map((u) => u.name)).toEqual(['Xã Quảng Thủy']);
    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 1 });
    const schools = await env.callerFor('admin').units.list({ search: 'THCS quang thuy', types: ['CSGD'] });
    expect(schools.items.map((u) => u.name)).toEqual(['Trường THCS Quảng Thủy', 'Trường Tiểu học và THCS Quảng Thủy']);
  });

  it('lists the units of an area subtree', async () => {
    const page = await env
      .callerFor('viewer')
      .units.list({ areaId: env.areaId('QB-BD'), types: ['XA'], pageSize: 100 });
    expect(page.total).toBe(16);
  });

  it('keeps a commune officer inside their commune', async () => {
    const own = await env.callerFor('commune_officer').units.list({ pageSize: 500 });
    expect(own.items.map((u) => u.name)).toEqual(expect.arrayContaining(['Thôn 1', 'Thôn 6', 'Xã Quảng Thủy']));
    expect(new Set(own.items.map((u) => u.areaId))).toEqual(new Set([env.areaId('QB-BD-QTHUY')]));
    const { code, data } = await failure(() =>
      env.callerFor('commune_officer').units.list({ areaId: env.areaId('QB-BD-QVAN') }),
    );
    expect(code).toBe('FORBIDDEN');
    expect(data.text.en).toBe('This data is outside the area assigned to you.');
    const other = await failure(() =>
      env.callerFor('commune_officer').units.get({ unitId: env.unitId('KDC-QB-BD-QVAN-1') }),
    );
    expect(other.code).toBe('FORBIDDEN');
  });

  it('gives a unit reporter no area figures: not the commune summary, models, awards or tree', async () => {
    const reporter = env.callerFor('unit_reporter');
    expect((await failure(() => reporter.stats.summary({ year: 2021 }))).code).toBe('FORBIDDEN');
    expect((await failure(() => reporter.stats.summary({ areaId: env.areaId('QB-BD-QTHUY'), year: 2021 }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failure(() => reporter.models.list({}))).code).toBe('FORBIDDEN');
    expect((await failure(() => reporter.awards.list({}))).code).toBe('FORBIDDEN');
    expect((await reporter.areas.tree({})).roots).toEqual([]);
    expect((await reporter.assessments.get({ unitId: env.unitId('KDC-QB-BD-QTHUY-1'), year: 2021 })).unit.code).toBe(
      'KDC-QB-BD-QTHUY-1',
    );
  });

  it('shows a unit reporter only their own unit', async () => {
    const page = await env.callerFor('unit_reporter').units.list({});
    expect(page.items.map((u) => u.code)).toEqual(['KDC-QB-BD-QTHUY-1']);
    const { code } = await failure(() =>
      env.callerFor('unit_reporter').units.get({ unitId: env.unitId('XA-QB-BD-QTHUY') }),
    );
    expect(code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for an unknown area', async () => {
    const { code, data } = await failure(() => env.callerFor('admin').units.list({ areaId: 999_999 }));
    expect(code).toBe('NOT_FOUND');
    expect(data.text.vi).toContain('Không tìm thấy địa bàn');
  });

  it.each([
    ['a negative page', { page: -1 }, 'page'],
    ['a page size of 10^6', { pageSize: 1_000_000 }, 'pageSize'],
    ['an unknown type code', { types: ['XYZ'] }, 'types.0'],
    ['a 100 kB search string', { search: 'a'.repeat(100_000) }, 'search'],
    ['a fractional page', { page: 1.5 }, 'page'],
    ['an unknown field', { pageNumber: 2 }, ''],
    ['an impossible date', { date: '2021-02-30' }, 'date'],
  ])('answers BAD_REQUEST with field errors for %s', async (_name, input, path) => {
    const { code, data } = await failure(() => env.callerFor('admin').units.list(input as never));
    expect(code).toBe('BAD_REQUEST');
    expect(data.httpStatus).toBe(400);
    expect(data.fieldErrors?.map((e) => e.path)).toContain(path);
    const fieldError = data.fieldErrors!.find((e) => e.path === path)!;
    expect(fieldError.message.vi).not.toBe('');
    expect(fieldError.message.en).not.toBe('');
    expect(fieldError.message.vi).not.toBe(fieldError.message.en);
  });
});

describe('units.byIds', () => {
  it('returns the units asked for that lie in the caller scope, leaving the others out', async () => {
    const own = env.unitId('KDC-QB-BD-QTHUY-1');
    const other = env.unitId('KDC-QB-BD-QVAN-1');
    const asAdmin = await env.callerFor('admin').units.byIds({ unitIds: [own, other, 2_000_000] });
    expect(asAdmin.map((u) => u.id).sort((a, b) => a - b)).toEqual([own, other].sort((a, b) => a - b));
    const asOfficer = await env.callerFor('commune_officer').units.byIds({ unitIds: [own, other] });
    expect(asOfficer.map((u) => u.code)).toEqual(['KDC-QB-BD-QTHUY-1']);
    const asReporter = await env
      .callerFor('unit_reporter')
      .units.byIds({ unitIds: [own, env.unitId('KDC-QB-BD-QTHUY-2')] });
    expect(asReporter.map((u) => u.id)).toEqual([own]);
  });
});

describe('who recognises a unit (Art. 10)', () => {
  it('delegation one level down and ministry monitoring are set by senior officers, audited, and counted in XA-4', async () => {
    const officer = env.callerFor('province_officer');
    const agency = env.unitId('CQ-BD-09');
    expect(await officer.units.recognitionAuthority({ unitId: agency, date: '2022-11-19' })).toMatchObject({
      level: 'district',
      delegated: false,
    });
    const after = await officer.units.setRecognition({
      unitId: agency,
      isMinistryMonitored: false,
      isRecognitionDelegated: true,
    });
    expect(after).toMatchObject({ isRecognitionDelegated: true, isMinistryMonitored: false });
    expect(await officer.units.recognitionAuthority({ unitId: agency, date: '2022-11-19' })).toMatchObject({
      level: 'commune',
      delegated: true,
    });
    await officer.units.setRecognition({ unitId: agency, isMinistryMonitored: true, isRecognitionDelegated: false });
    expect(await officer.units.recognitionAuthority({ unitId: agency, date: '2022-11-19' })).toMatchObject({
      level: 'ministry',
      source: 'Điều 10 Thông tư 124/2021/TT-BCA',
    });
    const audit = await env.callerFor('admin').audit.list({ entity: 'unit', entityId: String(agency) });
    expect(audit.map((a) => a.action)).toEqual(['unit.recognition', 'unit.recognition']);
    const refused = await failure(() =>
      officer.units.setRecognition({
        unitId: env.unitId('KDC-QB-BD-QHAI-1'),
        isMinistryMonitored: false,
        isRecognitionDelegated: true,
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    const commune = await env
      .callerFor('viewer')
      .units.recognitionAuthority({ unitId: env.unitId('XA-QB-BD-QHAI'), date: '2025-11-19' });
    expect(commune).toMatchObject({ level: 'province', verified: false });
  });
});
