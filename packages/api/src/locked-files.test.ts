import { getAreaSummary, verifyResults } from '@antoan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from './testing.js';

// Issues 15 and 17 (point 3): a recognised, locked file cannot change indirectly. Tried as a hostile commune
// officer would: a 2021 incident recorded on a village whose own file was not recognised used to turn its
// recognised, locked commune "chưa đạt" (XA-2: KDC-3 must hold in every village) and the town's 2021 figure
// from 15/16 to 14/16. The fact is recorded; the commune keeps its recorded Đạt with the other result beside
// it, and the figures hold until the commune's file is unlocked (audited). Runs on SQLite, and on PostgreSQL
// when DATABASE_URL is set.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
}, 60_000);
afterAll(() => env.destroy());

const TODAY = '2026-11-20';
const rates = (summary: { units: { byType: Record<string, { recognitionRate: { text: string } | null }> } }) =>
  Object.fromEntries(Object.entries(summary.units.byType).map(([type, s]) => [type, s.recognitionRate?.text]));

describe('a recognised, locked file', () => {
  it('keeps its result when a later fact on one of its villages contradicts it, shows the other beside it, and moves only once unlocked', async () => {
    const db = env.handle.db;
    const town = env.areaId('QB-BD');
    const commune = env.unitId('XA-QB-BD-QTHUAN');
    const village = env.unitId('KDC-QB-BD-QTHUAN-2'); // failed 2021 (pledges): its file was not recognised
    const admin = env.callerFor('admin');
    const before = await getAreaSummary(db, town, 2021, TODAY);
    expect(rates(before)).toMatchObject({ XA: '15/16', KDC: '92/95' });
    const communeFile = await admin.assessments.get({ unitId: commune, year: 2021 });
    expect(communeFile.record).toMatchObject({ status: 'recognised', isLocked: true });
    expect(communeFile.evaluation.result).toBe('DAT');
    expect((await admin.assessments.get({ unitId: village, year: 2021 })).record?.isLocked).toBe(false);

    // the fact is recorded, never lost
    await admin.incidents.create({
      unitId: village,
      occurredOn: '2021-08-20',
      criterionCode: 'KDC-3',
      item: 'e',
      description: 'Tranh chấp đất đai kéo dài, ghi nhận sau khi đã công nhận',
    });
    const flagged = await admin.assessments.get({ unitId: commune, year: 2021 });
    expect(flagged.evaluation.result).toBe('DAT');
    expect(flagged.evaluation.computedResult).toBe('CHUA_DAT');
    expect(flagged.evaluation.summary.vi).toMatch(/^Đạt theo quyết định đã khóa; số liệu hiện nay cho: Chưa đạt/);
    expect(rates(await getAreaSummary(db, town, 2021, TODAY))).toEqual(rates(before));
    // the printed annual report of 2021 reads the same stored figures
    expect((await verifyResults(db, { now: new Date(`${TODAY}T03:00:00Z`) })).differences).toEqual([]);

    // locking again an unlocked file that does not meet the standard is refused, saying why
    await admin.assessments.setLocked({
      unitId: commune,
      year: 2021,
      version: flagged.record!.version,
      isLocked: false,
      reason: 'Rà soát lại sau vụ tranh chấp ghi nhận muộn',
    });
    const opened = await admin.assessments.get({ unitId: commune, year: 2021 });
    expect(opened.evaluation.result).toBe('CHUA_DAT');
    expect(opened.evaluation.computedResult).toBeUndefined();
    expect(rates(await getAreaSummary(db, town, 2021, TODAY))).toMatchObject({ XA: '14/16', KDC: '92/95' });
    const relock = await failure(() =>
      admin.assessments.setLocked({
        unitId: commune,
        year: 2021,
        version: opened.record!.version,
        isLocked: true,
        reason: 'Khóa lại',
      }),
    );
    expect(relock.code).toBe('CONFLICT');
    expect(relock.data.text.vi).toMatch(/^Không thể khóa lại: theo dữ liệu đã nhập, đơn vị chưa đạt/);

    // the audit log holds the unlock with its reason
    const audit = await db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'assessment')
      .where('entity_id', '=', String(opened.record!.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('assessment.unlock');
    expect((await verifyResults(db, { now: new Date(`${TODAY}T03:00:00Z`) })).differences).toEqual([]);
  }, 60_000);

  it('refuses an edit of answers that would change a locked file of another unit, naming it, and writes nothing', async () => {
    const admin = env.callerFor('admin');
    const commune = env.unitId('XA-QB-BD-QTIEN');
    const communeFile = await admin.assessments.get({ unitId: commune, year: 2022 });
    expect(communeFile.record).toMatchObject({ status: 'recognised', isLocked: true });
    // a village of the commune, not itself locked: its file answered with a failing KDC-3 (XA-2)
    const villages = await env.handle.db
      .selectFrom('units')
      .innerJoin('assessments', 'assessments.unit_id', 'units.id')
      .select(['units.id', 'assessments.is_locked', 'assessments.version'])
      .where('units.area_id', '=', env.areaId('QB-BD-QTIEN'))
      .where('units.type', '=', 'KDC')
      .where('assessments.year', '=', 2022)
      .orderBy('units.id')
      .execute();
    const open = villages.find((v) => v.is_locked === 0);
    const target = open ?? villages[0]!;
    if (!open) {
      // every village is recognised in the demo: unlock one first (an audited act that changes nothing yet)
      await admin.assessments.setLocked({
        unitId: target.id,
        year: 2022,
        version: target.version,
        isLocked: false,
        reason: 'Mở để sửa câu trả lời',
      });
    }
    const file = (await admin.assessments.get({ unitId: target.id, year: 2022 })).record!;
    const kdc2 = file.answers['KDC-2'];
    // KDC-2 not carried out in one village fails the commune's XA-2 (every village meets KDC-2, 3 and 4)
    const error = await failure(() =>
      admin.assessments.saveAnswers({
        unitId: target.id,
        year: 2022,
        version: file.version,
        answers: { 'KDC-2': { answer: { checks: { 'carried-out': false } }, evidence: { note: null, links: [] } } },
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.data.text.vi).toMatch(
      /^Không lưu được: thay đổi này làm đổi kết quả của hồ sơ đã công nhận và đã khóa: .*Quảng Tiên năm 2022 \(Đạt → Chưa đạt\)/,
    );
    const after = (await admin.assessments.get({ unitId: target.id, year: 2022 })).record!;
    expect(after.version).toBe(file.version);
    expect(after.answers['KDC-2']).toEqual(kdc2);
    expect((await admin.assessments.get({ unitId: commune, year: 2022 })).evaluation.result).toBe('DAT');
  }, 60_000);
});
